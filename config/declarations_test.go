package config_test

// The exception declarations (M/exceptions.yml, see docs/declarations.md)
// are data the generator turns into Go. These tests hold them against the
// seed's catalog and against the templates of the framework catalog, so a
// declaration that drifts from either is caught before generation.
//
// This is an external test package: zero/catalog imports config.

import (
	"fmt"
	"go/token"
	"go/types"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/zero/catalog"
)

// declModules are the directories (relative to the module root) that hold
// an exceptions.yml for the seed's catalog.
var declModules = []string{
	"zero", "demon", "up", "webexc",
	"plugins/es", "plugins/excel", "plugins/iqiy", "plugins/redis", "plugins/sms",
	"ext/ambient", "ext/atom", "ext/crud", "ext/jet", "ext/ke", "ext/rbac",
}

// declFile is the part of an exceptions.yml these tests read.
type declFile struct {
	Package    string          `yaml:"package"`
	Family     string          `yaml:"family"`
	Catalogs   []string        `yaml:"catalogs"`
	Readables  []string        `yaml:"readables"`
	Ranges     []string        `yaml:"ranges"`
	Docs       string          `yaml:"docs"`
	Exceptions []declException `yaml:"exceptions"`
}

type declException struct {
	Name        string       `yaml:"name"`
	Class       string       `yaml:"class"`
	Code        *int         `yaml:"code"`
	Status      int          `yaml:"status"`
	Params      []declParam  `yaml:"params"`
	Doc         string       `yaml:"doc"`
	Message     string       `yaml:"message"`
	Handwritten bool         `yaml:"handwritten"`
	Exempt      []declExempt `yaml:"exempt"`
}

type declParam struct {
	Name string `yaml:"name"`
	Type string `yaml:"type"`
}

type declExempt struct {
	Rule   string `yaml:"rule"`
	Reason string `yaml:"reason"`
}

// exempts reports whether e declares an exemption from rule.
func (e declException) exempts(rule string) bool {
	for _, x := range e.Exempt {
		if x.Rule == rule {
			return true
		}
	}
	return false
}

// code returns the declared code, or "none".
func (e declException) code() string {
	if e.Code == nil {
		return "none"
	}
	return strconv.Itoa(*e.Code)
}

func (e declException) String() string {
	if e.Code == nil {
		return e.Class
	}
	return fmt.Sprintf("%d %s", *e.Code, e.Class)
}

// Named code ranges of seed section 3 (as positive numbers).
var declRanges = map[string][2]int{
	"framework": {10000, 19999},
	"plugin":    {20000, 29999},
	"bridge":    {30000, 39999},
	"container": {40000, 45000},
	"rx":        {45001, 49999},
	"web":       {60000, 69999},
	"extension": {80000, 89999},
	"user":      {100001, 1<<31 - 1},
}

var (
	declRules = map[string]bool{
		"duplicate-code": true, "duplicate-name": true, "status-name": true,
		"status-prefix": true, "status-standard": true, "code-range": true,
		"missing-template": true, "params": true, "apostrophe": true,
		"slf4j": true, "readable-unknown": true,
	}
	declTypes = map[string]bool{
		"string": true, "int": true, "int64": true, "float64": true, "bool": true,
		"any": true, "error": true, "[]string": true, "[]any": true, "map[string]any": true,
		"zero.Target": true, // Zero's Class<?>, as the generator spells it
	}
	declClassStatusRe = regexp.MustCompile(`^_([0-9]{3})`)
	declExportedRe    = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	declParamRe       = regexp.MustCompile(`^[a-z][A-Za-z0-9]*$`)
	// Names the generated constructors use themselves: the caller target,
	// locals, imported packages and the classX/messageX variables.
	declReservedParams = map[string]bool{
		"target": true, "e": true, "params": true, "zero": true, "errors": true,
		"msgfmt": true, "catalog": true, "webexc": true, "up": true, "demon": true,
		"uncoded": true, "formatInlineMessage": true,
	}
	declGeneratedRe = regexp.MustCompile(`^(class|message)[A-Z]`)
)

// wantFamily is the family of a module directory.
func wantFamily(dir string) string {
	switch dir {
	case "zero", "demon", "up":
		return dir
	}
	return "web"
}

// loadDecls reads every module's exceptions.yml, failing the test on a
// missing or malformed file.
func loadDecls(t *testing.T) map[string]*declFile {
	t.Helper()
	out := map[string]*declFile{}
	for _, dir := range declModules {
		name := filepath.Join("..", filepath.FromSlash(dir), "exceptions.yml")
		data, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%s: %v", dir, err)
			continue
		}
		var f declFile
		if err := yaml.Unmarshal(data, &f); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		out[dir] = &f
	}
	if t.Failed() {
		t.FailNow()
	}
	return out
}

// byClass indexes a file's declarations by Zero class, keeping duplicates.
func byClass(f *declFile) map[string][]declException {
	m := map[string][]declException{}
	for _, e := range f.Exceptions {
		m[e.Class] = append(m[e.Class], e)
	}
	return m
}

