package grpcfault_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/zeroport/zerofault/examples/shop/shoperr"
	"github.com/zeroport/zerofault/grpcfault"
	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/faulttest"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

const (
	webPkg  = "github.com/zeroport/zerofault/webexc"
	shopPkg = "github.com/zeroport/zerofault/examples/shop/shoperr"
)

// standardCodes are the web exceptions the core answers with by itself,
// which a round trip must cover whatever else is registered.
var standardCodes = []int{-60000, -60001, -60002, -60003, -60004, -60005, -60006, -60007,
	-60008, -60009, -60010, -60011, -60012, -60013, -60014}

// reference answers an error as the core would over HTTP, for a request
// in lang with id: what the gRPC answer must carry.
func reference(err error, lang, id string) httpfault.Answer {
	r := httptest.NewRequest(http.MethodPost, "/x", nil)
	if lang != "" {
		r.Header.Set("Accept-Language", lang)
	}
	if id != "" {
		r.Header.Set("X-Request-Id", id)
	}
	return httpfault.New(&httpfault.Options{Logger: discard}).Describe(r, err, httpfault.Facts{Target: methodFail})
}

// outgoing is a call context with the caller's language and request id.
func outgoing(lang, id string) context.Context {
	var kv []string
	if lang != "" {
		kv = append(kv, "accept-language", lang)
	}
	if id != "" {
		kv = append(kv, "x-request-id", id)
	}
	return metadata.AppendToOutgoingContext(context.Background(), kv...)
}

// Every web exception the registry knows of webexc and of the shop
// crosses a real call as itself: its generated type, code, status,
// message, readable text in the caller's language, class and id.
func TestRoundTrip(t *testing.T) {
	var regs []webexc.Registration
	sent := map[string]error{}
	for _, r := range webexc.Registrations() {
		if r.Package != webPkg && r.Package != shopPkg {
			continue
		}
		regs = append(regs, r)
		// Three params fill every template of the family: the message
		// formats, whatever it holds.
		sent[strconv.Itoa(r.Class.Code)] = r.Wrap(webexc.Make(r.Class, "AccountService", []any{1, 2, 3}))
	}
	for _, code := range append(standardCodes, shoperr.CodeOutOfStock) {
		if !slices.ContainsFunc(regs, func(r webexc.Registration) bool { return r.Class.Code == code }) {
			t.Fatalf("code %d is not registered", code)
		}
	}
	h := grpcfault.New(&grpcfault.Options{Faults: httpfault.New(&httpfault.Options{Logger: discard}), Domain: "shop.example.com"})
	c := start(t, h, func(_ context.Context, name string) error { return sent[name] })

	for _, r := range regs {
		name := strconv.Itoa(r.Class.Code)
		for _, lang := range []string{"", "zh-CN", "de-CH"} {
			id := "req-" + name + "-" + lang
			err := call(outgoing(lang, id), c.client, name)
			want := reference(sent[name], lang, id)
			if reflect.TypeOf(err) != reflect.TypeOf(sent[name]) {
				t.Errorf("%s %s: decoded a %T, sent a %T", name, lang, err, sent[name])
				continue
			}
			w, _ := errors.AsType[*webexc.WebException](err)
			if w.Code() != r.Class.Code || w.Status() != want.Status || w.Message() != string(want.Message) ||
				w.Readable() != string(want.Info) || w.ID() != id || w.ClassName() != r.Class.Name || w.Target() != methodFail {
				t.Errorf("%s %s: decoded\n  %d %d %q %q %q %s %s\nwant\n  %d %d %q %q %q %s", name, lang,
					w.Code(), w.Status(), w.Message(), w.Readable(), w.ID(), w.ClassName(), w.Target(),
					want.Code, want.Status, want.Message, want.Info, id, r.Class.Name)
			}
			if !errors.Is(err, sent[name]) || !zero.HasCode(err, r.Class.Code) {
				t.Errorf("%s: errors.Is by code fails across the call", name)
			}
			if got := status.Code(err); got != grpcfault.CodeFromHTTP(want.Status) {
				t.Errorf("%s: status.Code(decoded) = %v, want %v", name, got, grpcfault.CodeFromHTTP(want.Status))
			}
			d, ok := errors.AsType[*grpcfault.StatusDetails](err)
			if !ok || d.Domain != "shop.example.com" || d.Class != r.Class.Name || d.Locale != want.Language {
				t.Errorf("%s %s: details %+v, want locale %q", name, lang, d, want.Language)
			}
		}
	}

	// The generated predicates and types of an application's own
	// exceptions hold across the call.
	sent["stock"] = shoperr.NewOutOfStock("Orders", "MUG-02", 3, 1)
	err := call(outgoing("zh-CN", ""), c.client, "stock")
	var oos *shoperr.OutOfStockException
	if !shoperr.IsOutOfStock(err) || !errors.As(err, &oos) || oos.Status() != http.StatusConflict ||
		oos.Message() != "(409) - Item MUG-02: 3 requested, 1 in stock." || !strings.Contains(oos.Readable(), "1") {
		t.Errorf("out of stock decoded as %#v", err)
	}
	if oos != nil && oos.ID() != sent["stock"].(*shoperr.OutOfStockException).ID() {
		t.Errorf("id %q, sent %q: without a request id the exception's own travels", oos.ID(), sent["stock"].(*shoperr.OutOfStockException).ID())
	}
}

