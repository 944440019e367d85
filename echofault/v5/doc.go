// Package echofault (import path .../echofault/v5) answers every failure
// of an Echo v5 service in Zero's one shape, localized for the caller:
//
//	e := echo.New()
//	e.HTTPErrorHandler = echofault.ErrorHandler()
//	e.Use(echofault.Recover())
//	e.Validator = echofault.NewValidator()
//
// It is a thin adapter over package httpfault, the framework-neutral
// core, which classifies, renders and logs (its documentation has every
// rule); this package hands it Echo v5's context and errors:
//
//   - the router's 404 and 405 (echo.ErrNotFound, ErrMethodNotAllowed) by
//     their StatusCode; a 405 keeps the Allow header echo set;
//   - the binder's *echo.BindingError, and echo.ErrBadRequest wrapping a
//     *json.UnmarshalTypeError or *json.SyntaxError; 415 for an
//     unsupported Content-Type;
//   - the sentinels of echo's middleware by their status: CSRF 403,
//     KeyAuth 401, rate limiter 429, ContextTimeout 503, proxy 499/502;
//   - a *middleware.PanicStackError from echo's own Recover as a panic:
//     its stack goes to the log, and to the debug member when allowed,
//     never to a production body.
//
// The id of echo's RequestID middleware is the body's id. With
// RequestLogger's HandleError, the handler is called twice for one
// failure; it answers once.
//
// Since *webexc.WebException has a StatusCode method, echo's own
// DefaultHTTPErrorHandler, RequestLogger and any library that asks for
// echo.HTTPStatusCoder get its status too.
//
// A v4 service compiles none of this package, and a v5 service none of
// package echofault (v4).
package echofault
