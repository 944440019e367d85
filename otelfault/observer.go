package otelfault

import (
	"context"
	"log/slog"
	"os"
	"strconv"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	otellog "go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/global"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"

	"github.com/zeroport/zerofault/httpfault"
)

// ScopeName is the instrumentation scope of the meter and logger.
const ScopeName = "github.com/zeroport/zerofault/otelfault"

// MetricFailures is the name of the counter of answered failures. Its
// unit is {failure}; the OTel Prometheus exporter exposes it as
// zerofault_failures_total.
const MetricFailures = "zerofault.failures"

// The attributes the observer adds beside error.type. Their values are
// bounded: codes come from catalogs, statuses are three digits.
const (
	AttrCode  = attribute.Key("zerofault.error.code")  // Zero's code, e.g. -60010
	AttrClass = attribute.Key("zerofault.error.class") // Zero's class name; spans only
	AttrID    = attribute.Key("zerofault.error.id")    // the answer's id; spans only: one value per failure
)

// Signal says where an exception is recorded: the choice the
// OTEL_SEMCONV_EXCEPTION_SIGNAL_OPT_IN variable of the semantic
// conventions gives instrumentations moving from span events to logs.
type Signal int

const (
	// SignalFromEnv reads OTEL_SEMCONV_EXCEPTION_SIGNAL_OPT_IN: "logs"
	// is SignalLogs, "logs/dup" SignalBoth, anything else
	// SignalSpanEvents, the conventions' default.
	SignalFromEnv Signal = iota
	SignalSpanEvents
	SignalLogs
	SignalBoth
	SignalNone // record no exception: attributes, status and counter only
)

// Options configures an [Observer]. A nil *Options, or a zero field,
// takes the default.
type Options struct {
	// MeterProvider makes the failure counter. Default
	// otel.GetMeterProvider().
	MeterProvider metric.MeterProvider

	// LoggerProvider makes the logger of exception log records. Default
	// the global one (go.opentelemetry.io/otel/log/global).
	LoggerProvider otellog.LoggerProvider

	// Exceptions says where exceptions are recorded. Default
	// SignalFromEnv.
	Exceptions Signal
}

// Observer records each failure the core answers on OpenTelemetry's
// signals. Its Observe method is an httpfault.Options.Observe hook, so
// it sees the failures of every adapter and of gRPC alike. Build one
// with [New]; it is safe for concurrent use.
type Observer struct {
	failures   metric.Int64Counter
	logger     otellog.Logger
	spanEvents bool
	logs       bool
}

// New returns an Observer configured by opts; nil means all defaults.
// It fails only when the meter provider refuses the counter.
func New(opts *Options) (*Observer, error) {
	var o Options
	if opts != nil {
		o = *opts
	}
	if o.MeterProvider == nil {
		o.MeterProvider = otel.GetMeterProvider()
	}
	if o.LoggerProvider == nil {
		o.LoggerProvider = global.GetLoggerProvider()
	}
	failures, err := o.MeterProvider.Meter(ScopeName, metric.WithSchemaURL(semconv.SchemaURL)).Int64Counter(MetricFailures,
		metric.WithUnit("{failure}"),
		metric.WithDescription("Failures answered by zerofault, by error type (the exception's class), code and HTTP status."))
	if err != nil {
		return nil, err
	}
	signal := o.Exceptions
	if signal == SignalFromEnv {
		switch os.Getenv("OTEL_SEMCONV_EXCEPTION_SIGNAL_OPT_IN") {
		case "logs":
			signal = SignalLogs
		case "logs/dup":
			signal = SignalBoth
		default:
			signal = SignalSpanEvents
		}
	}
	return &Observer{
		failures:   failures,
		logger:     o.LoggerProvider.Logger(ScopeName, otellog.WithSchemaURL(semconv.SchemaURL)),
		spanEvents: signal == SignalSpanEvents || signal == SignalBoth,
		logs:       signal == SignalLogs || signal == SignalBoth,
	}, nil
}

