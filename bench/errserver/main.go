// Command errserver serves one failing route and a router 404 through one
// framework with either its own error handling or zerofault's, each with
// its defaults, for bench/wrk.sh to measure whole servers side by side:
//
//	go run ./bench/errserver -mode echo4-zerofault -addr 127.0.0.1:18100
//
// Modes: echo4-default, echo4-zerofault, echo5-default, echo5-zerofault,
// nethttp-default, nethttp-zerofault. GET /users/42 fails in the handler
// (a 404 with a message: echo.HTTPError, http.Error, or the equivalent
// generated exception), any other path is the router's 404.
//
// The floor modes (echo4-floor, echo5-floor, nethttp-floor) are the
// default ones with the error answered by zerofault's headers and body
// written as constants (see writeFloor): what zerofault's wire format
// costs a server, apart from any work that produces it. echo4-loaded is
// echo4-default with zerofault's catalogs and texts loaded and never
// used: what their place on the heap costs the garbage collector.
package main

import (
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
	echo5mw "github.com/labstack/echo/v5/middleware"

	"github.com/zeroport/zerofault/echofault"
	echofault5 "github.com/zeroport/zerofault/echofault/v5"
	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/webexc"
)

func main() {
	mode := flag.String("mode", "echo4-zerofault", "framework and error handling")
	addr := flag.String("addr", "127.0.0.1:18100", "address to listen on")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile to this file until SIGINT or SIGTERM")
	memProfile := flag.String("memprofile", "", "write an allocation profile to this file at SIGINT or SIGTERM")
	flag.Parse()
	if *memProfile != "" {
		defer writeHeapProfile(*memProfile)
	}
	if *cpuProfile != "" {
		stop, err := profile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer stop()
	}
	h, err := handler(*mode)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	srv := &http.Server{Addr: *addr, Handler: h}
	go func() {
		// A signal ends the server cleanly, so that a profile is complete.
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		<-sig
		_ = srv.Close()
	}()
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// writeHeapProfile writes the allocations so far to path.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
}

// profile starts a CPU profile into path; stop ends it.
func profile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

const message = "No user has id 42."

// failure is the handler's own failure in zerofault's terms.
func failure() error { return webexc.NewRecordNotFound("UserHandler") }

func handler(mode string) (http.Handler, error) {
	switch mode {
	case "echo4-loaded":
		// The default, with zerofault's catalogs and texts loaded but
		// unused: what their place on the heap costs the collector.
		httpfault.New(nil).ServeError(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil), failure())
		return handler("echo4-default")
	case "echo4-default", "echo4-zerofault", "echo4-floor":
		e := echo4.New()
		e.HideBanner, e.HidePort = true, true
		fail := func(echo4.Context) error { return echo4.NewHTTPError(http.StatusNotFound, message) }
		switch mode {
		case "echo4-zerofault":
			e.HTTPErrorHandler = echofault.ErrorHandler()
			e.Use(echofault.Recover())
			fail = func(echo4.Context) error { return failure() }
		case "echo4-floor":
			e.HTTPErrorHandler = func(_ error, c echo4.Context) { writeFloor(c.Response()) }
		}
		e.GET("/users/:id", fail)
		return e, nil
	case "echo5-default", "echo5-zerofault", "echo5-floor":
		e := echo5.New()
		fail := func(*echo5.Context) error { return echo5.NewHTTPError(http.StatusNotFound, message) }
		switch mode {
		case "echo5-zerofault":
			e.HTTPErrorHandler = echofault5.ErrorHandler()
			e.Use(echofault5.Recover())
			fail = func(*echo5.Context) error { return failure() }
		case "echo5-floor":
			e.HTTPErrorHandler = func(c *echo5.Context, _ error) { writeFloor(c.Response()) }
			e.Use(echo5mw.Recover())
		default:
			e.Use(echo5mw.Recover())
		}
		e.GET("/users/:id", fail)
		return e, nil
	case "nethttp-default":
		mux := http.NewServeMux()
		mux.HandleFunc("GET /users/{id}", func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, message, http.StatusNotFound)
		})
		return mux, nil
	case "nethttp-zerofault":
		faults := httpfault.New(nil)
		mux := http.NewServeMux()
		mux.Handle("GET /users/{id}", faults.HandlerFunc(func(http.ResponseWriter, *http.Request) error { return failure() }))
		return faults.Middleware(mux), nil
	case "nethttp-floor":
		// Through a mux as the others, with a catch-all route standing
		// for its 404.
		mux := http.NewServeMux()
		floor := func(w http.ResponseWriter, _ *http.Request) { writeFloor(w) }
		mux.HandleFunc("GET /users/{id}", floor)
		mux.HandleFunc("/", floor)
		return mux, nil
	}
	return nil, fmt.Errorf("errserver: unknown mode %q", mode)
}

// writeFloor writes zerofault's answer to the router's 404 as constants:
// the same headers and a body of the same size, without any of the work
// that produces them.
func writeFloor(w http.ResponseWriter) {
	h := w.Header()
	h["Content-Type"] = []string{"application/json; charset=UTF-8"}
	h["X-Content-Type-Options"] = []string{"nosniff"}
	h["Vary"] = []string{"Accept, Accept-Language"}
	h["Content-Language"] = []string{"en"}
	h["X-Request-Id"] = []string{"fcdb335aa5cb8295"}
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write(floorBody)
}

var floorBody = []byte(`{"id":"fcdb335aa5cb8295","code":-60010,"message":"(404) - No service handles GET /nowhere.","info":"The page or service you requested could not be found."}`)
