package lint

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zeroport/zerofault/gen/internal/decl"
)

// catalogYML is the error catalog of the rule tests.
const catalogYML = `E100001: "Order {0} is locked by {1}."
E100002: "(400) - Bad order {0}."
E100003: "It's {0} again."
E100004: "Slots {} and {}."
E100005: "Uses {0} and {2}."
E100006: "(404) - No order {0}."
E100007: "Broken {0"
E100008: "Mixed {} and {0}."
E100009: "Plain."
E100010: "(449) - Retry {0}."
`

// header starts a declaration of family fam whose catalog is catalogYML.
func header(fam string) string {
	return "package: m\nfamily: " + fam + "\ncatalogs: [../cfg/error.yml]\nreadables: [../cfg/readable.yml]\nranges: [user]\nexceptions:\n"
}

// lintFiles lints the declaration files named decls among files, and
// returns the findings as printed, exempted ones marked.
func lintFiles(t *testing.T, files map[string]string, opts Options, decls ...string) []string {
	t.Helper()
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	if _, ok := files["cfg/error.yml"]; !ok {
		m["cfg/error.yml"] = &fstest.MapFile{Data: []byte(catalogYML)}
	}
	if _, ok := files["cfg/readable.yml"]; !ok {
		m["cfg/readable.yml"] = &fstest.MapFile{Data: []byte("100001: \"Order {0} is busy.\"\n")}
	}
	if len(decls) == 0 {
		decls = []string{"m/exceptions.yml"}
	}
	set, load := decl.Load(func(name string) ([]byte, error) { return fs.ReadFile(m, name) }, decls...)
	if len(load) > 0 {
		t.Fatalf("load: %v", load)
	}
	r := Declarations(set, opts)
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.String())
	}
	for _, f := range r.Exempted {
		out = append(out, "exempted "+f.String())
	}
	return out
}