// Observe records one answered failure, following the semantic
// conventions for HTTP and RPC servers:
//
//   - on the span of ctx, when it records: error.type ([ErrorType]),
//     the code, class and id ([AttrCode], [AttrClass], [AttrID]); the
//     span status Error for a 5xx answer only (a 4xx is the client's
//     failure, and a server span leaves its status unset for it); the
//     exception as an "exception" span event, when span events are the
//     signal;
//   - the exception as a log record, when logs are the signal: at the
//     severity the core logs it (Error for 5xx, at most Warn for 4xx),
//     with exception.type (the class), exception.message (the system
//     message, redacted as the body's), a panic's stack when the answer
//     has debug details, and the span's trace context from ctx;
//   - the counter [MetricFailures], by error.type, code and
//     http.response.status_code.
//
// The message recorded is the answer's: in production an internal
// error's text is not in it, so neither traces nor logs export what the
// body withheld. The core's own log record has the details.
func (o *Observer) Observe(ctx context.Context, a *httpfault.Answer) {
	errType := ErrorType(a)
	o.failures.Add(ctx, 1, metric.WithAttributes(
		semconv.ErrorTypeKey.String(errType),
		AttrCode.Int(a.Code),
		semconv.HTTPResponseStatusCode(a.Status),
	))
	if span := trace.SpanFromContext(ctx); span.IsRecording() {
		span.SetAttributes(
			semconv.ErrorTypeKey.String(errType),
			AttrCode.Int(a.Code),
			AttrClass.String(a.Class),
			AttrID.String(a.ID),
		)
		if a.Status >= 500 {
			// No description: error.type and the status code say it.
			span.SetStatus(codes.Error, "")
		}
		if o.spanEvents {
			attrs := []attribute.KeyValue{
				semconv.ExceptionType(a.Class),
				semconv.ExceptionMessage(string(a.Message)),
			}
			if a.Debug != nil && len(a.Debug.Stack) > 0 {
				attrs = append(attrs, semconv.ExceptionStacktrace(string(a.Debug.Stack)))
			}
			span.AddEvent("exception", trace.WithAttributes(attrs...))
		}
	}
	if o.logs {
		o.log(ctx, a, errType)
	}
}

// log emits the exception's log record.
func (o *Observer) log(ctx context.Context, a *httpfault.Answer, errType string) {
	severity := severityOf(httpfault.Level(a.Code, a.Status))
	if !o.logger.Enabled(ctx, otellog.EnabledParameters{Severity: severity}) {
		return
	}
	var r otellog.Record
	r.SetSeverity(severity)
	r.SetSeverityText(severity.String())
	r.SetBody(attribute.StringValue(string(a.Message)))
	r.AddAttributes(
		semconv.ExceptionType(a.Class),
		semconv.ExceptionMessage(string(a.Message)),
		semconv.ErrorTypeKey.String(errType),
		AttrCode.Int(a.Code),
		AttrID.String(a.ID),
		semconv.HTTPResponseStatusCode(a.Status),
	)
	if a.Debug != nil && len(a.Debug.Stack) > 0 {
		r.AddAttributes(semconv.ExceptionStacktrace(string(a.Debug.Stack)))
	}
	o.logger.Emit(ctx, r)
}

// severityOf maps the core's log level to OpenTelemetry's severity.
func severityOf(l slog.Level) otellog.Severity {
	switch {
	case l >= slog.LevelError:
		return otellog.SeverityError
	case l >= slog.LevelWarn:
		return otellog.SeverityWarn
	case l >= slog.LevelInfo:
		return otellog.SeverityInfo
	}
	return otellog.SeverityDebug
}

// ErrorType returns the error.type of an answer: the exception's class
// ("_404ServiceNotFoundException"), a low-cardinality id as the
// conventions ask; the catalog key of its code ("E60010") when the
// class is only a family's base (webexc.New's "WebException"), which
// would lump every code together.
func ErrorType(a *httpfault.Answer) string {
	switch a.Class {
	case "", "WebException", "ZeroRunException", "ZeroException":
		code := a.Code
		if code < 0 {
			code = -code
		}
		return "E" + strconv.Itoa(code)
	}
	return a.Class
}
