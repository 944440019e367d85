package jlocale

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// resolveFacts is one line of testdata/jdk17-resolve.jsonl, written by
// ../localegen/CaseDump.java: what JDK 17's Locale.forLanguageTag made of a
// tag and how the JDK looks up its data. Lists of locales are spelled as
// ID.String spells them.
type resolveFacts struct {
	Tag                      string
	Language, Script, Region string
	Variant                  string
	Keywords                 map[string]string
	Extended                 bool
	Adapter                  string   // the provider of DecimalFormatSymbols: CLDR or JRE
	Control                  []string // ResourceBundle.Control's candidates
	Bundles                  []string // the adapter's candidates for bundles
}

func readResolveFacts(t *testing.T) []resolveFacts {
	t.Helper()
	f, err := os.Open("testdata/jdk17-resolve.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var facts []resolveFacts
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var r resolveFacts
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("testdata/jdk17-resolve.jsonl:%d: %v", n, err)
		}
		facts = append(facts, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(facts) < Count {
		t.Fatalf("%d tags, fewer than the %d available locales", len(facts), Count)
	}
	return facts
}

// keys spells locales as ID.String does.
func keys(list []Locale) []string {
	var s []string
	for _, l := range list {
		var p []string
		for _, x := range []string{l.Language, l.Script, l.Region, l.Variant} {
			if x != "" {
				p = append(p, x)
			}
		}
		s = append(s, strings.Join(p, "-"))
	}
	return s
}

// TestParseLikeJDK checks Parse against Locale.forLanguageTag for every
// available locale's tag and the probe tags.
func TestParseLikeJDK(t *testing.T) {
	for _, r := range readResolveFacts(t) {
		l := Parse(r.Tag)
		kw := map[string]string{}
		for _, k := range formatterKeys {
			if v := l.Keyword(k); v != "" {
				kw[k] = v
			}
		}
		want := map[string]string{}
		for k, v := range r.Keywords {
			if v != "" { // a keyword without type is as good as absent here
				want[k] = v
			}
		}
		got := [4]string{l.Language, l.Script, l.Region, l.Variant}
		if got != [4]string{r.Language, r.Script, r.Region, r.Variant} || l.Extended != r.Extended || !mapsEqual(kw, want) {
			t.Errorf("Parse(%q) = %q %v extended=%v, JDK: %q %v extended=%v", r.Tag, got, kw, l.Extended,
				[4]string{r.Language, r.Script, r.Region, r.Variant}, want, r.Extended)
		}
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestCandidatesLikeJDK checks the candidate lists and the choice of
// provider against the JDK's.
func TestCandidatesLikeJDK(t *testing.T) {
	for _, r := range readResolveFacts(t) {
		l := Parse(r.Tag)
		base := baseOf(l)
		if got := keys(candidates(base)); !slices.Equal(got, r.Control) {
			t.Errorf("%q: candidates %q, JDK %q", r.Tag, got, r.Control)
		}
		id, _, cldr := resolve(l)
		adapter := "JRE"
		if cldr {
			adapter = "CLDR"
			if got := keys(cldrCandidates(base, l.Extended)); !slices.Equal(got, r.Bundles) {
				t.Errorf("%q: CLDR candidates %q, JDK %q", r.Tag, got, r.Bundles)
			}
		}
		if adapter != r.Adapter {
			t.Errorf("%q: provider %s (data of %q), JDK %s", r.Tag, adapter, id, r.Adapter)
		}
	}
}

// TestAvailableResolveToThemselves checks that every available locale's
// own tag finds its own data.
func TestAvailableResolveToThemselves(t *testing.T) {
	for id := ID(0); id < Count; id++ {
		p := localeParts[id]
		l := Locale{Language: part(p[0]), Script: part(p[1]), Region: part(p[2]), Variant: part(p[3])}
		got := Resolve(l)
		if got != id && localeServed[id]&cldrBundles != 0 && localeServed[id]&dataFromJRE == 0 {
			// A few available locales read another one's bundles first
			// (no-NO-NY reads nn-NO): the data are the same.
			if !slices.Contains(id.Chain(), got) {
				t.Errorf("%s resolves to %s, not on its chain", id, got)
			}
		}
	}
}

// BenchmarkResolve measures finding a locale's data, which the formatters
// do once per locale (their lookups are cached): an available locale, an
// unknown region, and a tag served through an alias.
func BenchmarkResolve(b *testing.B) {
	for _, tag := range []string{"de-CH", "en-FR", "sh"} {
		l := Parse(tag)
		b.Run(tag, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Resolve(l)
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Parse("zh-Hant-TW-u-nu-hanidec")
	}
}
