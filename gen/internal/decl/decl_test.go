package decl

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// valid is a declaration with no problems; cases below break it.
const valid = `package: webexc
family: web
catalogs: [../config/vertx-error.yml]
readables: [../config/vertx-readible.yml]
ranges: [web, plugin]
docs: ../docs/webexc.md
exceptions:
  - name: ServiceNotFound
    class: _404ServiceNotFoundException
    code: -60010
    status: 404
    params:
      - {name: uri, type: string}
      - {name: method, type: string}
    doc: No route matches the request's method and path.
    exempt:
      - {rule: code-range, reason: "Example."}
`

func TestParseValid(t *testing.T) {
	f, fs := Parse("webexc/exceptions.yml", []byte(valid))
	if len(fs) > 0 {
		t.Fatalf("findings: %v", fs)
	}
	if f.Package != "webexc" || f.Family != FamilyWeb || f.Dir != "webexc" || f.Docs != "docs/webexc.md" {
		t.Errorf("file = %+v", f)
	}
	if len(f.Catalogs) != 1 || f.Catalogs[0].Path != "config/vertx-error.yml" || f.Catalogs[0].Line != 3 {
		t.Errorf("catalogs = %+v", f.Catalogs)
	}
	if len(f.Ranges) != 2 || f.Ranges[0].Name != "web" || f.Ranges[1].Name != "plugin" {
		t.Errorf("ranges = %+v", f.Ranges)
	}
	e := f.Exceptions[0]
	if e.Name != "ServiceNotFound" || e.Class != "_404ServiceNotFoundException" || e.Code != -60010 ||
		e.Status != 404 || e.EffectiveStatus() != 404 || e.Line != 8 || len(e.Params) != 2 ||
		e.Params[1] != (Param{Name: "method", Type: "string", Line: 14}) {
		t.Errorf("exception = %+v", e)
	}
	if x, ok := e.Exempts("code-range"); !ok || x.Reason != "Example." || x.Line != 17 {
		t.Errorf("exempt = %+v, %v", x, ok)
	}
}

