// Package otelfault puts the failures zerofault answers on
// OpenTelemetry's signals, as the semantic conventions for HTTP and RPC
// servers say: the failure on the active server span, the exception as a
// span event or a log record, and a counter of failures for metrics and
// Prometheus.
//
// It hooks into the core, not into a framework: [Observer.Observe] is an
// httpfault.Options.Observe, which the core calls once per answered
// failure, whichever adapter or transport it came from: net/http,
// grpc-gateway (gatewayfault), gRPC (grpcfault), and Echo v4 and v5 once
// their configs pass Observe on to the core they build. It never
// classifies an error again; it records the core's answer.
//
//	obs, err := otelfault.New(nil) // the global meter and logger providers
//	faults := httpfault.New(&httpfault.Options{Observe: obs.Observe})
//	handler := otelhttp.NewHandler(faults.Middleware(mux), "shop") // otelhttp starts the server span
//
// # Spans
//
// On the span in the request's context (started by otelhttp, otelgrpc,
// or any middleware that starts a server span), when it records:
// error.type is the exception's class, a low-cardinality id
// ([ErrorType]); zerofault.error.code, .class and .id say which failure
// it was; the span status is Error only when the answer is a 5xx — a
// 4xx is the client's doing, and a server span leaves its status unset
// for it (gRPC's conventions agree: their server error codes are the
// ones 5xx answers map to).
//
// # Exceptions
//
// The conventions are moving exceptions from span events to log
// records: OTEL_SEMCONV_EXCEPTION_SIGNAL_OPT_IN=logs records them as
// log records, logs/dup as both, anything else as span events, the
// conventions' default ([Signal]). A log record has the severity of the
// core's own record (Error for 5xx, at most Warn for 4xx), the
// exception.* attributes, and the span's trace context.
//
// # Metrics
//
// The counter zerofault.failures ({failure}) counts every answered
// failure by error.type, zerofault.error.code and
// http.response.status_code; all three are bounded (codes come from
// catalogs), and ids never become labels. Through the OTel Prometheus
// exporter it is the series
//
//	zerofault_failures_total{error_type="_404AccountNotFoundException",http_response_status_code="404",zerofault_error_code="-100001"}
//
// # Request ids
//
// [TraceID] and [RequestIDFromTrace] make a failure's id the trace id
// when the caller sent a traceparent, so a client can find the trace of
// the failure it saw.
package otelfault
