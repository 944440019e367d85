package echofault

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/faulttest"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// Tests and examples log through slog.Default() only where they do not
// pass a logger; keep that out of the test output.
func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(m.Run())
}

// testBundle is the framework's readable texts (en, zh-CN) plus German
// from testdata: three languages.
var testBundle = sync.OnceValues(func() (*readable.Bundle, error) {
	return readable.Load(readable.Glob(os.DirFS("testdata"), "vertx-readible.*.yml"))
})

func bundle(t testing.TB) *readable.Bundle {
	t.Helper()
	b, err := testBundle()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type server struct {
	e    *echo.Echo
	logs *faulttest.LogBuffer
}

type user struct {
	Name    string   `json:"name" validate:"required"`
	Email   string   `json:"email" validate:"required,email"`
	Age     int      `json:"age" validate:"gte=18,lte=130"`
	Nick    string   `json:"nick" validate:"omitempty,min=3,max=8"`
	Tags    []string `json:"tags" validate:"min=1"`
	Role    string   `json:"role" validate:"oneof=admin user"`
	Address struct {
		City string `json:"city" validate:"required"`
	} `json:"address"`
	Secret string `json:"-" validate:"required"`
}

const target zero.Target = "UserHandler"

// withheld stands for the details of an internal error in production.
const withheld = "details are in the server log"

var (
	errNotFound = webexc.New(target, -60008).SetStatus(http.StatusNotFound)
	errSentinel = errors.New("no rows")
)

// newServer builds an Echo with the handler, Recover, the validator and
// one route per source of failure.
func newServer(t testing.TB, cfg ErrorHandlerConfig) *server {
	logs := &faulttest.LogBuffer{}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if cfg.Readable == nil {
		cfg.Readable = bundle(t)
	}
	e := echo.New()
	e.HTTPErrorHandler = ErrorHandlerWithConfig(cfg)
	e.Use(Recover())
	e.Validator = NewValidator()

	e.GET("/web", func(c echo.Context) error { return errNotFound })
	e.GET("/wrapped", func(c echo.Context) error { return fmt.Errorf("load user 42: %w", errNotFound) })
	e.GET("/joined", func(c echo.Context) error {
		return errors.Join(errors.New("cache miss"), webexc.New(target, -60009).SetStatus(http.StatusConflict))
	})
	e.GET("/caused", func(c echo.Context) error {
		return webexc.New(target, -60008).SetStatus(http.StatusNotFound).WithCause(errSentinel)
	})
	e.GET("/http/:code", func(c echo.Context) error {
		code, _ := strconv.Atoi(c.Param("code"))
		return echo.NewHTTPError(code, "custom "+c.Param("code"))
	})
	e.GET("/query", func(c echo.Context) error {
		var q struct {
			N int `query:"n"`
		}
		return c.Bind(&q)
	})
	e.GET("/valuebinder", func(c echo.Context) error {
		var n int64
		return echo.QueryParamsBinder(c).MustInt64("n", &n).BindError()
	})
	e.POST("/json", func(c echo.Context) error {
		var b struct {
			Age int `json:"age"`
		}
		return c.Bind(&b)
	})
	e.POST("/users", func(c echo.Context) error {
		var u user
		if err := c.Bind(&u); err != nil {
			return err
		}
		return c.Validate(&u)
	})
	e.POST("/users-wrapped", func(c echo.Context) error {
		var u user
		_ = c.Bind(&u)
		if err := c.Validate(&u); err != nil {
			return echo.NewHTTPError(http.StatusBadRequest, "invalid").SetInternal(err)
		}
		return nil
	})
	e.GET("/panic", func(c echo.Context) error { panic("secret value 1234") })
	e.GET("/panic-error", func(c echo.Context) error { panic(errors.New("map write: secret")) })
	e.GET("/throw", func(c echo.Context) error {
		zero.Throw(webexc.New("Deep", -60013).SetStatus(http.StatusForbidden))
		return nil
	})
	e.GET("/throw-wrapped", func(c echo.Context) error {
		panic(fmt.Errorf("deep call: %w", webexc.New("Deep", -60013).SetStatus(http.StatusForbidden)))
	})
	e.GET("/abort", func(c echo.Context) error { panic(http.ErrAbortHandler) })
	e.GET("/unknown", func(c echo.Context) error { return errors.New("dial tcp 10.0.0.7:5432: password=hunter2") })
	e.GET("/committed", func(c echo.Context) error {
		_ = c.String(http.StatusOK, "partial")
		return errors.New("late failure")
	})
	e.GET("/mapped", func(c echo.Context) error { return fmt.Errorf("repo: %w", errSentinel) })
	e.GET("/readable", func(c echo.Context) error {
		return webexc.New(target, -60005, "email", "x@", "bad").SetReadable("Check {0}, it''s wrong.")
	})
	return &server{e: e, logs: logs}
}

func (s *server) do(method, url string, hdr map[string]string, body string) *httptest.ResponseRecorder {
	var req *http.Request
	if body != "" {
		req = httptest.NewRequest(method, url, strings.NewReader(body))
	} else {
		req = httptest.NewRequest(method, url, nil)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.e.ServeHTTP(rec, req)
	return rec
}

type fieldBody struct {
	Field string `json:"field"`
	Rule  string `json:"rule"`
	Param string `json:"param"`
	Info  string `json:"info"`
}

type debugBody struct {
	Target string   `json:"target"`
	Class  string   `json:"class"`
	Causes []string `json:"causes"`
	Stack  []string `json:"stack"`
}

type respBody struct {
	ID      string      `json:"id"`
	Code    int         `json:"code"`
	Message string      `json:"message"`
	Info    string      `json:"info"`
	Fields  []fieldBody `json:"fields"`
	Debug   *debugBody  `json:"debug"`
}

// decode checks the body's shape (valid JSON, keys in the order of
// webexc's AppendJSON, no unknown key) and returns it.
func decode(t *testing.T, rec *httptest.ResponseRecorder) respBody {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=UTF-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	raw := rec.Body.Bytes()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var b respBody
	if err := dec.Decode(&b); err != nil {
		t.Fatalf("body %s: %v", raw, err)
	}
	var keys []string
	var m map[string]json.RawMessage
	_ = json.Unmarshal(raw, &m)
	for _, k := range []string{"id", "code", "message", "info", "fields", "debug"} {
		if i := bytes.Index(raw, []byte(`"`+k+`":`)); i >= 0 && m[k] != nil {
			keys = append(keys, fmt.Sprintf("%08d%s", i, k))
		}
	}
	for i := 1; i < len(keys); i++ {
		if keys[i] < keys[i-1] {
			t.Errorf("keys out of order in %s", raw)
		}
	}
	return b
}

// message formats code's template from the catalog in force.
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

// withStatus makes a message's "(NNN)" prefix name status.
func withStatus(msg string, status int) string {
	b := []byte(msg)
	zero.ReplaceStatusPrefix(b, status)
	return string(b)
}

// infoIn is the readable text of code in a language of the test bundle.
func infoIn(t *testing.T, lang string, code int, params ...any) string {
	t.Helper()
	b := bundle(t)
	s, _, ok := b.Text(b.Match(lang), code, params...)
	if !ok {
		t.Fatalf("no %s text for %d", lang, code)
	}
	return s
}

func TestSources(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	const jsonCT = "application/json"
	cases := []struct {
		name         string
		method, url  string
		ctype, body  string
		status, code int
		params       []any // of the message; nil: the code's template as is
		info         bool  // the body must have the English readable text
	}{
		{"returned WebException", "GET", "/web", "", "", 404, -60008, nil, true},
		{"wrapped with %w", "GET", "/wrapped", "", "", 404, -60008, nil, true},
		{"joined", "GET", "/joined", "", "", 409, -60009, nil, true},
		{"with a cause", "GET", "/caused", "", "", 404, -60008, nil, true},
		{"no route", "GET", "/nope/x", "", "", 404, -60010, []any{"/nope/x", "GET"}, true},
		{"no route, escaped path", "GET", "/a%3Cb%3E", "", "", 404, -60010, []any{"/a<b>", "GET"}, true},
		{"method not allowed", "DELETE", "/web", "", "", 405, -60014, []any{"DELETE", "/web"}, true},
		{"HTTPError 401", "GET", "/http/401", "", "", 401, -60012, nil, true},
		{"HTTPError 403", "GET", "/http/403", "", "", 403, -60013, nil, true},
		{"HTTPError 404", "GET", "/http/404", "", "", 404, -60010, []any{"/http/404", "GET"}, true},
		{"HTTPError 400", "GET", "/http/400", "", "", 400, -60011, nil, true},
		{"HTTPError 409", "GET", "/http/409", "", "", 409, -60011, nil, true},
		{"HTTPError 413", "GET", "/http/413", "", "", 413, -60011, nil, true},
		{"HTTPError 418", "GET", "/http/418", "", "", 418, -60011, nil, true},
		{"HTTPError 503", "GET", "/http/503", "", "", 503, -60007, []any{withheld}, true},
		{"HTTPError 415", "GET", "/http/415", "", "", 415, -60006, []any{"(none)", httpfault.EchoMedia}, true},
		{"binder: unsupported media", "POST", "/json", "text/plain", "age=1", 415, -60006, []any{"text/plain", httpfault.EchoMedia}, true},
		{"binder: query int", "GET", "/query?n=abc", "", "", 400, -60004, []any{"int", `"abc"`}, true},
		{"binder: ValueBinder", "GET", "/valuebinder?n=x1", "", "", 400, -60004, []any{"int", `"x1"`}, true},
		{"binder: JSON type", "POST", "/json", jsonCT, `{"age":"old"}`, 400, -60004, []any{"int", "a JSON string (field age)"}, true},
		{"binder: JSON syntax", "POST", "/json", jsonCT, `{"age":`, 400, -60011, nil, true},
		{"panic", "GET", "/panic", "", "", 500, -60007, []any{withheld}, true},
		{"panic with an error", "GET", "/panic-error", "", "", 500, -60007, []any{withheld}, true},
		{"thrown exception", "GET", "/throw", "", "", 403, -60013, nil, true},
		{"thrown, wrapped", "GET", "/throw-wrapped", "", "", 403, -60013, nil, true},
		{"unknown error", "GET", "/unknown", "", "", 500, -60007, []any{withheld}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hdr := map[string]string{}
			if tc.ctype != "" {
				hdr["Content-Type"] = tc.ctype
			}
			rec := s.do(tc.method, tc.url, hdr, tc.body)
			if rec.Code != tc.status {
				t.Errorf("status = %d, want %d", rec.Code, tc.status)
			}
			b := decode(t, rec)
			if b.Code != tc.code {
				t.Errorf("code = %d, want %d", b.Code, tc.code)
			}
			// The message names the status the client got (issue: a 409
			// answered with a "(400) - …" message).
			if want := withStatus(message(t, tc.code, tc.params...), tc.status); b.Message != want {
				t.Errorf("message = %q, want %q", b.Message, want)
			}
			if tc.info {
				if want := infoIn(t, "en", tc.code, tc.params...); b.Info != want {
					t.Errorf("info = %q, want %q", b.Info, want)
				}
			}
			if b.ID == "" || rec.Header().Get(echo.HeaderXRequestID) != b.ID {
				t.Errorf("id %q, header %q", b.ID, rec.Header().Get(echo.HeaderXRequestID))
			}
			if b.Debug != nil || b.Fields != nil {
				t.Errorf("unexpected extensions: %s", rec.Body)
			}
		})
	}
}

// A WebException answers with exactly its own JSON form, and a standard
// exception the handler answers itself with exactly the form of the
// equivalent WebException.
func TestSameShapeAsWebException(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	hdr := map[string]string{echo.HeaderXRequestID: "req-1"}

	rec := s.do("GET", "/web", hdr, "")
	want := string(webexc.New(target, -60008).SetStatus(404).SetID("req-1").AppendJSON(nil))
	if rec.Body.String() != want {
		t.Errorf("returned WebException:\n got %s\nwant %s", rec.Body, want)
	}

	rec = s.do("GET", "/no/such/page", hdr, "")
	w := webexc.NewServiceNotFound("Router", "/no/such/page", "GET")
	want = string(w.SetID("req-1").AppendJSON(nil))
	if rec.Body.String() != want {
		t.Errorf("404:\n got %s\nwant %s", rec.Body, want)
	}
}

func TestHead(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	for _, url := range []string{"/nope", "/panic", "/web"} {
		rec := s.do(http.MethodHead, url, nil, "")
		if rec.Body.Len() != 0 {
			t.Errorf("HEAD %s has a body: %s", url, rec.Body)
		}
		if rec.Code < 400 || rec.Header().Get(echo.HeaderXRequestID) == "" || rec.Header().Get("Content-Type") == "" {
			t.Errorf("HEAD %s: %d %v", url, rec.Code, rec.Header())
		}
	}
}

func TestCommittedResponseIsLeftAlone(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	rec := s.do("GET", "/committed", nil, "")
	if rec.Code != http.StatusOK || rec.Body.String() != "partial" {
		t.Errorf("committed response changed: %d %q", rec.Code, rec.Body)
	}
	recs := s.logs.Records(t)
	if len(recs) != 1 || recs[0]["committed"] != true || recs[0]["level"] != "ERROR" || !strings.Contains(recs[0]["cause"].(string), "late failure") {
		t.Errorf("log = %v", recs)
	}
}

// Echo's Logger middleware calls the error handler before echo does: the
// second call finds the response committed, answers nothing and logs at
// Debug only.
func TestHandlerCalledTwice(t *testing.T) {
	logs := &faulttest.LogBuffer{}
	h := ErrorHandlerWithConfig(ErrorHandlerConfig{Logger: slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	e := echo.New()
	rec := httptest.NewRecorder()
	c := e.NewContext(httptest.NewRequest("GET", "/x", nil), rec)
	h(echo.ErrNotFound, c)
	body := rec.Body.String()
	h(echo.ErrNotFound, c)
	if rec.Body.String() != body {
		t.Errorf("answered twice: %s", rec.Body)
	}
	recs := logs.Records(t)
	if len(recs) != 2 || recs[0]["level"] != "WARN" || recs[1]["level"] != "DEBUG" {
		t.Errorf("levels: %v", recs)
	}
}

func TestAbortHandlerIsRepanicked(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", r)
		}
	}()
	s.do("GET", "/abort", nil, "")
	t.Error("no panic")
}

func TestProductionHidesDetails(t *testing.T) {
	secrets := []string{"hunter2", "secret", "goroutine", "10.0.0.7", "db down", ".go:"}
	for _, cfg := range []ErrorHandlerConfig{{}, {Debug: DebugToken("X-Debug", "s3cret")}} {
		s := newServer(t, cfg)
		for _, url := range []string{"/unknown", "/panic", "/panic-error", "/http/503"} {
			// A wrong token is no token.
			rec := s.do("GET", url, map[string]string{"X-Debug": "guess"}, "")
			for _, secret := range secrets {
				if strings.Contains(rec.Body.String(), secret) {
					t.Errorf("%s leaks %q: %s", url, secret, rec.Body)
				}
			}
		}
		// The log has it all.
		all := fmt.Sprint(s.logs.Records(t))
		for _, secret := range []string{"hunter2", "secret value 1234", "map write: secret", "goroutine"} {
			if !strings.Contains(all, secret) {
				t.Errorf("log lacks %q", secret)
			}
		}
	}
}

func TestDebugDetails(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{Debug: DebugToken("X-Debug", "s3cret")})
	dbg := map[string]string{"X-Debug": "s3cret"}

	b := decode(t, s.do("GET", "/panic", dbg, ""))
	if b.Message != message(t, -60007, "panic: secret value 1234") {
		t.Errorf("message = %q", b.Message)
	}
	if b.Debug == nil || b.Debug.Class != "_500InternalServerException" || b.Debug.Target != "/panic" {
		t.Fatalf("debug = %+v", b.Debug)
	}
	if len(b.Debug.Stack) < 3 || !strings.HasPrefix(b.Debug.Stack[0], "goroutine ") || !strings.Contains(b.Debug.Stack[1], "newServer") {
		t.Errorf("stack does not start at the panicking function: %q", b.Debug.Stack)
	}
	for _, line := range b.Debug.Stack {
		if strings.Contains(line, "recovered") || strings.HasPrefix(line, "panic(") {
			t.Errorf("stack shows the recovery: %q", line)
		}
	}

	b = decode(t, s.do("GET", "/wrapped", dbg, ""))
	if b.Debug == nil || b.Debug.Class != "WebException" || b.Debug.Target != string(target) || len(b.Debug.Stack) != 0 {
		t.Fatalf("debug = %+v", b.Debug)
	}
	if len(b.Debug.Causes) != 1 || !strings.HasPrefix(b.Debug.Causes[0], "load user 42: [ ERR-60008 ]") {
		t.Errorf("causes = %q", b.Debug.Causes)
	}

	b = decode(t, s.do("GET", "/caused", dbg, ""))
	if len(b.Debug.Causes) != 2 || b.Debug.Causes[1] != "no rows" {
		t.Errorf("causes = %q", b.Debug.Causes)
	}

	b = decode(t, s.do("GET", "/joined", dbg, ""))
	if len(b.Debug.Causes) != 2 || b.Debug.Causes[0] != "cache miss" {
		t.Errorf("joined causes = %q", b.Debug.Causes)
	}

	b = decode(t, s.do("GET", "/unknown", dbg, ""))
	if !strings.Contains(b.Message, "hunter2") || b.Debug.Causes[0] != "dial tcp 10.0.0.7:5432: password=hunter2" {
		t.Errorf("unknown error in debug: %+v", b)
	}

	b = decode(t, s.do("GET", "/nope", dbg, ""))
	if b.Debug.Class != "_404ServiceNotFoundException" || b.Debug.Target != "Router" || b.Debug.Causes[0] != echo.ErrNotFound.Error() {
		t.Errorf("404 debug = %+v", b.Debug)
	}
}

