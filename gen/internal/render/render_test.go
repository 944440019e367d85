package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/gen/internal/decl"
	"github.com/zeroport/zerofault/gen/internal/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// goldenCases are the declaration files under testdata with the lint
// options they pass with.
var goldenCases = []struct {
	name string
	opts lint.Options
}{
	{"zero", lint.Options{}},
	{"webexc", lint.Options{Slf4j: true}},
}

// load reads a testdata declaration and checks that it lints clean, as
// the generator requires before rendering.
func load(t *testing.T, name string, opts lint.Options) (*decl.Set, *decl.File) {
	t.Helper()
	set, fs := decl.Load(decl.OSRead, filepath.Join("testdata", name, "exceptions.yml"))
	if len(fs) > 0 {
		t.Fatalf("load: %v", fs)
	}
	if r := lint.Declarations(set, opts); !r.OK() {
		t.Fatalf("lint: %v", r.Findings)
	}
	return set, set.Files[0]
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			set, f := load(t, tc.name, tc.opts)
			src, err := Go(set, f, Where{})
			if err != nil {
				t.Fatal(err)
			}
			md, err := Markdown(set, f, "testdata/"+tc.name+"/exceptions.yml")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", tc.name+".go.golden"), src)
			golden(t, filepath.Join("testdata", tc.name+".md.golden"), md)
			if f.Family == decl.FamilyWeb {
				api, err := OpenAPI(set, f, "testdata/"+tc.name+"/exceptions.yml")
				if err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("testdata", tc.name+".openapi.yaml.golden"), api)
			}
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it); got:\n%s", path, got)
	}
}

// TestReproducible renders each case twice, and once more with its
// exceptions in reverse order, and wants the same bytes every time.
func TestReproducible(t *testing.T) {
	for _, tc := range goldenCases {
		set, f := load(t, tc.name, tc.opts)
		render := func() ([]byte, []byte, []byte) {
			src, err := Go(set, f, Where{})
			if err != nil {
				t.Fatal(err)
			}
			md, err := Markdown(set, f, "x/exceptions.yml")
			if err != nil {
				t.Fatal(err)
			}
			api, err := OpenAPI(set, f, "x/exceptions.yml")
			if err != nil {
				t.Fatal(err)
			}
			return src, md, api
		}
		src1, md1, api1 := render()
		src2, md2, api2 := render()
		slices.Reverse(f.Exceptions)
		src3, md3, api3 := render()
		if !bytes.Equal(src1, src2) || !bytes.Equal(src1, src3) {
			t.Errorf("%s: Go output differs between runs", tc.name)
		}
		if !bytes.Equal(md1, md2) || !bytes.Equal(md1, md3) {
			t.Errorf("%s: Markdown output differs between runs", tc.name)
		}
		if !bytes.Equal(api1, api2) || !bytes.Equal(api1, api3) {
			t.Errorf("%s: OpenAPI output differs between runs", tc.name)
		}
	}
}

func TestComment(t *testing.T) {
	long := strings.Repeat("word ", 20)
	got := comment("Short.\n\n\tcode {0}\n\n" + long)
	want := "// Short.\n//\n//\tcode {0}\n//\n" +
		"// word word word word word word word word word word word word word word word\n" +
		"// word word word word word"
	if got != want {
		t.Errorf("comment:\n%s\nwant:\n%s", got, want)
	}
	if got := codeBlock("a\n\nb"); got != "\ta\n\n\tb" {
		t.Errorf("codeBlock = %q", got)
	}
}

func TestCell(t *testing.T) {
	got := cell("a|b\nc `d` *e* _f_ <g> \\h")
	want := "a\\|b<br>c \\`d\\` \\*e\\* \\_f\\_ &lt;g> \\\\h"
	if got != want {
		t.Errorf("cell = %q, want %q", got, want)
	}
}
