package otelfault

import (
	"net/http"
	"net/textproto"

	"go.opentelemetry.io/otel/trace"

	"github.com/zeroport/zerofault/httpfault"
)

// TraceID returns the trace id of the span in r's context when the
// request came with a W3C traceparent header (a gRPC call with a
// traceparent metadata key, as grpcfault's Request makes it), "" else.
// A caller that started the trace knows its id, so an answer whose id
// is the trace id lets it find the trace; an id the service made up for
// a trace of its own would tell a caller nothing more than a random one.
//
// It is a grpcfault Options.RequestID; for HTTP see [RequestIDFromTrace].
func TraceID(r *http.Request) string {
	if len(r.Header[headerTraceparent]) == 0 {
		return ""
	}
	if sc := trace.SpanContextFromContext(r.Context()); sc.HasTraceID() {
		return sc.TraceID().String()
	}
	return ""
}

const headerTraceparent = "Traceparent"

// RequestIDFromTrace returns a net/http middleware that sets the
// response's request id header (header; "" for
// httpfault.HeaderRequestID) to [TraceID] when there is one and the
// header is not set yet. The core takes a request id found on the
// response as the id of its answer, so a failure's body, X-Request-Id
// and log record all carry the trace id. Install it inside the
// middleware that starts the server span (otelhttp, say), so that the
// span is in the request's context:
//
//	handler := otelhttp.NewHandler(otelfault.RequestIDFromTrace("")(faults.Middleware(mux)), "shop")
//
// Echo takes it through echo.WrapMiddleware.
func RequestIDFromTrace(header string) func(http.Handler) http.Handler {
	if header == "" {
		header = httpfault.HeaderRequestID
	}
	key := textproto.CanonicalMIMEHeaderKey(header)
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if id := TraceID(r); id != "" && len(w.Header()[key]) == 0 {
				w.Header()[key] = []string{id}
			}
			next.ServeHTTP(w, r)
		})
	}
}
