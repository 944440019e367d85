package httpfault

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/zeroport/zerofault/zero/catalog"
)

// Level returns the log level of a failure. The catalog key's prefix
// says how serious its code is (E Error, W Warn, I Info); the status says
// whose fault it was:
//
//   - 5xx is the service's fault: Error, whatever the prefix.
//   - 4xx is the client's: at most Warn, so that a 404 or a failed
//     validation never pages anyone; an I-key code logs at Info. To
//     quiet the router's 404s, say, redefine E60010 as I60010 in an
//     application catalog (catalog.AllowOverride).
//   - any other status keeps the prefix's level.
//
// A code without a template is logged at Error.
func Level(code, status int) slog.Level {
	return level(catalog.Current(), code, status)
}

func level(cat *catalog.Catalog, code, status int) slog.Level {
	lvl := slog.LevelError
	if e, ok := cat.Lookup(code); ok {
		switch e.Level {
		case catalog.LevelWarn:
			lvl = slog.LevelWarn
		case catalog.LevelInfo:
			lvl = slog.LevelInfo
		}
	}
	switch {
	case status >= 500 && status <= 599:
		return slog.LevelError
	case status >= 400 && status <= 499:
		return min(lvl, slog.LevelWarn)
	}
	return lvl
}

// log writes the failure's record: the exception's log line as message,
// and code, status, target, request_id, method, path, cause (the error
// chain below the exception), plus panic and stack for a panic. A
// failure after the response was committed is logged too, at Debug when
// the committed status already says error (it was answered), at its own
// level otherwise (a response went out as a success and then failed).
// Client errors pass the limiter first.
func (h *Handler) log(r *http.Request, f *fault, id string, committed bool, committedStatus int) {
	lg := h.logger()
	ctx := r.Context()
	if !lg.Enabled(ctx, slog.LevelError) {
		return // no level this could take is on: spare the catalog lookup
	}
	status := f.status()
	lvl := level(f.cat, f.code(), status)
	if committed && committedStatus >= 400 {
		lvl = slog.LevelDebug
	}
	if !lg.Enabled(ctx, lvl) {
		return
	}
	dropped := 0
	if status < 500 && lvl > slog.LevelDebug {
		var ok bool
		if ok, dropped = h.limiter.allow(f.code()); !ok {
			return
		}
	}
	var store [11]slog.Attr
	attrs := append(store[:0],
		slog.Int("code", f.code()),
		slog.Int("status", status),
		slog.String("target", string(f.targetName())),
		slog.String("request_id", id),
		slog.String("method", clip(r.Method)),
		slog.String("path", clip(r.URL.Path)),
	)
	msg := clipTo(f.logLine(), maxText)
	var cause []string
	for _, s := range causes(f.err) {
		if s != msg {
			cause = append(cause, s)
		}
	}
	if len(cause) > 0 {
		attrs = append(attrs, slog.String("cause", strings.Join(cause, "; ")))
	}
	if f.panic != nil {
		attrs = append(attrs, slog.String("panic", fmt.Sprint(f.panic.Value)), slog.String("stack", string(f.panic.Stack)))
	}
	if committed {
		attrs = append(attrs, slog.Bool("committed", true))
	}
	if dropped > 0 {
		attrs = append(attrs, slog.Int("dropped", dropped))
	}
	lg.LogAttrs(ctx, lvl, msg, attrs...)
}

// logLimiter bounds the records of client errors per code and second, so
// that a flood of 404s or failed validations cannot fill a disk. It
// counts what it drops and hands the count to the next record of the
// code that passes.
type logLimiter struct {
	perSecond int          // negative: no limit
	now       func() int64 // the current second; tests set it

	mu    sync.RWMutex
	codes map[int]*limitSlot
}

// limitSlot is one code's window.
type limitSlot struct {
	mu      sync.Mutex
	second  int64
	count   int
	dropped int
}

// maxLimitedCodes bounds the limiter's table: codes come from catalogs,
// but New takes any int, and the table must not grow without end. Codes
// beyond it share one slot.
const maxLimitedCodes = 4096

// allow reports whether a record of code may be written now, and how
// many of its records were dropped since the last one written.
func (l *logLimiter) allow(code int) (ok bool, dropped int) {
	if l.perSecond < 0 {
		return true, 0
	}
	s := l.slot(code)
	var now int64
	if l.now != nil {
		now = l.now()
	} else {
		now = time.Now().Unix()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.second != now {
		s.second, s.count = now, 0
	}
	if s.count >= l.perSecond {
		s.dropped++
		return false, 0
	}
	s.count++
	dropped, s.dropped = s.dropped, 0
	return true, dropped
}

func (l *logLimiter) slot(code int) *limitSlot {
	l.mu.RLock()
	s := l.codes[code]
	l.mu.RUnlock()
	if s != nil {
		return s
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.codes == nil {
		l.codes = make(map[int]*limitSlot)
	}
	if s = l.codes[code]; s == nil {
		if len(l.codes) >= maxLimitedCodes {
			code = 0 // the shared slot
			if s = l.codes[0]; s != nil {
				return s
			}
		}
		s = new(limitSlot)
		l.codes[code] = s
	}
	return s
}
