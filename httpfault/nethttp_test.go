package httpfault_test

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/faulttest"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

func notFound() *webexc.WebException { return webexc.New("UserHandler", -60008).SetStatus(404) }

// newMux serves the suite's routes with Go's ServeMux.
func newMux(s faulttest.Setup) http.Handler {
	faults := httpfault.New(&httpfault.Options{
		Logger: s.Logger, Readable: s.Readable, Debug: httpfault.DebugToken(s.DebugHeader, s.DebugToken),
	})
	validate := httpfault.NewValidator()
	mux := http.NewServeMux()
	handle := func(pattern string, fn httpfault.HandlerFunc) { mux.Handle(pattern, faults.HandlerFunc(fn)) }
	handle("GET /web", func(http.ResponseWriter, *http.Request) error { return notFound() })
	handle("GET /wrapped", func(http.ResponseWriter, *http.Request) error { return fmt.Errorf("load user 42: %w", notFound()) })
	handle("GET /joined", func(http.ResponseWriter, *http.Request) error {
		return errors.Join(errors.New("cache miss"), webexc.New("UserHandler", -60009).SetStatus(409))
	})
	handle("GET /status/{code}", func(_ http.ResponseWriter, r *http.Request) error {
		code, _ := strconv.Atoi(r.PathValue("code"))
		return &httpfault.StatusError{Status: code}
	})
	handle("POST /users", func(w http.ResponseWriter, r *http.Request) error {
		var u faulttest.User
		if err := httpfault.DecodeJSON(w, r, &u, 0); err != nil {
			return err
		}
		return validate.Validate(&u)
	})
	handle("GET /panic", func(http.ResponseWriter, *http.Request) error { panic("secret value 1234") })
	// Under Middleware alone, not HandlerFunc: the middleware recovers.
	mux.HandleFunc("GET /panic-error", func(http.ResponseWriter, *http.Request) { panic(errors.New("map write: secret")) })
	handle("GET /throw", func(http.ResponseWriter, *http.Request) error {
		zero.Throw(webexc.New("Deep", -60013).SetStatus(403))
		return nil
	})
	handle("GET /unknown", func(http.ResponseWriter, *http.Request) error {
		return errors.New("dial tcp 10.0.0.7:5432: password=hunter2")
	})
	handle("GET /committed", func(w http.ResponseWriter, _ *http.Request) error {
		_, _ = w.Write([]byte("partial"))
		return errors.New("late failure")
	})
	handle("GET /download", func(w http.ResponseWriter, _ *http.Request) error {
		w.Header().Set("Content-Length", "1000")
		w.Header().Set("Content-Disposition", `attachment; filename="report.csv"`)
		w.Header().Set("Content-Encoding", "gzip")
		return notFound()
	})
	// A 404 a handler writes itself is its own answer.
	mux.HandleFunc("GET /own-404", func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "mine", http.StatusNotFound) })
	return faults.Middleware(mux)
}

// The net/http adapter passes the suite through http.ServeMux.
func TestConformance(t *testing.T) {
	faulttest.Run(t, faulttest.Bundle(t), newMux)
}

func do(h http.Handler, method, url string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, url, nil))
	return rec
}

