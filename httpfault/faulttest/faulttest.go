// Package faulttest is the conformance suite of zerofault's HTTP
// adapters, in the manner of testing/slogtest: every adapter (Echo v4,
// Echo v5, net/http, and any a team writes) serves the same failures from
// the same URLs through its framework, and [Run] checks that each is
// answered exactly as the core promises.
//
// An adapter's test builds a server with [Setup]'s options and these
// routes, each failing its own way in that framework's idiom:
//
//	GET  /web            return webexc.New("UserHandler", -60008).SetStatus(404)
//	GET  /wrapped        return fmt.Errorf("load user 42: %w", that)
//	GET  /joined         return errors.Join(errors.New("cache miss"), webexc.New("UserHandler", -60009).SetStatus(409))
//	GET  /status/{code}  return the framework's own error for that status (echo.NewHTTPError, httpfault.StatusError)
//	POST /users          bind a JSON [User] with the framework's binder (net/http: encoding/json), then validate it with httpfault's Validator
//	GET  /panic          panic("secret value 1234")
//	GET  /panic-error    panic(errors.New("map write: secret"))
//	GET  /throw          zero.Throw(webexc.New("Deep", -60013).SetStatus(403))
//	GET  /unknown        return errors.New("dial tcp 10.0.0.7:5432: password=hunter2")
//	GET  /committed      write 200 "partial", then return errors.New("late failure")
//	GET  /download       set Content-Length: 1000, Content-Disposition and Content-Encoding: gzip, then return the -60008 exception
//
// Any other path is unknown to the router, and DELETE /web is a method
// the route does not allow.
package faulttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// Setup is what the server of [Run] is built with: pass each field to the
// adapter's configuration.
type Setup struct {
	Logger   *slog.Logger     // every record of the server
	Readable *readable.Bundle // the texts, in the three languages the suite asks for
	// DebugHeader and DebugToken make a Debug predicate (DebugToken of
	// the adapter, or httpfault.DebugToken).
	DebugHeader, DebugToken string
}

// User is the body POST /users binds and validates.
type User struct {
	Name  string `json:"name" validate:"required"`
	Email string `json:"email" validate:"required,email"`
	Age   int    `json:"age" validate:"gte=18,lte=130"`
}

// Run checks an adapter: newServer builds a fresh server for a Setup.
// bundle must hold the framework's readable texts and German (de) ones
// for -60010, as echofault/testdata does.
func Run(t *testing.T, bundle *readable.Bundle, newServer func(Setup) http.Handler) {
	t.Run("sources", func(t *testing.T) { sources(t, newSuite(t, bundle, newServer)) })
	t.Run("head", func(t *testing.T) { head(t, newSuite(t, bundle, newServer)) })
	t.Run("committed", func(t *testing.T) { committed(t, newSuite(t, bundle, newServer)) })
	t.Run("production", func(t *testing.T) { production(t, newSuite(t, bundle, newServer)) })
	t.Run("debug", func(t *testing.T) { debug(t, newSuite(t, bundle, newServer)) })
	t.Run("languages", func(t *testing.T) { languages(t, newSuite(t, bundle, newServer)) })
	t.Run("request ids", func(t *testing.T) { requestIDs(t, newSuite(t, bundle, newServer)) })
	t.Run("validation", func(t *testing.T) { validation(t, newSuite(t, bundle, newServer)) })
	t.Run("headers", func(t *testing.T) { headers(t, newSuite(t, bundle, newServer)) })
	t.Run("logs", func(t *testing.T) { logs(t, newSuite(t, bundle, newServer)) })
	t.Run("formats", func(t *testing.T) { formats(t, newSuite(t, bundle, newServer)) })
}

// suite is one server under test with its log.
type suite struct {
	h      http.Handler
	log    *LogBuffer
	bundle *readable.Bundle
}

const token = "s3cret"

