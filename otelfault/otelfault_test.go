package otelfault_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	otellog "go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/logtest"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/zeroport/zerofault/examples/shop/shoperr"
	"github.com/zeroport/zerofault/grpcfault"
	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/faulttest"
	"github.com/zeroport/zerofault/otelfault"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
)

func TestMain(m *testing.M) {
	cat, err := shoperr.Catalog()
	if err != nil {
		panic(err)
	}
	texts, err := shoperr.Readable()
	if err != nil {
		panic(err)
	}
	catalog.Swap(cat)
	readable.Swap(texts)
	os.Exit(m.Run())
}

// telemetry is an SDK pipeline held in memory: the span recorder, the
// metric reader, the log recorder, and an observer writing to them.
type telemetry struct {
	spans   *tracetest.SpanRecorder
	tracer  trace.Tracer
	metrics *sdkmetric.ManualReader
	logs    *logtest.Recorder
	obs     *otelfault.Observer
}

func newTelemetry(t *testing.T, signal otelfault.Signal) *telemetry {
	t.Helper()
	tel := &telemetry{spans: tracetest.NewSpanRecorder(), metrics: sdkmetric.NewManualReader(), logs: logtest.NewRecorder()}
	tel.tracer = sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(tel.spans)).Tracer("test")
	obs, err := otelfault.New(&otelfault.Options{
		MeterProvider:  sdkmetric.NewMeterProvider(sdkmetric.WithReader(tel.metrics)),
		LoggerProvider: tel.logs,
		Exceptions:     signal,
	})
	if err != nil {
		t.Fatal(err)
	}
	tel.obs = obs
	return tel
}

var propagator = propagation.TraceContext{}

// serverSpan starts the server span of a request, continuing the trace
// of its traceparent, as otelhttp does.
func (tel *telemetry) serverSpan(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := propagator.Extract(r.Context(), propagation.HeaderCarrier(r.Header))
		ctx, span := tel.tracer.Start(ctx, r.Method+" "+r.URL.Path, trace.WithSpanKind(trace.SpanKindServer))
		defer span.End()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// grpcSpan starts the server span of a call, continuing the trace of
// its traceparent metadata, as otelgrpc does.
func (tel *telemetry) grpcSpan(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
	md, _ := metadata.FromIncomingContext(ctx)
	carrier := propagation.MapCarrier{}
	for k, v := range md {
		carrier[k] = v[0]
	}
	ctx, span := tel.tracer.Start(propagator.Extract(ctx, carrier), info.FullMethod, trace.WithSpanKind(trace.SpanKindServer))
	defer span.End()
	return handler(ctx, req)
}

var discard = slog.New(slog.DiscardHandler)

// shop is a net/http service answered by faults: a typed exception, a
// panic, a validation failure, and the mux's own 404.
func shop(faults *httpfault.Handler) http.Handler {
	mux := http.NewServeMux()
	validate := httpfault.NewValidator()
	mux.Handle("GET /accounts/{id}", faults.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) error {
		return shoperr.NewAccountNotFound("Accounts", r.PathValue("id"))
	}))
	mux.Handle("GET /boom", faults.HandlerFunc(func(http.ResponseWriter, *http.Request) error { panic("secret value 1234") }))
	mux.Handle("POST /users", faults.HandlerFunc(func(http.ResponseWriter, *http.Request) error {
		return validate.Validate(&faulttest.User{Email: "bo@", Age: 12})
	}))
	return otelfault.RequestIDFromTrace("")(faults.Middleware(mux))
}

// grpcServer serves a unary method, /zerofault.test.Orders/Place, that
// fails with fail, behind a server span and grpcfault; it returns a
// client connection.
func grpcServer(t *testing.T, tel *telemetry, faults *httpfault.Handler, fail func(string) error) *grpc.ClientConn {
	t.Helper()
	h := grpcfault.New(&grpcfault.Options{Faults: faults, RequestID: otelfault.TraceID})
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(grpc.ChainUnaryInterceptor(tel.grpcSpan, h.UnaryServerInterceptor()))
	srv.RegisterService(&grpc.ServiceDesc{
		ServiceName: "zerofault.test.Orders",
		HandlerType: (*any)(nil),
		Methods: []grpc.MethodDesc{{MethodName: "Place", Handler: func(srv any, ctx context.Context, dec func(any) error, icpt grpc.UnaryServerInterceptor) (any, error) {
			in := new(wrapperspb.StringValue)
			if err := dec(in); err != nil {
				return nil, err
			}
			return icpt(ctx, in, &grpc.UnaryServerInfo{FullMethod: "/zerofault.test.Orders/Place"}, func(_ context.Context, req any) (any, error) {
				return nil, fail(req.(*wrapperspb.StringValue).GetValue())
			})
		}}},
	}, struct{}{})
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	cc, err := grpc.NewClient("passthrough:///orders",
		grpc.WithContextDialer(func(context.Context, string) (net.Conn, error) { return lis.Dial() }),
		grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cc.Close() })
	return cc
}

