package echofault

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

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

func TestTrimStack(t *testing.T) {
	stack := "goroutine 7 [running]:\nmain.recovered()\n\t/x/r.go:1\npanic({0x1})\n\t/go/panic.go:860\nmain.handler()\n\t/x/h.go:9\n"
	if got := string(trimStack([]byte(stack))); got != "goroutine 7 [running]:\nmain.handler()\n\t/x/h.go:9\n" {
		t.Errorf("trimmed = %q", got)
	}
	for _, s := range []string{"", "no newline", "goroutine 1:\nno panic frame\n"} {
		if got := string(trimStack([]byte(s))); got != s {
			t.Errorf("%q changed to %q", s, got)
		}
	}
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

func TestConversion(t *testing.T) {
	_, terr := time.Parse("2006-01-02", "tomorrow")
	var pe *time.ParseError
	errors.As(terr, &pe)
	be := echo.NewBindingError("since", []string{"tomorrow"}, "bad", terr).(*echo.BindingError)
	cases := []struct {
		s                 scan
		expected, literal string
		ok                bool
	}{
		{scan{num: &strconv.NumError{Func: "ParseUint", Num: "-1"}}, "uint", `"-1"`, true},
		{scan{num: &strconv.NumError{Func: "ParseBool", Num: "yes"}}, "bool", `"yes"`, true},
		{scan{num: &strconv.NumError{Func: "Custom", Num: "z"}}, "Custom", `"z"`, true},
		{scan{timeParse: pe}, "time (2006-01-02)", `"tomorrow"`, true},
		{scan{binding: be}, "value of since", `"tomorrow"`, true},
		{scan{binding: echo.NewBindingError("n", nil, "required", nil).(*echo.BindingError)}, "", "", false},
		{scan{}, "", "", false},
	}
	for _, tc := range cases {
		e, l, ok := conversion(&tc.s)
		if e != tc.expected || l != tc.literal || ok != tc.ok {
			t.Errorf("%+v: %q %q %v", tc.s, e, l, ok)
		}
	}
}