func newSuite(t *testing.T, bundle *readable.Bundle, newServer func(Setup) http.Handler) *suite {
	log := &LogBuffer{}
	s := Setup{
		Logger:      slog.New(slog.NewJSONHandler(log, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Readable:    bundle,
		DebugHeader: "X-Debug",
		DebugToken:  token,
	}
	return &suite{h: newServer(s), log: log, bundle: bundle}
}

func (s *suite) do(method, url string, hdr map[string]string, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, url, strings.NewReader(body))
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.h.ServeHTTP(rec, req)
	return rec
}

// Body is Zero's answer, as a client decodes it.
type Body struct {
	ID      string  `json:"id"`
	Code    int     `json:"code"`
	Message string  `json:"message"`
	Info    string  `json:"info"`
	Fields  []Field `json:"fields"`
	Debug   *Debug  `json:"debug"`
}

// Field is one violation of a validation failure.
type Field struct {
	Field string `json:"field"`
	Rule  string `json:"rule"`
	Param string `json:"param"`
	Info  string `json:"info"`
}

// Debug is the debug member.
type Debug struct {
	Target string   `json:"target"`
	Class  string   `json:"class"`
	Causes []string `json:"causes"`
	Stack  []string `json:"stack"`
}

// Decode checks that rec holds Zero's JSON, with no unknown member, and
// returns it.
func Decode(t testing.TB, rec *httptest.ResponseRecorder) Body {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=UTF-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	dec := json.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
	dec.DisallowUnknownFields()
	var b Body
	if err := dec.Decode(&b); err != nil {
		t.Fatalf("body %s: %v", rec.Body, err)
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

func (s *suite) info(t *testing.T, lang string, code int, params ...any) string {
	t.Helper()
	text, _, ok := s.bundle.Text(s.bundle.Match(lang), code, params...)
	if !ok {
		t.Fatalf("no %s text for %d", lang, code)
	}
	return text
}

const withheld = "details are in the server log"

func sources(t *testing.T, s *suite) {
	cases := []struct {
		name         string
		method, url  string
		ctype, body  string
		status, code int
		params       []any // of the message; nil: the code's template as is
	}{
		{"returned WebException", "GET", "/web", "", "", 404, -60008, nil},
		{"wrapped with %w", "GET", "/wrapped", "", "", 404, -60008, nil},
		{"joined", "GET", "/joined", "", "", 409, -60009, nil},
		{"no route", "GET", "/nope/x", "", "", 404, -60010, []any{"/nope/x", "GET"}},
		{"no route, escaped path", "GET", "/a%3Cb%3E", "", "", 404, -60010, []any{"/a<b>", "GET"}},
		{"method not allowed", "DELETE", "/web", "", "", 405, -60014, []any{"DELETE", "/web"}},
		{"status 400", "GET", "/status/400", "", "", 400, -60011, nil},
		{"status 401", "GET", "/status/401", "", "", 401, -60012, nil},
		{"status 403", "GET", "/status/403", "", "", 403, -60013, nil},
		{"status 404", "GET", "/status/404", "", "", 404, -60010, []any{"/status/404", "GET"}},
		{"status 409", "GET", "/status/409", "", "", 409, -60011, nil},
		{"status 413", "GET", "/status/413", "", "", 413, -60011, nil},
		{"status 415", "GET", "/status/415", "", "", 415, -60006, nil},
		{"status 429", "GET", "/status/429", "", "", 429, -60011, nil},
		{"status 502", "GET", "/status/502", "", "", 502, -60007, []any{withheld}},
		{"status 503", "GET", "/status/503", "", "", 503, -60007, []any{withheld}},
		{"binder: JSON type", "POST", "/users", "application/json", `{"age":"old"}`, 400, -60004, []any{"int", "a JSON string (field age)"}},
		{"binder: JSON syntax", "POST", "/users", "application/json", `{"age":`, 400, -60011, nil},
		{"panic", "GET", "/panic", "", "", 500, -60007, []any{withheld}},
		{"panic with an error", "GET", "/panic-error", "", "", 500, -60007, []any{withheld}},
		{"thrown exception", "GET", "/throw", "", "", 403, -60013, nil},
		{"unknown error", "GET", "/unknown", "", "", 500, -60007, []any{withheld}},
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
			b := Decode(t, rec)
			if b.Code != tc.code {
				t.Errorf("code = %d, want %d", b.Code, tc.code)
			}
			if tc.code != -60006 { // its {1} is the adapter's binder's list
				// The message names the status the client got.
				if want := withStatus(message(t, tc.code, tc.params...), tc.status); b.Message != want {
					t.Errorf("message = %q, want %q", b.Message, want)
				}
				if want := s.info(t, "en", tc.code, tc.params...); b.Info != want {
					t.Errorf("info = %q, want %q", b.Info, want)
				}
			}
			if b.ID == "" || rec.Header().Get("X-Request-Id") != b.ID {
				t.Errorf("id %q, header %q", b.ID, rec.Header().Get("X-Request-Id"))
			}
			if b.Debug != nil || b.Fields != nil {
				t.Errorf("unexpected extensions: %s", rec.Body)
			}
		})
	}
}

func head(t *testing.T, s *suite) {
	for _, url := range []string{"/nope", "/panic", "/web"} {
		rec := s.do(http.MethodHead, url, nil, "")
		if rec.Body.Len() != 0 {
			t.Errorf("HEAD %s has a body: %s", url, rec.Body)
		}
		if rec.Code < 400 || rec.Header().Get("X-Request-Id") == "" || rec.Header().Get("Content-Type") == "" {
			t.Errorf("HEAD %s: %d %v", url, rec.Code, rec.Header())
		}
	}
}

func committed(t *testing.T, s *suite) {
	rec := s.do("GET", "/committed", nil, "")
	if rec.Code != http.StatusOK || rec.Body.String() != "partial" {
		t.Errorf("committed response changed: %d %q", rec.Code, rec.Body)
	}
	recs := s.log.Records(t)
	if len(recs) != 1 || recs[0]["committed"] != true || recs[0]["level"] != "ERROR" || !strings.Contains(fmt.Sprint(recs[0]["cause"]), "late failure") {
		t.Errorf("log = %v", recs)
	}
}

func production(t *testing.T, s *suite) {
	secrets := []string{"hunter2", "secret", "goroutine", "10.0.0.7", ".go:", "PANIC"}
	for _, url := range []string{"/unknown", "/panic", "/panic-error", "/status/503"} {
		// A wrong token is no token.
		rec := s.do("GET", url, map[string]string{"X-Debug": "guess"}, "")
		for _, secret := range secrets {
			if strings.Contains(rec.Body.String(), secret) {
				t.Errorf("%s leaks %q: %s", url, secret, rec.Body)
			}
		}
	}
	all := fmt.Sprint(s.log.Records(t))
	for _, secret := range []string{"hunter2", "secret value 1234", "map write: secret", "goroutine"} {
		if !strings.Contains(all, secret) {
			t.Errorf("log lacks %q", secret)
		}
	}
}

func debug(t *testing.T, s *suite) {
	dbg := map[string]string{"X-Debug": token}
	b := Decode(t, s.do("GET", "/panic", dbg, ""))
	if b.Message != message(t, -60007, "panic: secret value 1234") {
		t.Errorf("message = %q", b.Message)
	}
	if b.Debug == nil || b.Debug.Class != "_500InternalServerException" || b.Debug.Target == "" || b.Debug.Target == "Router" {
		t.Fatalf("debug = %+v", b.Debug)
	}
	if len(b.Debug.Stack) < 3 || !strings.HasPrefix(b.Debug.Stack[0], "goroutine ") {
		t.Errorf("stack = %q", b.Debug.Stack)
	}
	b = Decode(t, s.do("GET", "/wrapped", dbg, ""))
	if b.Debug == nil || b.Debug.Class != "WebException" || b.Debug.Target != "UserHandler" || len(b.Debug.Stack) != 0 {
		t.Fatalf("debug = %+v", b.Debug)
	}
	if len(b.Debug.Causes) != 1 || !strings.HasPrefix(b.Debug.Causes[0], "load user 42: [ ERR-60008 ]") {
		t.Errorf("causes = %q", b.Debug.Causes)
	}
	b = Decode(t, s.do("GET", "/unknown", dbg, ""))
	if !strings.Contains(b.Message, "hunter2") || b.Debug == nil || b.Debug.Causes[0] != "dial tcp 10.0.0.7:5432: password=hunter2" {
		t.Errorf("unknown error in debug: %+v", b)
	}
	b = Decode(t, s.do("GET", "/nope", dbg, ""))
	if b.Debug == nil || b.Debug.Class != "_404ServiceNotFoundException" || b.Debug.Target != "Router" {
		t.Errorf("404 debug = %+v", b.Debug)
	}
}

func languages(t *testing.T, s *suite) {
	cases := []struct {
		name, url, accept string
		lang              string
	}{
		{"default", "/nope", "", "en"},
		{"Accept-Language zh", "/nope", "zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"},
		{"Accept-Language de", "/nope", "de-DE, en;q=0.5", "de"},
		{"q-values", "/nope", "en;q=0.2, de;q=0.9, zh-CN;q=0.5", "de"},
		{"?lang= wins", "/nope?lang=zh-CN", "de", "zh-CN"},
		{"?lang= with other params", "/nope?x=1&lang=de&y=2", "zh-CN", "de"},
		{"a param named like it", "/nope?flang=zh-CN", "de", "de"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := Decode(t, s.do("GET", tc.url, map[string]string{"Accept-Language": tc.accept}, ""))
			path, _, _ := strings.Cut(tc.url, "?")
			if want := s.info(t, tc.lang, -60010, path, "GET"); b.Info != want {
				t.Errorf("info = %q, want %s %q", b.Info, tc.lang, want)
			}
			if want := message(t, -60010, path, "GET"); b.Message != want {
				t.Errorf("message = %q", b.Message)
			}
		})
	}
}

