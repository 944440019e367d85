package echofault_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	echofault "github.com/zeroport/zerofault/echofault/v5"
	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/faulttest"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(m.Run())
}

func bundle(t testing.TB) *readable.Bundle { return faulttest.Bundle(t) }

func notFound() *webexc.WebException { return webexc.New("UserHandler", -60008).SetStatus(404) }

// routes registers the suite's routes, in v5's idiom.
func routes(e *echo.Echo) {
	e.GET("/web", func(*echo.Context) error { return notFound() })
	e.GET("/wrapped", func(*echo.Context) error { return fmt.Errorf("load user 42: %w", notFound()) })
	e.GET("/joined", func(*echo.Context) error {
		return errors.Join(errors.New("cache miss"), webexc.New("UserHandler", -60009).SetStatus(409))
	})
	e.GET("/status/:code", func(c *echo.Context) error {
		code, _ := strconv.Atoi(c.Param("code"))
		return echo.NewHTTPError(code, "custom "+c.Param("code"))
	})
	e.POST("/users", func(c *echo.Context) error {
		var u faulttest.User
		if err := c.Bind(&u); err != nil {
			return err
		}
		return c.Validate(&u)
	})
	e.GET("/panic", func(*echo.Context) error { panic("secret value 1234") })
	e.GET("/panic-error", func(*echo.Context) error { panic(errors.New("map write: secret")) })
	e.GET("/throw", func(*echo.Context) error {
		zero.Throw(webexc.New("Deep", -60013).SetStatus(403))
		return nil
	})
	e.GET("/unknown", func(*echo.Context) error { return errors.New("dial tcp 10.0.0.7:5432: password=hunter2") })
	e.GET("/committed", func(c *echo.Context) error {
		_ = c.String(http.StatusOK, "partial")
		return errors.New("late failure")
	})
	e.GET("/download", func(c *echo.Context) error {
		c.Response().Header().Set("Content-Length", "1000")
		c.Response().Header().Set("Content-Disposition", `attachment; filename="report.csv"`)
		c.Response().Header().Set("Content-Encoding", "gzip")
		return notFound()
	})
	e.GET("/query", func(c *echo.Context) error {
		var q struct {
			N int `query:"n"`
		}
		return c.Bind(&q)
	})
	e.GET("/valuebinder", func(c *echo.Context) error {
		var n int64
		return echo.QueryParamsBinder(c).MustInt64("n", &n).BindError()
	})
}

func newEcho(s faulttest.Setup, recover echo.MiddlewareFunc) *echo.Echo {
	e := echo.New()
	e.HTTPErrorHandler = echofault.ErrorHandlerWithConfig(echofault.ErrorHandlerConfig{
		Logger: s.Logger, Readable: s.Readable, Debug: echofault.DebugToken(s.DebugHeader, s.DebugToken),
	})
	e.Use(recover)
	e.Validator = echofault.NewValidator()
	routes(e)
	return e
}

// The v5 adapter passes the suite every adapter passes, with its own
// Recover and with echo's.
func TestConformance(t *testing.T) {
	t.Run("echofault.Recover", func(t *testing.T) {
		faulttest.Run(t, bundle(t), func(s faulttest.Setup) http.Handler { return newEcho(s, echofault.Recover()) })
	})
	t.Run("middleware.Recover", func(t *testing.T) {
		faulttest.Run(t, bundle(t), func(s faulttest.Setup) http.Handler { return newEcho(s, middleware.Recover()) })
	})
}

// server is one v5 service with a JSON log.
type server struct {
	e    *echo.Echo
	logs *bytes.Buffer
	mu   *sync.Mutex
}

