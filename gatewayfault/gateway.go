// Package gatewayfault answers the failures of a grpc-gateway as
// zerofault answers every HTTP failure: the status and code the gRPC
// service's exception had, its message and readable text, in the format
// the client negotiated (Zero's JSON, RFC 9457 problem+json, XML).
//
// grpc-gateway's default error handler writes the google.rpc.Status of a
// failed call, with the HTTP status of its gRPC code: a 415 that crossed
// gRPC as InvalidArgument comes out a 400, and any error that is not a
// status a 500 with its text. Here a status a zerofault service made
// (package grpcfault) is rebuilt into its exception, with the HTTP
// status recorded in its ErrorInfo, and answered by the core, httpfault:
//
//	gw := gatewayfault.New(&gatewayfault.Options{Faults: faults}) // faults: the service's *httpfault.Handler
//	mux := runtime.NewServeMux(gw.ServeMuxOptions()...)
//
// It is a module of its own (github.com/zeroport/zerofault/gatewayfault),
// so that only services with a gateway build against grpc-gateway.
package gatewayfault

import (
	"context"
	"errors"
	"net/http"
	"net/textproto"
	"strconv"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc/status"

	"github.com/zeroport/zerofault/grpcfault"
	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/webexc"
)

// Options configures a [Gateway]. A nil *Options, or a zero field, takes
// the default, which is safe for production.
type Options struct {
	// Faults is the core that answers: its formats, languages, logger
	// and Observe hook apply. Default httpfault.New(nil).
	Faults *httpfault.Handler

	// Debug reports whether a request may see debug details. Default
	// nil: never.
	Debug func(r *http.Request) bool

	// Forward lists the request headers the gateway passes to the gRPC
	// service as metadata under their own names, besides
	// Accept-Language and X-Request-Id (see [Gateway.HeaderMatcher]): a
	// debug token header, say. Headers not listed go by
	// runtime.DefaultHeaderMatcher.
	Forward []string
}

// Gateway answers a grpc-gateway's failures through the core. Build one
// with [New]; it is safe for concurrent use.
type Gateway struct {
	faults  *httpfault.Handler
	debug   func(r *http.Request) bool
	forward map[string]bool // canonical header names
}

// New returns a Gateway configured by opts; nil means all defaults.
func New(opts *Options) *Gateway {
	g := &Gateway{forward: map[string]bool{"Accept-Language": true, httpfault.HeaderRequestID: true}}
	if opts != nil {
		g.faults, g.debug = opts.Faults, opts.Debug
		for _, h := range opts.Forward {
			g.forward[textproto.CanonicalMIMEHeaderKey(h)] = true
		}
	}
	if g.faults == nil {
		g.faults = httpfault.New(nil)
	}
	return g
}

// ServeMuxOptions returns the options that make a runtime.ServeMux
// answer through g: its error handler, its routing error handler and its
// incoming header matcher.
func (g *Gateway) ServeMuxOptions() []runtime.ServeMuxOption {
	return []runtime.ServeMuxOption{
		runtime.WithErrorHandler(g.ErrorHandler),
		runtime.WithRoutingErrorHandler(g.RoutingErrorHandler),
		runtime.WithIncomingHeaderMatcher(g.HeaderMatcher),
	}
}

