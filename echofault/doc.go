// Package echofault answers every failure of an Echo v4 service in
// Zero's one shape, localized for the caller. It is a thin adapter over
// package httpfault, the framework-neutral core, which does the
// classifying, rendering and logging (see its documentation for every
// rule); echofault translates Echo's context and errors for it. Echo v5
// has its own adapter in echofault/v5.
//
//	{"id":"4f1c…","code":-60010,"message":"(404) - No service handles GET /x.","info":"您访问的页面或服务不存在。"}
//
// Two pieces do it. ErrorHandler is Echo's centralized error handler, and
// Recover is a middleware that hands panics to it:
//
//	e := echo.New()
//	e.HTTPErrorHandler = echofault.ErrorHandler()
//	e.Use(echofault.Recover())
//	e.Validator = echofault.NewValidator()
//
// # What answers what
//
// The handler looks through the error's whole tree (fmt.Errorf's %w,
// errors.Join, echo.HTTPError's Internal) and answers with:
//
//   - a *webexc.WebException found anywhere in it (or made by the Map
//     hook, tried first): its status, code, message and id;
//   - a panic recovered by Recover: -60007, status 500; a runtime
//     exception raised with zero.Throw is answered as if returned;
//   - validator.ValidationErrors: -60000, status 400, with a "fields"
//     array holding every violation (its JSON name, rule, parameter and
//     a localized explanation, see Rules);
//   - an *echo.HTTPError from the router, a middleware or the binder
//     (see Classify):
//     404 → -60010, 405 → -60014, 401 → -60012, 403 → -60013,
//     415 → -60006, a 400 the binder raised converting a value → -60004
//     (expected type and literal), any other 4xx → -60011 with that
//     status (413 among them: Zero has no code of its own for it), any
//     5xx → -60007 with that status;
//   - anything else: -60007, status 500.
//
// In production (the default) a body never holds an error's text, a
// stack or a panic value: -60007 says the details are in the log, and the
// log record, which carries the same request id as the body, has them.
// A request for which Config.Debug says yes (see DebugToken) gets them in
// a "debug" member instead: target, class, the error chain and, for a
// panic, the stack.
//
// # Language
//
// The "info" text is localized per request with package readable: the
// ?lang= parameter first, then Accept-Language, then the default
// language. The system "message" stays as the catalog has it: it is for
// the people who read logs.
//
// # Ids, heads, commits, logs
//
// The body's id, also sent as X-Request-Id, is the request id a
// middleware set on the response, else a well-formed X-Request-Id the
// client sent, else the exception's own. A HEAD request gets the status
// and headers only. A response already committed is left alone and only
// logged. Each failure is logged once with log/slog; see Level for how
// its level is chosen.
//
// # Cost
//
// The error path is a hot path. The body is written by hand into a pooled
// buffer, the language choice is cached per Accept-Language value, every
// template was compiled when its catalog loaded, or its readable
// language was first used, and the standard
// exceptions are answered without building exception objects: a router
// 404 costs fewer allocations, and less time, than Echo's own
// DefaultHTTPErrorHandler. Recover costs a request that does not panic
// no allocation.
package echofault
