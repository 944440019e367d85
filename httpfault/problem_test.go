package httpfault_test

import (
	"encoding/json"
	"encoding/xml"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/webexc"
)

// Types, titles and pointers that need escaping come out escaped, and
// plain ones as they are, in both problem formats; neither allocates.
func TestProblemEscapes(t *testing.T) {
	for _, base := range []string{httpfault.DefaultProblemTypeBase, `https://errors.test/?a=1&b=<"2">/`, "urn:错误:"} {
		a := &httpfault.Answer{ID: "id-1", Code: -60000, Status: 400, Message: []byte("m"), TypeBase: base,
			Fields: []httpfault.Field{{Field: `items[2].a<b>&"c'` + "\x01", Rule: "max"}, {Field: "名前", Rule: "required"}}}
		wantType := base + "60000"
		wantPointers := []string{`#/items/2/a%3Cb%3E&%22c'%01`, "#/%E5%90%8D%E5%89%8D"}

		var pj struct {
			Type, Title string
			Errors      []struct{ Pointer string }
		}
		body := httpfault.ProblemJSON{}.Append(nil, a)
		if err := json.Unmarshal(body, &pj); err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		var px struct {
			Type   string `xml:"type"`
			Title  string `xml:"title"`
			Errors []struct {
				Pointer string `xml:"pointer"`
			} `xml:"errors>i"`
		}
		xbody := httpfault.ProblemXML{}.Append(nil, a)
		if err := xml.Unmarshal(xbody, &px); err != nil {
			t.Fatalf("%s: %v", xbody, err)
		}
		for _, got := range []struct {
			typ, title string
			pointers   []struct{ Pointer string }
		}{{pj.Type, pj.Title, pj.Errors}, {px.Type, px.Title, []struct{ Pointer string }(px.Errors)}} {
			if got.typ != wantType || got.title != "Bad Request" || len(got.pointers) != 2 ||
				got.pointers[0].Pointer != wantPointers[0] || got.pointers[1].Pointer != wantPointers[1] {
				t.Errorf("base %q: %+v\n%s\n%s", base, got, body, xbody)
			}
		}
		if strings.ContainsAny(string(body), "<>&") {
			t.Errorf("JSON with HTML characters unescaped: %s", body)
		}
		if !raceEnabled {
			buf := make([]byte, 0, 4096)
			if n := testing.AllocsPerRun(50, func() { httpfault.ProblemJSON{}.Append(buf[:0], a) }); n != 0 {
				t.Errorf("ProblemJSON.Append: %v allocations", n)
			}
			if n := testing.AllocsPerRun(50, func() { httpfault.ProblemXML{}.Append(buf[:0], a) }); n != 0 {
				t.Errorf("ProblemXML.Append: %v allocations", n)
			}
		}
	}
}

// Texts are copied unescaped only when their template and params were
// checked: a path full of what JSON escapes still gives a body that
// parses, with the path intact in the message, in both JSON formats and
// in a language the bundle serves in another script.
func TestHostileParamsEscaped(t *testing.T) {
	h := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler)})
	path := "/a\"b<c>&d\\e\u2028f\u00e9"
	idSent := `id"<&>\x` // printable ASCII without spaces: a request id kept as sent
	for _, accept := range []string{"application/json", "application/problem+json"} {
		for _, lang := range []string{"", "zh-CN"} {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.URL.Path = path
			req.Header.Set("Accept", accept)
			req.Header.Set("Accept-Language", lang)
			req.Header.Set("X-Request-Id", idSent)
			// The router's 404 (a standard exception) and a returned
			// WebException whose param is the path.
			for _, err := range []error{httpfault.ErrNotFound, webexc.New("Handler", -60004, "int", path)} {
				rec := httptest.NewRecorder()
				h.ServeError(rec, req, err)
				var body struct {
					Message, ID string
					RequestID   string `json:"request_id"`
				}
				if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
					t.Fatalf("%s %s: %v\n%s", accept, lang, err, rec.Body)
				}
				if body.ID != idSent && body.RequestID != idSent {
					t.Errorf("%s %s: id %q / request_id %q, sent %q", accept, lang, body.ID, body.RequestID, idSent)
				}
				if !strings.Contains(body.Message, path) {
					t.Errorf("%s %s: message %q lost the path %q", accept, lang, body.Message, path)
				}
				if strings.ContainsAny(rec.Body.String(), "<>&\u2028") {
					t.Errorf("%s %s: unescaped HTML or U+2028 in %s", accept, lang, rec.Body)
				}
			}
		}
	}
}

// A problem type base that JSON escapes is escaped in every answer's
// type: the handler checks it once, when it is configured.
func TestHostileProblemTypeBase(t *testing.T) {
	base := `https://errors.test/?a=1&b=<"2">/`
	h := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler), ProblemTypeBase: base})
	req := httptest.NewRequest(http.MethodGet, "/missing", nil)
	req.Header.Set("Accept", "application/problem+json")
	rec := httptest.NewRecorder()
	h.ServeError(rec, req, httpfault.ErrNotFound)
	var body struct{ Type string }
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("%v\n%s", err, rec.Body)
	}
	if body.Type != base+"60010" {
		t.Errorf("type %q, want %q", body.Type, base+"60010")
	}
	if strings.ContainsAny(rec.Body.String(), "<>&") {
		t.Errorf("unescaped HTML in %s", rec.Body)
	}
}
