package lint

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/gen/internal/decl"
)

// sharedReference returns the path of a file of the shared reference
// material, which sits beside the module root; the test skips when it is
// absent.
func sharedReference(t *testing.T, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	p := filepath.Join(dir, "..", "shared", "reference", name)
	if _, err := os.Stat(p); err != nil {
		t.Skip("shared reference absent:", err)
	}
	return p
}

func parseCatalog(t *testing.T, name, src string, readable bool) *decl.Catalog {
	t.Helper()
	c, fs := decl.ParseCatalog(name, []byte(src), readable)
	if len(fs) > 0 {
		t.Fatalf("parse %s: %v", name, fs)
	}
	return c
}

// TestZeroCatalog lints Zero's own vertx-error.yml, which has known
// defects: lone apostrophes (E40011's swallows its {0}) and one slf4j
// template (E80306), legitimate only in slf4j mode.
func TestZeroCatalog(t *testing.T) {
	path := sharedReference(t, "zero-vertx-error.yml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cat := parseCatalog(t, "zero-vertx-error.yml", string(data), false)
	if len(cat.Entries) < 200 {
		t.Fatalf("read only %d entries", len(cat.Entries))
	}
	summary := func(r Result) []string {
		var out []string
		for _, f := range r.Findings {
			out = append(out, f.Key+" "+f.Rule)
		}
		return out
	}
	apostrophes := []string{
		"E40010 apostrophe", "E40011 apostrophe", "E40065 apostrophe",
		"E50003 apostrophe", "E60004 apostrophe", "E60045 apostrophe",
	}

	off := Catalogs([]*decl.Catalog{cat}, nil, Options{})
	if got, want := summary(off), append(slices.Clone(apostrophes), "E80306 slf4j"); !slices.Equal(got, want) {
		t.Errorf("slf4j off: findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	const e40011 = `zero-vertx-error.yml:89: E40011: apostrophe: the apostrophe in "it's" (column 62) quotes {0} away, so it prints literally; write '' for a literal apostrophe`
	if !slices.ContainsFunc(off.Findings, func(f decl.Finding) bool { return f.String() == e40011 }) {
		t.Errorf("E40011 not reported as\n%s", e40011)
	}
	const e80306 = `zero-vertx-error.yml:280: E80306: slf4j: "{}" is an slf4j placeholder, and this catalog is MessageFormat; write {0}, {1}, … (or lint with -slf4j)`
	if !slices.ContainsFunc(off.Findings, func(f decl.Finding) bool { return f.String() == e80306 }) {
		t.Errorf("E80306 not reported as\n%s", e80306)
	}

	on := Catalogs([]*decl.Catalog{cat}, nil, Options{Slf4j: true})
	if got := summary(on); !slices.Equal(got, apostrophes) {
		t.Errorf("slf4j on: findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(apostrophes, "\n"))
	}
}

func TestCatalogs(t *testing.T) {
	cat := parseCatalog(t, "error.yml", `E1: "Skips {0} and {2}."
E2: "Choice {0,choice,0#none|1#one {1}}."
E3: "Quoted '{0}' is fine? No: {1}"
E4: "Broken {0"
W5: "Plain."
`, false)
	overlay := parseCatalog(t, "readable.yml", `1: "Fine {2}."
5: "Too many {0}."
9: "Nobody's code."
`, true)
	r := Catalogs([]*decl.Catalog{cat}, []*decl.Catalog{overlay}, Options{})
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.String())
	}
	want := []string{
		"error.yml:1: E1: params: never uses {1} though it uses {2}",
		"error.yml:3: E3: apostrophe: the apostrophe in \"'{0}'\" (column 8) quotes {0} away, so it prints literally; write '' for a literal apostrophe",
		"error.yml:3: E3: params: never uses {0} though it uses {1}",
		"error.yml:4: E4: syntax: does not compile: msgfmt: offset 7: Unmatched braces in the pattern.",
		"readable.yml:2: 5: params: uses {0} but W5 takes 0 arguments",
		"readable.yml:3: 9: apostrophe: the apostrophe in \"Nobody's\" (column 7) is dropped and quotes the rest of the text; write '' for a literal apostrophe",
		"readable.yml:3: 9: readable-unknown: no E9, W9 or I9 key in error.yml or the framework's config/vertx-error.yml defines the code",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestScanPattern(t *testing.T) {
	tests := []struct {
		pattern string
		used    []int
		quotes  int
		start   int // of the first bad quote, when not 0
	}{
		{"plain", nil, 0, 0},
		{"it''s {0}", []int{0}, 0, 0},
		{"'{0}' literal, {1} not", []int{1}, 1, 0},
		{"{0,number,#'#'} x", []int{0}, 0, 0},                       // quotes inside an element belong to the sub-format
		{"{0,choice,0#none|1#{1} and '{2}'}", []int{0, 1, 2}, 0, 0}, // nested texts count; quotes there are the sub-format's
		{"don't", nil, 1, 0},
		{"'quoted' text", nil, 0, 0},
		{"{0,number,'{'}", []int{0}, 0, 0},
		{"x'a''{0}' {1}", []int{1}, 1, 1}, // '' inside a quote stays quoted
		{"it''s '{0}", nil, 1, 6},
	}
	for _, tt := range tests {
		sh := scanPattern(tt.pattern)
		if tt.start != 0 && (len(sh.Quotes) == 0 || sh.Quotes[0].Start != tt.start) {
			t.Errorf("scanPattern(%q) quotes %+v, want the first at %d", tt.pattern, sh.Quotes, tt.start)
		}
		var used []int
		for n := range sh.Used {
			used = append(used, n)
		}
		slices.Sort(used)
		if !slices.Equal(used, tt.used) || len(sh.Quotes) != tt.quotes {
			t.Errorf("scanPattern(%q) used %v, %d bad quotes; want %v, %d", tt.pattern, used, len(sh.Quotes), tt.used, tt.quotes)
		}
	}
}

func TestSlf4jCount(t *testing.T) {
	for src, want := range map[string]int{
		"a {} b {}":  2,
		`a \{} b {}`: 1,
		`a \\{} b`:   1,
		"none":       0,
	} {
		if got := slf4jCount(src); got != want {
			t.Errorf("slf4jCount(%q) = %d, want %d", src, got, want)
		}
	}
}
