package httpfault

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
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
	e, ok := cat.Lookup(code)
	return levelOf(e.Level, ok, status)
}

// logLevel is the level of f's record (see Level).
func (f *fault) logLevel(status int) slog.Level {
	if f.exc == nil {
		return levelOf(f.entry.Level, true, status) // the entry is at hand
	}
	return level(f.cat, f.code(), status)
}

// levelOf is Level for a code whose entry, if found, has level prefix.
func levelOf(prefix catalog.Level, found bool, status int) slog.Level {
	lvl := slog.LevelError
	if found {
		switch prefix {
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
	var lvl slog.Level
	dropped := 0
	if status >= 400 && status < 500 && !committed && lg.Enabled(ctx, slog.LevelInfo) {
		// A client error logs at Info or Warn, both enabled here: the
		// limiter decides first, so that a record it drops (most of a
		// flood) costs no catalog lookup.
		var ok bool
		if ok, dropped = h.limiter.allow(f.code()); !ok {
			return
		}
		lvl = f.logLevel(status)
	} else {
		lvl = f.logLevel(status)
		if committed && committedStatus >= 400 {
			lvl = slog.LevelDebug
		}
		if !lg.Enabled(ctx, lvl) {
			return
		}
		if status < 500 && lvl > slog.LevelDebug {
			var ok bool
			if ok, dropped = h.limiter.allow(f.code()); !ok {
				return
			}
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
//
// It is on the error path of every client error, so it takes no lock: a
// code's slot is found in a fixed table by probing, and its window is
// kept in atomics. Two records racing at a second's turn may both count
// in the new window; a limit is a bound on disk use, not an exact quota.
type logLimiter struct {
	perSecond int          // negative: no limit
	now       func() int64 // the current second; tests set it

	slots  [limiterSlots]atomic.Pointer[limitSlot]
	shared limitSlot // for codes that find no slot
}

// limitSlot is one code's window.
type limitSlot struct {
	code    int
	second  atomic.Int64 // the window's second
	count   atomic.Int64 // records asked for in the window
	dropped atomic.Int64 // records dropped since the last one written
}

// limiterSlots bounds the limiter's table: codes come from catalogs,
// but New takes any int, and the table must not grow without end. A code
// that finds no free slot within limiterProbes shares one slot with the
// others that found none.
const (
	limiterSlots  = 1024
	limiterProbes = 16
)

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
		// The monotonic clock alone: one clock read where time.Now
		// takes two.
		now = int64(time.Since(limiterEpoch) / time.Second)
	}
	if old := s.second.Load(); old != now && s.second.CompareAndSwap(old, now) {
		s.count.Store(0)
	}
	if s.count.Add(1) > int64(l.perSecond) {
		s.dropped.Add(1)
		return false, 0
	}
	return true, int(s.dropped.Swap(0))
}

// limiterEpoch starts the limiter's seconds.
var limiterEpoch = time.Now()

// slot finds code's slot, claiming a free one for a code seen first.
func (l *logLimiter) slot(code int) *limitSlot {
	i := uint64(code) * 0x9E3779B97F4A7C15 >> 32 // spread nearby codes; 64-bit on every platform
	for probe := range uint64(limiterProbes) {
		p := &l.slots[(i+probe)%limiterSlots]
		s := p.Load()
		if s == nil {
			if p.CompareAndSwap(nil, &limitSlot{code: code}) {
				return p.Load()
			}
			s = p.Load()
		}
		if s.code == code {
			return s
		}
	}
	return &l.shared
}