func TestDeclarationsCoverSeed(t *testing.T) {
	rows, ok := readTSV(t, filepath.Join(referenceDir, "zero-seed-catalog.tsv"))
	if !ok {
		t.Skip("seed catalog not available")
	}
	decls := loadDecls(t)
	classes := map[string]map[string][]declException{}
	for dir, f := range decls {
		classes[dir] = byClass(f)
	}
	seen := map[string]map[string]bool{} // dir → class → in the seed
	for _, r := range rows {
		dir, class := r["go_dir"], r["zero_class"]
		if seen[dir] == nil {
			seen[dir] = map[string]bool{}
		}
		seen[dir][class] = true
		if _, ok := decls[dir]; !ok {
			t.Errorf("%s %s: go_dir %q is not a declaration module", r["code"], class, dir)
			continue
		}
		got := classes[dir][class]
		if len(got) != 1 {
			t.Errorf("%s %s: %d declarations in %s/exceptions.yml, want 1", r["code"], class, len(got), dir)
			continue
		}
		e := got[0]
		code, _ := strconv.Atoi(r["code"])
		if e.Code == nil || *e.Code != code {
			t.Errorf("%s: code %s, the seed says %d", e, e.code(), code)
		}
		if wantFamily(dir) == "web" {
			want := http.StatusBadRequest // Zero's default
			if s := r["name_status"]; s != "" {
				want, _ = strconv.Atoi(s)
			} else if m := declClassStatusRe.FindStringSubmatch(class); m != nil {
				want, _ = strconv.Atoi(m[1])
			}
			status := e.Status
			if status == 0 {
				status = http.StatusBadRequest
			}
			if status != want {
				t.Errorf("%s: status %d, the seed says %d", e, status, want)
			}
		} else if e.Status != 0 {
			t.Errorf("%s: status %d on a %s exception", e, e.Status, wantFamily(dir))
		}
		if got, want := len(e.Params), paramCount(r["repo_params"]); got != want {
			t.Errorf("%s: %d params, Zero's constructor takes %d (%s)", e, got, want, r["repo_params"])
		}
	}

	heart, ok := readTSV(t, filepath.Join(referenceDir, "zero-seed-heart.tsv"))
	if ok {
		for _, h := range heart {
			dir, class := h["go_dir"], h["zero_class"]
			if seen[dir] == nil {
				seen[dir] = map[string]bool{}
			}
			seen[dir][class] = true
			got := classes[dir][class]
			if len(got) != 1 {
				t.Errorf("%s: %d declarations in %s/exceptions.yml, want 1", class, len(got), dir)
				continue
			}
			e := got[0]
			switch {
			case h["repo_code"] == "" && e.Code != nil:
				t.Errorf("%s: code %d, but the exception is uncoded", e, *e.Code)
			case h["repo_code"] == "" && e.Message == "":
				t.Errorf("%s: an uncoded exception needs message:", e)
			case h["repo_code"] != "":
				code, _ := strconv.Atoi(h["repo_code"])
				if e.Code == nil || *e.Code != code {
					t.Errorf("%s: code %s, Zero's code says %d", e, e.code(), code)
				}
			}
			if e.Status != 0 {
				t.Errorf("%s: status %d on a zero exception", e, e.Status)
			}
		}
	}

	// Nothing beyond the seed.
	for dir, f := range decls {
		if dir == "zero" && !ok {
			continue
		}
		for _, e := range f.Exceptions {
			if !seen[dir][e.Class] {
				t.Errorf("%s/exceptions.yml: %s is not a seed exception of %s", dir, e, dir)
			}
		}
	}
}

func TestDeclarationsMatchTemplates(t *testing.T) {
	if err := catalog.FrameworkError(); err != nil {
		t.Fatalf("framework catalog: %v", err)
	}
	cat := catalog.Current()
	for dir, f := range loadDecls(t) {
		for _, e := range f.Exceptions {
			var tpl *catalog.Template
			if e.Code != nil {
				entry, ok := cat.Lookup(*e.Code)
				if !ok {
					t.Errorf("%s: %s has no template E%d in %s", dir, e, -*e.Code, "config/vertx-error.yml")
					continue
				}
				if e.Message != "" {
					t.Errorf("%s: %s is coded and must not carry message:", dir, e)
				}
				tpl = entry.Template
			} else {
				var err error
				if tpl, err = catalog.Compile("en", e.Message); err != nil {
					t.Errorf("%s: %s: message: %v", dir, e, err)
					continue
				}
			}
			if got, want := len(e.Params), tpl.ArgCount(); got != want {
				t.Errorf("%s: %s declares %d params, its template takes %d: %q", dir, e, got, want, tpl.Source())
			}
		}
	}
}

