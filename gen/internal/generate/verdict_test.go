package generate

import (
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zeroport/zerofault/gen/internal/decl"
	"github.com/zeroport/zerofault/internal/catfile"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
)

// verdictCase is a set of catalog files an application loads together.
// None of them trips a rule only the lint has (apostrophes, slf4j,
// skipped placeholders), so gen and the loaders must agree exactly.
type verdictCase struct {
	name     string
	errors   map[string]string // error catalogs
	overlays map[string]string // readable overlays, by name (the tag decides the language)
	override bool
	ok       bool // whether the loaders accept the files
}

const okErrors = "E100001: \"Order {0} of {1}.\"\n"

func hostileCases() []verdictCase {
	e := func(body string) map[string]string { return map[string]string{"e.yml": body} }
	withText := func(name, body string) map[string]string { return map[string]string{name: body} }
	return []verdictCase{
		{name: "clean", errors: e(okErrors), overlays: withText("r.yml", "100001: \"Order {0}.\"\n"), ok: true},
		{name: "clean, CRLF", errors: e("E100001: \"Order {0} of {1}.\"\r\nE100002: \"x\"\r\n"), ok: true},
		{name: "clean, byte order mark", errors: e("\ufeff" + okErrors), ok: true},
		{name: "explicit document start", errors: e("---\n" + okErrors), ok: true},
		{name: "document end marker", errors: e(okErrors + "...\n"), ok: true},
		{name: "empty file", errors: e("")},
		{name: "blank file", errors: e(" \n\n\t\n")},
		{name: "comments only", errors: e("# nothing yet\n# really\n")},
		{name: "empty mapping", errors: e("{}\n")},
		{name: "null document", errors: e("---\n")},
		{name: "second document", errors: e(okErrors + "---\nE100002: \"lost\"\n")},
		{name: "empty second document", errors: e(okErrors + "---\n")},
		{name: "second document after a comment", errors: e("# head\n---\n# more\n---\n" + okErrors)},
		{name: "second document in an overlay", errors: e(okErrors), overlays: withText("r.yml", "100001: \"a\"\n---\n100001: \"b\"\n")},
		{name: "second document in a translation", errors: e(okErrors), overlays: withText("r.de.yml", "100001: \"a\"\n---\n")},
		{name: "second document malformed", errors: e(okErrors + "---\nE100002: [\n")},
		{name: "top level list", errors: e("- E100001: \"x\"\n")},
		{name: "top level scalar", errors: e("hello\n")},
		{name: "key is an alias", errors: e("&k E100001: \"a\"\n*k : \"b\"\n")},
		{name: "merge key", errors: e("<<: {E100001: \"a\"}\n")},
		{name: "key is a list", errors: e("? [a, b]\n: \"x\"\n")},
		{name: "value is a number", errors: e("E100001: 42\n")},
		{name: "value is null", errors: e("E100001:\n")},
		{name: "value is a list", errors: e("E100001: [\"x\"]\n")},
		{name: "value is a timestamp", errors: e("E100001: 2026-01-01\n")},
		{name: "value is an alias of a string", errors: e("E100001: &t \"x\"\nE100002: *t\n"), ok: true},
		{name: "duplicate key", errors: e(okErrors + okErrors)},
		{name: "one code under two prefixes", errors: e(okErrors + "W100001: \"y\"\n")},
		{name: "one code in two files", errors: map[string]string{"e.yml": okErrors, "f.yml": "I100001: \"again {0} {1}\"\n"}},
		{name: "code zero", errors: e("E0: \"x\"\n")},
		{name: "code out of range", errors: e("E99999999999: \"x\"\n")},
		{name: "lower-case prefix", errors: e("e100001: \"x\"\n")},
		{name: "bare digits in an error catalog", errors: e("100001: \"x\"\n")},
		{name: "prefix in an overlay", errors: e(okErrors), overlays: withText("r.yml", "E100001: \"x\"\n")},
		{name: "tab indentation", errors: e("E100001:\n\t\"x\"\n")},
		{name: "template does not compile", errors: e("E100001: \"broken {0\"\n"), overlays: withText("r.yml", "100001: \"fine\"\n")},
		{name: "bad date pattern", errors: e("E100001: \"{0,date,qqq}\"\n")},
		{name: "plural map in the default-language overlay", errors: e(okErrors), overlays: withText("r.yml", "100001:\n  one: \"a\"\n  other: \"b\"\n")},
		{name: "plural map in a translation", errors: e(okErrors), overlays: withText("r.ru.yml", "100001:\n  one: \"{0} заказ\"\n  few: \"{0} заказа\"\n  other: \"{0} заказов\"\n"), ok: true},
		{name: "plural map without other", errors: e(okErrors), overlays: withText("r.ru.yml", "100001:\n  one: \"a\"\n")},
		{name: "plural count beyond the template", errors: e(okErrors), overlays: withText("r.ru.yml", "100001:\n  count: 2\n  other: \"a\"\n")},
		{name: "text uses an argument the template lacks", errors: e(okErrors), overlays: withText("r.de.yml", "100001: \"{0} {1} {5}\"\n")},
		{name: "text for an unknown code", errors: e(okErrors), overlays: withText("r.yml", "100009: \"orphan\"\n")},
		{name: "translation of a framework code", errors: e(okErrors), overlays: withText("r.ja.yml", "60010: \"{0} のページはありません。\"\n"), ok: true},
		{name: "default-language text of a framework code", errors: e(okErrors), overlays: withText("r.yml", "60010: \"mine\"\n")},
		{name: "framework code redefined", errors: e("E60010: \"mine {0} {1}\"\n")},
		{name: "framework code redefined with AllowOverride", errors: e("E60010: \"mine {0} {1}\"\n"), override: true, ok: true},
		{name: "translation named with a bad tag", errors: e(okErrors), overlays: withText("r.zz-!!.yml", "100001: \"x\"\n")},
		{name: "translation in a language without plural rules", errors: e(okErrors), overlays: withText("r.tlh.yml", "100001: \"x\"\n")},
	}
}

