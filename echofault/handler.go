package echofault

import (
	"context"
	"log/slog"

	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// Skipper selects requests a middleware leaves alone.
type Skipper func(c echo.Context) bool

// DefaultSkipper skips nothing.
func DefaultSkipper(echo.Context) bool { return false }

// ErrorHandlerConfig configures ErrorHandlerWithConfig. The zero value is
// usable and safe for production; fields left zero take the defaults of
// DefaultErrorHandlerConfig.
type ErrorHandlerConfig struct {
	// Skipper hands the errors of the requests it selects to echo's
	// DefaultHTTPErrorHandler instead. Default: skip nothing.
	Skipper Skipper

	// Logger receives one record per failure. Default: slog.Default(),
	// looked up at each failure, so slog.SetDefault later still counts.
	Logger *slog.Logger

	// Readable localizes the "info" texts. Default: readable.Current(),
	// looked up per request, so readable.Swap takes effect at once.
	Readable *readable.Bundle

	// Rules explains failed validation rules. Default: DefaultRules().
	Rules *Rules

	// LangParam is the query parameter that names the response language
	// ahead of Accept-Language. Default "lang".
	LangParam string

	// DisableLangParam leaves the response language to Accept-Language
	// alone. (LangParam "-" says the same, as it always has.)
	DisableLangParam bool

	// RequestIDHeader is the header a request id travels in, both ways.
	// Default echo.HeaderXRequestID.
	RequestIDHeader string

	// Debug reports whether this request may see debug details: the
	// error chain, the exception's target and class, the stack of a
	// panic, the text of an internal error. Default nil: never. See
	// DebugToken for a header-token predicate.
	Debug func(c echo.Context) bool

	// Development puts the text of internal errors (panics, unknown
	// errors, 5xx HTTPErrors) into the -60007 message of every response,
	// as Debug does for one request. Default false, which is production:
	// the message then says the details are in the log. Never set it in
	// production; the text of an error can hold anything.
	Development bool

	// Target names where the exceptions the handler builds (404, 405,
	// 500, validation, …) arose. Default DefaultTarget. A WebException
	// returned by a handler keeps its own target.
	Target func(c echo.Context) zero.Target

	// Map turns errors into WebExceptions before the handler's own
	// mapping: domain errors (sql.ErrNoRows → a 404 of your own code,
	// say). Return nil to leave an error to the handler. The
	// WebException returned is only read, never modified.
	Map func(err error) *webexc.WebException

	// Formats are the body formats offered, Zero's JSON first by default;
	// see httpfault.Options.Formats.
	Formats []httpfault.Format

	// ProblemTypeBase starts the "type" URI of RFC 9457 answers; see
	// httpfault.Options.ProblemTypeBase.
	ProblemTypeBase string

	// Observe, when set, sees every failure answered: the hook of
	// tracing and metrics. See httpfault.Options.Observe.
	Observe func(ctx context.Context, a *httpfault.Answer)

	// ClientErrorLogLimit bounds the log records of client errors (4xx)
	// per code and second; the next record of a code says how many were
	// dropped. Default 10; negative: no limit.
	ClientErrorLogLimit int
}

// DefaultErrorHandlerConfig is the configuration ErrorHandler uses.
var DefaultErrorHandlerConfig = ErrorHandlerConfig{
	Skipper:         DefaultSkipper,
	LangParam:       "lang",
	RequestIDHeader: echo.HeaderXRequestID,
	Target:          DefaultTarget,
}

// DefaultTarget names the route (its registered path, e.g. "/users/:id")
// as the target, or "Router" when no route matched.
func DefaultTarget(c echo.Context) zero.Target {
	if p := c.Path(); p != "" && p != "/*" {
		return zero.Target(p)
	}
	return httpfault.RouterTarget
}

// ErrorHandler returns an error handler with the default configuration:
//
//	e.HTTPErrorHandler = echofault.ErrorHandler()
func ErrorHandler() echo.HTTPErrorHandler {
	return ErrorHandlerWithConfig(DefaultErrorHandlerConfig)
}

// ErrorHandlerWithConfig returns an error handler configured by cfg.
func ErrorHandlerWithConfig(cfg ErrorHandlerConfig) echo.HTTPErrorHandler {
	if cfg.Skipper == nil {
		cfg.Skipper = DefaultSkipper
	}
	if cfg.Target == nil {
		cfg.Target = DefaultTarget
	}
	if cfg.LangParam == "-" {
		cfg.LangParam, cfg.DisableLangParam = "", true
	}
	a := &adapter{cfg: cfg, core: httpfault.New(&httpfault.Options{
		Logger:              cfg.Logger,
		Readable:            cfg.Readable,
		Rules:               cfg.Rules,
		LangParam:           cfg.LangParam,
		DisableLangParam:    cfg.DisableLangParam,
		RequestIDHeader:     cfg.RequestIDHeader,
		Development:         cfg.Development,
		Map:                 cfg.Map,
		Classify:            Classify,
		SupportedMedia:      httpfault.EchoMedia,
		ClientErrorLogLimit: cfg.ClientErrorLogLimit,
		Observe:             cfg.Observe,
		Formats:             cfg.Formats,
		ProblemTypeBase:     cfg.ProblemTypeBase,
	})}
	return a.handle
}

// adapter is one configured error handler: Echo's side of it.
type adapter struct {
	cfg  ErrorHandlerConfig
	core *httpfault.Handler
}

// handle hands one failure to the core, with what only Echo knows.
func (a *adapter) handle(err error, c echo.Context) {
	if err == nil {
		return
	}
	if a.cfg.Skipper(c) {
		c.Echo().DefaultHTTPErrorHandler(err, c)
		return
	}
	res := c.Response()
	a.core.Answer(res, c.Request(), err, func() httpfault.Facts {
		return httpfault.Facts{
			Target:    string(a.cfg.Target(c)),
			Debug:     a.cfg.Debug != nil && a.cfg.Debug(c),
			Committed: res.Committed,
			Status:    res.Status,
		}
	})
}

// Classify tells the core what Echo v4's errors stand for: an
// *echo.HTTPError its status (the status of the HTTPError it wraps, as
// echo's DefaultHTTPErrorHandler reads it), an *echo.BindingError also
// the parameter and value that failed to bind.
func Classify(err error) (httpfault.Classification, bool) {
	switch e := err.(type) {
	case *echo.BindingError:
		c := httpfault.Classification{Status: statusOf(e.HTTPError)}
		if e.Internal != nil && len(e.Values) > 0 {
			c.Param, c.Input = e.Field, e.Values[0]
		}
		return c, true
	case *echo.HTTPError:
		return httpfault.Classification{Status: statusOf(e)}, true
	}
	return httpfault.Classification{}, false
}

func statusOf(he *echo.HTTPError) int {
	if inner, ok := he.Internal.(*echo.HTTPError); ok {
		return inner.Code
	}
	return he.Code
}

// Level returns the log level of a failure: see httpfault.Level.
func Level(code, status int) slog.Level { return httpfault.Level(code, status) }
