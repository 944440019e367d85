package echofault

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/webexc"
)

// discardWriter is a ResponseWriter that keeps nothing, so that the
// benchmarks measure the handlers and not a recorder.
type discardWriter struct {
	h      http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(s int)           { w.status = s }

// benchHandler runs handle on err with a reused context, as echo does
// with its pooled contexts.
func benchHandler(b *testing.B, handle echo.HTTPErrorHandler, err error, req *http.Request) {
	e := echo.New()
	w := &discardWriter{h: http.Header{}}
	c := e.NewContext(req, w)
	handle(err, c) // warm pools and caches
	b.ReportAllocs()
	for b.Loop() {
		clear(w.h)
		c.Reset(req, w)
		handle(err, c)
	}
	if w.status == 0 {
		b.Fatal("nothing written")
	}
}

var quiet = slog.New(slog.DiscardHandler)

func ours() echo.HTTPErrorHandler {
	return ErrorHandlerWithConfig(ErrorHandlerConfig{Logger: quiet})
}

func echoDefault() echo.HTTPErrorHandler { return echo.New().DefaultHTTPErrorHandler }

func benchRequest() *http.Request {
	req := httptest.NewRequest(http.MethodGet, "/api/users/42", nil)
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
	return req
}

// The router's 404: echo.ErrNotFound through each handler.
func BenchmarkNotFound(b *testing.B) {
	b.Run("echofault", func(b *testing.B) { benchHandler(b, ours(), echo.ErrNotFound, benchRequest()) })
	b.Run("echo", func(b *testing.B) { benchHandler(b, echoDefault(), echo.ErrNotFound, benchRequest()) })
}

// A handler's own error with a text: a WebException through ours, an
// HTTPError with the same message through echo's.
func BenchmarkHandlerError(b *testing.B) {
	w := webexc.New("UserHandler", -60011)
	he := echo.NewHTTPError(http.StatusBadRequest, w.Message())
	b.Run("echofault", func(b *testing.B) { benchHandler(b, ours(), w, benchRequest()) })
	b.Run("echo", func(b *testing.B) { benchHandler(b, echoDefault(), he, benchRequest()) })
}

// The 404 with a real log record (JSON to io.Discard), which echo's
// handler does not write at all.
func BenchmarkNotFoundLogged(b *testing.B) {
	lg := slog.New(slog.NewJSONHandler(io.Discard, nil))
	benchHandler(b, ErrorHandlerWithConfig(ErrorHandlerConfig{Logger: lg}), echo.ErrNotFound, benchRequest())
}

// A whole request to a missing route through Echo, router included.
func BenchmarkServeHTTPNotFound(b *testing.B) {
	run := func(b *testing.B, handle echo.HTTPErrorHandler) {
		e := echo.New()
		e.HTTPErrorHandler = handle
		e.GET("/api/users/:id", func(c echo.Context) error { return nil })
		req := httptest.NewRequest(http.MethodGet, "/api/orders/42", nil)
		req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
		w := &discardWriter{h: http.Header{}}
		e.ServeHTTP(w, req)
		b.ReportAllocs()
		for b.Loop() {
			clear(w.h)
			e.ServeHTTP(w, req)
		}
	}
	b.Run("echofault", func(b *testing.B) { run(b, ours()) })
	b.Run("echo", func(b *testing.B) { run(b, echoDefault()) })
}

// A validation failure with four violations, localized: the costliest
// common answer.
func BenchmarkValidation(b *testing.B) {
	v := NewValidator()
	err := v.Validate(&user{Email: "x", Age: 3, Nick: "ab", Role: "root"})
	req := benchRequest()
	req.Method = http.MethodPost
	benchHandler(b, ours(), err, req)
}

// Recover around a handler that does not fail, against the bare handler:
// what every successful request pays for it.
func BenchmarkRecover(b *testing.B) {
	noop := func(echo.Context) error { return nil }
	run := func(b *testing.B, h echo.HandlerFunc) {
		e := echo.New()
		c := e.NewContext(benchRequest(), &discardWriter{h: http.Header{}})
		b.ReportAllocs()
		for b.Loop() {
			_ = h(c)
		}
	}
	b.Run("middleware", func(b *testing.B) { run(b, Recover()(noop)) })
	b.Run("bare", func(b *testing.B) { run(b, noop) })
}
