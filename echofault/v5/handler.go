package echofault

import (
	"context"
	"errors"
	"log/slog"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// ErrorHandlerConfig configures ErrorHandlerWithConfig. The zero value is
// usable and safe for production; fields left zero take the defaults of
// DefaultErrorHandlerConfig.
type ErrorHandlerConfig struct {
	// Skipper hands the errors of the requests it selects to echo's
	// DefaultHTTPErrorHandler(false) instead. Default: skip nothing.
	Skipper middleware.Skipper

	// Logger receives one record per failure. Default: slog.Default(),
	// looked up at each failure, so slog.SetDefault later still counts.
	Logger *slog.Logger

	// Readable localizes the "info" texts. Default: readable.Current(),
	// looked up per request, so readable.Swap takes effect at once.
	Readable *readable.Bundle

	// Rules explains failed validation rules. Default:
	// httpfault.DefaultRules().
	Rules *httpfault.Rules

	// LangParam is the query parameter that names the response language
	// ahead of Accept-Language. Default "lang".
	LangParam string

	// DisableLangParam leaves the response language to Accept-Language
	// alone.
	DisableLangParam bool

	// RequestIDHeader is the header a request id travels in, both ways,
	// as echo's RequestID middleware uses it. Default
	// echo.HeaderXRequestID.
	RequestIDHeader string

	// Debug reports whether this request may see debug details: the
	// error chain, the exception's target and class, the stack of a
	// panic, the text of an internal error. Default nil: never. See
	// DebugToken.
	Debug func(c *echo.Context) bool

	// Development puts the text of internal errors into the -60007
	// message of every response. Default false, which is production.
	// Never set it in production; the text of an error can hold
	// anything.
	Development bool

	// Target names where the exceptions the handler builds (404, 405,
	// 500, validation, …) arose. Default DefaultTarget.
	Target func(c *echo.Context) zero.Target

	// Map turns errors into WebExceptions before the handler's own
	// mapping. Return nil to leave an error to the handler.
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
	// per code and second. Default 10; negative: no limit.
	ClientErrorLogLimit int
}

// DefaultErrorHandlerConfig is the configuration ErrorHandler uses.
var DefaultErrorHandlerConfig = ErrorHandlerConfig{
	Skipper:         middleware.DefaultSkipper,
	LangParam:       "lang",
	RequestIDHeader: echo.HeaderXRequestID,
	Target:          DefaultTarget,
}

// DefaultTarget names the route (its registered path, e.g. "/users/:id")
// as the target, or "Router" when no route matched.
func DefaultTarget(c *echo.Context) zero.Target {
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
	h, err := cfg.ToErrorHandler()
	if err != nil {
		panic(err)
	}
	return h
}

// ToErrorHandler returns the error handler cfg describes, or an error
// for a configuration it cannot serve, as echo v5's ToMiddleware does.
func (cfg ErrorHandlerConfig) ToErrorHandler() (echo.HTTPErrorHandler, error) {
	if cfg.Skipper == nil {
		cfg.Skipper = middleware.DefaultSkipper
	}
	if cfg.Target == nil {
		cfg.Target = DefaultTarget
	}
	if cfg.ClientErrorLogLimit < -1 {
		return nil, errors.New("echofault: ClientErrorLogLimit must be -1 (no limit), 0 (the default) or positive")
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
	return a.handle, nil
}

// adapter is one configured error handler: Echo's side of it.
type adapter struct {
	cfg  ErrorHandlerConfig
	core *httpfault.Handler
}

// handle hands one failure to the core, with what only Echo knows.
// RequestLogger with HandleError calls it and then returns the same error
// to echo, which calls it again: the second call finds the response
// committed and only logs, at Debug.
func (a *adapter) handle(c *echo.Context, err error) {
	if err == nil {
		return
	}
	if a.cfg.Skipper(c) {
		echo.DefaultHTTPErrorHandler(false)(c, err)
		return
	}
	w := c.Response()
	a.core.Answer(w, c.Request(), err, func() httpfault.Facts {
		f := httpfault.Facts{
			Target: string(a.cfg.Target(c)),
			Debug:  a.cfg.Debug != nil && a.cfg.Debug(c),
		}
		if res, _ := echo.UnwrapResponse(w); res != nil {
			f.Committed, f.Status = res.Committed, res.Status
		}
		return f
	})
}

// Classify tells the core what Echo v5's errors stand for beyond their
// StatusCode, which the core reads itself: an *echo.BindingError names
// the parameter and value that failed to bind, and a
// *middleware.PanicStackError (echo's own Recover) is a panic, whose
// stack goes to the log, never to a production body.
func Classify(err error) (httpfault.Classification, bool) {
	switch e := err.(type) {
	case *echo.BindingError:
		c := httpfault.Classification{Status: e.Code}
		if e.Unwrap() != nil && len(e.Values) > 0 {
			c.Param, c.Input = e.Field, e.Values[0]
		}
		return c, true
	case *middleware.PanicStackError:
		var value any = e.Err
		return httpfault.Classification{Panic: &httpfault.PanicError{Value: value, Stack: e.Stack}}, true
	}
	return httpfault.Classification{}, false
}

// DebugToken returns a Debug predicate that is true for requests whose
// header carries token, compared in constant time; an empty token never
// matches. See httpfault.DebugToken.
func DebugToken(header, token string) func(*echo.Context) bool {
	p := httpfault.DebugToken(header, token)
	return func(c *echo.Context) bool { return p(c.Request()) }
}

// NewValidator returns the echo.Validator that names fields by their
// JSON names: see httpfault.Validator.
func NewValidator() *httpfault.Validator { return httpfault.NewValidator() }

var _ echo.Validator = (*httpfault.Validator)(nil)