func TestParseFindings(t *testing.T) {
	tests := []struct {
		name string
		edit func(string) string
		want []string
	}{
		{"yaml syntax", func(s string) string { return s + "  - {name: [\n" },
			[]string{"x/exceptions.yml:18: declaration: did not find expected node content"}},
		{"not a mapping", func(string) string { return "- a\n" },
			[]string{"x/exceptions.yml:1: declaration: the document must be a mapping of package, family, catalogs, readables, ranges, docs, exceptions, found a list"}},
		{"second document", func(s string) string { return s + "---\n" + strings.Replace(valid, "ServiceNotFound", "Other", 1) },
			[]string{"x/exceptions.yml:18: declaration: the file holds more than one YAML document: a second one starts with the \"---\" on line 18; merge the documents into one, or put each in a file of its own"}},
		{"empty second document", func(s string) string { return s + "\n---\n# later\n" },
			[]string{"x/exceptions.yml:19: declaration: the file holds more than one YAML document: a second one starts with the \"---\" on line 19; merge the documents into one, or put each in a file of its own"}},
		{"empty", func(string) string { return "# nothing\n" },
			[]string{"x/exceptions.yml:1: declaration: the file is empty; see docs/declarations.md for the format"}},
		{"unknown top field", func(s string) string { return s + "extra: 1\n" },
			[]string{"x/exceptions.yml:18: extra: declaration: unknown field \"extra\"; the fields here are package, family, catalogs, readables, ranges, docs, exceptions"}},
		{"repeated field", func(s string) string { return s + "package: up\n" },
			[]string{"x/exceptions.yml:18: package: declaration: field \"package\" is repeated; it was first given on line 1"}},
		{"bad package", rep("package: webexc", "package: Web-Exc"),
			[]string{"x/exceptions.yml:1: package: declaration: \"Web-Exc\" is not a Go package name (lower-case letters and digits)"}},
		{"bad family", rep("family: web", "family: http"),
			[]string{"x/exceptions.yml:2: family: declaration: unknown family \"http\"; it is one of zero, demon, up, web"}},
		{"missing family", rep("family: web\n", ""),
			[]string{"x/exceptions.yml:1: family: declaration: the field is required"}},
		{"unknown range", rep("[web, plugin]", "[web, moon]"),
			[]string{"x/exceptions.yml:5: ranges: declaration: unknown range \"moon\"; the ranges are framework, plugin, bridge, container, rx, web, extension, user"}},
		{"no ranges", rep("ranges: [web, plugin]\n", ""),
			[]string{"x/exceptions.yml:1: ranges: declaration: coded exceptions need at least one code range; the ranges are framework, plugin, bridge, container, rx, web, extension, user"}},
		{"no catalogs", rep("catalogs: [../config/vertx-error.yml]", "catalogs: []"),
			[]string{"x/exceptions.yml:3: catalogs: declaration: coded exceptions need at least one catalog for their templates"}},
		{"docs not markdown", rep("webexc.md", "webexc.txt"),
			[]string{"x/exceptions.yml:6: docs: declaration: \"../docs/webexc.txt\" is not a Markdown file name (.md)"}},
		{"catalogs not a list", rep("[../config/vertx-error.yml]", "../config/vertx-error.yml"),
			[]string{"x/exceptions.yml:3: catalogs: declaration: want a list, found \"../config/vertx-error.yml\""}},
		{"unknown exception field", rep("    doc:", "    kind: web\n    doc:"),
			[]string{"x/exceptions.yml:15: ServiceNotFound: declaration: unknown field \"kind\"; the fields here are name, class, code, status, params, doc, exempt, message, handwritten"}},
		{"bad name", rep("name: ServiceNotFound", "name: serviceNotFound"),
			[]string{
				"x/exceptions.yml:8: exceptions[0]: declaration: name: \"serviceNotFound\" is not an exported Go name (an upper-case letter, then letters and digits)",
			}},
		{"Exception suffix", rep("name: ServiceNotFound", "name: ServiceNotFoundException"),
			[]string{"x/exceptions.yml:8: ServiceNotFoundException: declaration: name: leave out the Exception suffix; the generator adds it to the type name"}},
		{"bad class", rep("class: _404ServiceNotFoundException", "class: 404-Service"),
			[]string{"x/exceptions.yml:9: ServiceNotFound: declaration: class: \"404-Service\" is not a Java class name"}},
		{"positive code", rep("code: -60010", "code: 60010"),
			[]string{"x/exceptions.yml:10: ServiceNotFound: declaration: code: 60010 is not a negative 32-bit code; omit the field for an uncoded exception"}},
		{"code as string", rep("code: -60010", "code: \"-60010\""),
			[]string{"x/exceptions.yml:10: ServiceNotFound: declaration: code: want an integer, found \"-60010\""}},
		{"status out of range", rep("status: 404", "status: 99"),
			[]string{"x/exceptions.yml:11: ServiceNotFound: declaration: status: 99 is not an HTTP status (100 … 599)"}},
		{"status outside web", rep("family: web", "family: up"),
			[]string{"x/exceptions.yml:11: ServiceNotFound: declaration: status: only family web has HTTP statuses"}},
		{"bad param type", rep("{name: method, type: string}", "{name: method, type: uint}"),
			[]string{"x/exceptions.yml:14: ServiceNotFound: declaration: params[1].type: \"uint\" is not one of string, int, int64, float64, bool, any, error, []string, []any, map[string]any, zero.Target"}},
		{"reserved param", rep("{name: method,", "{name: target,"),
			[]string{"x/exceptions.yml:14: ServiceNotFound: declaration: params[1].name: \"target\" is used by the generated constructor; choose another name"}},
		{"keyword param", rep("{name: method,", "{name: func,"),
			[]string{"x/exceptions.yml:14: ServiceNotFound: declaration: params[1].name: \"func\" is a Go keyword"}},
		{"predeclared param", rep("{name: method,", "{name: len,"),
			[]string{"x/exceptions.yml:14: ServiceNotFound: declaration: params[1].name: \"len\" would shadow Go's predeclared len"}},
		{"generated-name param", rep("{name: method,", "{name: classFoo,"),
			[]string{"x/exceptions.yml:14: ServiceNotFound: declaration: params[1].name: \"classFoo\" is used by the generated constructor; choose another name"}},
		{"generated args-type param", rep("{name: method,", "{name: argsFoo,"),
			[]string{"x/exceptions.yml:14: ServiceNotFound: declaration: params[1].name: \"argsFoo\" is used by the generated constructor; choose another name"}},
		{"repeated param", rep("{name: method,", "{name: uri,"),
			[]string{"x/exceptions.yml:14: ServiceNotFound: declaration: params[1].name: \"uri\" is also the name of params[0]"}},
		{"param without type", rep("{name: method, type: string}", "{name: method}"),
			[]string{"x/exceptions.yml:14: ServiceNotFound: declaration: params[1]: both name and type are required"}},
		{"param not a mapping", rep("{name: method, type: string}", "method"),
			[]string{"x/exceptions.yml:14: ServiceNotFound: declaration: params[1]: a param is a mapping {name: …, type: …}, found \"method\""}},
		{"missing doc", rep("    doc: No route matches the request's method and path.\n", ""),
			[]string{"x/exceptions.yml:8: ServiceNotFound: declaration: doc: the field is required"}},
		{"blank doc", rep("doc: No route matches the request's method and path.", "doc: \" \""),
			[]string{"x/exceptions.yml:15: ServiceNotFound: declaration: doc: say in one line when the exception happens"}},
		{"multi-line doc", rep("doc: No route matches the request's method and path.", "doc: \"a\\nb\""),
			[]string{"x/exceptions.yml:15: ServiceNotFound: declaration: doc: must be one line"}},
		{"unknown exempt rule", rep("rule: code-range", "rule: syntax"),
			[]string{"x/exceptions.yml:17: ServiceNotFound: declaration: exempt[0].rule: \"syntax\" cannot be exempted; the rules are duplicate-code, duplicate-name, framework-code, status-name, status-prefix, status-standard, code-range, missing-template, params, apostrophe, slf4j"}},
		{"exemption without reason", rep(`reason: "Example."`, `reason: ""`),
			[]string{"x/exceptions.yml:17: ServiceNotFound: declaration: exempt[0]: exempting code-range needs a reason"}},
		{"exemption repeated", func(s string) string { return s + "      - {rule: code-range, reason: again}\n" },
			[]string{"x/exceptions.yml:18: ServiceNotFound: declaration: exempt[1]: code-range is already exempted"}},
		{"message on coded", rep("    doc:", "    message: \"Hi {0}\"\n    doc:"),
			[]string{"x/exceptions.yml:15: ServiceNotFound: declaration: message: a coded exception takes its template from the catalogs, not from an inline message"}},
		{"uncoded web", rep("    code: -60010\n", ""),
			[]string{"x/exceptions.yml:8: ServiceNotFound: declaration: code: required in family web; only family zero has uncoded exceptions"}},
		{"handwritten not a bool", rep("    doc:", "    handwritten: yes please\n    doc:"),
			[]string{"x/exceptions.yml:15: ServiceNotFound: declaration: handwritten: want true or false, found \"yes please\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := Parse("x/exceptions.yml", []byte(tt.edit(valid)))
			var got []string
			for _, f := range fs {
				got = append(got, f.String())
				if !f.Fatal || f.Rule != RuleDeclaration {
					t.Errorf("%v: not a fatal declaration finding", f)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// rep returns an edit replacing old by new, which must occur.
func rep(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("test edit: " + old + " not found")
		}
		return strings.Replace(s, old, new, 1)
	}
}

func TestParseUncoded(t *testing.T) {
	const zero = `package: zero
family: zero
exceptions:
  - {name: Argument, class: ArgumentException, message: "Invalid argument: {0}", params: [{name: detail, type: string}], doc: Bad argument.}
  - {name: Missing, class: MissingException, doc: Hand-written., handwritten: true}
  - {name: Empty, class: EmptyException, doc: No message.}
`
	f, fs := Parse("zero/exceptions.yml", []byte(zero))
	want := "zero/exceptions.yml:6: Empty: declaration: message: an uncoded exception needs an inline message template"
	if len(fs) != 1 || fs[0].String() != want {
		t.Errorf("findings = %v, want %s", fs, want)
	}
	if len(f.Exceptions) != 3 || f.Exceptions[0].Message != "Invalid argument: {0}" || !f.Exceptions[1].Handwritten {
		t.Errorf("exceptions = %+v", f.Exceptions)
	}

	_, fs = Parse("up/exceptions.yml", []byte(strings.NewReplacer("package: zero", "package: runtime").Replace(zero)))
	want = "up/exceptions.yml:4: Argument: declaration: code: required outside package zero, whose unexported uncoded helper gives uncoded exceptions their message"
	if len(fs) < 1 || fs[0].String() != want {
		t.Errorf("findings = %v, want first %s", fs, want)
	}
}

func TestParseCatalog(t *testing.T) {
	c, fs := ParseCatalog("e.yml", []byte(`E1: "one"
W2: "two"
X3: "bad prefix"
E4: 4
I1: "repeated"
Eabc: "no number"
`), false)
	var got []string
	for _, f := range fs {
		got = append(got, f.String())
	}
	want := []string{
		"e.yml:3: X3: catalog: malformed key: an error catalog key is E, W or I followed by the code's digits, e.g. E40069",
		"e.yml:4: E4: catalog: value must be a string: found a number (quote it)",
		"e.yml:5: I1: catalog: code defined twice: one number under two prefixes: E1 is on line 1",
		"e.yml:6: Eabc: catalog: malformed key: the code \"abc\" is not a number",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e, ok := c.Lookup(-2); !ok || e.Key != "W2" || e.Source != "two" || e.Line != 2 || e.Where() != "e.yml:2" {
		t.Errorf("Lookup(-2) = %+v, %v", e, ok)
	}

	r, fs := ParseCatalog("r.yml", []byte("42: \"text\"\nE42: \"no prefix here\"\n"), true)
	if len(fs) != 1 || fs[0].String() != "r.yml:2: E42: catalog: malformed key: a readable key is the code's bare digits, e.g. 60010" {
		t.Errorf("readable findings = %v", fs)
	}
	if _, ok := r.Lookup(-42); !ok {
		t.Error("readable 42 not read")
	}
}

// TestParseCatalogDocuments: a catalog of two documents is refused with
// the loaders' words, whichever kind it is.
func TestParseCatalogDocuments(t *testing.T) {
	for name, src := range map[string]string{
		"e.yml":    "E1: \"one\"\n---\nE2: \"lost\"\n",
		"r.yml":    "1: \"one\"\n---\n2: \"lost\"\n",
		"r.de.yml": "1: \"eins\"\n---\n2:\n  other: \"verloren\"\n",
	} {
		_, fs := ParseCatalog(name, []byte(src), name != "e.yml")
		want := name + ":2: catalog: the file holds more than one YAML document: a second one starts with the \"---\" on line 2; merge the documents into one, or put each in a file of its own"
		if len(fs) != 1 || fs[0].String() != want || !fs[0].Fatal {
			t.Errorf("%s: findings %v, want %s", name, fs, want)
		}
	}
}

// TestParseCatalogOverlayKinds: a translation (a name with a language tag)
// may hold plural maps, as package readable reads it; the default-language
// overlay may not, since the catalog loader reads it too.
func TestParseCatalogOverlayKinds(t *testing.T) {
	const src = "1:\n  one: \"a {0}\"\n  other: \"b {0}\"\n"
	c, fs := ParseCatalog("vertx-readible.ja.yml", []byte(src), true)
	if len(fs) != 0 || c.Lang != "ja" || len(c.Entries) != 1 || len(c.Entries[0].Forms()) != 2 {
		t.Errorf("translation: %v %+v", fs, c)
	}
	_, fs = ParseCatalog("vertx-readible.yml", []byte(src), true)
	if len(fs) != 1 || !strings.Contains(fs[0].Msg, "the catalog loader reads this overlay and takes strings only") {
		t.Errorf("default language: %v", fs)
	}
}

func TestLoad(t *testing.T) {
	decl := func(pkg, docs string) string {
		return "package: " + pkg + "\nfamily: up\ncatalogs: [../cfg/e.yml]\nranges: [user]\ndocs: " + docs + "\nexceptions:\n  - {name: A, class: AException, code: -100001, doc: A.}\n"
	}
	m := fstest.MapFS{
		"a/exceptions.yml": {Data: []byte(decl("a", "../docs/same.md"))},
		"a/other.yml":      {Data: []byte(decl("a", "../docs/a2.md"))},
		"b/exceptions.yml": {Data: []byte(decl("b", "../docs/same.md"))},
		"c/exceptions.yml": {Data: []byte(strings.Replace(decl("c", "c.md"), "../cfg/e.yml", "../cfg/none.yml", 1))},
		"cfg/e.yml":        {Data: []byte("E100001: \"A.\"\n")},
	}
	read := func(name string) ([]byte, error) { return fs.ReadFile(m, name) }
	set, findings := Load(read, "a/exceptions.yml", "a/other.yml", "b/exceptions.yml", "c/exceptions.yml", "missing/exceptions.yml", "a/exceptions.yml")
	var got []string
	for _, f := range findings {
		got = append(got, f.String())
	}
	want := []string{
		"missing/exceptions.yml: declaration: cannot read missing/exceptions.yml: file does not exist",
		"c/exceptions.yml:3: catalogs: declaration: cannot read cfg/none.yml: file does not exist",
		"a/other.yml:1: package: declaration: a directory holds one declaration file, and a/exceptions.yml is in this one too",
		"b/exceptions.yml:1: docs: declaration: docs/same.md is also written for a/exceptions.yml; give each module its own docs file",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(set.Files) != 4 {
		t.Errorf("%d files loaded, want 4 (the repeated name once)", len(set.Files))
	}
	e := set.Files[0].Exceptions[0]
	if entry, ok := set.Template(e); !ok || entry.Source != "A." {
		t.Errorf("Template = %+v, %v", entry, ok)
	}
}

// TestDerive: a web exception's status comes from its template's prefix
// and its class from the status and the name, unless declared.
func TestDerive(t *testing.T) {
	m := fstest.MapFS{
		"cfg/e.yml": {Data: []byte(`E100001: "(409) - Item {0} is out of stock."
E100002: "No prefix {0}."
E100003: "(404) - Gone."
E100004: "  (503)  -  Spaced prefix."
E100005: "(42) - Not a status."
`)},
		"web/exceptions.yml": {Data: []byte(`package: web
family: web
catalogs: [../cfg/e.yml]
ranges: [user]
exceptions:
  - {name: OutOfStock, code: -100001, params: [{name: sku, type: string}], doc: D.}
  - {name: NoPrefix, code: -100002, params: [{name: x, type: string}], doc: D.}
  - {name: Declared, class: _410GoneException, code: -100003, status: 410, doc: D.}
  - {name: ClassOnly, class: _404ClassOnlyException, code: -100003, doc: D.}
  - {name: StatusOnly, code: -100001, status: 404, params: [{name: sku, type: string}], doc: D.}
  - {name: Spaced, code: -100004, doc: D.}
  - {name: Short, code: -100005, doc: D.}
`)},
		"up/exceptions.yml": {Data: []byte(`package: up
family: up
catalogs: [../cfg/e.yml]
ranges: [user]
exceptions:
  - {name: Busy, code: -100001, params: [{name: sku, type: string}], doc: D.}
`)},
	}
	read := func(name string) ([]byte, error) { return fs.ReadFile(m, name) }
	set, findings := Load(read, "web/exceptions.yml", "up/exceptions.yml")
	if len(findings) > 0 {
		t.Fatalf("findings: %v", findings)
	}
	type want struct {
		class                 string
		status                int
		classDerived, derived bool
	}
	wants := map[string]want{
		"OutOfStock": {"_409OutOfStockException", 409, true, true},
		"NoPrefix":   {"_400NoPrefixException", 0, true, false}, // EffectiveStatus: the default 400
		"Declared":   {"_410GoneException", 410, false, false},
		"ClassOnly":  {"_404ClassOnlyException", 404, false, true},
		"StatusOnly": {"_404StatusOnlyException", 404, true, false},
		"Spaced":     {"_503SpacedException", 503, true, true},
		"Short":      {"_400ShortException", 0, true, false},
		"Busy":       {"BusyException", 0, true, false},
	}
	for _, f := range set.Files {
		for _, e := range f.Exceptions {
			w := wants[e.Name]
			if e.Class != w.class || e.Status != w.status || e.ClassDerived != w.classDerived || e.StatusDerived != w.derived {
				t.Errorf("%s: class %q status %d (derived %v, %v); want %+v", e.Name, e.Class, e.Status, e.ClassDerived, e.StatusDerived, w)
			}
		}
	}
}

// TestOpenAPIPath: web modules with docs get an OpenAPI document beside
// them; the other families have no responses to describe.
func TestOpenAPIPath(t *testing.T) {
	for _, tc := range []struct {
		family Family
		docs   string
		want   string
	}{
		{FamilyWeb, "../docs/webexc.md", "../docs/webexc.openapi.yaml"},
		{FamilyWeb, "", ""},
		{FamilyUp, "../docs/up.md", ""},
		{FamilyDemon, "../docs/demon.md", ""},
		{FamilyZero, "../docs/zero.md", ""},
	} {
		if got := (&File{Family: tc.family, Docs: tc.docs}).OpenAPI(); got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.family, tc.docs, got, tc.want)
		}
	}
}