func requestIDs(t *testing.T, s *suite) {
	for _, tc := range []struct {
		sent string
		kept bool
	}{
		{"abc-123", true},
		{strings.Repeat("a", 128), true},
		{strings.Repeat("a", 129), false},
		{"has space", false},
		{"ünïcode", false},
		{"", false},
	} {
		rec := s.do("GET", "/nope", map[string]string{"X-Request-Id": tc.sent}, "")
		b := Decode(t, rec)
		if got := rec.Header().Get("X-Request-Id"); got != b.ID {
			t.Errorf("%q: header %q, body %q", tc.sent, got, b.ID)
		}
		if tc.kept != (b.ID == tc.sent) {
			t.Errorf("%q: id %q", tc.sent, b.ID)
		}
	}
	// Ids the service makes are not a sequence a client could count.
	a := Decode(t, s.do("GET", "/nope", nil, "")).ID
	c := Decode(t, s.do("GET", "/nope", nil, "")).ID
	if a == c || len(a) != 16 || len(c) != 16 || commonPrefix(a, c) > 8 {
		t.Errorf("consecutive ids %q and %q", a, c)
	}
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func validation(t *testing.T, s *suite) {
	rec := s.do("POST", "/users", map[string]string{"Content-Type": "application/json", "Accept-Language": "zh-CN"}, `{"name":"","email":"x@","age":12}`)
	if rec.Code != 400 {
		t.Errorf("status %d", rec.Code)
	}
	b := Decode(t, rec)
	if b.Code != -60000 || b.Info != s.info(t, "zh-CN", -60000) {
		t.Errorf("%+v", b)
	}
	want := []Field{{"name", "required", "", ""}, {"email", "email", "", ""}, {"age", "gte", "18", ""}}
	if len(b.Fields) != len(want) {
		t.Fatalf("fields %+v", b.Fields)
	}
	for i, w := range want {
		got := b.Fields[i]
		if got.Field != w.Field || got.Rule != w.Rule || got.Param != w.Param || got.Info == "" || !strings.HasSuffix(got.Info, "。") {
			t.Errorf("field %d = %+v, want %+v with a Chinese text", i, got, w)
		}
	}
}

func headers(t *testing.T, s *suite) {
	rec := s.do("GET", "/download", nil, "")
	b := Decode(t, rec)
	h := rec.Header()
	if rec.Code != 404 || b.Code != -60008 {
		t.Errorf("%d %+v", rec.Code, b)
	}
	for _, k := range []string{"Content-Length", "Content-Disposition", "Content-Encoding"} {
		if v := h.Get(k); v != "" {
			t.Errorf("%s: %q left on the error response", k, v)
		}
	}
	if h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("no nosniff: %v", h)
	}
	rec = s.do("DELETE", "/web", nil, "")
	if rec.Code != 405 || !strings.Contains(h.Get("Allow")+rec.Header().Get("Allow"), "GET") {
		t.Errorf("405 without Allow: %d %v", rec.Code, rec.Header())
	}
}