// The status as it travels: Google's error model, readable by any
// client.
func TestStatusOnTheWire(t *testing.T) {
	h := grpcfault.New(&grpcfault.Options{Faults: httpfault.New(&httpfault.Options{Logger: discard})})
	c := start(t, h, func(context.Context, string) error { return shoperr.NewAccountNotFound("Accounts", "42") })
	err := call(outgoing("zh-CN", "req-7"), c.raw, "x")
	st, _ := status.FromError(err)
	if st.Code() != codes.NotFound || st.Message() != "(404) - No account has id 42." {
		t.Fatalf("status %v %q", st.Code(), st.Message())
	}
	var kinds []string
	for _, d := range st.Details() {
		switch x := d.(type) {
		case *errdetails.ErrorInfo:
			kinds = append(kinds, "ErrorInfo")
			want := map[string]string{"code": "-100001", "class": "_404AccountNotFoundException", "status": "404"}
			if x.Reason != "E100001" || x.Domain != grpcfault.DefaultDomain || !reflect.DeepEqual(x.Metadata, want) {
				t.Errorf("ErrorInfo %v", x)
			}
		case *errdetails.LocalizedMessage:
			kinds = append(kinds, "LocalizedMessage")
			if x.Locale != "zh-CN" || x.Message == "" || !strings.ContainsFunc(x.Message, func(r rune) bool { return r > 0x4e00 }) {
				t.Errorf("LocalizedMessage %v", x)
			}
		case *errdetails.RequestInfo:
			kinds = append(kinds, "RequestInfo")
			if x.RequestId != "req-7" {
				t.Errorf("RequestInfo %v", x)
			}
		default:
			kinds = append(kinds, fmt.Sprintf("%T", d))
		}
	}
	if !slices.Equal(kinds, []string{"ErrorInfo", "LocalizedMessage", "RequestInfo"}) {
		t.Errorf("details %v", kinds)
	}
}

// A validation failure's violations travel as BadRequest and come back
// as the core answered them.
func TestFieldViolations(t *testing.T) {
	validate := httpfault.NewValidator()
	invalid := func() error { return validate.Validate(&faulttest.User{Email: "bo@", Age: 12}) }
	h := grpcfault.New(&grpcfault.Options{Faults: httpfault.New(&httpfault.Options{Logger: discard})})
	c := start(t, h, func(context.Context, string) error { return invalid() })

	want := reference(invalid(), "zh-CN", "")
	if len(want.Fields) != 3 {
		t.Fatalf("the reference answer has %d fields", len(want.Fields))
	}
	err := call(outgoing("zh-CN", ""), c.client, "x")
	var v *webexc.ValidationException
	d, ok := errors.AsType[*grpcfault.StatusDetails](err)
	if !errors.As(err, &v) || !ok || len(d.Violations) != len(want.Fields) {
		t.Fatalf("decoded %#v", err)
	}
	if v.Message() != string(want.Message) {
		t.Errorf("message %q, want %q", v.Message(), want.Message)
	}
	for i, f := range want.Fields {
		got := d.Violations[i]
		if got != (grpcfault.FieldViolation{Field: f.Field, Rule: f.Rule, Param: f.Param, Info: string(f.Info)}) {
			t.Errorf("violation %d: %+v, want %s %s %s %s", i, got, f.Field, f.Rule, f.Param, f.Info)
		}
	}
	if s := grpcfault.FieldViolations(d.Violations).String(); s != "name: required; email: email; age: gte=18" {
		t.Errorf("violations read %q", s)
	}

	// On the wire: Google's form, reasons in upper case.
	st, _ := status.FromError(call(outgoing("", ""), c.raw, "x"))
	for _, det := range st.Details() {
		if br, ok := det.(*errdetails.BadRequest); ok {
			fv := br.FieldViolations[2]
			if fv.Field != "age" || fv.Reason != "GTE" || fv.Description != "gte=18" || fv.LocalizedMessage.GetLocale() != "en" {
				t.Errorf("violation on the wire: %v", fv)
			}
			return
		}
	}
	t.Error("no BadRequest detail")
}