func place(ctx context.Context, cc *grpc.ClientConn, what string) error {
	return cc.Invoke(ctx, "/zerofault.test.Orders/Place", wrapperspb.String(what), new(wrapperspb.StringValue))
}

func do(h http.Handler, method, path string, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

func attrs(kvs []attribute.KeyValue) map[attribute.Key]attribute.Value {
	m := map[attribute.Key]attribute.Value{}
	for _, kv := range kvs {
		m[kv.Key] = kv.Value
	}
	return m
}

// A scripted sequence of failures over net/http and gRPC: the spans,
// their status, their exception events, and the counter afterwards.
func TestSpansAndCounter(t *testing.T) {
	tel := newTelemetry(t, otelfault.SignalSpanEvents)
	faults := httpfault.New(&httpfault.Options{Logger: discard, Observe: tel.obs.Observe})
	web := tel.serverSpan(shop(faults))
	cc := grpcServer(t, tel, faults, func(what string) error {
		if what == "panic" {
			panic("secret order 77")
		}
		return shoperr.NewOutOfStock("Orders", what, 3, 1)
	})

	ids := map[string]string{} // span name → the answer's id
	for _, req := range [][2]string{
		{http.MethodGet, "/accounts/42"}, {http.MethodGet, "/accounts/43"}, {http.MethodGet, "/nothing"},
		{http.MethodGet, "/boom"}, {http.MethodPost, "/users"}, {http.MethodGet, "/accounts/44"},
	} {
		w := do(web, req[0], req[1])
		ids[req[0]+" "+req[1]] = w.Header().Get("X-Request-Id")
	}
	if err := place(context.Background(), cc, "MUG-02"); status.Code(err) == 0 {
		t.Fatal("the call did not fail")
	}
	if err := place(context.Background(), cc, "panic"); status.Code(err) == 0 {
		t.Fatal("the call did not fail")
	}

	type want struct {
		errType string
		code    int64
		status  codes.Code
	}
	wants := map[string]want{
		"GET /accounts/42":             {"_404AccountNotFoundException", -100001, codes.Unset},
		"GET /accounts/43":             {"_404AccountNotFoundException", -100001, codes.Unset},
		"GET /accounts/44":             {"_404AccountNotFoundException", -100001, codes.Unset},
		"GET /nothing":                 {"_404ServiceNotFoundException", -60010, codes.Unset},
		"GET /boom":                    {"_500InternalServerException", -60007, codes.Error},
		"POST /users":                  {"_400ValidationException", -60000, codes.Unset},
		"/zerofault.test.Orders/Place": {"", 0, 0}, // two calls: checked below
	}
	var grpcSpans []sdktrace.ReadOnlySpan
	for _, span := range tel.spans.Ended() {
		if span.Name() == "/zerofault.test.Orders/Place" {
			grpcSpans = append(grpcSpans, span)
			continue
		}
		w, ok := wants[span.Name()]
		if !ok {
			t.Errorf("unexpected span %q", span.Name())
			continue
		}
		a := attrs(span.Attributes())
		if a["error.type"].AsString() != w.errType || a["zerofault.error.code"].AsInt64() != w.code ||
			a["zerofault.error.class"].AsString() != w.errType || a["zerofault.error.id"].AsString() != ids[span.Name()] {
			t.Errorf("%s: attributes %v, want %v and id %q", span.Name(), a, w, ids[span.Name()])
		}
		if span.Status().Code != w.status {
			t.Errorf("%s: span status %v, want %v", span.Name(), span.Status().Code, w.status)
		}
		events := span.Events()
		if len(events) != 1 || events[0].Name != "exception" {
			t.Errorf("%s: events %v", span.Name(), events)
			continue
		}
		ea := attrs(events[0].Attributes)
		if ea["exception.type"].AsString() != w.errType || ea["exception.message"].AsString() == "" ||
			strings.Contains(ea["exception.message"].AsString(), "secret") || ea["exception.stacktrace"].AsString() != "" {
			t.Errorf("%s: exception event %v", span.Name(), ea)
		}
	}
	if len(grpcSpans) != 2 {
		t.Fatalf("%d gRPC spans", len(grpcSpans))
	}
	for i, wantType := range []string{"_409OutOfStockException", "_500InternalServerException"} {
		a := attrs(grpcSpans[i].Attributes())
		if a["error.type"].AsString() != wantType || (grpcSpans[i].Status().Code == codes.Error) != (i == 1) {
			t.Errorf("gRPC span %d: %v, status %v", i, a, grpcSpans[i].Status())
		}
	}

	// The counter, by error type, code and status.
	got := counter(t, tel.metrics)
	for series, n := range map[string]int64{
		"_404AccountNotFoundException -100001 404": 3,
		"_404ServiceNotFoundException -60010 404":  1,
		"_500InternalServerException -60007 500":   2,
		"_400ValidationException -60000 400":       1,
		"_409OutOfStockException -100004 409":      1,
	} {
		if got[series] != n {
			t.Errorf("zerofault.failures{%s} = %d, want %d", series, got[series], n)
		}
	}
	if len(got) != 5 {
		t.Errorf("series %v", got)
	}
}

// counter reads zerofault.failures: "errorType code status" → value.
func counter(t *testing.T, reader *sdkmetric.ManualReader) map[string]int64 {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := reader.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if m.Name != otelfault.MetricFailures {
				continue
			}
			if m.Unit != "{failure}" {
				t.Errorf("unit %q", m.Unit)
			}
			sum, ok := m.Data.(metricdata.Sum[int64])
			if !ok || !sum.IsMonotonic || sum.Temporality != metricdata.CumulativeTemporality {
				t.Fatalf("not a cumulative counter: %T", m.Data)
			}
			for _, dp := range sum.DataPoints {
				if dp.Attributes.Len() != 3 {
					t.Errorf("attributes %v", dp.Attributes.ToSlice())
				}
				et, _ := dp.Attributes.Value("error.type")
				code, _ := dp.Attributes.Value("zerofault.error.code")
				st, _ := dp.Attributes.Value("http.response.status_code")
				out[et.Emit()+" "+code.Emit()+" "+st.Emit()] += dp.Value
			}
		}
	}
	return out
}