// ErrorHandler is a runtime.ErrorHandlerFunc. It answers err on w with
// the core, after making an exception of it where it can:
//
//   - an error that holds a zerofault exception (the gateway's client
//     connection decodes with grpcfault's interceptors, or the error
//     arose in the gateway): as it is;
//   - a status a zerofault service made: its exception, rebuilt by
//     grpcfault.FromStatus, with the HTTP status of its ErrorInfo;
//   - any other status: the HTTP status of its code
//     (grpcfault.HTTPFromCode), answered as the core answers a status:
//     a 404 as -60010, a 400 as -60011, a 5xx as -60007 without the
//     status's text;
//   - a runtime.HTTPStatusError: its HTTP status, as grpc-gateway's own
//     handler honours it.
//
// A RetryInfo, or any [grpcfault.RetryHint] in the error, becomes a
// Retry-After header. The marshaler is not used: the core negotiates
// the format from the request's Accept header.
func (g *Gateway) ErrorHandler(ctx context.Context, _ *runtime.ServeMux, _ runtime.Marshaler, w http.ResponseWriter, r *http.Request, err error) {
	err = Exception(err)
	if hint, ok := errors.AsType[grpcfault.RetryHint](err); ok {
		if d := hint.RetryAfter(); d > 0 {
			// Retry-After counts whole seconds; round up, never advise sooner.
			w.Header().Set("Retry-After", strconv.FormatInt(int64((d+999_999_999)/1_000_000_000), 10))
		}
	}
	// The gateway may have announced trailers for a response that now
	// carries none.
	w.Header().Del("Trailer")
	w.Header().Del("Transfer-Encoding")
	g.faults.Answer(w, r, err, func() httpfault.Facts {
		return httpfault.Facts{Target: target(ctx), Debug: g.debug != nil && g.debug(r)}
	})
}

// Exception returns the error a gateway answers for err, as
// [Gateway.ErrorHandler] describes.
func Exception(err error) error {
	if _, ok := errors.AsType[*webexc.WebException](err); ok {
		return err
	}
	httpStatus := 0
	if hs, ok := errors.AsType[*runtime.HTTPStatusError](err); ok {
		httpStatus, err = hs.HTTPStatus, hs.Err
	}
	st, ok := status.FromError(err)
	if !ok {
		if httpStatus != 0 {
			return &httpfault.StatusError{Status: httpStatus, Err: err}
		}
		return err // the core answers it as an internal error
	}
	if exc, ok := grpcfault.FromStatus(st); ok {
		return exc
	}
	if httpStatus == 0 {
		httpStatus = grpcfault.HTTPFromCode(st.Code())
	}
	return &httpfault.StatusError{Status: httpStatus, Err: err}
}

// target names where a failure arose: the gRPC method the route calls,
// else the route's pattern, else the router.
func target(ctx context.Context) string {
	if m, ok := runtime.RPCMethod(ctx); ok {
		return m
	}
	if p, ok := runtime.HTTPPathPattern(ctx); ok {
		return p
	}
	return string(httpfault.RouterTarget)
}

// RoutingErrorHandler is a runtime.RoutingErrorHandlerFunc: a path no
// route matches is the core's 404 (-60010), a method the path does not
// allow its 405 (-60014) — grpc-gateway's own handler makes the latter a
// 501 — and any other routing status is answered as that status.
func (g *Gateway) RoutingErrorHandler(ctx context.Context, _ *runtime.ServeMux, _ runtime.Marshaler, w http.ResponseWriter, r *http.Request, httpStatus int) {
	var err error
	switch httpStatus {
	case http.StatusNotFound:
		err = httpfault.ErrNotFound
	case http.StatusMethodNotAllowed:
		err = httpfault.ErrMethodNotAllowed
	default:
		err = &httpfault.StatusError{Status: httpStatus}
	}
	g.faults.Answer(w, r, err, func() httpfault.Facts {
		return httpfault.Facts{Target: string(httpfault.RouterTarget), Debug: g.debug != nil && g.debug(r)}
	})
}

// HeaderMatcher is a runtime.HeaderMatcherFunc that passes
// Accept-Language, X-Request-Id and the Options.Forward headers to the
// gRPC service under their own names, which is where grpcfault reads
// them: the service answers in the client's language, with its request
// id. Other headers go by runtime.DefaultHeaderMatcher.
func (g *Gateway) HeaderMatcher(key string) (string, bool) {
	if k := textproto.CanonicalMIMEHeaderKey(key); g.forward[k] {
		return k, true
	}
	return runtime.DefaultHeaderMatcher(key)
}