func logs(t *testing.T, s *suite) {
	cases := []struct {
		url   string
		level string
	}{
		{"/nope", "WARN"},
		{"/web", "WARN"},
		{"/status/401", "WARN"},
		{"/unknown", "ERROR"},
		{"/panic", "ERROR"},
		{"/status/503", "ERROR"},
	}
	for _, tc := range cases {
		s.do("GET", tc.url, map[string]string{"X-Request-Id": "rid-" + tc.url}, "")
	}
	recs := s.log.Records(t)
	if len(recs) != len(cases) {
		t.Fatalf("%d records for %d failures: %v", len(recs), len(cases), recs)
	}
	for i, tc := range cases {
		r := recs[i]
		if r["level"] != tc.level || r["request_id"] != "rid-"+tc.url || r["method"] != "GET" {
			t.Errorf("%s: %v", tc.url, r)
		}
		if msg, _ := r["msg"].(string); !strings.HasPrefix(msg, "[ ERR-") {
			t.Errorf("%s: msg %q is not the exception's log line", tc.url, msg)
		}
	}
	if recs[4]["panic"] != "secret value 1234" || !strings.Contains(fmt.Sprint(recs[4]["stack"]), "goroutine") {
		t.Errorf("panic record = %v", recs[4])
	}
}

// LogBuffer collects the JSON records of a slog.JSONHandler written by
// concurrent requests, for tests that read them back:
//
//	logs := &faulttest.LogBuffer{}
//	logger := slog.New(slog.NewJSONHandler(logs, nil))
type LogBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p; it is safe for concurrent use.
func (s *LogBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// Records returns the records written so far, one map per line; a line
// that is not JSON fails t.
func (s *LogBuffer) Records(t testing.TB) []map[string]any {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for line := range bytes.Lines(s.b.Bytes()) {
		var r map[string]any
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, r)
	}
	return out
}