func TestDevelopment(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{Development: true})
	b := decode(t, s.do("GET", "/unknown", nil, ""))
	if !strings.Contains(b.Message, "hunter2") || b.Debug != nil {
		t.Errorf("development: %+v", b)
	}
	b = decode(t, s.do("GET", "/http/503", nil, ""))
	if b.Message != withStatus(message(t, -60007, "code=503, message=custom 503"), 503) {
		t.Errorf("503 message = %q", b.Message)
	}
}

func TestDebugToken(t *testing.T) {
	e := echo.New()
	ctx := func(h map[string]string) echo.Context {
		req := httptest.NewRequest("GET", "/", nil)
		for k, v := range h {
			req.Header.Set(k, v)
		}
		return e.NewContext(req, httptest.NewRecorder())
	}
	p := DebugToken("x-debug-token", "tok")
	cases := []struct {
		hdr  map[string]string
		want bool
	}{
		{map[string]string{"X-Debug-Token": "tok"}, true},
		{map[string]string{"X-Debug-Token": "tok2"}, false},
		{map[string]string{"X-Debug-Token": "to"}, false},
		{map[string]string{"X-Debug-Token": ""}, false},
		{map[string]string{"X-Other": "tok"}, false},
		{nil, false},
	}
	for _, tc := range cases {
		if got := p(ctx(tc.hdr)); got != tc.want {
			t.Errorf("%v: %v", tc.hdr, got)
		}
	}
	if DebugToken("X-Debug-Token", "")(ctx(map[string]string{"X-Debug-Token": ""})) {
		t.Error("an empty token matched")
	}
}

