// Package shoptest replays the README's tour of the demo shop against a
// front end, so that the v4 and v5 services are held to one transcript.
package shoptest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The README's tour of the shop is a transcript: each example is a status
// comment, a curl command and the body it prints. This test replays the
// transcript against the shop's handler, in order, so the README cannot
// drift from what the service answers. Ids are random, so they are
// compared as "any id".

type exchange struct {
	line   int
	status int
	args   []string
	body   string
}

// Replay replays the README's transcript (readme is its path) against h,
// in order, twice over one server: every answer must be the README's,
// and the same on the second run. Ids are random, so they are compared
// as "any id".
func Replay(t *testing.T, readme string, h http.Handler) {
	t.Helper()
	f, err := os.Open(readme)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	exchanges := readTranscript(t, f)
	if len(exchanges) < 8 {
		t.Fatalf("README shows %d curl examples of the shop; expected the tour (at least 8)", len(exchanges))
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for run := 1; run <= 2; run++ {
		for _, x := range exchanges {
			req, err := x.request(srv.URL)
			if err != nil {
				t.Fatalf("README.md:%d: %v", x.line, err)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatalf("README.md:%d: %v", x.line, err)
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != x.status {
				t.Errorf("run %d, README.md:%d: status %d, README says %d", run, x.line, resp.StatusCode, x.status)
			}
			if anyID(strings.TrimSpace(string(got))) != anyID(x.body) {
				t.Errorf("run %d, README.md:%d: body\n%s\nREADME says\n%s", run, x.line, got, x.body)
			}
			if id := resp.Header.Get("X-Request-Id"); resp.StatusCode >= 400 && !holdsID(string(got), id) {
				t.Errorf("run %d, README.md:%d: X-Request-Id %q is not the body's id", run, x.line, id)
			}
		}
	}
}

// DebugOnlyWithToken checks that the panic route shows its details only
// to a request that carries the debug token ("let-me-see"); everyone else
// gets the production body.
func DebugOnlyWithToken(t *testing.T, h http.Handler) {
	t.Helper()
	for _, tc := range []struct {
		token     string
		wantDebug bool
	}{{"", false}, {"wrong", false}, {"let-me-see", true}} {
		req := httptest.NewRequest(http.MethodGet, "/boom", nil)
		if tc.token != "" {
			req.Header.Set("X-Debug-Token", tc.token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code != http.StatusInternalServerError || !strings.Contains(body, `"code":-60007`) {
			t.Errorf("token %q: %d %s", tc.token, rec.Code, body)
		}
		leaks := strings.Contains(body, "nil map") || strings.Contains(body, "goroutine")
		if got := strings.Contains(body, `"debug":`); got != tc.wantDebug || leaks != tc.wantDebug {
			t.Errorf("token %q: debug member %v, panic text or stack %v; want %v\n%s", tc.token, got, leaks, tc.wantDebug, body)
		}
	}
}

// BodyLimit checks that a body over the shop's limit is refused with 413
// before it is read whole or validated.
func BodyLimit(t *testing.T, h http.Handler) {
	t.Helper()
	body := `{"email":"` + strings.Repeat("a", 1<<20) + `@example.com","name":"Bo","age":30}`
	req := httptest.NewRequest(http.MethodPost, "/accounts", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), `"code":-60011`) {
		t.Errorf("1 MiB sign-up: %d %s", rec.Code, rec.Body)
	}
	// Under the limit, an e-mail address longer than any real one fails
	// validation, and is not stored.
	body = `{"email":"` + strings.Repeat("a", 300) + `@example.com","name":"Bo","age":30}`
	req = httptest.NewRequest(http.MethodPost, "/accounts", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), `"rule":"max"`) {
		t.Errorf("300-byte e-mail: %d %s", rec.Code, rec.Body)
	}
}

var idField = regexp.MustCompile(`"id":"[0-9a-f]{16}"`)

func anyID(body string) string { return idField.ReplaceAllString(body, `"id":"…"`) }

// holdsID reports whether an error body carries id, in any of the
// formats: Zero's JSON ("id"), problem+json ("request_id"), XML.
func holdsID(body, id string) bool {
	for _, form := range []string{`"id":"` + id + `"`, `"request_id":"` + id + `"`, "<id>" + id + "</id>", "<request_id>" + id + "</request_id>"} {
		if strings.Contains(body, form) {
			return true
		}
	}
	return false
}

// readTranscript collects "# <status>", "$ curl …", "<body>" triples from
// the README's console blocks; a body is the lines up to the next blank
// line or the end of the block.
func readTranscript(t *testing.T, r io.Reader) []exchange {
	var out []exchange
	var status, n int
	var cur *exchange
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case cur != nil && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "```"):
			// A body runs to the next blank line: an XML body is its
			// declaration and its element.
			if cur.body != "" {
				cur.body += "\n"
			}
			cur.body += strings.TrimSpace(line)
		case cur != nil:
			out = append(out, *cur)
			cur = nil
		case strings.HasPrefix(line, "# ") && status == 0:
			if s, err := strconv.Atoi(strings.Fields(line)[1]); err == nil && s >= 100 && s < 600 {
				status = s
			}
		case strings.HasPrefix(line, "$ curl "):
			if status == 0 {
				t.Fatalf("README.md:%d: curl example without a preceding \"# <status>\" line", n)
			}
			args, err := shellWords(strings.TrimPrefix(line, "$ curl "))
			if err != nil {
				t.Fatalf("README.md:%d: %v", n, err)
			}
			cur = &exchange{line: n, status: status, args: args}
			status = 0
		default:
			status = 0
		}
	}
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