func TestRules(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  Options
		decls []string
		want  []string
	}{
		{
			name: "clean",
			files: map[string]string{"m/exceptions.yml": header("web") + `
  - {name: Locked, class: _409LockedException, code: -100001, status: 409, params: [{name: order, type: string}, {name: owner, type: string}], doc: Locked.}
`},
		},
		{
			name: "duplicate-code across files",
			files: map[string]string{
				"m/exceptions.yml": header("up") + "  - {name: A, class: AException, code: -100009, doc: A.}\n",
				"n/exceptions.yml": strings.Replace(header("up"), "package: m", "package: n", 1) + "  - {name: B, class: BException, code: -100009, doc: B.}\n",
			},
			decls: []string{"m/exceptions.yml", "n/exceptions.yml"},
			want: []string{
				"m/exceptions.yml:7: A: duplicate-code: code -100009 is also declared by B (n/exceptions.yml:7)",
				"n/exceptions.yml:7: B: duplicate-code: code -100009 is also declared by A (m/exceptions.yml:7)",
			},
		},
		{
			name: "duplicate-name: class",
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - {name: A, class: SameException, code: -100009, doc: A.}
  - {name: B, class: SameException, code: -100002, params: [{name: x, type: string}], doc: B.}
`},
			want: []string{
				"m/exceptions.yml:8: A: duplicate-name: class SameException is also declared by B (m/exceptions.yml:9)",
				"m/exceptions.yml:9: B: duplicate-name: class SameException is also declared by A (m/exceptions.yml:8)",
			},
		},
		{
			name: "duplicate-name: Go name cannot be exempted",
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - {name: A, class: AException, code: -100009, doc: A., exempt: [{rule: duplicate-name, reason: tried}]}
  - {name: A, class: A2Exception, code: -100002, params: [{name: x, type: string}], doc: B.}
`},
			want: []string{
				"m/exceptions.yml:8: A: duplicate-name: Go name A is also declared by A (m/exceptions.yml:9)",
				"m/exceptions.yml:8: A: stale-exemption: the exemption from duplicate-name covers no finding; remove it",
				"m/exceptions.yml:9: A: duplicate-name: Go name A is also declared by A (m/exceptions.yml:8)",
			},
		},
		{
			name: "status-name: declared status",
			files: map[string]string{"m/exceptions.yml": header("web") + `
  - {name: A, class: _404AException, code: -100009, status: 410, doc: A.}
`},
			want: []string{"m/exceptions.yml:8: A: status-name: status 410 differs from 404 in the class name _404AException"},
		},
		{
			name: "status-name: default status",
			files: map[string]string{"m/exceptions.yml": header("web") + `
  - {name: A, class: _404AException, code: -100009, doc: A.}
`},
			want: []string{"m/exceptions.yml:8: A: status-name: the status defaults to 400 but the class name _404AException says 404; declare status: 404"},
		},
		{
			name: "status-prefix",
			files: map[string]string{"m/exceptions.yml": header("web") + `
  - {name: A, class: _404AException, code: -100002, status: 404, params: [{name: x, type: string}], doc: A.}
`},
			want: []string{"m/exceptions.yml:8: A: status-prefix: status 404 differs from the (400) prefix of E100002 (cfg/error.yml:2)"},
		},
		{
			name: "status-standard",
			files: map[string]string{"m/exceptions.yml": header("web") + `
  - {name: A, class: _449AException, code: -100010, status: 449, params: [{name: x, type: string}], doc: A.}
`},
			want: []string{"m/exceptions.yml:8: A: status-standard: 449 is not a standard HTTP status; clients and proxies may not know it"},
		},
		{
			name: "code-range",
			files: map[string]string{"m/exceptions.yml": strings.Replace(header("up"), "[user]", "[web, extension]", 1) + `
  - {name: A, class: AException, code: -100009, doc: A.}
`},
			want: []string{"m/exceptions.yml:8: A: code-range: code -100009 lies outside web (-60000 … -69999) and extension (-80000 … -89999)"},
		},
		{
			name: "missing-template",
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - {name: A, class: AException, code: -100099, doc: A.}
`},
			want: []string{"m/exceptions.yml:8: A: missing-template: no E100099, W100099 or I100099 key in cfg/error.yml"},
		},
		{
			name: "params: count",
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - {name: A, class: AException, code: -100002, doc: A.}
`},
			want: []string{"m/exceptions.yml:8: A: params: E100002 (cfg/error.yml:2) takes 1 argument but 0 params are declared"},
		},
		{
			name: "params: unused placeholder",
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - name: A
    class: AException
    code: -100005
    params: [{name: a, type: string}, {name: b, type: string}, {name: c, type: string}]
    doc: A.
`},
			want: []string{"m/exceptions.yml:8: A: params: E100005 (cfg/error.yml:5) never uses {1} (b); params are listed in placeholder order"},
		},
		{
			name: "params: readable text",
			files: map[string]string{
				"m/exceptions.yml": header("up") + "  - {name: A, class: AException, code: -100009, doc: A.}\n",
				"cfg/readable.yml": "100009: \"Try {0} again.\"\n",
			},
			want: []string{"cfg/readable.yml:1: 100009: params: uses {0} but 0 params are declared"},
		},
		{
			name: "params: plural forms and count of a translation",
			files: map[string]string{
				"m/exceptions.yml": strings.Replace(header("up"), "readables: [../cfg/readable.yml]", "readables: [../cfg/readable.yml, ../cfg/readable.de.yml]", 1) +
					"  - {name: A, class: AException, code: -100006, params: [{name: order, type: string}], doc: A.}\n" +
					"  - {name: B, class: BException, code: -100001, params: [{name: order, type: string}, {name: owner, type: string}], doc: B.}\n",
				"cfg/readable.yml": "100006: \"No order {0}.\"\n",
				"cfg/readable.de.yml": "100006:\n  one: \"Ein {0}.\"\n  other: \"Viele {3}.\"\n" +
					"100001:\n  count: 2\n  other: \"{0} von {1}.\"\n",
			},
			want: []string{
				"cfg/readable.de.yml:1: 100006: params: uses {3} but 1 param is declared",
				"cfg/readable.de.yml:4: 100001: params: count: 2 names an argument beyond those the template takes (2 params are declared)",
			},
		},
		{
			name: "params: uncoded message",
			files: map[string]string{"m/exceptions.yml": "package: zero\nfamily: zero\nexceptions:\n" + `
  - {name: A, class: AException, message: "Bad {0} and {1}", params: [{name: x, type: string}], doc: A.}
`},
			want: []string{"m/exceptions.yml:5: A: params: message (line 5) takes 2 arguments but 1 param is declared"},
		},
		{
			name: "apostrophe",
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - {name: A, class: AException, code: -100003, params: [{name: x, type: string}], doc: A.}
`},
			// The quoted {0} is no placeholder, so the count is off too.
			want: []string{
				`m/exceptions.yml:8: A: apostrophe: E100003 (cfg/error.yml:3): the apostrophe in "It's" (column 3) quotes {0} away, so it prints literally; write '' for a literal apostrophe`,
				"m/exceptions.yml:8: A: params: E100003 (cfg/error.yml:3) takes 0 arguments but 1 param is declared",
			},
		},
		{
			name: "apostrophe: inline message, dropped",
			files: map[string]string{"m/exceptions.yml": "package: zero\nfamily: zero\nexceptions:\n" + `
  - {name: A, class: AException, message: "{0} isn't valid", params: [{name: x, type: string}], doc: A.}
`},
			want: []string{`m/exceptions.yml:5: A: apostrophe: message (line 5): the apostrophe in "isn't" (column 8) is dropped and quotes the rest of the text; write '' for a literal apostrophe`},
		},
		{
			name: "slf4j off",
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - {name: A, class: AException, code: -100004, params: [{name: x, type: int}, {name: y, type: int}], doc: A.}
`},
			want: []string{`m/exceptions.yml:8: A: slf4j: E100004 (cfg/error.yml:4): "{}" is an slf4j placeholder, and this catalog is MessageFormat; write {0}, {1}, … (or lint with -slf4j)`},
		},
		{
			name: "slf4j on",
			opts: Options{Slf4j: true},
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - {name: A, class: AException, code: -100004, params: [{name: x, type: int}, {name: y, type: int}], doc: A.}
`},
		},
		{
			name: "slf4j on, mixed",
			opts: Options{Slf4j: true},
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - {name: A, class: AException, code: -100008, params: [{name: x, type: int}], doc: A.}
`},
			want: []string{`m/exceptions.yml:8: A: slf4j: E100008 (cfg/error.yml:8): mixes slf4j "{}" with {0}…, which then prints literally`},
		},
		{
			name: "slf4j: inline message",
			opts: Options{Slf4j: true},
			files: map[string]string{"m/exceptions.yml": "package: zero\nfamily: zero\nexceptions:\n" + `
  - {name: A, class: AException, message: "Bad {}", params: [{name: x, type: string}], doc: A.}
`},
			want: []string{`m/exceptions.yml:5: A: slf4j: message (line 5): an inline message is MessageFormat only; write {0} for the first param, not {}`},
		},
		{
			name: "syntax",
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - {name: A, class: AException, code: -100007, params: [{name: x, type: string}], doc: A., exempt: [{rule: params, reason: "cannot help"}]}
`},
			want: []string{
				"cfg/error.yml:7: E100007: syntax: does not compile: msgfmt: offset 7: Unmatched braces in the pattern.",
				"m/exceptions.yml:8: A: stale-exemption: the exemption from params covers no finding; remove it",
			},
		},
		{
			name: "readable-unknown",
			files: map[string]string{
				"m/exceptions.yml": header("up") + "  - {name: A, class: AException, code: -100009, doc: A.}\n",
				"cfg/readable.yml": "100009: \"Fine.\"\n100777: \"Nobody defines me.\"\n",
			},
			want: []string{"cfg/readable.yml:2: 100777: readable-unknown: no E100777, W100777 or I100777 key in cfg/error.yml or the framework's config/vertx-error.yml defines the code"},
		},
		{
			// The runtime loads the framework's catalog first: a team may
			// translate its texts, but only with the params its templates
			// take (E60010 takes two).
			name: "readable-unknown: framework codes are known",
			files: map[string]string{
				"m/exceptions.yml": strings.Replace(header("up"), "readables: [../cfg/readable.yml]", "readables: [../cfg/readable.yml, ../cfg/readable.ja.yml]", 1) +
					"  - {name: A, class: AException, code: -100009, doc: A.}\n",
				"cfg/readable.yml":    "100009: \"Fine.\"\n60010: \"No page at {0} ({1}).\"\n",
				"cfg/readable.ja.yml": "60010: \"{0} にページがありません。\"\n60014:\n  other: \"{2} は使えません。\"\n",
			},
			want: []string{"cfg/readable.ja.yml:2: 60014: params: uses {2} but E60014 takes 2 arguments"},
		},
		{
			name: "derived: status and class from the template",
			files: map[string]string{"m/exceptions.yml": header("web") + `
  - {name: A, code: -100006, params: [{name: x, type: string}], doc: A.}
  - {name: B, code: -100002, params: [{name: x, type: string}], doc: B.}
`},
		},
		{
			name: "derived: a declared class still meets the template's prefix",
			files: map[string]string{"m/exceptions.yml": header("web") + `
  - {name: A, class: _409AException, code: -100006, params: [{name: x, type: string}], doc: A.}
`},
			want: []string{"m/exceptions.yml:8: A: status-name: the template's (404) prefix gives status 404 but the class name _409AException says 409"},
		},
		{
			name: "derived: a declared status still meets the template's prefix",
			files: map[string]string{"m/exceptions.yml": header("web") + `
  - {name: A, code: -100006, status: 409, params: [{name: x, type: string}], doc: A.}
`},
			want: []string{"m/exceptions.yml:8: A: status-prefix: status 409 differs from the (404) prefix of E100006 (cfg/error.yml:6)"},
		},
		{
			name: "derived: a derived class meets a declared one",
			files: map[string]string{"m/exceptions.yml": header("web") + `
  - {name: A, code: -100006, params: [{name: x, type: string}], doc: A.}
  - {name: B, class: _404AException, code: -100002, status: 404, params: [{name: x, type: string}], doc: B., exempt: [{rule: status-prefix, reason: test}]}
`},
			want: []string{
				"m/exceptions.yml:8: A: duplicate-name: class _404AException is also declared by B (m/exceptions.yml:9)",
				"m/exceptions.yml:9: B: duplicate-name: class _404AException is also declared by A (m/exceptions.yml:8)",
				"exempted m/exceptions.yml:9: B: status-prefix: status 404 differs from the (400) prefix of E100002 (cfg/error.yml:2)",
			},
		},
		{
			name: "framework-code",
			files: map[string]string{"m/exceptions.yml": strings.Replace(header("web"), "[user]", "[web]", 1) + `
  - {name: A, class: _400AException, code: -60001, params: [{name: x, type: string}], doc: A.}
  - {name: B, class: _404BException, code: -60010, status: 404, params: [{name: x, type: string}, {name: y, type: string}], doc: B., exempt: [{rule: framework-code, reason: "Loaded with catalog.AllowOverride()."}]}
`,
				"cfg/error.yml": catalogYML + "E60001: \"(400) - Mine {0}.\"\nE60010: \"(404) - Mine {0} {1}.\"\n",
			},
			want: []string{
				"m/exceptions.yml:8: A: framework-code: code -60001 is the framework's E60001 (config/vertx-error.yml:223): catalog.Load refuses to redefine it unless given catalog.AllowOverride(); choose a code of your own range",
				"exempted m/exceptions.yml:9: B: framework-code: code -60010 is the framework's E60010 (config/vertx-error.yml:241): catalog.Load refuses to redefine it unless given catalog.AllowOverride(); choose a code of your own range",
			},
		},
		{
			name: "exempted",
			files: map[string]string{"m/exceptions.yml": header("web") + `
  - name: A
    class: _449AException
    code: -100009
    status: 449
    doc: A.
    exempt:
      - {rule: status-standard, reason: "Zero uses 449."}
`},
			want: []string{"exempted m/exceptions.yml:8: A: status-standard: 449 is not a standard HTTP status; clients and proxies may not know it"},
		},
		{
			name: "stale-exemption",
			files: map[string]string{"m/exceptions.yml": header("up") + `
  - name: A
    class: AException
    code: -100009
    doc: A.
    exempt:
      - {rule: code-range, reason: "It was outside once."}
`},
			want: []string{"m/exceptions.yml:13: A: stale-exemption: the exemption from code-range covers no finding; remove it"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lintFiles(t, tt.files, tt.opts, tt.decls...)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestGroupExemption: one exemption excuses every declaration of a shared
// code, as Zero's two iQIYI exceptions share -20001.
func TestGroupExemption(t *testing.T) {
	got := lintFiles(t, map[string]string{"m/exceptions.yml": header("up") + `
  - {name: A, class: AException, code: -100009, doc: A.}
  - {name: B, class: BException, code: -100009, doc: B., exempt: [{rule: duplicate-code, reason: "Zero shares it."}]}
`}, Options{})
	want := []string{
		"exempted m/exceptions.yml:8: A: duplicate-code: code -100009 is also declared by B (m/exceptions.yml:9)",
		"exempted m/exceptions.yml:9: B: duplicate-code: code -100009 is also declared by A (m/exceptions.yml:8)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