func TestLanguages(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	cases := []struct {
		name, url, accept string
		lang              string
	}{
		{"default", "/nope", "", "en"},
		{"Accept-Language zh", "/nope", "zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"},
		{"Accept-Language de", "/nope", "de-DE, en;q=0.5", "de"},
		{"q-values", "/nope", "en;q=0.2, de;q=0.9, zh-CN;q=0.5", "de"},
		{"unsupported", "/nope", "nb, sv", "en"},
		{"?lang= wins", "/nope?lang=zh-CN", "de", "zh-CN"},
		{"?lang= with other params", "/nope?x=1&lang=de&y=2", "zh-CN", "de"},
		{"unsupported ?lang= gives way", "/nope?lang=nb", "de", "de"},
		{"a param named like it", "/nope?flang=zh-CN", "de", "de"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := s.do("GET", tc.url, map[string]string{"Accept-Language": tc.accept}, "")
			b := decode(t, rec)
			path, _, _ := strings.Cut(tc.url, "?")
			if want := infoIn(t, tc.lang, -60010, path, "GET"); b.Info != want {
				t.Errorf("info = %q, want %s %q", b.Info, tc.lang, want)
			}
			// The system message stays as the catalog has it.
			if want := message(t, -60010, path, "GET"); b.Message != want {
				t.Errorf("message = %q", b.Message)
			}
		})
	}
	// A WebException's own readable text, set with SetReadable, is kept
	// in the default language; a localized text replaces it in others.
	b := decode(t, s.do("GET", "/readable", nil, ""))
	if b.Info != "Check email, it's wrong." {
		t.Errorf("own readable = %q", b.Info)
	}
	b = decode(t, s.do("GET", "/readable", map[string]string{"Accept-Language": "zh-CN"}, ""))
	if want := infoIn(t, "zh-CN", -60005, "email", "x@", "bad"); b.Info != want {
		t.Errorf("zh-CN readable = %q, want %q", b.Info, want)
	}
	// No Dutch texts at all: the default language, the exception's own.
	b = decode(t, s.do("GET", "/readable", map[string]string{"Accept-Language": "nl"}, ""))
	if b.Info != "Check email, it's wrong." {
		t.Errorf("nl readable = %q", b.Info)
	}
}

