package echofault_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v5"

	echofault "github.com/zeroport/zerofault/echofault/v5"
	"github.com/zeroport/zerofault/httpfault/faulttest"
	"github.com/zeroport/zerofault/webexc"
)

func benchRequest() *http.Request {
	req := httptest.NewRequest(http.MethodGet, "/api/users/42", nil)
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
	return req
}

func ours() echo.HTTPErrorHandler {
	return echofault.ErrorHandlerWithConfig(echofault.ErrorHandlerConfig{Logger: slog.New(slog.DiscardHandler)})
}

// runHandler answers err with handle on a reused context, as echo does
// with its pooled contexts.
func runHandler(handle echo.HTTPErrorHandler, err error, req *http.Request) (each func(), w *faulttest.Discard) {
	e := echo.New()
	w = faulttest.NewDiscard()
	c := e.NewContext(req, w)
	return func() {
		clear(w.H)
		c.Reset(req, w)
		handle(c, err)
	}, w
}

func benchHandler(b *testing.B, handle echo.HTTPErrorHandler, err error) {
	each, w := runHandler(handle, err, benchRequest())
	each() // warm pools and caches
	b.ReportAllocs()
	for b.Loop() {
		each()
	}
	if w.Status == 0 {
		b.Fatal("nothing written")
	}
}

// The router's 404 through each handler.
func BenchmarkNotFound(b *testing.B) {
	b.Run("echofault", func(b *testing.B) { benchHandler(b, ours(), echo.ErrNotFound) })
	b.Run("echo", func(b *testing.B) { benchHandler(b, echo.DefaultHTTPErrorHandler(false), echo.ErrNotFound) })
}

// A handler's own error with a text: a WebException through ours, an
// HTTPError with the same message through echo's.
func BenchmarkHandlerError(b *testing.B) {
	w := webexc.New("UserHandler", -60011)
	he := echo.NewHTTPError(http.StatusBadRequest, w.Message())
	b.Run("echofault", func(b *testing.B) { benchHandler(b, ours(), w) })
	b.Run("echo", func(b *testing.B) { benchHandler(b, echo.DefaultHTTPErrorHandler(false), he) })
}

// Recover around a handler that does not fail, against the bare handler.
func BenchmarkRecover(b *testing.B) {
	noop := func(*echo.Context) error { return nil }
	run := func(b *testing.B, h echo.HandlerFunc) {
		c := echo.New().NewContext(benchRequest(), faulttest.NewDiscard())
		b.ReportAllocs()
		for b.Loop() {
			_ = h(c)
		}
	}
	b.Run("middleware", func(b *testing.B) { run(b, echofault.Recover()(noop)) })
	b.Run("bare", func(b *testing.B) { run(b, noop) })
}

// No more allocations than echo's own handler on the same failures, and
// none in Recover on a request that does not fail.
func TestAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	count := func(handle echo.HTTPErrorHandler, err error) float64 {
		each, _ := runHandler(handle, err, benchRequest())
		each()
		return testing.AllocsPerRun(100, each)
	}
	w := webexc.New("UserHandler", -60011)
	for name, pair := range map[string][2]error{
		"404":           {echo.ErrNotFound, echo.ErrNotFound},
		"handler error": {w, echo.NewHTTPError(http.StatusBadRequest, w.Message())},
	} {
		ours, theirs := count(ours(), pair[0]), count(echo.DefaultHTTPErrorHandler(false), pair[1])
		if ours > theirs || ours > 3 {
			t.Errorf("%s: %v allocations, echo's handler %v", name, ours, theirs)
		}
	}
	h := echofault.Recover()(func(*echo.Context) error { return nil })
	c := echo.New().NewContext(benchRequest(), httptest.NewRecorder())
	if n := testing.AllocsPerRun(100, func() { _ = h(c) }); n != 0 {
		t.Errorf("Recover: %v allocations per request", n)
	}
}