func TestDeclarationsWellFormed(t *testing.T) {
	decls := loadDecls(t)
	codes := map[int][]string{}
	for _, dir := range declModules {
		f := decls[dir]
		where := dir + "/exceptions.yml"
		if want := path.Base(dir); f.Package != want {
			t.Errorf("%s: package %q, want %q", where, f.Package, want)
		}
		family := wantFamily(dir)
		if f.Family != family {
			t.Errorf("%s: family %q, want %q", where, f.Family, family)
		}
		up := strings.Repeat("../", strings.Count(dir, "/")+1)
		if want := up + "config/vertx-error.yml"; len(f.Catalogs) != 1 || f.Catalogs[0] != want {
			t.Errorf("%s: catalogs %q, want [%s]", where, f.Catalogs, want)
		}
		var wantReadables []string
		if family == "web" {
			wantReadables = []string{up + "config/vertx-readible.yml", up + "config/vertx-readible.zh-CN.yml"}
		}
		if fmt.Sprint(f.Readables) != fmt.Sprint(wantReadables) {
			t.Errorf("%s: readables %q, want %q", where, f.Readables, wantReadables)
		}
		for _, p := range append(append([]string{}, f.Catalogs...), f.Readables...) {
			if _, err := os.Stat(filepath.Join("..", filepath.FromSlash(dir), filepath.FromSlash(p))); err != nil {
				t.Errorf("%s: %v", where, err)
			}
		}
		if want := up + "docs/" + strings.ReplaceAll(dir, "/", "-") + ".md"; f.Docs != want {
			t.Errorf("%s: docs %q, want %q", where, f.Docs, want)
		}
		if len(f.Ranges) == 0 {
			t.Errorf("%s: no ranges", where)
		}
		for _, r := range f.Ranges {
			if _, ok := declRanges[r]; !ok {
				t.Errorf("%s: unknown range %q", where, r)
			}
		}
		if len(f.Exceptions) == 0 {
			t.Errorf("%s: no exceptions", where)
		}

		names := map[string]bool{}
		for _, e := range f.Exceptions {
			if !declExportedRe.MatchString(e.Name) || strings.HasSuffix(e.Name, "Exception") {
				t.Errorf("%s: %s: name %q is not a CamelCase Go name without the Exception suffix", where, e, e.Name)
			}
			if names[e.Name] {
				t.Errorf("%s: %s: name %s is declared twice", where, e, e.Name)
			}
			names[e.Name] = true
			if e.Class == "" {
				t.Errorf("%s: %s: no class", where, e.Name)
			}
			if strings.TrimSpace(e.Doc) == "" || strings.Contains(e.Doc, "\n") {
				t.Errorf("%s: %s: doc must be one non-empty line", where, e)
			}
			if e.Code == nil && family != "zero" {
				t.Errorf("%s: %s: only zero exceptions may be uncoded", where, e)
			}
			if e.Handwritten && family != "zero" {
				t.Errorf("%s: %s: handwritten outside zero", where, e)
			}
			params := map[string]bool{}
			for _, p := range e.Params {
				if !declParamRe.MatchString(p.Name) || token.IsKeyword(p.Name) || types.Universe.Lookup(p.Name) != nil ||
					declReservedParams[p.Name] || declGeneratedRe.MatchString(p.Name) {
					t.Errorf("%s: %s: param name %q is not a usable lowerCamel Go identifier", where, e, p.Name)
				}
				if params[p.Name] {
					t.Errorf("%s: %s: param %s declared twice", where, e, p.Name)
				}
				params[p.Name] = true
				if !declTypes[p.Type] {
					t.Errorf("%s: %s: param %s has unknown type %q", where, e, p.Name, p.Type)
				}
			}
			for _, x := range e.Exempt {
				if !declRules[x.Rule] || strings.TrimSpace(x.Reason) == "" {
					t.Errorf("%s: %s: exemption %q needs a known rule and a reason", where, e, x.Rule)
				}
			}

			if family == "web" {
				if m := declClassStatusRe.FindStringSubmatch(e.Class); m != nil && strconv.Itoa(e.Status) != m[1] && !e.exempts("status-name") {
					t.Errorf("%s: %s: status %d differs from the class name", where, e, e.Status)
				}
				if e.Status != 0 && http.StatusText(e.Status) == "" && !e.exempts("status-standard") {
					t.Errorf("%s: %s: status %d is not a standard HTTP status", where, e, e.Status)
				}
			}
			if e.Code == nil {
				continue
			}
			codes[*e.Code] = append(codes[*e.Code], where+": "+e.String())
			inRange := false
			for _, r := range f.Ranges {
				if b := declRanges[r]; -*e.Code >= b[0] && -*e.Code <= b[1] {
					inRange = true
				}
			}
			if inRange == e.exempts("code-range") {
				if inRange {
					t.Errorf("%s: %s: code-range exemption, but the code lies in %v", where, e, f.Ranges)
				} else {
					t.Errorf("%s: %s: code outside %v without a code-range exemption", where, e, f.Ranges)
				}
			}
		}
	}

	// A code shared by several declarations needs a duplicate-code exemption
	// on all but the first.
	seen := map[int]bool{}
	for _, dir := range declModules {
		for _, e := range decls[dir].Exceptions {
			if e.Code == nil {
				continue
			}
			first := !seen[*e.Code]
			seen[*e.Code] = true
			if len(codes[*e.Code]) > 1 && !first && !e.exempts("duplicate-code") {
				t.Errorf("%s/exceptions.yml: %s: code shared with %q without a duplicate-code exemption", dir, e, codes[*e.Code])
			}
		}
	}
}