// With logs as the signal, exceptions are log records at the core's
// severity, in the span's trace, and spans carry no exception event.
func TestExceptionLogs(t *testing.T) {
	tel := newTelemetry(t, otelfault.SignalLogs)
	faults := httpfault.New(&httpfault.Options{
		Logger: discard, Observe: tel.obs.Observe,
		Debug: httpfault.DebugToken("X-Debug-Token", "open"),
	})
	web := tel.serverSpan(shop(faults))
	do(web, http.MethodGet, "/accounts/42")
	do(web, http.MethodGet, "/boom")
	do(web, http.MethodGet, "/boom", "X-Debug-Token", "open")

	var recs []logtest.Record
	for scope, rs := range tel.logs.Result() {
		if scope.Name != otelfault.ScopeName {
			t.Errorf("scope %q", scope.Name)
		}
		for _, r := range rs {
			recs = append(recs, r)
		}
	}
	if len(recs) != 3 {
		t.Fatalf("%d log records", len(recs))
	}
	for i, want := range []struct {
		severity otellog.Severity
		errType  string
		stack    bool
	}{
		{otellog.SeverityWarn, "_404AccountNotFoundException", false},
		{otellog.SeverityError, "_500InternalServerException", false},
		{otellog.SeverityError, "_500InternalServerException", true},
	} {
		r := recs[i]
		a := attrs(r.Attributes)
		if r.Severity != want.severity || a["exception.type"].AsString() != want.errType || a["error.type"].AsString() != want.errType ||
			(a["exception.stacktrace"].AsString() != "") != want.stack || r.Body.AsString() != a["exception.message"].AsString() {
			t.Errorf("record %d: %v %v", i, r.Severity, a)
		}
		if !trace.SpanContextFromContext(r.Context).IsValid() {
			t.Errorf("record %d is not in the span's trace", i)
		}
	}
	if strings.Contains(recs[1].Body.AsString(), "secret") || !strings.Contains(recs[2].Body.AsString(), "secret") {
		t.Errorf("production and debug messages: %q, %q", recs[1].Body.AsString(), recs[2].Body.AsString())
	}
	for _, span := range tel.spans.Ended() {
		if len(span.Events()) != 0 {
			t.Errorf("%s has events under SignalLogs", span.Name())
		}
	}
}

