package httpfault

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zeroport/zerofault/httpfault/faulttest"
	"github.com/zeroport/zerofault/readable"
	"golang.org/x/text/language"
)

func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(m.Run())
}

// bundle is the framework's readable texts plus German.
func bundle(t testing.TB) *readable.Bundle { return faulttest.Bundle(t) }

// isBlank must agree with strings.TrimSpace(s) == "", Unicode spaces
// included, as webexc's AppendJSON decides "info" that way.
func TestIsBlank(t *testing.T) {
	for s, want := range map[string]bool{"": true, " \t\n": true, "\u00a0\u3000": true, "x": false, " 您": false, "\xff": false} {
		if got, trimmed := isBlank(s), strings.TrimSpace(s) == ""; got != want || got != trimmed {
			t.Errorf("isBlank(%q) = %v, want %v", s, got, want)
		}
		if got := isBlank([]byte(s)); got != want {
			t.Errorf("isBlank([]byte(%q)) = %v", s, got)
		}
	}
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

func TestConversion(t *testing.T) {
	_, terr := time.Parse("2006-01-02", "tomorrow")
	var pe *time.ParseError
	errors.As(terr, &pe)
	type signUp struct{ Age int }
	cases := []struct {
		s                 scan
		expected, literal string
		ok                bool
	}{
		{scan{num: &strconv.NumError{Func: "ParseUint", Num: "-1"}}, "uint", `"-1"`, true},
		{scan{num: &strconv.NumError{Func: "ParseBool", Num: "yes"}}, "bool", `"yes"`, true},
		// A strconv function's name is Go's, not the client's.
		{scan{num: &strconv.NumError{Func: "Custom", Num: "z"}}, "value", `"z"`, true},
		{scan{timeParse: pe}, "time (2006-01-02)", `"tomorrow"`, true},
		{scan{param: "since", input: "tomorrow", bound: true}, "value of since", `"tomorrow"`, true},
		{scan{}, "", "", false},
		// JSON's names for Go's types: no package, no struct name leaks.
		{scan{jsonType: jsonErr(reflect.TypeFor[signUp](), "array", "")}, "object", "a JSON array", true},
		{scan{jsonType: jsonErr(reflect.TypeFor[*signUp](), "number", "user")}, "object", "a JSON number (field user)", true},
		{scan{jsonType: jsonErr(reflect.TypeFor[[]signUp](), "object", "items")}, "array", "a JSON object (field items)", true},
		{scan{jsonType: jsonErr(reflect.TypeFor[map[string]int](), "string", "m")}, "object", "a JSON string (field m)", true},
		{scan{jsonType: jsonErr(reflect.TypeFor[float32](), "string", "x")}, "number", "a JSON string (field x)", true},
		{scan{jsonType: jsonErr(reflect.TypeFor[bool](), "number", "ok")}, "boolean", "a JSON number (field ok)", true},
		{scan{jsonType: jsonErr(reflect.TypeFor[time.Duration](), "string", "d")}, "int", "a JSON string (field d)", true},
		{scan{jsonType: jsonErr(nil, "string", "")}, "value", "a JSON string", true},
		// Echoed input is bounded.
		{scan{num: &strconv.NumError{Func: "ParseInt", Num: strings.Repeat("9", 1000)}}, "int", strconv.Quote(strings.Repeat("9", MaxEchoed) + "…"), true},
	}
	for _, tc := range cases {
		e, l, ok := tc.s.conversion()
		if e != tc.expected || l != tc.literal || ok != tc.ok {
			t.Errorf("%+v: %q %q %v", tc.s, e, l, ok)
		}
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("é", MaxEchoed) // two bytes each
	got := clip(long)
	if !strings.HasSuffix(got, "…") || len(got) > MaxEchoed+len("…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("clip cut %q", got)
	}
	if s := strings.Repeat("a", MaxEchoed); clip(s) != s {
		t.Error("clip cut a string that fits")
	}
}

func TestQueryValue(t *testing.T) {
	for raw, want := range map[string]string{
		"lang=de":                          "de",
		"x=1&lang=zh-CN&y=2":               "zh-CN",
		"flang=de":                         "",
		"lang=%7A%68":                      "zh",
		"lang=%zz":                         "",
		"lang=a&lang=b":                    "a",
		"":                                 "",
		"lang=" + strings.Repeat("x", 200): "",
	} {
		if got := queryValue(raw, "lang="); got != want {
			t.Errorf("queryValue(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestBoundPreference(t *testing.T) {
	long := "de-DE, " + strings.Repeat("x-private, ", 100) + "zh"
	got := boundPreference(long)
	if len(got) > maxPreference || !strings.HasPrefix(got, "de-DE, ") || strings.HasSuffix(got, ",") {
		t.Errorf("bounded to %q", got)
	}
	if boundPreference(strings.Repeat("x", 1000)) != "" {
		t.Error("one huge entry is kept")
	}
}

func TestRules(t *testing.T) {
	if _, err := defaultRules(); err != nil {
		t.Fatal(err)
	}
	r, err := NewRules(map[string]map[string]string{
		"de": {"required": "{0} fehlt."},
		"en": {"required": "Please fill in {0}."},
	})
	if err != nil {
		t.Fatal(err)
	}
	b := bundle(t)
	lang := func(tag string) *ruleLang { return r.lang(b.Match(tag)) }
	text := func(rl *ruleLang, rule string, k kind, param string) string {
		return string(r.appendText(nil, rl, rule, k, "f", param))
	}
	cases := []struct {
		lang, rule string
		kind       kind
		param      string
		want       string
	}{
		{"en", "required", kindString, "", "Please fill in f."}, // overridden
		{"en", "email", kindString, "", "f must be a valid email address."},
		{"en", "len", kindString, "1", "f must be exactly 1 character long."},
		{"en", "len", kindString, "1000", "f must be exactly 1,000 characters long."},
		{"en", "len", kindNumber, "7", "f must be 7."},
		{"en", "max", kindItems, "2", "f must contain at most 2 items."},
		{"en", "max", kindAny, "", "f is too large."}, // a time, say
		{"en", "lt", kindNumber, "0.5", "f must be less than 0.5."},
		{"en", "min", kindString, "x", "f is too small."}, // a choice needs a number: the rule's plain text
		{"en", "custom_rule", kindString, "", "f is not valid."},
		{"zh-CN", "required", kindString, "", "f为必填项。"},
		{"zh-CN", "gt", kindItems, "3", "f包含的项数必须多于3。"},
		{"zh-CN", "custom_rule", kindString, "", "f的值无效。"},
		{"de", "required", kindString, "", "f fehlt."},                                              // overridden
		{"de", "email", kindString, "", "Das Feld „f“ muss eine gültige E-Mail-Adresse enthalten."}, // the framework's
		{"de-AT", "required", kindString, "", "f fehlt."},                                           // the closest language
		{"ja", "required", kindString, "", "「f」は必須項目です。"},
		{"zh-TW", "required", kindString, "", text(r.langs[language.Make("zh-TW")], "required", kindString, "")},
		{"zh-HK", "required", kindString, "", text(r.langs[language.Make("zh-TW")], "required", kindString, "")}, // traditional, never zh-CN
		{"de", "custom_rule", kindString, "", text(r.langs[language.Make("de")], "default", kindAny, "")},        // the language's default, not English
		{"nl", "required", kindString, "", "Please fill in f."},                                                  // no Dutch at all: English
	}
	for _, tc := range cases {
		if got := text(lang(tc.lang), tc.rule, tc.kind, tc.param); got != tc.want {
			t.Errorf("%s %s %v %q = %q, want %q", tc.lang, tc.rule, tc.kind, tc.param, got, tc.want)
		}
	}
	// The zero Language (no bundle's choice) reads the default texts.
	if got := text(r.lang(readable.Language{}), "required", kindAny, ""); got != "Please fill in f." {
		t.Errorf("zero Language: %q", got)
	}

	for _, bad := range []map[string]map[string]string{
		{"de": {"required": "{0"}},
		{"de": {"required.text": "x"}},
		{"de": {".string": "x"}},
		{"not a tag!": {"required": "x"}},
	} {
		if _, err := NewRules(bad); err == nil {
			t.Errorf("NewRules(%v) succeeded", bad)
		}
	}
	_, err = NewRules(map[string]map[string]string{"de": {"required": "{0", "email": "{1"}})
	if err == nil || !strings.Contains(err.Error(), `"required"`) || !strings.Contains(err.Error(), `"email"`) {
		t.Errorf("every problem is reported: %v", err)
	}
}

func TestFieldPath(t *testing.T) {
	v := NewValidator()
	type item struct {
		Name string `json:"item_name" validate:"required"`
	}
	type order struct {
		Items []item `json:"items" validate:"dive"`
		Note  string `validate:"max=2"`
	}
	err := v.Validate(&order{Items: []item{{"a"}, {""}}, Note: "long"})
	var ve interface{ Error() string }
	if !errors.As(err, &ve) {
		t.Fatal(err)
	}
	var s scan
	s.walk(err, nil)
	if len(s.validation) != 2 {
		t.Fatalf("validation = %v", s.validation)
	}
	if got := fieldPath(s.validation[0]); got != "items[1].item_name" {
		t.Errorf("nested path = %q", got)
	}
	if got := fieldPath(s.validation[1]); got != "Note" {
		t.Errorf("untagged field = %q", got)
	}
}

// Choosing the language of a response, once the header has been seen.
func BenchmarkLanguage(b *testing.B) {
	h := New(nil)
	req := httptest.NewRequest(http.MethodGet, "/api/users/42", nil)
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
	bu := readable.Current()
	h.language(req, bu)
	b.ReportAllocs()
	for b.Loop() {
		h.language(req, bu)
	}
}

func jsonErr(t reflect.Type, value, field string) *json.UnmarshalTypeError {
	return &json.UnmarshalTypeError{Value: value, Type: t, Field: field}
}

// Client errors are logged at most ClientErrorLogLimit times per code and
// second, and the next record says how many were dropped; server errors
// are always logged; a negative limit logs everything.
func TestLogLimit(t *testing.T) {
	var buf strings.Builder
	h := New(&Options{Logger: slog.New(slog.NewJSONHandler(&buf, nil)), ClientErrorLogLimit: 3})
	second := int64(100)
	h.limiter.now = func() int64 { return second }
	serve := func(err error, n int) {
		for range n {
			h.ServeError(httptest.NewRecorder(), httptest.NewRequest("GET", "/x", nil), err)
		}
	}
	count := func(substr string) int { return strings.Count(buf.String(), substr) }

	serve(ErrNotFound, 10)
	serve(&StatusError{Status: 401}, 5)
	serve(&StatusError{Status: 503}, 7)
	if got := count(`"code":-60010`); got != 3 {
		t.Errorf("404: %d records, want 3", got)
	}
	if got := count(`"code":-60012`); got != 3 {
		t.Errorf("401: %d records, want 3 (each code has its own budget)", got)
	}
	if got := count(`"code":-60007`); got != 7 {
		t.Errorf("503: %d records, want all 7", got)
	}
	second++
	buf.Reset()
	serve(ErrNotFound, 1)
	if !strings.Contains(buf.String(), `"dropped":7`) {
		t.Errorf("the next record does not count the dropped ones: %s", buf.String())
	}

	buf.Reset()
	all := New(&Options{Logger: slog.New(slog.NewJSONHandler(&buf, nil)), ClientErrorLogLimit: -1})
	for range 50 {
		all.ServeError(httptest.NewRecorder(), httptest.NewRequest("GET", "/x", nil), ErrNotFound)
	}
	if got := count(`"code":-60010`); got != 50 {
		t.Errorf("no limit: %d records", got)
	}
}

// The limiter's table is bounded: a code that finds no slot shares one
// with the others that found none, so that any number of codes costs a
// fixed table, and each code with a slot keeps its own budget.
func TestLogLimiterBounded(t *testing.T) {
	l := logLimiter{perSecond: 1, now: func() int64 { return 7 }}
	allowed := 0
	for code := range 5000 {
		if ok, _ := l.allow(-code); ok {
			allowed++
		}
	}
	own := 0
	for i := range l.slots {
		if l.slots[i].Load() != nil {
			own++
		}
	}
	if own > limiterSlots || own < limiterSlots/2 {
		t.Fatalf("%d codes have slots of their own, table of %d", own, limiterSlots)
	}
	if allowed != own+1 {
		t.Errorf("%d records allowed, want one per code with a slot (%d) and one for the shared slot", allowed, own)
	}
	if ok, _ := l.allow(-1); ok {
		t.Error("a code over its budget was allowed")
	}
}

// Goroutines racing on one code within one second get exactly the
// limit between them, and the next record tells how many were dropped.
func TestLogLimiterConcurrent(t *testing.T) {
	second := atomic.Int64{}
	second.Store(5)
	l := logLimiter{perSecond: 10, now: second.Load}
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 500 {
				if ok, _ := l.allow(-60010); ok {
					allowed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if got := allowed.Load(); got != 10 {
		t.Errorf("%d records allowed in one second, limit 10", got)
	}
	second.Store(6)
	if ok, dropped := l.allow(-60010); !ok || dropped != 8*500-10 {
		t.Errorf("next second: allowed %v, dropped %d, want %d", ok, dropped, 8*500-10)
	}
}

// Negotiating a common Accept header reads it once, on the stack.
func TestNegotiateAllocatesNothing(t *testing.T) {
	offers := DefaultFormats()
	for _, accept := range []string{"*/*", "application/json, text/plain, */*",
		"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"} {
		if n := testing.AllocsPerRun(100, func() { negotiate(accept, offers) }); n != 0 {
			t.Errorf("%q: %v allocations", accept, n)
		}
	}
}

// Negotiating browsers' and HTTP libraries' Accept headers: the header
// read once for all offers, against reading it again for each
// (referenceQuality, how negotiate first did it).
func BenchmarkNegotiate(b *testing.B) {
	offers := DefaultFormats()
	perOffer := func(accept string) Format {
		best, bestQ := offers[0], 0
		for _, f := range offers {
			if q := referenceQuality(accept, f.MediaType()); q > bestQ {
				best, bestQ = f, q
			}
		}
		return best
	}
	for _, c := range []struct{ name, accept string }{
		{"any", "*/*"},
		{"axios", "application/json, text/plain, */*"},
		{"browser", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"},
	} {
		if negotiate(c.accept, offers) != perOffer(c.accept) {
			b.Fatalf("%s: the two ways disagree", c.name)
		}
		b.Run(c.name+"/once", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				negotiate(c.accept, offers)
			}
		})
		b.Run(c.name+"/per-offer", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				perOffer(c.accept)
			}
		})
	}
}
