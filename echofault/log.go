package echofault

import (
	"fmt"
	"log/slog"
	"strings"

	"github.com/labstack/echo/v4"

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
func (h *handler) log(c echo.Context, f *fault, id string, committed bool) {
	lg := h.logger()
	req := c.Request()
	ctx := req.Context()
	lvl := level(f.cat, f.code(), f.status())
	if committed && c.Response().Status >= 400 {
		lvl = slog.LevelDebug
	}
	if !lg.Enabled(ctx, lvl) {
		return
	}
	var store [10]slog.Attr
	attrs := append(store[:0],
		slog.Int("code", f.code()),
		slog.Int("status", f.status()),
		slog.String("target", string(f.targetName())),
		slog.String("request_id", id),
		slog.String("method", req.Method),
		slog.String("path", req.URL.Path),
	)
	msg := f.logLine()
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
	lg.LogAttrs(ctx, lvl, msg, attrs...)
}