func TestRequestID(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	long := strings.Repeat("a", httpfault.MaxIDLen+1)
	for _, tc := range []struct {
		sent string
		kept bool
	}{
		{"abc-123", true},
		{"3f2a9c1e-7b6d-4e1f-9a8b-0c1d2e3f4a5b", true},
		{strings.Repeat("a", httpfault.MaxIDLen), true},
		{long, false},
		{"has space", false},
		{"tab\there", false},
		{"ünïcode", false},
		{"", false},
	} {
		rec := s.do("GET", "/nope", map[string]string{echo.HeaderXRequestID: tc.sent}, "")
		b := decode(t, rec)
		if got := rec.Header().Get(echo.HeaderXRequestID); got != b.ID {
			t.Errorf("%q: header %q, body %q", tc.sent, got, b.ID)
		}
		if tc.kept != (b.ID == tc.sent) {
			t.Errorf("%q: id %q", tc.sent, b.ID)
		}
		if !tc.kept && (len(b.ID) != 16 || strings.Trim(b.ID, "0123456789abcdef") != "") {
			t.Errorf("%q: generated id %q", tc.sent, b.ID)
		}
	}
	// A WebException's own id when the client sends none.
	rec := s.do("GET", "/web", nil, "")
	if b := decode(t, rec); b.ID != errNotFound.ID() {
		t.Errorf("id %q, want the exception's %q", b.ID, errNotFound.ID())
	}
	// An id a middleware already put in the response wins.
	e := echo.New()
	e.HTTPErrorHandler = ErrorHandler()
	e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set(echo.HeaderXRequestID, "from-middleware")
			return next(c)
		}
	})
	e.GET("/x", func(echo.Context) error { return errNotFound })
	rec = httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/x", nil)
	req.Header.Set(echo.HeaderXRequestID, "from-client")
	e.ServeHTTP(rec, req)
	if b := decode(t, rec); b.ID != "from-middleware" || len(rec.Header().Values(echo.HeaderXRequestID)) != 1 {
		t.Errorf("id %q, header %v", b.ID, rec.Header().Values(echo.HeaderXRequestID))
	}
}