func TestServeMux(t *testing.T) {
	h := newMux(faulttest.Setup{Logger: slog.New(slog.DiscardHandler)})
	// The route pattern is the target of the exceptions built for it.
	rec := do(h, "GET", "/status/418")
	if b := faulttest.Decode(t, rec); rec.Code != 418 || b.Code != -60011 {
		t.Errorf("418: %d %+v", rec.Code, b)
	}
	rec = do(h, "GET", "/own-404")
	if rec.Code != 404 || rec.Body.String() != "mine\n" || rec.Header().Get("Content-Type") != "text/plain; charset=utf-8" {
		t.Errorf("a handler's own 404 was replaced: %d %v %q", rec.Code, rec.Header(), rec.Body)
	}
	rec = do(h, "DELETE", "/web")
	if rec.Code != 405 || rec.Header().Get("Allow") != "GET, HEAD" || faulttest.Decode(t, rec).Code != -60014 {
		t.Errorf("405: %d %v %s", rec.Code, rec.Header(), rec.Body)
	}
	// What the mux set for its own 405 leaves with it: the next 404 (on
	// a pooled writer) has no Allow.
	rec = do(h, "GET", "/nowhere")
	if rec.Code != 404 || rec.Header()["Allow"] != nil || faulttest.Decode(t, rec).Code != -60010 {
		t.Errorf("404 after a 405: %d %v %s", rec.Code, rec.Header(), rec.Body)
	}
	// A too large body is a 413, and is not read whole.
	big := httptest.NewRequest("POST", "/users", strings.NewReader(`{"name":"`+strings.Repeat("x", 2<<20)+`"}`))
	big.Header.Set("Content-Type", "application/json")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, big)
	if rec.Code != 413 || faulttest.Decode(t, rec).Code != -60011 {
		t.Errorf("2 MiB body: %d %s", rec.Code, rec.Body)
	}
}

// A bare ServeError: the http.Error of zerofault.
func TestServeError(t *testing.T) {
	faults := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler)})
	rec := httptest.NewRecorder()
	faults.ServeError(rec, httptest.NewRequest("GET", "/x", nil), notFound())
	if b := faulttest.Decode(t, rec); rec.Code != 404 || b.Code != -60008 {
		t.Errorf("%d %+v", rec.Code, b)
	}
	rec = httptest.NewRecorder()
	faults.NotFoundHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
	if b := faulttest.Decode(t, rec); rec.Code != 404 || b.Code != -60010 {
		t.Errorf("%d %+v", rec.Code, b)
	}
	rec = httptest.NewRecorder()
	rec.Header().Set("Allow", "GET")
	faults.MethodNotAllowedHandler().ServeHTTP(rec, httptest.NewRequest("PUT", "/x", nil))
	if b := faulttest.Decode(t, rec); rec.Code != 405 || b.Code != -60014 || rec.Header().Get("Allow") != "GET" {
		t.Errorf("%d %+v", rec.Code, b)
	}
}

// http.ErrAbortHandler is net/http's, not a crash: panicked again.
func TestAbortHandlerIsRepanicked(t *testing.T) {
	faults := httpfault.New(nil)
	h := faults.Middleware(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) }))
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Errorf("recovered %v", r)
		}
	}()
	do(h, "GET", "/")
	t.Error("no panic")
}

// A request that does not fail costs the middlewares no allocation.
func TestNoAllocationWithoutFailure(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	faults := httpfault.New(nil)
	ok := func(w http.ResponseWriter, r *http.Request) {}
	w := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/", nil)
	for name, h := range map[string]http.Handler{
		"Middleware":  faults.Middleware(http.HandlerFunc(ok)),
		"HandlerFunc": faults.HandlerFunc(func(http.ResponseWriter, *http.Request) error { return nil }),
		"both":        faults.Middleware(faults.HandlerFunc(func(http.ResponseWriter, *http.Request) error { return nil })),
	} {
		if n := testing.AllocsPerRun(100, func() { h.ServeHTTP(w, req) }); n != 0 {
			t.Errorf("%s: %v allocations per request", name, n)
		}
	}
}