// logRecords is a logger that keeps its JSON records.
type logRecords struct{ buf bytes.Buffer }

func (l *logRecords) logger() *slog.Logger { return slog.New(slog.NewJSONHandler(&l.buf, nil)) }

func (l *logRecords) records(t *testing.T) []map[string]any {
	t.Helper()
	var out []map[string]any
	for line := range strings.Lines(l.buf.String()) {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// A panic in a handler, unary or streaming, is Internal with no trace of
// its value in production, logged once with its stack; a debug call
// sees it in the message and in a DebugInfo.
func TestPanic(t *testing.T) {
	var logs logRecords
	h := grpcfault.New(&grpcfault.Options{
		Faults: httpfault.New(&httpfault.Options{Logger: logs.logger()}),
		Debug:  httpfault.DebugToken("x-debug-token", "open"),
	})
	c := start(t, h, func(context.Context, string) error { panic("secret value 1234") })

	err := call(outgoing("", ""), c.raw, "x")
	st, _ := status.FromError(err)
	if st.Code() != codes.Internal || strings.Contains(err.Error(), "secret") ||
		st.Message() != "(500) - An internal server error occurred: details are in the server log" {
		t.Errorf("production panic: %v", err)
	}
	for _, d := range st.Details() {
		if _, ok := d.(*errdetails.DebugInfo); ok {
			t.Error("a DebugInfo in production")
		}
	}
	recs := logs.records(t)
	if len(recs) != 1 || recs[0]["panic"] != "secret value 1234" || !strings.Contains(recs[0]["stack"].(string), "grpcfault_test") ||
		recs[0]["target"] != methodFail || recs[0]["code"] != float64(-60007) {
		t.Errorf("log: %v", recs)
	}

	// Decoded: the standard -60007 exception.
	if err := call(outgoing("", ""), c.client, "x"); !webexc.IsInternalServer(err) || status.Code(err) != codes.Internal {
		t.Errorf("decoded panic: %#v", err)
	}

	// A debug call: the value in the message, the stack in DebugInfo.
	ctx := metadata.AppendToOutgoingContext(context.Background(), "x-debug-token", "open")
	st, _ = status.FromError(call(ctx, c.raw, "x"))
	var debug *errdetails.DebugInfo
	for _, d := range st.Details() {
		if x, ok := d.(*errdetails.DebugInfo); ok {
			debug = x
		}
	}
	if !strings.Contains(st.Message(), "secret value 1234") || debug == nil ||
		!strings.Contains(strings.Join(debug.StackEntries, "\n"), "grpcfault_test") ||
		!strings.Contains(debug.Detail, "class: _500InternalServerException") {
		t.Errorf("debug panic: %q %v", st.Message(), debug)
	}

	// A streaming handler's panic, after two messages.
	got, err := watch(outgoing("", ""), c.raw, "x")
	if len(got) != 2 || status.Code(err) != codes.Internal || strings.Contains(err.Error(), "secret") {
		t.Errorf("stream panic: %v %v", got, err)
	}
}

// What the handler returns that is not a zerofault exception.
func TestOtherErrors(t *testing.T) {
	var logs logRecords
	h := grpcfault.New(&grpcfault.Options{Faults: httpfault.New(&httpfault.Options{Logger: logs.logger()})})
	errs := map[string]error{
		"plain":    errors.New("dial tcp 10.0.0.7:5432: password=hunter2"),
		"status":   status.Error(codes.FailedPrecondition, "the cart is locked"),
		"wrapped":  fmt.Errorf("checkout: %w", status.Error(codes.NotFound, "no cart 7")),
		"deadline": fmt.Errorf("query: %w", context.DeadlineExceeded),
		"canceled": context.Canceled,
	}
	c := start(t, h, func(_ context.Context, name string) error { return errs[name] })
	for name, want := range map[string]struct {
		code codes.Code
		msg  string
	}{
		"plain":    {codes.Internal, "(500) - An internal server error occurred: details are in the server log"},
		"status":   {codes.FailedPrecondition, "the cart is locked"},
		"wrapped":  {codes.NotFound, "checkout: rpc error: code = NotFound desc = no cart 7"},
		"deadline": {codes.DeadlineExceeded, "(504) - An internal server error occurred: details are in the server log"},
		"canceled": {codes.Canceled, "(499) - The request is invalid and cannot be processed."},
	} {
		st, _ := status.FromError(call(outgoing("", ""), c.raw, name))
		if st.Code() != want.code || st.Message() != want.msg {
			t.Errorf("%s: %v %q, want %v %q", name, st.Code(), st.Message(), want.code, want.msg)
		}
		if (name == "status" || name == "wrapped") && len(st.Details()) != 0 {
			t.Errorf("%s: a handler's own status gained details", name)
		}
	}
	// The handler's own statuses pass untouched and are not logged; the
	// other three are, once each.
	if recs := logs.records(t); len(recs) != 3 {
		t.Errorf("%d log records, want 3: %v", len(recs), recs)
	}
}

// A status no zerofault service made decodes as the failed remote call
// it is: -60017 with the status of its code; its message only for a
// client error; the status itself as the cause.
func TestForeignStatus(t *testing.T) {
	h := grpcfault.New(&grpcfault.Options{Faults: httpfault.New(&httpfault.Options{Logger: discard})})
	errs := map[string]error{
		"notfound": status.Error(codes.NotFound, "no user 42"),
		"internal": status.Error(codes.Internal, "pq: password authentication failed for user admin"),
	}
	c := start(t, h, func(_ context.Context, name string) error { return errs[name] })

	err := call(outgoing("", ""), c.client, "notfound")
	var remote *webexc.RemoteRpcException
	if !errors.As(err, &remote) || remote.Status() != http.StatusNotFound || status.Code(err) != codes.NotFound ||
		remote.Message() != "(404) - The remote RPC call to "+methodFail+" at address passthrough:///bufnet failed: NotFound: no user 42" {
		t.Fatalf("decoded %#v", err)
	}
	if d, ok := errors.AsType[*grpcfault.StatusDetails](err); !ok || d.Status.Message() != "no user 42" || d.Domain != "" {
		t.Errorf("details %+v", d)
	}

	err = call(outgoing("", ""), c.client, "internal")
	if !errors.As(err, &remote) || remote.Status() != http.StatusInternalServerError || status.Code(err) != codes.Internal ||
		strings.Contains(remote.Message(), "password") || !strings.HasSuffix(remote.Message(), "failed: Internal") {
		t.Errorf("decoded %q", remote.Message())
	}
	if d, _ := errors.AsType[*grpcfault.StatusDetails](err); !strings.Contains(d.Error(), "password authentication failed") {
		t.Errorf("the cause lost the status: %v", d)
	}

	// FromStatus answers only for zerofault's statuses.
	if _, ok := grpcfault.FromStatus(status.New(codes.NotFound, "x")); ok {
		t.Error("FromStatus took a foreign status")
	}
	if err := grpcfault.Decode(methodFail, "x", errors.New("local")); err.Error() != "local" {
		t.Errorf("a non-status error changed: %v", err)
	}
}

// A decoded exception returned by a handler is answered again by the
// core, as itself, with its retry advice.
func TestRetryInfo(t *testing.T) {
	h := grpcfault.New(&grpcfault.Options{Faults: httpfault.New(&httpfault.Options{Logger: discard}), RetryDelay: time.Second})
	errs := map[string]error{
		"hint":      grpcfault.WithRetry(shoperr.NewOutOfStock("Orders", "MUG-02", 3, 0), 90*time.Second),
		"limited":   &httpfault.StatusError{Status: http.StatusTooManyRequests},
		"notfound":  shoperr.NewAccountNotFound("Accounts", "42"),
		"zerohint":  grpcfault.WithRetry(&httpfault.StatusError{Status: http.StatusServiceUnavailable}, 0),
		"forwarded": nil, // set below
	}
	c := start(t, h, func(_ context.Context, name string) error { return errs[name] })
	delay := func(err error) time.Duration {
		d, _ := errors.AsType[*grpcfault.StatusDetails](err)
		if d == nil {
			t.Fatalf("not decoded: %v", err)
		}
		return d.RetryAfter()
	}
	hint := call(outgoing("", ""), c.client, "hint")
	if !shoperr.IsOutOfStock(hint) || delay(hint) != 90*time.Second {
		t.Errorf("hint: %v, %v", hint, delay(hint))
	}
	if err := call(outgoing("", ""), c.client, "limited"); status.Code(err) != codes.ResourceExhausted || delay(err) != time.Second {
		t.Errorf("429: %v %v", status.Code(err), delay(err))
	}
	if err := call(outgoing("", ""), c.client, "zerohint"); status.Code(err) != codes.Unavailable || delay(err) != time.Second {
		t.Errorf("503 with a zero hint: %v %v", status.Code(err), delay(err))
	}
	if err := call(outgoing("", ""), c.client, "notfound"); delay(err) != 0 {
		t.Errorf("404 advises %v", delay(err))
	}
	// Forwarded: the advice travels on.
	errs["forwarded"] = hint
	if err := call(outgoing("", ""), c.client, "forwarded"); !shoperr.IsOutOfStock(err) || delay(err) != 90*time.Second {
		t.Errorf("forwarded: %v %v", err, delay(err))
	}
}

// Options.Code refines the table where a code means more than its
// status.
func TestCodeOption(t *testing.T) {
	h := grpcfault.New(&grpcfault.Options{
		Faults: httpfault.New(&httpfault.Options{Logger: discard}),
		Code: func(a *httpfault.Answer) (codes.Code, bool) {
			return codes.AlreadyExists, a.Code == shoperr.CodeAccountExists
		},
	})
	errs := map[string]error{
		"exists": shoperr.NewAccountExists("Accounts", "ada@example.com"),
		"stock":  shoperr.NewOutOfStock("Orders", "MUG-02", 3, 1),
	}
	c := start(t, h, func(_ context.Context, name string) error { return errs[name] })
	if err := call(outgoing("", ""), c.client, "exists"); status.Code(err) != codes.AlreadyExists || !shoperr.IsAccountExists(err) {
		t.Errorf("exists: %v", err)
	}
	if err := call(outgoing("", ""), c.client, "stock"); status.Code(err) != codes.Aborted {
		t.Errorf("stock: %v", status.Code(err))
	}
}

// A stream's failure after its messages decodes like a unary one.
func TestStream(t *testing.T) {
	h := grpcfault.New(&grpcfault.Options{Faults: httpfault.New(&httpfault.Options{Logger: discard})})
	c := start(t, h, func(_ context.Context, name string) error {
		if name == "ok" {
			return nil
		}
		return shoperr.NewOrderNotFound("Orders", name)
	})
	got, err := watch(outgoing("", ""), c.client, "1009")
	if !slices.Equal(got, []string{"watch 1009", "watch 1009"}) || !shoperr.IsOrderNotFound(err) {
		t.Errorf("stream: %v %#v", got, err)
	}
	if got, err := watch(outgoing("", ""), c.client, "ok"); len(got) != 2 || err != nil {
		t.Errorf("a stream that does not fail: %v %v", got, err)
	}
}

func TestCodeTables(t *testing.T) {
	for status, want := range map[int]codes.Code{
		400: codes.InvalidArgument, 401: codes.Unauthenticated, 403: codes.PermissionDenied, 404: codes.NotFound,
		405: codes.Unimplemented, 408: codes.DeadlineExceeded, 409: codes.Aborted, 410: codes.NotFound,
		412: codes.FailedPrecondition, 413: codes.ResourceExhausted, 415: codes.InvalidArgument, 416: codes.OutOfRange,
		422: codes.InvalidArgument, 424: codes.FailedPrecondition, 429: codes.ResourceExhausted, 499: codes.Canceled,
		500: codes.Internal, 501: codes.Unimplemented, 502: codes.Unavailable, 503: codes.Unavailable,
		504: codes.DeadlineExceeded, 507: codes.Internal, 200: codes.Unknown, 302: codes.Unknown, 0: codes.Unknown,
	} {
		if got := grpcfault.CodeFromHTTP(status); got != want {
			t.Errorf("CodeFromHTTP(%d) = %v, want %v", status, got, want)
		}
	}
	// Every code has an error status, and the statuses that stand for
	// one code alone come back to it.
	for c := codes.OK; c <= codes.Unauthenticated; c++ {
		s := grpcfault.HTTPFromCode(c)
		if s < 400 || s > 599 {
			t.Errorf("HTTPFromCode(%v) = %d", c, s)
		}
		switch c {
		case codes.OK, codes.Unknown, codes.DataLoss, codes.FailedPrecondition, codes.OutOfRange, codes.AlreadyExists:
			continue // several codes share their status
		}
		if back := grpcfault.CodeFromHTTP(s); back != c {
			t.Errorf("%v → %d → %v", c, s, back)
		}
	}
}