func TestLogging(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	cases := []struct {
		url   string
		level string
	}{
		{"/nope", "WARN"},     // E60010, 404: the client's fault, never Error
		{"/web", "WARN"},      // E60008, 404
		{"/http/401", "WARN"}, // E60012
		{"/unknown", "ERROR"},
		{"/panic", "ERROR"},
		{"/http/503", "ERROR"},
	}
	for _, tc := range cases {
		s.do("GET", tc.url, map[string]string{echo.HeaderXRequestID: "rid-" + tc.url}, "")
	}
	recs := s.logs.Records(t)
	if len(recs) != len(cases) {
		t.Fatalf("%d records for %d failures", len(recs), len(cases))
	}
	for i, tc := range cases {
		r := recs[i]
		if r["level"] != tc.level {
			t.Errorf("%s: level %v, want %s", tc.url, r["level"], tc.level)
		}
		for _, k := range []string{"code", "status", "target", "request_id", "method", "path"} {
			if r[k] == nil {
				t.Errorf("%s: no %s in %v", tc.url, k, r)
			}
		}
		if r["request_id"] != "rid-"+tc.url || r["method"] != "GET" || !strings.HasPrefix(tc.url, r["path"].(string)) {
			t.Errorf("%s: %v", tc.url, r)
		}
		if msg := r["msg"].(string); !strings.HasPrefix(msg, "[ ERR-") {
			t.Errorf("%s: msg %q is not the exception's log line", tc.url, msg)
		}
	}
	if recs[0]["cause"] != echo.ErrNotFound.Error() {
		t.Errorf("404 cause = %v", recs[0]["cause"])
	}
	if recs[4]["panic"] != "secret value 1234" || !strings.Contains(recs[4]["stack"].(string), "goroutine") {
		t.Errorf("panic record = %v", recs[4])
	}
}