// What a client sent is echoed bounded, wherever it goes: a 300 KB path
// in a router 404, a 300 KB id in an exception application code built,
// a 300 KB unparsable number; in the body and in the log record.
func TestEchoedInputIsBounded(t *testing.T) {
	var logs strings.Builder
	faults := httpfault.New(&httpfault.Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	huge := strings.Repeat("x", 300<<10)
	mux := http.NewServeMux()
	mux.Handle("GET /accounts/{id}", faults.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) error {
		return webexc.New("Accounts", -60005, r.PathValue("id"), r.PathValue("id"), "bad")
	}))
	mux.Handle("GET /n", faults.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) error {
		_, err := strconv.Atoi(r.URL.Query().Get("n"))
		return &httpfault.StatusError{Status: 400, Err: err}
	}))
	h := faults.Middleware(mux)
	for _, url := range []string{"/" + huge, "/accounts/" + huge, "/n?n=" + huge} {
		logs.Reset()
		rec := do(h, "GET", url)
		if rec.Body.Len() > 8<<10 || logs.Len() > 16<<10 {
			t.Errorf("%.20s…: body %d bytes, log %d bytes", url, rec.Body.Len(), logs.Len())
		}
		if !strings.Contains(rec.Body.String(), "…") {
			t.Errorf("%.20s…: no ellipsis in %.200s", url, rec.Body)
		}
	}
}

// Describe works out an answer without writing it, for other transports.
func TestDescribe(t *testing.T) {
	faults := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler)})
	r := httptest.NewRequest("POST", "/shop.Orders/Place", nil)
	r.Header.Set("Accept-Language", "zh-CN")
	r.Header.Set("X-Request-Id", "call-7")
	a := faults.Describe(r, fmt.Errorf("place: %w", notFound()), httpfault.Facts{Target: "/shop.Orders/Place"})
	if a.Code != -60008 || a.Status != 404 || a.ID != "call-7" || a.Language != "zh-CN" || len(a.Info) == 0 || !strings.HasPrefix(string(a.Message), "(404)") {
		t.Errorf("%+v", a)
	}
	a = faults.Describe(r, errors.New("secret"), httpfault.Facts{})
	if a.Code != -60007 || a.Status != 500 || strings.Contains(string(a.Message), "secret") {
		t.Errorf("%+v", a)
	}
	boom := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler), Map: func(error) *webexc.WebException { panic("hook") }})
	if a := boom.Describe(r, errors.New("x"), httpfault.Facts{}); a.Code != -60007 || a.Status != 500 {
		t.Errorf("a panicking hook: %+v", a)
	}
}

type remoteViolations []httpfault.Field

func (remoteViolations) Error() string                        { return "field violations" }
func (v remoteViolations) FieldViolations() []httpfault.Field { return v }

// An exception rebuilt from another process's answer is answered with its
// own texts, whatever language this request asks (it has no params to
// format this process's texts with), and with the violations it carried.
func TestRemoteException(t *testing.T) {
	faults := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler)})
	err := webexc.Rebuild(webexc.Remote{Code: -60000, Status: 400, Message: "(400) - remote message", Readable: "远端的说明。", ID: "r-9",
		Cause: remoteViolations{{Field: "items[3].sku", Rule: "required", Info: []byte("请填写 SKU。")}}})
	for _, lang := range []string{"zh-CN", "de", ""} {
		req := httptest.NewRequest("GET", "/x", nil)
		req.Header.Set("Accept-Language", lang)
		req.Header.Set("Accept", "application/problem+json")
		rec := httptest.NewRecorder()
		faults.ServeError(rec, req, err)
		body := rec.Body.String()
		if rec.Code != 400 || !strings.Contains(body, `"detail":"远端的说明。"`) || !strings.Contains(body, `"pointer":"#/items/3/sku"`) ||
			!strings.Contains(body, `"detail":"请填写 SKU。"`) || !strings.Contains(body, `"request_id":"r-9"`) {
			t.Errorf("%s: %d %s", lang, rec.Code, body)
		}
	}
	// A code this process does not register keeps the class it was
	// answered with.
	err = webexc.Rebuild(webexc.Remote{Code: -123456, Class: "_409RemoteOnlyException", Status: 409, Message: "(409) - x"})
	a := faults.Describe(httptest.NewRequest("GET", "/x", nil), err, httpfault.Facts{})
	if a.Class != "_409RemoteOnlyException" || a.Status != 409 {
		t.Errorf("%+v", a)
	}
}
