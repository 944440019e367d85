// Package httpfault is zerofault's framework-neutral HTTP core: it
// answers every failure of a service in Zero's one shape, localized for
// the caller, with net/http's types alone.
//
//	{"id":"4f1c…","code":-60010,"message":"(404) - No service handles GET /x.","info":"您访问的页面或服务不存在。"}
//
// A [Handler] is one configured error writer. Its entry point has the
// shape of http.Error:
//
//	faults := httpfault.New(nil)
//	faults.ServeError(w, r, err)
//
// The adapters (package echofault for Echo v4, echofault/v5 for Echo v5)
// translate their framework into it and nothing more; for plain net/http
// (Go's ServeMux, chi, …) this package is the adapter:
//
//	mux := http.NewServeMux()
//	mux.Handle("GET /users/{id}", faults.HandlerFunc(getUser)) // getUser returns an error
//	http.ListenAndServe(addr, faults.Middleware(mux))            // panics, the mux's 404 and 405
//
// # What answers what
//
// The handler looks through the error's whole tree (fmt.Errorf's %w,
// errors.Join, any Unwrap) once, outermost first, and answers with:
//
//   - a *webexc.WebException found anywhere in it (or made by the Map
//     hook, tried first): its status, code, message and id;
//   - a panic ([Recovered] makes a [PanicError] of it): -60007, status
//     500; a runtime exception raised with zero.Throw is answered as if
//     returned;
//   - validator.ValidationErrors: -60000, status 400, with a "fields"
//     array holding every violation (its JSON name, rule, parameter and
//     a localized explanation, see [Rules]);
//   - an error that stands for a status, told by the adapter's
//     [Classifier] or by a StatusCode() int method (Echo v5's
//     HTTPStatusCoder): 404 → -60010, 405 → -60014, 401 → -60012,
//     403 → -60013, 415 → -60006, a 400 from a failed conversion →
//     -60004 (expected type and literal), any other 4xx → -60011 with
//     that status (413 and 429 among them: Zero has no code of their
//     own), any 5xx → -60007 with that status;
//   - anything else: -60007, status 500.
//
// In production (the default) a body never holds an error's text, a
// stack or a panic value: -60007 says the details are in the log, and the
// log record, which carries the same request id as the body, has them.
// A request for which Options.Debug says yes (see [DebugToken]) gets them
// in a "debug" member instead: target, class, the error chain and, for a
// panic, the stack. What a client sent and the answer repeats (a path, a
// media type, a value) is cut to [MaxEchoed] bytes.
//
// # Language
//
// The "info" text is localized per request with package readable: the
// ?lang= parameter first, then Accept-Language (its first 128 bytes),
// then the default language. The system "message" stays as the catalog
// has it: it is for the people who read logs.
//
// # Ids, heads, commits, headers, logs
//
// The body's id, also sent as X-Request-Id, is the request id a
// middleware set on the response, else a well-formed X-Request-Id the
// client sent, else the exception's own. A HEAD request gets the status
// and headers only. A response already committed is left alone and only
// logged. The headers that described the body a handler meant to send
// (Content-Length, Content-Disposition, Content-Encoding, …) are
// cleared, as http.Error clears Content-Length, and
// X-Content-Type-Options: nosniff is sent. Each failure is logged once
// with log/slog (see [Level]); client errors at most
// Options.ClientErrorLogLimit records per code and second.
//
// # Writing an adapter
//
// An adapter calls [Handler.Answer] with the facts only its framework
// knows ([Facts]: the route pattern, a debug decision, whether the
// response was sent) and sets Options.Classify to a [Classifier] for its
// framework's error types. It never renders or classifies by itself.
//
// # Cost
//
// The error path is a hot path. The body is written by hand into a pooled
// buffer, the language choice is cached per Accept-Language value, every
// template was compiled when its catalog loaded, or its readable
// language was first used (and checked then for
// characters JSON escapes, so that a text whose params hold none is
// copied into the body rather than escaped), and the standard
// exceptions are answered without building exception objects: a router
// 404 costs two allocations, a returned exception one. The middlewares
// cost a request that does not fail no allocation.
package httpfault
