package echofault

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"
)

func TestRecoverHandsPanicsToTheErrorHandler(t *testing.T) {
	var got []error
	e := echo.New()
	e.HTTPErrorHandler = func(err error, c echo.Context) { got = append(got, err); _ = c.NoContent(599) }
	e.Use(RecoverWithConfig(RecoverConfig{StackSize: -1}))
	e.GET("/value", func(echo.Context) error { panic(42) })
	e.GET("/error", func(echo.Context) error { panic(errors.New("boom")) })
	e.GET("/nil", func(echo.Context) error { panic(nil) })
	e.GET("/ok", func(c echo.Context) error { return c.NoContent(204) })
	for _, url := range []string{"/value", "/error", "/nil", "/ok"} {
		e.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", url, nil))
	}
	if len(got) != 3 {
		t.Fatalf("errors = %v", got)
	}
	var p *PanicError
	if !errors.As(got[0], &p) || p.Value != 42 || p.Error() != "panic: 42" || p.Stack != nil || p.Unwrap() != nil {
		t.Errorf("value panic: %#v", got[0])
	}
	if !errors.As(got[1], &p) || p.Unwrap() == nil || p.Unwrap().Error() != "boom" {
		t.Errorf("error panic: %#v", got[1])
	}
	if !errors.As(got[2], &p) || !strings.Contains(p.Error(), "nil") {
		t.Errorf("panic(nil): %v", got[2])
	}
}

func TestRecoverSkipper(t *testing.T) {
	e := echo.New()
	e.Use(RecoverWithConfig(RecoverConfig{Skipper: func(echo.Context) bool { return true }}))
	e.GET("/", func(echo.Context) error { panic("through") })
	defer func() {
		if r := recover(); r != "through" {
			t.Errorf("recovered %v", r)
		}
	}()
	e.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	t.Error("the skipped panic was recovered")
}

func TestRecoverRepanicsWrappedAbort(t *testing.T) {
	e := echo.New()
	e.Use(Recover())
	wrapped := errors.Join(errors.New("client gone"), http.ErrAbortHandler)
	e.GET("/", func(echo.Context) error { panic(wrapped) })
	defer func() {
		if r := recover(); r != wrapped {
			t.Errorf("recovered %v", r)
		}
	}()
	e.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
}

// A request that does not panic allocates nothing in Recover.
func TestRecoverAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	e := echo.New()
	h := Recover()(func(echo.Context) error { return nil })
	c := e.NewContext(httptest.NewRequest("GET", "/", nil), httptest.NewRecorder())
	if n := testing.AllocsPerRun(100, func() { _ = h(c) }); n != 0 {
		t.Errorf("%v allocations per request", n)
	}
}

// Handling the commonest failure allocates less than echo's own handler
// does; the benchmarks give the figures.
func TestNotFoundAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	count := func(handle echo.HTTPErrorHandler) float64 {
		e := echo.New()
		w := &discardWriter{h: http.Header{}}
		req := benchRequest()
		c := e.NewContext(req, w)
		handle(echo.ErrNotFound, c)
		return testing.AllocsPerRun(100, func() {
			clear(w.h)
			c.Reset(req, w)
			handle(echo.ErrNotFound, c)
		})
	}
	ours, theirs := count(ours()), count(echoDefault())
	if ours > 3 || ours >= theirs {
		t.Errorf("404: %v allocations, echo's handler %v", ours, theirs)
	}
}