// loadersVerdict loads a case as the documented start-up does: the error
// catalogs and the default-language overlays with catalog.Load, every
// overlay with readable.Load checked against that catalog.
func loadersVerdict(tc verdictCase) error {
	fsys := fstest.MapFS{}
	var copts []catalog.Option
	var ropts []readable.Option
	for _, n := range sortedKeys(tc.errors) {
		fsys[n] = &fstest.MapFile{Data: []byte(tc.errors[n])}
		copts = append(copts, catalog.ErrorFS(fsys, n))
	}
	for _, n := range sortedKeys(tc.overlays) {
		fsys[n] = &fstest.MapFile{Data: []byte(tc.overlays[n])}
		if _, tagged := catfile.Language(n); !tagged {
			copts = append(copts, catalog.ReadableFS(fsys, n))
		}
		ropts = append(ropts, readable.FS(fsys, n))
	}
	if tc.override {
		copts = append(copts, catalog.AllowOverride())
	}
	cat, err := catalog.Load(copts...)
	if err != nil {
		return err
	}
	_, err = readable.Load(append(ropts, readable.Check(cat))...)
	return err
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestSameVerdict runs hostile catalog files through gen's lint and
// through the loaders: what one refuses the other refuses, and gen names
// the place of the loaders' first problem.
func TestSameVerdict(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			lerr := loadersVerdict(tc)
			if (lerr == nil) != tc.ok {
				t.Fatalf("the loaders say %v; the case expects ok=%v", lerr, tc.ok)
			}
			files := map[string]string{}
			for n, b := range tc.errors {
				files[n] = b
			}
			for n, b := range tc.overlays {
				files[n] = b
			}
			res, err := Run(Config{Catalogs: sortedKeys(tc.errors), Readables: sortedKeys(tc.overlays), Override: tc.override, Read: memory(files)})
			if err != nil {
				t.Fatal(err)
			}
			if (len(res.Findings) == 0) != tc.ok {
				t.Fatalf("gen: %d findings %v; the loaders: %v", len(res.Findings), res.Findings, lerr)
			}
			if lerr == nil {
				return
			}
			p := catalog.Problems(lerr)
			if len(p) == 0 {
				t.Fatalf("the loaders' error has no LoadError: %v", lerr)
			}
			want := p[0].File
			if p[0].Line > 0 {
				want += ":" + strconv.Itoa(p[0].Line)
			}
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.String())
			}
			if !strings.Contains(strings.Join(got, "\n"), want+":") {
				t.Errorf("gen does not name %s, where the loaders found: %v\ngen:\n%s", want, p[0], strings.Join(got, "\n"))
			}
		})
	}
}

// TestSameVerdictDeclared: the same files named by a declaration meet the
// same verdict as when linted on their own.
func TestSameVerdictDeclared(t *testing.T) {
	for _, tc := range hostileCases() {
		if tc.override || len(tc.errors) != 1 {
			continue // a declaration has no AllowOverride; one catalog keeps it short
		}
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"m/e.yml": tc.errors["e.yml"]}
			var readables []string
			for _, n := range sortedKeys(tc.overlays) {
				files["m/"+n] = tc.overlays[n]
				readables = append(readables, n)
			}
			files["m/exceptions.yml"] = "package: m\nfamily: up\ncatalogs: [e.yml]\n" +
				"readables: [" + strings.Join(readables, ", ") + "]\nranges: [user]\nexceptions:\n" +
				"  - {name: A, class: AException, code: -100001, params: [{name: a, type: string}, {name: b, type: string}], doc: A.}\n"
			res, err := Run(Config{Declarations: []string{"m/exceptions.yml"}, Read: memory(files), Root: "."})
			if err != nil {
				t.Fatal(err)
			}
			var fatal []decl.Finding
			for _, f := range res.Findings {
				// The declaration's own rules (a missing template, a
				// params count) are not the catalog's verdict.
				if f.Fatal || f.Rule == decl.RuleReadableUnknown {
					fatal = append(fatal, f)
				}
			}
			if (len(fatal) == 0) != tc.ok {
				t.Errorf("gen: %v; want ok=%v", res.Findings, tc.ok)
			}
		})
	}
}

// TestOneFindingPerDefect: a template that fails, for whatever reason, is
// reported once, where it is; its readable texts are not also reported as
// texts for an unknown code, by the lint or by the loaders.
func TestOneFindingPerDefect(t *testing.T) {
	for name, errs := range map[string]string{
		"does not compile":     "E100001: \"broken {0\"\n",
		"is not a string":      "E100001: [broken]\n",
		"is a second prefix":   "E100002: \"x\"\nW100002: \"y\"\nE100001: \"z\"\nI100001: \"w\"\n",
		"has a bad date style": "E100001: \"{0,date,qqq}\"\n",
	} {
		files := map[string]string{"e.yml": errs, "r.yml": "100001: \"fine\"\n", "r.de.yml": "100001: \"gut\"\n"}
		res, err := Run(Config{Catalogs: []string{"e.yml"}, Readables: []string{"r.de.yml", "r.yml"}, Read: memory(files)})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Findings {
			if f.File != "e.yml" || f.Rule == decl.RuleReadableUnknown {
				t.Errorf("template %s: finding %s", name, f)
			}
		}
		if len(res.Findings) == 0 || len(res.Findings) > 2 {
			t.Errorf("template %s: findings %v", name, res.Findings)
		}
	}
}