func newServer(t *testing.T, debug bool, recover echo.MiddlewareFunc, mw ...echo.MiddlewareFunc) *server {
	s := &server{logs: &bytes.Buffer{}, mu: &sync.Mutex{}}
	cfg := echofault.ErrorHandlerConfig{
		Logger:   slog.New(slog.NewJSONHandler(lockedWriter{s.mu, s.logs}, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Readable: bundle(t),
	}
	if debug {
		cfg.Debug = echofault.DebugToken("X-Debug", "tok")
	}
	s.e = echo.New()
	s.e.HTTPErrorHandler = echofault.ErrorHandlerWithConfig(cfg)
	s.e.Use(recover)
	s.e.Use(mw...)
	s.e.Validator = echofault.NewValidator()
	routes(s.e)
	return s
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (s *server) records(t *testing.T) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for line := range bytes.Lines(s.logs.Bytes()) {
		var r map[string]any
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

func (s *server) do(req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	s.e.ServeHTTP(rec, req)
	return rec
}

func get(url string, hdr ...string) *http.Request {
	req := httptest.NewRequest(http.MethodGet, url, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	return req
}

func message(t *testing.T, code int, params ...any) string {
	t.Helper()
	e, ok := catalog.Current().Lookup(code)
	if !ok {
		t.Fatalf("no template for %d", code)
	}
	s, err := e.Format(params...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The router's 404 and 405 are not *echo.HTTPError in v5: read by their
// status, a 405 keeps echo's Allow header.
func TestRouter(t *testing.T) {
	s := newServer(t, false, echofault.Recover())
	rec := s.do(get("/nope"))
	if b := faulttest.Decode(t, rec); rec.Code != 404 || b.Code != -60010 || b.Message != message(t, -60010, "/nope", "GET") {
		t.Errorf("404: %d %+v", rec.Code, b)
	}
	rec = s.do(httptest.NewRequest(http.MethodPut, "/web", nil))
	if b := faulttest.Decode(t, rec); rec.Code != 405 || b.Code != -60014 || !strings.Contains(rec.Header().Get("Allow"), "GET") {
		t.Errorf("405: %d %v %+v", rec.Code, rec.Header(), b)
	}
}

// echo's own Recover returns a *middleware.PanicStackError whose text
// holds the stack: never in a production body, in the log and the debug
// member.
func TestPanicStackError(t *testing.T) {
	s := newServer(t, true, middleware.Recover())
	rec := s.do(get("/panic"))
	b := faulttest.Decode(t, rec)
	if rec.Code != 500 || b.Code != -60007 || b.Debug != nil {
		t.Errorf("production: %d %+v", rec.Code, b)
	}
	for _, leak := range []string{"goroutine", "PANIC", "secret", ".go:"} {
		if strings.Contains(rec.Body.String(), leak) {
			t.Errorf("body leaks %q: %s", leak, rec.Body)
		}
	}
	recs := s.records(t)
	if len(recs) != 1 || !strings.Contains(fmt.Sprint(recs[0]["stack"]), "goroutine") || recs[0]["panic"] != "secret value 1234" {
		t.Errorf("log = %v", recs)
	}
	b = faulttest.Decode(t, s.do(get("/panic", "X-Debug", "tok")))
	if b.Debug == nil || len(b.Debug.Stack) == 0 || !strings.HasPrefix(b.Debug.Stack[0], "goroutine") || !strings.Contains(b.Message, "secret value 1234") {
		t.Errorf("debug: %+v", b)
	}
}

// RequestLogger with HandleError calls the error handler and then returns
// the same error to echo, which calls it again: one answer, one record at
// the failure's level, the second at Debug.
func TestRequestLoggerCallsTwice(t *testing.T) {
	var statuses []int
	s := newServer(t, false, echofault.Recover(), middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus:   true,
		HandleError: true,
		LogValuesFunc: func(c *echo.Context, v middleware.RequestLoggerValues) error {
			statuses = append(statuses, v.Status)
			return nil
		},
	}))
	rec := s.do(get("/web"))
	var bodies int
	dec := json.NewDecoder(rec.Body)
	for dec.More() {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			t.Fatal(err)
		}
		bodies++
	}
	if rec.Code != 404 || bodies != 1 {
		t.Errorf("%d, %d bodies", rec.Code, bodies)
	}
	if len(statuses) != 1 || statuses[0] != 404 {
		t.Errorf("RequestLogger saw %v", statuses)
	}
	recs := s.records(t)
	if len(recs) != 2 || recs[0]["level"] != "WARN" || recs[1]["level"] != "DEBUG" || recs[1]["committed"] != true {
		t.Errorf("records = %v", recs)
	}
}

// The binder's errors: BindingError, ErrBadRequest wrapping encoding/json's
// errors, 415 with an empty message.
func TestBinder(t *testing.T) {
	s := newServer(t, false, echofault.Recover())
	cases := []struct {
		req    *http.Request
		status int
		code   int
		params []any
	}{
		{get("/query?n=abc"), 400, -60004, []any{"int", `"abc"`}},
		{get("/valuebinder?n=x1"), 400, -60004, []any{"int", `"x1"`}},
		{post("/users", "application/json", `{"age":"old"}`), 400, -60004, []any{"int", "a JSON string (field age)"}},
		{post("/users", "application/json", `{"age":`), 400, -60011, nil},
		{post("/users", "text/plain", `x`), 415, -60006, []any{"text/plain", "application/json, application/xml, text/xml, application/x-www-form-urlencoded, multipart/form-data"}},
	}
	for _, tc := range cases {
		rec := s.do(tc.req)
		b := faulttest.Decode(t, rec)
		if rec.Code != tc.status || b.Code != tc.code || b.Message != message(t, tc.code, tc.params...) {
			t.Errorf("%s: %d %+v", tc.req.URL, rec.Code, b)
		}
	}
}

func post(url, ctype, body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	return req
}

// The sentinels of echo v5's middleware, each through the middleware
// itself, answered with the standard exception of its status.
func TestMiddlewareSentinels(t *testing.T) {
	deadUpstream := func() *url.URL {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		u, _ := url.Parse("http://" + l.Addr().String())
		l.Close()
		return u
	}()
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	cases := []struct {
		name   string
		mw     echo.MiddlewareFunc
		req    *http.Request
		status int
		code   int
	}{
		{"CSRF", middleware.CSRF(), func() *http.Request {
			r := post("/users", "application/json", `{}`)
			r.Header.Set("X-CSRF-Token", "forged")
			r.AddCookie(&http.Cookie{Name: "_csrf", Value: "the-real-one"})
			return r
		}(), 403, -60013},
		{"KeyAuth missing", middleware.KeyAuth(func(*echo.Context, string, middleware.ExtractorSource) (bool, error) { return true, nil }), get("/web"), 401, -60012},
		{"KeyAuth invalid", middleware.KeyAuth(func(*echo.Context, string, middleware.ExtractorSource) (bool, error) { return false, nil }), get("/web", "Authorization", "Bearer nope"), 401, -60012},
		{"rate limiter", middleware.RateLimiter(middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{Rate: 0.0001, Burst: 1})), get("/web"), 429, -60011},
		{"context timeout", middleware.ContextTimeout(time.Millisecond), get("/slow"), 503, -60007},
		{"proxy, upstream down", middleware.Proxy(middleware.NewRandomBalancer([]*middleware.ProxyTarget{{URL: deadUpstream}})), get("/anything"), 502, -60007},
		{"proxy, client gone", middleware.Proxy(middleware.NewRandomBalancer([]*middleware.ProxyTarget{{URL: deadUpstream}})), get("/anything").WithContext(canceled), 499, -60011},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newServer(t, false, echofault.Recover(), tc.mw)
			s.e.GET("/slow", func(c *echo.Context) error {
				<-c.Request().Context().Done()
				return c.Request().Context().Err()
			})
			var rec *httptest.ResponseRecorder
			for range 3 { // the rate limiter lets the first through
				rec = s.do(tc.req.Clone(tc.req.Context()))
			}
			b := faulttest.Decode(t, rec)
			if rec.Code != tc.status || b.Code != tc.code {
				t.Errorf("%d %+v, want %d %d", rec.Code, b, tc.status, tc.code)
			}
		})
	}
}

// echo's RequestID middleware chooses the id; the body carries it.
func TestRequestIDMiddleware(t *testing.T) {
	s := newServer(t, false, echofault.Recover(), middleware.RequestID())
	rec := s.do(get("/nope"))
	b := faulttest.Decode(t, rec)
	if b.ID == "" || rec.Header().Values(echo.HeaderXRequestID)[0] != b.ID || len(rec.Header().Values(echo.HeaderXRequestID)) != 1 {
		t.Errorf("id %q, header %v", b.ID, rec.Header().Values(echo.HeaderXRequestID))
	}
}

// A WebException is an echo.HTTPStatusCoder: echo's own default handler
// answers it with its status and Zero's JSON.
func TestStatusCoder(t *testing.T) {
	var sc echo.HTTPStatusCoder = notFound()
	if sc.StatusCode() != 404 || echo.StatusCode(fmt.Errorf("x: %w", notFound())) != 404 {
		t.Error("StatusCode")
	}
	e := echo.New()
	e.HTTPErrorHandler = echo.DefaultHTTPErrorHandler(false)
	w := notFound().SetID("x1")
	e.GET("/x", func(*echo.Context) error { return w })
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, get("/x"))
	if rec.Code != 404 || strings.TrimSpace(rec.Body.String()) != string(w.AppendJSON(nil)) {
		t.Errorf("%d %s", rec.Code, rec.Body)
	}
}