// An I-prefixed key makes its code an Info record; E and W are capped
// at Warn for a client error.
func TestLevel(t *testing.T) {
	prev := catalog.Current()
	t.Cleanup(func() { catalog.Swap(prev) })
	app := []byte("I60010: \"(404) - Nothing at {0}.\"\nW60013: \"(403) - No.\"\n")
	cat, err := catalog.Load(catalog.ErrorFS(fstest.MapFS{"e.yml": {Data: app}}, "e.yml"), catalog.AllowOverride())
	if err != nil {
		t.Fatal(err)
	}
	catalog.Swap(cat)
	cases := []struct {
		code, status int
		want         slog.Level
	}{
		{-60010, 404, slog.LevelInfo},
		{-60013, 403, slog.LevelWarn},
		{-60011, 400, slog.LevelWarn},
		{-60011, 500, slog.LevelError},
		{-60010, 500, slog.LevelError},
		{-60010, 200, slog.LevelInfo},
		{-60011, 302, slog.LevelError},
		{-99999, 404, slog.LevelWarn},
		{-99999, 200, slog.LevelError},
	}
	for _, tc := range cases {
		if got := Level(tc.code, tc.status); got != tc.want {
			t.Errorf("Level(%d, %d) = %v, want %v", tc.code, tc.status, got, tc.want)
		}
	}
}