// shellWords splits a command line as a POSIX shell would for the subset
// the README uses: words, 'single quotes' and "double quotes".
func shellWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t':
			if inWord {
				words, inWord = append(words, w.String()), false
				w.Reset()
			}
		case '\'', '"':
			j := strings.IndexByte(s[i+1:], c)
			if j < 0 {
				return nil, fmt.Errorf("unterminated %c quote", c)
			}
			w.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// request builds the request a curl command line describes: -s, -X, -H,
// -d and one URL on localhost:8080, which is replaced by base.
func (x exchange) request(base string) (*http.Request, error) {
	method, url, body := "", "", ""
	header := http.Header{}
	for i := 0; i < len(x.args); i++ {
		a := x.args[i]
		next := func() (string, error) {
			if i+1 >= len(x.args) {
				return "", fmt.Errorf("%s needs a value", a)
			}
			i++
			return x.args[i], nil
		}
		var err error
		var v string
		switch a {
		case "-s":
		case "-X":
			method, err = next()
		case "-H":
			if v, err = next(); err == nil {
				k, val, ok := strings.Cut(v, ":")
				if !ok {
					return nil, fmt.Errorf("header %q has no colon", v)
				}
				header.Add(k, strings.TrimSpace(val))
			}
		case "-d":
			body, err = next()
			if method == "" {
				method = http.MethodPost
			}
		default:
			if strings.HasPrefix(a, "-") || url != "" {
				return nil, fmt.Errorf("curl argument %q is not understood by this test", a)
			}
			rest, ok := strings.CutPrefix(a, "localhost:8080")
			if !ok {
				return nil, fmt.Errorf("URL %q is not on localhost:8080", a)
			}
			url = base + rest
		}
		if err != nil {
			return nil, err
		}
	}
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header = header
	if body != "" && header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded") // as curl -d sends
	}
	return req, nil
}

// Languages are the ten the framework ships.
var Languages = []string{"en", "zh-CN", "zh-TW", "ja", "ko", "de", "fr", "es", "pt-BR", "ru"}

// TenLanguages checks that a router 404 and a validation failure answer
// in each of the ten languages, asked by Accept-Language and by ?lang=,
// with no English left in info or in the field explanations.
func TenLanguages(t *testing.T, h http.Handler) {
	t.Helper()
	type answer struct {
		Info   string `json:"info"`
		Fields []struct {
			Info string `json:"info"`
		} `json:"fields"`
	}
	ask := func(req *http.Request) answer {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var a answer
		if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", rec.Body, err)
		}
		return a
	}
	requests := func(lang string, byParam bool) []*http.Request {
		q := ""
		if byParam {
			q = "?lang=" + lang
		}
		notFound := httptest.NewRequest(http.MethodGet, "/catalog"+q, nil)
		invalid := httptest.NewRequest(http.MethodPost, "/accounts"+q, strings.NewReader(`{"email":"bo@","name":"B","age":12}`))
		invalid.Header.Set("Content-Type", "application/json")
		if !byParam {
			notFound.Header.Set("Accept-Language", lang)
			invalid.Header.Set("Accept-Language", lang)
		}
		return []*http.Request{notFound, invalid}
	}
	english := map[string]bool{}
	for _, req := range requests("en", false) {
		a := ask(req)
		english[a.Info] = true
		for _, f := range a.Fields {
			english[f.Info] = true
		}
	}
	for _, lang := range Languages[1:] {
		for _, byParam := range []bool{false, true} {
			seen := map[string]bool{}
			for _, req := range requests(lang, byParam) {
				a := ask(req)
				texts := []string{a.Info}
				for _, f := range a.Fields {
					texts = append(texts, f.Info)
				}
				for _, text := range texts {
					if text == "" || english[text] {
						t.Errorf("%s (by ?lang= %v): %q is English or empty", lang, byParam, text)
					}
					seen[text] = true
				}
			}
			if len(seen) < 5 {
				t.Errorf("%s: only %d distinct texts", lang, len(seen))
			}
		}
	}
}