// The environment variable of the conventions chooses the signal.
func TestSignalFromEnv(t *testing.T) {
	for env, want := range map[string][2]bool{ // span event, log record
		"":         {true, false},
		"logs":     {false, true},
		"logs/dup": {true, true},
		"bogus":    {true, false},
	} {
		t.Setenv("OTEL_SEMCONV_EXCEPTION_SIGNAL_OPT_IN", env)
		tel := newTelemetry(t, otelfault.SignalFromEnv)
		faults := httpfault.New(&httpfault.Options{Logger: discard, Observe: tel.obs.Observe})
		do(tel.serverSpan(shop(faults)), http.MethodGet, "/boom")
		spans := tel.spans.Ended()
		gotEvent := len(spans) == 1 && len(spans[0].Events()) == 1
		nLogs := 0
		for scope, rs := range tel.logs.Result() {
			if scope.Name == otelfault.ScopeName {
				nLogs += len(rs)
			}
		}
		gotLog := nLogs == 1
		if gotEvent != want[0] || gotLog != want[1] {
			t.Errorf("%q: event %v, log %v; want %v", env, gotEvent, gotLog, want)
		}
	}
}

// A failure's id is the trace id when the caller sent a traceparent,
// over HTTP and over gRPC; a random one otherwise.
func TestTraceIDAsRequestID(t *testing.T) {
	tel := newTelemetry(t, otelfault.SignalNone)
	faults := httpfault.New(&httpfault.Options{Logger: discard, Observe: tel.obs.Observe})
	web := tel.serverSpan(shop(faults))
	const traceID = "4bf92f3577b34da6a3ce929d0e0e4736"

	w := do(web, http.MethodGet, "/accounts/42", "Traceparent", traceparent)
	var body faulttest.Body
	if err := jsonDecode(w, &body); err != nil || body.ID != traceID || w.Header().Get("X-Request-Id") != traceID {
		t.Errorf("with traceparent: %s %v", w.Body, w.Header())
	}
	w = do(web, http.MethodGet, "/accounts/42")
	if err := jsonDecode(w, &body); err != nil || body.ID == "" || body.ID == traceID || len(body.ID) == 32 {
		t.Errorf("without traceparent: %s", w.Body)
	}
	// Without a traceparent, the request id the client sent stays the
	// answer's id.
	w = do(web, http.MethodGet, "/accounts/42", "X-Request-Id", "req-1")
	if err := jsonDecode(w, &body); err != nil || body.ID != "req-1" {
		t.Errorf("client id: %s", w.Body)
	}

	cc := grpcServer(t, tel, faults, func(what string) error { return shoperr.NewOutOfStock("Orders", what, 3, 1) })
	ctx := metadata.AppendToOutgoingContext(context.Background(), "traceparent", traceparent)
	st, _ := status.FromError(place(ctx, cc, "MUG-02"))
	found := false
	for _, d := range st.Details() {
		if ri, ok := d.(*errdetails.RequestInfo); ok {
			found = ri.RequestId == traceID
		}
	}
	if !found {
		t.Errorf("gRPC: %v", st.Details())
	}
	if st, _ := status.FromError(place(context.Background(), cc, "MUG-02")); slices.ContainsFunc(st.Details(), func(d any) bool {
		ri, ok := d.(*errdetails.RequestInfo)
		return ok && ri.RequestId == traceID
	}) {
		t.Error("gRPC without traceparent took the trace id")
	}
}

func jsonDecode(w *httptest.ResponseRecorder, v *faulttest.Body) error {
	return json.Unmarshal(w.Body.Bytes(), v)
}

// Spans that do not record, and no span at all, cost nothing but the
// counter.
func TestNoSpan(t *testing.T) {
	tel := newTelemetry(t, otelfault.SignalSpanEvents)
	faults := httpfault.New(&httpfault.Options{Logger: discard, Observe: tel.obs.Observe})
	do(shop(faults), http.MethodGet, "/accounts/42")
	if got := counter(t, tel.metrics); got["_404AccountNotFoundException -100001 404"] != 1 {
		t.Errorf("counter %v", got)
	}
}

// error.type: the class, or the catalog key when the class is only a
// family's base.
func TestErrorType(t *testing.T) {
	for _, c := range []struct {
		a    httpfault.Answer
		want string
	}{
		{httpfault.Answer{Code: -60010, Class: "_404ServiceNotFoundException"}, "_404ServiceNotFoundException"},
		{httpfault.Answer{Code: -60008, Class: "WebException"}, "E60008"},
		{httpfault.Answer{Code: -7}, "E7"},
	} {
		if got := otelfault.ErrorType(&c.a); got != c.want {
			t.Errorf("ErrorType(%d %q) = %q, want %q", c.a.Code, c.a.Class, got, c.want)
		}
	}
}
