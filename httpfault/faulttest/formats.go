package faulttest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

// Problem is an RFC 9457 answer, as a client decodes it.
type Problem struct {
	Type      string         `json:"type" xml:"type"`
	Title     string         `json:"title" xml:"title"`
	Status    int            `json:"status" xml:"status"`
	Detail    string         `json:"detail" xml:"detail"`
	Instance  string         `json:"instance" xml:"instance"`
	Code      int            `json:"code" xml:"code"`
	RequestID string         `json:"request_id" xml:"request_id"`
	Message   string         `json:"message" xml:"message"`
	Errors    []ProblemField `json:"errors" xml:"errors>i"`
	Debug     *Debug         `json:"debug" xml:"-"`
}

// ProblemField is one violation in a problem's errors.
type ProblemField struct {
	Pointer string `json:"pointer" xml:"pointer"`
	Detail  string `json:"detail" xml:"detail"`
	Rule    string `json:"rule" xml:"rule"`
	Param   string `json:"param" xml:"param"`
}

// memberName is RFC 9457 §3.2's advice for extension members.
var memberName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{2,}$`)

func formats(t *testing.T, s *suite) {
	t.Run("negotiation", func(t *testing.T) { negotiation(t, s) })
	t.Run("RFC 9457", func(t *testing.T) { rfc9457(t, s) })
	t.Run("validation as problem", func(t *testing.T) { problemValidation(t, s) })
}

func negotiation(t *testing.T, s *suite) {
	const (
		zero     = "application/json; charset=UTF-8"
		problem  = "application/problem+json; charset=UTF-8"
		pxml     = "application/problem+xml; charset=UTF-8"
		appXML   = "application/xml; charset=UTF-8"
		textXML  = "text/xml; charset=UTF-8"
		notFound = -60010
	)
	cases := []struct{ accept, want string }{
		{"", zero},
		{"*/*", zero},
		{"application/json", zero},
		{"application/*", zero},
		{"text/html", zero},
		{"text/html, image/png;q=0.5", zero},
		{"application/problem+json", problem},
		{"Application/Problem+JSON", problem},
		{"application/problem+json; charset=utf-8", problem},
		{"application/problem+json;q=0.5, application/json", zero},
		{"application/json;q=0.1, application/problem+json", problem},
		{"application/problem+json;q=0", zero},
		{"text/html, application/problem+json;q=0.9, */*;q=0.1", problem},
		{"application/problem+xml", pxml},
		{"application/xml", appXML},
		{"text/xml", textXML},
		{"text/*;q=0.9, application/problem+json;q=0.8", textXML},
		{"application/xml;q=0.5, application/problem+xml;q=0.6", pxml},
		{"application/problem+json;q=nope", zero},
		{"*/*;q=0.1, application/problem+json;q=0.2", problem},
		{strings.Repeat("x/y, ", 500) + "application/problem+json", zero}, // past the bound: not read
		{",,;;==", zero},
	}
	for _, tc := range cases {
		rec := s.do("GET", "/nope", map[string]string{"Accept": tc.accept, "Accept-Language": "zh-CN"}, "")
		if got := rec.Header().Get("Content-Type"); got != tc.want {
			t.Errorf("Accept %.40q: Content-Type %q, want %q", tc.accept, got, tc.want)
			continue
		}
		if rec.Code != 404 {
			t.Errorf("Accept %.40q: status %d", tc.accept, rec.Code)
		}
		if !strings.Contains(strings.Join(rec.Header().Values("Vary"), ","), "Accept") || rec.Header().Get("Content-Language") != "zh-CN" {
			t.Errorf("Accept %.40q: Vary %q, Content-Language %q", tc.accept, rec.Header().Values("Vary"), rec.Header().Get("Content-Language"))
		}
		code := 0
		switch tc.want {
		case zero:
			code = Decode(t, rec).Code
		case problem:
			code = decodeProblem(t, rec).Code
		case pxml:
			code = decodeProblemXML(t, rec.Body.Bytes()).Code
		default:
			var e struct {
				XMLName xml.Name `xml:"error"`
				Code    int      `xml:"code"`
			}
			if err := xml.Unmarshal(rec.Body.Bytes(), &e); err != nil {
				t.Errorf("Accept %q: %v\n%s", tc.accept, err, rec.Body)
			}
			code = e.Code
		}
		if code != notFound {
			t.Errorf("Accept %.40q: code %d", tc.accept, code)
		}
	}
	// A HEAD gets the headers of the format it asked for, and no body.
	rec := s.do("HEAD", "/nope", map[string]string{"Accept": "application/problem+json"}, "")
	if rec.Body.Len() != 0 || rec.Header().Get("Content-Type") != problem || rec.Code != 404 {
		t.Errorf("HEAD: %d %v %q", rec.Code, rec.Header(), rec.Body)
	}
}

func decodeProblem(t *testing.T, rec *httptest.ResponseRecorder) Problem {
	t.Helper()
	var members map[string]json.RawMessage
	if err := json.Unmarshal(rec.Body.Bytes(), &members); err != nil {
		t.Fatalf("%s: %v", rec.Body, err)
	}
	for name := range members {
		switch name {
		case "type", "title", "status", "detail", "instance":
		default:
			if !memberName.MatchString(name) {
				t.Errorf("extension member %q does not follow RFC 9457 §3.2", name)
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
	dec.DisallowUnknownFields()
	var p Problem
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("%s: %v", rec.Body, err)
	}
	return p
}

func decodeProblemXML(t *testing.T, body []byte) Problem {
	t.Helper()
	var p struct {
		XMLName xml.Name `xml:"urn:ietf:rfc:7807 problem"`
		Problem
	}
	if err := xml.Unmarshal(body, &p); err != nil {
		t.Fatalf("%s: %v", body, err)
	}
	return p.Problem
}

// Every standard exception's problem: status the HTTP status, a type per
// code, the same content in XML as in JSON, nothing internal in
// production.
func rfc9457(t *testing.T, s *suite) {
	types := map[string]int{}
	for _, url := range []string{"/web", "/joined", "/nope", "/status/400", "/status/401", "/status/403", "/status/404",
		"/status/409", "/status/413", "/status/415", "/status/429", "/status/502", "/status/503", "/panic", "/throw", "/unknown"} {
		rec := s.do("GET", url, map[string]string{"Accept": "application/problem+json"}, "")
		p := decodeProblem(t, rec)
		if p.Status != rec.Code || p.Status == 0 {
			t.Errorf("%s: status member %d, HTTP %d", url, p.Status, rec.Code)
		}
		if p.Type == "" || p.Title == "" || p.Instance == "" || p.RequestID != rec.Header().Get("X-Request-Id") || !strings.HasSuffix(p.Instance, p.RequestID) {
			t.Errorf("%s: %+v", url, p)
		}
		if prev, ok := types[p.Type]; ok && prev != p.Code {
			t.Errorf("%s: type %q is shared by codes %d and %d", url, p.Type, prev, p.Code)
		}
		types[p.Type] = p.Code
		if strings.Contains(rec.Body.String(), "hunter2") || strings.Contains(rec.Body.String(), "goroutine") {
			t.Errorf("%s: leaks %s", url, rec.Body)
		}
		rec = s.do("GET", url, map[string]string{"Accept": "application/problem+xml"}, "")
		px := decodeProblemXML(t, rec.Body.Bytes())
		px.RequestID, p.RequestID, px.Instance, p.Instance = "", "", "", "" // ids differ per request
		if px.Status != rec.Code || px.Type != p.Type || px.Title != p.Title || px.Detail != p.Detail || px.Code != p.Code || px.Message != p.Message {
			t.Errorf("%s: XML %+v, JSON %+v", url, px, p)
		}
	}
	if len(types) < 8 { // -60006 to -60013
		t.Errorf("only %d distinct types", len(types))
	}
	// A debug request sees the debug member in problem+json too.
	rec := s.do("GET", "/panic", map[string]string{"Accept": "application/problem+json", "X-Debug": token}, "")
	if p := decodeProblem(t, rec); p.Debug == nil || len(p.Debug.Stack) == 0 {
		t.Errorf("debug problem: %s", rec.Body)
	}
}

// A validation failure as a problem: errors with JSON Pointers.
func problemValidation(t *testing.T, s *suite) {
	for _, accept := range []string{"application/problem+json", "application/problem+xml"} {
		rec := s.do("POST", "/users", map[string]string{"Content-Type": "application/json", "Accept": accept, "Accept-Language": "de"}, `{"name":"","email":"x@","age":12}`)
		var p Problem
		if strings.HasSuffix(accept, "json") {
			p = decodeProblem(t, rec)
		} else {
			p = decodeProblemXML(t, rec.Body.Bytes())
		}
		want := []ProblemField{{"#/name", "", "required", ""}, {"#/email", "", "email", ""}, {"#/age", "", "gte", "18"}}
		if p.Status != 400 || p.Code != -60000 || len(p.Errors) != len(want) {
			t.Fatalf("%s: %+v", accept, p)
		}
		for i, w := range want {
			got := p.Errors[i]
			if got.Pointer != w.Pointer || got.Rule != w.Rule || got.Param != w.Param || got.Detail == "" {
				t.Errorf("%s: error %d = %+v, want %+v with a detail", accept, i, got, w)
			}
		}
	}
}
