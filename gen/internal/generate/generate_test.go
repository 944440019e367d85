package generate

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zeroport/zerofault/gen/internal/lint"
)

// fixtures are the committed, compiled fixture packages.
var fixtures = []string{"carryfix", "demonfix", "runfix", "upfix", "webfix"}

func fixtureDecls() []string {
	var out []string
	for _, f := range fixtures {
		out = append(out, filepath.Join("..", "fixture", f, "exceptions.yml"))
	}
	return out
}

// TestFixturesUpToDate regenerates every fixture package in one run, as
// CI's go generate would, and wants exactly the committed files: the
// fixtures' own tests then vouch for the code this generator writes.
func TestFixturesUpToDate(t *testing.T) {
	res, err := Run(Config{Declarations: fixtureDecls(), Root: filepath.Join("..", "..", "..")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) > 0 {
		t.Fatalf("findings: %v", res.Findings)
	}
	// Go and Markdown for each, OpenAPI for the two web fixtures.
	if want := 2*len(fixtures) + 2; len(res.Outputs) != want {
		t.Fatalf("%d outputs, want %d", len(res.Outputs), want)
	}
	for _, o := range res.Outputs {
		disk, err := os.ReadFile(o.Path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(disk, o.Data) {
			t.Errorf("%s is stale; run go generate in its directory", o.Path)
		}
	}
	if len(res.Exempted) != 1 || res.Exempted[0].Key != "RetryLater" {
		t.Errorf("exempted = %v, want webfix's RetryLater", res.Exempted)
	}
}

func TestReproducible(t *testing.T) {
	cfg := Config{Declarations: fixtureDecls(), Root: filepath.Join("..", "..", "..")}
	a, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// Another order of the files changes nothing either.
	cfg.Declarations = append(cfg.Declarations[2:], cfg.Declarations[:2]...)
	b, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Outputs) != len(b.Outputs) || len(a.Outputs) == 0 {
		t.Fatalf("%d and %d outputs", len(a.Outputs), len(b.Outputs))
	}
	for i := range a.Outputs {
		if a.Outputs[i].Path != b.Outputs[i].Path || !bytes.Equal(a.Outputs[i].Data, b.Outputs[i].Data) {
			t.Errorf("run 2 differs at %s", a.Outputs[i].Path)
		}
	}
}

// memory serves files from a map, for runs on inline fixtures.
func memory(files map[string]string) func(string) ([]byte, error) {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return func(name string) ([]byte, error) { return fs.ReadFile(m, name) }
}

func TestAcrossModules(t *testing.T) {
	module := func(pkg, name string) string {
		return "package: " + pkg + "\nfamily: up\ncatalogs: [../cfg/e.yml]\nranges: [user]\nexceptions:\n" +
			"  - {name: " + name + ", class: " + name + "Exception, code: -100001, doc: Dup.}\n"
	}
	files := map[string]string{
		"a/exceptions.yml": module("a", "Same"),
		"b/exceptions.yml": module("b", "Same"),
		"cfg/e.yml":        "E100001: \"Dup.\"\n",
	}
	cfg := Config{Declarations: []string{"a/exceptions.yml", "b/exceptions.yml"}, Read: memory(files), Root: "."}
	res, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.String())
	}
	want := []string{
		"a/exceptions.yml:6: Same: duplicate-code: code -100001 is also declared by Same (b/exceptions.yml:6)",
		"a/exceptions.yml:6: Same: duplicate-name: class SameException is also declared by Same (b/exceptions.yml:6)",
		"b/exceptions.yml:6: Same: duplicate-code: code -100001 is also declared by Same (a/exceptions.yml:6)",
		"b/exceptions.yml:6: Same: duplicate-name: class SameException is also declared by Same (a/exceptions.yml:6)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Outputs) != 0 {
		t.Errorf("a failing run produced %d outputs", len(res.Outputs))
	}

	// Each module alone is fine: the same Go name in two packages is.
	cfg.Declarations = cfg.Declarations[:1]
	if res, err := Run(cfg); err != nil || len(res.Findings) > 0 || len(res.Outputs) != 1 {
		t.Errorf("a alone: %v, %v, %d outputs", err, res.Findings, len(res.Outputs))
	}
}

func TestCatalogMode(t *testing.T) {
	files := map[string]string{
		"e.yml": "E1: \"It's {0}\"\nE2: \"Slf4j {}\"\n",
		"r.yml": "3: \"Orphan.\"\n",
	}
	cfg := Config{Catalogs: []string{"e.yml", "missing.yml"}, Readables: []string{"r.yml"}, Read: memory(files)}
	res, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Key+" "+f.Rule)
	}
	want := "E1 apostrophe,E2 slf4j, declaration,3 readable-unknown"
	if strings.Join(got, ",") != want {
		t.Errorf("findings %q, want %q", strings.Join(got, ","), want)
	}
	cfg.Lint = lint.Options{Slf4j: true}
	cfg.Catalogs = cfg.Catalogs[:1]
	res, _ = Run(cfg)
	if len(res.Findings) != 2 {
		t.Errorf("slf4j mode: %v", res.Findings)
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	outs := []Output{
		{Path: filepath.Join(dir, "a.go"), Data: []byte("package a\n")},
		{Path: filepath.Join(dir, "docs", "a.md"), Data: []byte("# a\n")},
	}
	wrote, err := Write(outs)
	if err != nil || len(wrote) != 2 {
		t.Fatalf("first write: %v, %v", wrote, err)
	}
	wrote, err = Write(outs)
	if err != nil || len(wrote) != 0 {
		t.Errorf("unchanged outputs rewritten: %v, %v", wrote, err)
	}
	outs[1].Data = []byte("# b\n")
	if wrote, err = Write(outs); err != nil || len(wrote) != 1 || wrote[0] != outs[1].Path {
		t.Errorf("changed output: %v, %v", wrote, err)
	}
}

func TestDisplayPath(t *testing.T) {
	if got := displayPath(filepath.Join("..", "..", ".."), filepath.Join("..", "fixture", "webfix", "exceptions.yml")); got != "gen/internal/fixture/webfix/exceptions.yml" {
		t.Errorf("under root: %q", got)
	}
	if got := displayPath("", "exceptions.yml"); got != "gen/internal/generate/exceptions.yml" {
		t.Errorf("module root found from go.mod: %q", got)
	}
	if got := displayPath(t.TempDir(), "exceptions.yml"); got != "exceptions.yml" {
		t.Errorf("outside root: %q", got)
	}
}

func TestImportPath(t *testing.T) {
	for dir, want := range map[string]string{
		".":                             "github.com/zeroport/zerofault/gen/internal/generate",
		filepath.Join("..", "..", ".."): "github.com/zeroport/zerofault",
		filepath.Join("..", "fixture"):  "github.com/zeroport/zerofault/gen/internal/fixture",
		t.TempDir():                     "",
	} {
		if got := importPath(dir); got != want {
			t.Errorf("importPath(%s) = %q, want %q", dir, got, want)
		}
	}
	for src, want := range map[string]string{
		"module example.com/shop\n\ngo 1.26\n":  "example.com/shop",
		"// c\nmodule \"example.com/q\" // x\n": "example.com/q",
		"go 1.26\n":                             "",
	} {
		if got := modulePath([]byte(src)); got != want {
			t.Errorf("modulePath(%q) = %q, want %q", src, got, want)
		}
	}
}