// A panic inside the handler's own hooks is contained, and the skipper
// hands requests to echo's default handler.
func TestGuardAndSkipper(t *testing.T) {
	e := echo.New()
	e.HTTPErrorHandler = echofault.ErrorHandlerWithConfig(echofault.ErrorHandlerConfig{
		Logger:  slog.New(slog.DiscardHandler),
		Debug:   func(*echo.Context) bool { panic("bad hook") },
		Skipper: func(c *echo.Context) bool { return strings.HasPrefix(c.Request().URL.Path, "/legacy") },
	})
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, get("/nope"))
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "-60007") {
		t.Errorf("guarded: %d %s", rec.Code, rec.Body)
	}
	rec = httptest.NewRecorder()
	e.ServeHTTP(rec, get("/legacy/x"))
	if rec.Code != 404 || strings.TrimSpace(rec.Body.String()) != `{"message":"Not Found"}` {
		t.Errorf("skipped: %d %s", rec.Code, rec.Body)
	}
}

func TestConfigErrors(t *testing.T) {
	if _, err := (echofault.ErrorHandlerConfig{ClientErrorLogLimit: -2}).ToErrorHandler(); err == nil {
		t.Error("a limit of -2 was taken")
	}
	if _, err := (echofault.RecoverConfig{StackSize: 2 << 20}).ToMiddleware(); err == nil {
		t.Error("a 2 MiB stack was taken")
	}
}

// ProblemTypeBase reaches the core: a problem's type names the catalog
// page of its code, and the default stays a URN.
func TestProblemTypeBase(t *testing.T) {
	for _, tc := range []struct{ base, want string }{
		{"/errors/", `"type":"/errors/60010"`},
		{"", `"type":"` + httpfault.DefaultProblemTypeBase + `60010"`},
	} {
		e := echo.New()
		e.HTTPErrorHandler = echofault.ErrorHandlerWithConfig(echofault.ErrorHandlerConfig{ProblemTypeBase: tc.base})
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, get("/nope", "Accept", "application/problem+json"))
		if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("base %q: %d %s, want %s", tc.base, rec.Code, rec.Body, tc.want)
		}
	}
}