func TestMap(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{Map: func(err error) *webexc.WebException {
		if errors.Is(err, errSentinel) {
			return webexc.New("Repo", -60008).SetStatus(http.StatusNotFound).WithCause(err)
		}
		return nil
	}})
	rec := s.do("GET", "/mapped", nil, "")
	if b := decode(t, rec); rec.Code != 404 || b.Code != -60008 {
		t.Errorf("mapped: %d %+v", rec.Code, b)
	}
	// nil leaves the error to the handler.
	if rec := s.do("GET", "/nope", nil, ""); rec.Code != 404 || decode(t, rec).Code != -60010 {
		t.Errorf("unmapped 404: %s", rec.Body)
	}
}

func TestSkipper(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{Skipper: func(c echo.Context) bool { return strings.HasPrefix(c.Request().URL.Path, "/legacy") }})
	rec := s.do("GET", "/legacy/x", nil, "")
	if rec.Code != 404 || strings.TrimSpace(rec.Body.String()) != `{"message":"Not Found"}` {
		t.Errorf("skipped: %d %s", rec.Code, rec.Body)
	}
}

// A panic inside the handler's own hooks is contained.
func TestGuard(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{Map: func(error) *webexc.WebException { panic("bad hook") }})
	rec := s.do("GET", "/nope", nil, "")
	if rec.Code != 500 || rec.Body.String() != httpfault.FallbackBody {
		t.Errorf("guarded: %d %s", rec.Code, rec.Body)
	}
	recs := s.logs.Records(t)
	if len(recs) != 1 || recs[0]["level"] != "ERROR" || recs[0]["panic"] != "bad hook" {
		t.Errorf("log = %v", recs)
	}
}

// panicky is a param whose String method panics. An exception formats
// its texts lazily, so the first formatting happens in the handler, while
// it writes the body.
type panicky struct{}

func (panicky) String() string { panic("String failed") }

func TestGuardWhileWritingTheBody(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	s.e.GET("/panicky", func(echo.Context) error {
		return webexc.New(target, -60005, panicky{}, "x", "y")
	})
	rec := s.do("GET", "/panicky", map[string]string{"Accept-Language": "zh-CN"}, "")
	if rec.Code != 500 || rec.Body.String() != httpfault.FallbackBody {
		t.Errorf("guarded: %d %s", rec.Code, rec.Body)
	}
}

func TestOddStatus(t *testing.T) {
	e := echo.New()
	e.HTTPErrorHandler = ErrorHandler()
	e.GET("/x", func(echo.Context) error { return webexc.New(target, -60011).SetStatus(42) })
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
	if rec.Code != 500 || decode(t, rec).Code != -60011 {
		t.Errorf("status 42: %d %s", rec.Code, rec.Body)
	}
}

