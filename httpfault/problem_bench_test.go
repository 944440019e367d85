package httpfault_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v5"

	echofault "github.com/zeroport/zerofault/echofault/v5"
	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/faulttest"
	"github.com/zeroport/zerofault/webexc"
)

// problemCase is one failure both handlers answer as problem+json: a
// returned -60008 through zerofault (through the Echo v5 adapter, on
// the same echo.Context as echo's handler), and through echo v5.4's
// ProblemDetailsHTTPErrorHandler the echo.ProblemError with the same
// type, title, status, detail and instance. Ours writes more: the code,
// the request id and the system message as extension members, the
// title from the catalog, and it negotiates the format by Accept.
func problemCase() (ours error, theirs *echo.ProblemError) {
	w := webexc.NewRecordNotFound("OrderHandler")
	w.SetID("a2e024c472f56284")
	return w, &echo.ProblemError{
		Type:     httpfault.DefaultProblemTypeBase + "60008",
		Title:    w.Readable(), // ours: the readable text of a code that takes no params
		Status:   http.StatusNotFound,
		Detail:   w.Readable(),
		Instance: "urn:zerofault:id:a2e024c472f56284",
	}
}

func problemRequest() *http.Request {
	req := httptest.NewRequest(http.MethodGet, "/api/orders/42", nil)
	req.Header.Set("Accept", "application/problem+json")
	return req
}

// answerOnEcho answers err with handle on a reused echo v5 context, as
// echo does with its pooled contexts.
func answerOnEcho(handle echo.HTTPErrorHandler, err error, w http.ResponseWriter) func() {
	req := problemRequest()
	c := echo.New().NewContext(req, w)
	return func() {
		clear(w.Header())
		c.Reset(req, w)
		handle(c, err)
	}
}

// answerFreshOnEcho is answerOnEcho with an error made for each answer.
func answerFreshOnEcho(handle echo.HTTPErrorHandler, mk func() error, w http.ResponseWriter) func() {
	req := problemRequest()
	c := echo.New().NewContext(req, w)
	return func() {
		clear(w.Header())
		c.Reset(req, w)
		handle(c, mk())
	}
}

// problem+json rendering: zerofault against echo v5's own RFC 9457
// handler. Target: ours at most 1.0× echo's time.
func BenchmarkProblemJSON(b *testing.B) {
	ours, theirs := problemCase()
	run := func(b *testing.B, each func(), w *faulttest.Discard) {
		each() // warm pools and caches
		b.ReportAllocs()
		for b.Loop() {
			each()
		}
		if w.Status != http.StatusNotFound || w.H.Get("Content-Type") != "application/problem+json; charset=UTF-8" &&
			w.H.Get("Content-Type") != "application/problem+json" {
			b.Fatalf("%d %v", w.Status, w.H)
		}
	}
	b.Run("zerofault", func(b *testing.B) {
		w := faulttest.NewDiscard()
		h := echofault.ErrorHandlerWithConfig(echofault.ErrorHandlerConfig{Logger: slog.New(slog.DiscardHandler)})
		run(b, answerOnEcho(h, ours, w), w)
	})
	b.Run("echo", func(b *testing.B) {
		w := faulttest.NewDiscard()
		run(b, answerOnEcho(echo.ProblemDetailsHTTPErrorHandler(false), theirs, w), w)
	})
	// Each answer with an error made for it, as a handler makes one per
	// failure: a generated exception against a ProblemError literal.
	b.Run("zerofault-fresh", func(b *testing.B) {
		w := faulttest.NewDiscard()
		h := echofault.ErrorHandlerWithConfig(echofault.ErrorHandlerConfig{Logger: slog.New(slog.DiscardHandler)})
		run(b, answerFreshOnEcho(h, func() error { return webexc.NewRecordNotFound("OrderHandler") }, w), w)
	})
	b.Run("echo-fresh", func(b *testing.B) {
		w := faulttest.NewDiscard()
		run(b, answerFreshOnEcho(echo.ProblemDetailsHTTPErrorHandler(false), func() error {
			return &echo.ProblemError{Type: theirs.Type, Title: theirs.Title, Status: theirs.Status, Detail: theirs.Detail, Instance: theirs.Instance}
		}, w), w)
	})
	// The net/http entry point, without Echo's context, for reference.
	b.Run("httpfault", func(b *testing.B) {
		w := faulttest.NewDiscard()
		h := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler)})
		req := problemRequest()
		run(b, func() { clear(w.H); h.ServeError(w, req, ours) }, w)
	})
}

// The two bodies hold the same RFC 9457 members, so that the benchmark
// compares like with like.
func TestProblemBenchmarkEquivalent(t *testing.T) {
	ours, theirs := problemCase()
	decode := func(handle echo.HTTPErrorHandler, err error) map[string]any {
		rec := httptest.NewRecorder()
		answerOnEcho(handle, err, rec)()
		var m map[string]any
		if err := json.Unmarshal(bytes.TrimSpace(rec.Body.Bytes()), &m); err != nil {
			t.Fatalf("%s: %v", rec.Body, err)
		}
		return m
	}
	a := decode(echofault.ErrorHandlerWithConfig(echofault.ErrorHandlerConfig{Logger: slog.New(slog.DiscardHandler)}), ours)
	b := decode(echo.ProblemDetailsHTTPErrorHandler(false), theirs)
	for _, k := range []string{"type", "title", "status", "detail", "instance"} {
		if a[k] != b[k] {
			t.Errorf("%s: zerofault %v, echo %v", k, a[k], b[k])
		}
	}
}
