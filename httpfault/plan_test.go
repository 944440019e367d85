package httpfault

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zeroport/zerofault/zero/catalog"
)

// A plan's readable text is what appendInfo writes for the same standard
// exception, in every language of the bundle, whatever the params; a
// text that takes params is left to appendInfo.
func TestPlanAgreesWithAppendInfo(t *testing.T) {
	h := New(&Options{Readable: bundle(t)})
	p := h.plan(catalog.Current())
	params := [][]any{{"/a", "GET"}, {`"x"<y>`, "PATCH", "z"}, {""}}
	fixedSeen := 0
	for k := range numStandard {
		for _, lang := range p.bundle.Languages() {
			fi := p.info(k, lang)
			for _, ps := range params {
				f := fault{plan: p, cat: p.cat}
				if !f.standard(k, 0, ps...) {
					t.Fatalf("%s: no entry", k.class().Name)
				}
				got, used, safe := appendInfo(nil, p.bundle, lang, &f)
				if fi == nil {
					continue
				}
				fixedSeen++
				wantLang := used.String()
				if isBlank(got) {
					got, wantLang = nil, ""
				}
				if fi.text != string(got) || fi.lang != wantLang || fi.safe != safe {
					t.Errorf("%s in %s with %q: plan has %q (%s, safe %v); appendInfo writes %q (%s, safe %v)",
						k.class().Name, lang, ps, fi.text, fi.lang, fi.safe, got, wantLang, safe)
				}
			}
		}
	}
	if fixedSeen == 0 {
		t.Fatal("no standard text was fixed: the test compared nothing")
	}
	// The router's 404 reads the same for every path, in every language:
	// the plan has it.
	for _, lang := range p.bundle.Languages() {
		if p.info(stdNotFound, lang) == nil {
			t.Errorf("the 404's text in %s is not in the plan", lang)
		}
	}
}

// A Handler answers from the catalog in force: a Swap changes the next
// answer's texts, though the plan of the previous catalog was built.
func TestPlanFollowsSwap(t *testing.T) {
	h := New(nil)
	answer := func() string {
		w := httptest.NewRecorder()
		h.ServeError(w, httptest.NewRequest(http.MethodGet, "/nowhere", nil), notFound{})
		return w.Body.String()
	}
	before := answer()
	prev := catalog.Current()
	t.Cleanup(func() { catalog.Swap(prev) })
	cat, err := catalog.Load(
		catalog.ErrorFS(fstest.MapFS{"e.yml": {Data: []byte("E60010: \"(404) - Nothing at {0}.\"\n")}}, "e.yml"),
		catalog.ReadableFS(fstest.MapFS{"r.yml": {Data: []byte("60010: \"Swapped text.\"\n")}}, "r.yml"),
		catalog.AllowOverride())
	if err != nil {
		t.Fatal(err)
	}
	catalog.Swap(cat)
	after := answer()
	if !strings.Contains(after, `"message":"(404) - Nothing at /nowhere."`) || !strings.Contains(after, `"info":"Swapped text."`) {
		t.Errorf("after Swap: %s (before: %s)", after, before)
	}
	catalog.Swap(prev)
	if again := answer(); again[strings.Index(again, `,"code"`):] != before[strings.Index(before, `,"code"`):] {
		t.Errorf("swapped back: %s, want the body of %s", again, before)
	}
}

type notFound struct{}

func (notFound) Error() string   { return "not found" }
func (notFound) StatusCode() int { return http.StatusNotFound }