// Requests fail concurrently while the catalog and the readable bundle
// are swapped: every response is whole, from one catalog or the other.
func TestConcurrentSwap(t *testing.T) {
	prevCat, prevB := catalog.Current(), readable.Current()
	t.Cleanup(func() { catalog.Swap(prevCat); readable.Swap(prevB) })
	app := []byte("E60010: \"(404) - Swapped: {1} {0}.\"\n")
	swapped, err := catalog.Load(catalog.ErrorFS(fstest.MapFS{"vertx-error.yml": {Data: app}}, "vertx-error.yml"), catalog.AllowOverride())
	if err != nil {
		t.Fatal(err)
	}
	b := bundle(t)
	e404, _ := prevCat.Lookup(-60010)
	framework := func(path string) string {
		s, _ := e404.Format(path, "GET")
		return s
	}

	e := echo.New()
	e.HTTPErrorHandler = ErrorHandlerWithConfig(ErrorHandlerConfig{Logger: slog.New(slog.DiscardHandler)}) // Readable nil: follows readable.Swap
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				path := fmt.Sprintf("/missing/%d/%d", g, i)
				rec := httptest.NewRecorder()
				req := httptest.NewRequest("GET", path, nil)
				req.Header.Set("Accept-Language", []string{"de", "zh-CN", "en"}[i%3])
				e.ServeHTTP(rec, req)
				var body respBody
				if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
					t.Errorf("torn body %q: %v", rec.Body, err)
					return
				}
				if body.Message != "(404) - Swapped: GET "+path+"." && body.Message != framework(path) || body.Code != -60010 || body.Info == "" {
					t.Errorf("body %+v", body)
					return
				}
			}
		}()
	}
	for i := range 200 {
		if i%2 == 0 {
			catalog.Swap(swapped)
			readable.Swap(b)
		} else {
			catalog.Swap(prevCat)
			readable.Swap(prevB)
		}
	}
	close(stop)
	wg.Wait()
	catalog.Swap(swapped)
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest("GET", "/after", nil))
	if body := decode(t, rec); body.Message != "(404) - Swapped: GET /after." {
		t.Errorf("after the swap: %q", body.Message)
	}
}

// With catalogs that lack the standard templates, the handler answers as
// any exception does: with ErrorMissing's message. A standard template
// that cannot format its params is shown as written, with the reason.
func TestCatalogWithoutStandardTemplates(t *testing.T) {
	prev := catalog.Current()
	t.Cleanup(func() { catalog.Swap(prev) })
	app := fstest.MapFS{"e.yml": {Data: []byte("E100001: \"mine\"\n")}}
	bare, err := catalog.Load(catalog.WithoutFramework(), catalog.ErrorFS(app, "e.yml"))
	if err != nil {
		t.Fatal(err)
	}
	catalog.Swap(bare)
	s := newServer(t, ErrorHandlerConfig{})
	rec := s.do("GET", "/nope", nil, "")
	b := decode(t, rec)
	want := webexc.New("Router", -60010, "/nope", "GET").Message()
	if rec.Code != 404 || b.Code != -60010 || b.Message != want || want == "" {
		t.Errorf("%d %+v, want message %q", rec.Code, b, want)
	}

	odd := fstest.MapFS{"e.yml": {Data: []byte("E60010: \"(404) - {0,number} {1}\"\n")}}
	cat, err := catalog.Load(catalog.ErrorFS(odd, "e.yml"), catalog.AllowOverride())
	if err != nil {
		t.Fatal(err)
	}
	catalog.Swap(cat)
	b = decode(t, s.do("GET", "/nope", nil, ""))
	if !strings.HasPrefix(b.Message, "(404) - {0,number} {1} (unformatted: ") {
		t.Errorf("unformattable message = %q", b.Message)
	}
}

// ProblemTypeBase reaches the core: a problem's type names the catalog
// page of its code, and the default stays a URN.
func TestProblemTypeBase(t *testing.T) {
	problem := map[string]string{"Accept": "application/problem+json"}
	for _, tc := range []struct{ base, want string }{
		{"/errors/", `"type":"/errors/60010"`},
		{"", `"type":"` + httpfault.DefaultProblemTypeBase + `60010"`},
	} {
		rec := newServer(t, ErrorHandlerConfig{ProblemTypeBase: tc.base}).do("GET", "/nope", problem, "")
		if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("base %q: %d %s, want %s", tc.base, rec.Code, rec.Body, tc.want)
		}
	}
}
