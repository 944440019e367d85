package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unsafe"
)

// file is one catalog file of a test case.
type file struct {
	name, body string
	kind       kind
}

func loadFiles(t *testing.T, framework bool, files []file, extra ...Option) (*Catalog, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	var opts []Option
	if !framework {
		opts = append(opts, WithoutFramework())
	}
	for _, f := range files {
		fsys[f.name] = &fstest.MapFile{Data: []byte(f.body)}
		if f.kind == readablesKind {
			opts = append(opts, ReadableFS(fsys, f.name))
		} else {
			opts = append(opts, ErrorFS(fsys, f.name))
		}
	}
	return Load(append(opts, extra...)...)
}

func TestLoadMalformed(t *testing.T) {
	const ok = "E100001: \"fine {0}\"\n"
	cases := []struct {
		name      string
		framework bool
		files     []file
		file      string // expected file of the (first) problem
		line      int
		key       string
		is        error // expected sentinel, nil when the cause is a template error
	}{
		{"unbalanced brace", false, []file{{"a.yml", "E100001: \"value {0\"\n", errorsKind}}, "a.yml", 1, "E100001", nil},
		{"unterminated format", false, []file{{"a.yml", ok + "E100002: \"x {0,number\"\n", errorsKind}}, "a.yml", 2, "E100002", nil},
		{"bad index", false, []file{{"a.yml", "E100001: \"{a}\"\n", errorsKind}}, "a.yml", 1, "E100001", nil},
		{"huge index", false, []file{{"a.yml", "\n\nE100001: \"{99999999999}\"\n", errorsKind}}, "a.yml", 3, "E100001", nil},
		{"index too large", false, []file{{"a.yml", "E100001: \"{10000}\"\n", errorsKind}}, "a.yml", 1, "E100001", nil},
		{"negative index", false, []file{{"a.yml", "E100001: \"{-1}\"\n", errorsKind}}, "a.yml", 1, "E100001", nil},
		{"unknown format type", false, []file{{"a.yml", "E100001: \"{0,money}\"\n", errorsKind}}, "a.yml", 1, "E100001", nil},
		{"bad number pattern", false, []file{{"a.yml", "E100001: \"{0,number,#.#.#}\"\n", errorsKind}}, "a.yml", 1, "E100001", nil},
		{"bad date pattern", false, []file{{"a.yml", "E100001: \"{0,date,foo}\"\n", errorsKind}}, "a.yml", 1, "E100001", nil},
		{"bad time style", false, []file{{"a.yml", "E100001: \"{0,time,short,extra}\"\n", errorsKind}}, "a.yml", 1, "E100001", nil},
		{"bad choice limit", false, []file{{"a.yml", "E100001: \"{0,choice,1#one|x#many}\"\n", errorsKind}}, "a.yml", 1, "E100001", nil},
		{"empty argument", false, []file{{"a.yml", "E100001: \"{ }\"\n", errorsKind}}, "a.yml", 1, "E100001", nil},
		{"duplicate key", false, []file{{"a.yml", ok + "E100001: \"again\"\n", errorsKind}}, "a.yml", 2, "E100001", ErrDuplicate},
		{"unknown prefix", false, []file{{"a.yml", ok + "X100002: \"x\"\n", errorsKind}}, "a.yml", 2, "X100002", ErrKey},
		{"lower-case prefix", false, []file{{"a.yml", "e100002: \"x\"\n", errorsKind}}, "a.yml", 1, "e100002", ErrKey},
		{"non-numeric code", false, []file{{"a.yml", "Eabc: \"x\"\n", errorsKind}}, "a.yml", 1, "Eabc", ErrKey},
		{"signed code", false, []file{{"a.yml", "E-100: \"x\"\n", errorsKind}}, "a.yml", 1, "E-100", ErrKey},
		{"code zero", false, []file{{"a.yml", "E0: \"x\"\n", errorsKind}}, "a.yml", 1, "E0", ErrKey},
		{"code out of range", false, []file{{"a.yml", "E99999999999: \"x\"\n", errorsKind}}, "a.yml", 1, "E99999999999", ErrKey},
		{"prefix only", false, []file{{"a.yml", "W: \"x\"\n", errorsKind}}, "a.yml", 1, "W", ErrKey},
		{"two prefixes in one file", false, []file{{"a.yml", ok + "W100001: \"x\"\n", errorsKind}}, "a.yml", 2, "W100001", ErrDuplicate},
		{"two prefixes across files", false, []file{{"a.yml", ok, errorsKind}, {"b.yml", "I100001: \"x\"\n", errorsKind}}, "b.yml", 1, "I100001", ErrDuplicate},
		{"same key in two files", false, []file{{"a.yml", ok, errorsKind}, {"b.yml", "# b\n" + ok, errorsKind}}, "b.yml", 2, "E100001", ErrDuplicate},
		{"redefines framework code", true, []file{{"a.yml", "E11003: \"mine\"\n", errorsKind}}, "a.yml", 1, "E11003", ErrFrameworkCode},
		{"readable for unknown code", false, []file{{"a.yml", ok, errorsKind}, {"r.yml", "100001: \"ok\"\n100002: \"no such code\"\n", readablesKind}}, "r.yml", 2, "100002", ErrUnknownCode},
		{"readable key with prefix", false, []file{{"a.yml", ok, errorsKind}, {"r.yml", "E100001: \"x\"\n", readablesKind}}, "r.yml", 1, "E100001", ErrKey},
		{"readable bad template", false, []file{{"a.yml", ok, errorsKind}, {"r.yml", "100001: \"it is {0\"\n", readablesKind}}, "r.yml", 1, "100001", nil},
		{"readable duplicate", false, []file{{"a.yml", ok, errorsKind}, {"r.yml", "100001: \"x\"\n100001: \"y\"\n", readablesKind}}, "r.yml", 2, "100001", ErrDuplicate},
		{"value is a number", false, []file{{"a.yml", "E100001: 42\n", errorsKind}}, "a.yml", 1, "E100001", ErrValue},
		{"value is a boolean", false, []file{{"a.yml", ok + "E100002: true\n", errorsKind}}, "a.yml", 2, "E100002", ErrValue},
		{"value is missing", false, []file{{"a.yml", "E100001:\n", errorsKind}}, "a.yml", 1, "E100001", ErrValue},
		{"value is a mapping", false, []file{{"a.yml", "E100001:\n  en: \"x\"\n", errorsKind}}, "a.yml", 2, "E100001", ErrValue},
		{"value is a list", false, []file{{"a.yml", "E100001:\n  - \"x\"\n", errorsKind}}, "a.yml", 2, "E100001", ErrValue},
		{"value is a timestamp", false, []file{{"a.yml", "E100001: 2021-01-01\n", errorsKind}}, "a.yml", 1, "E100001", ErrValue},
		{"key is a list", false, []file{{"a.yml", "? [a, b]\n: \"x\"\n", errorsKind}}, "a.yml", 1, "", ErrKey},
		{"invalid yaml", false, []file{{"a.yml", ok + "E100002: \"x\n  bad: [\n", errorsKind}}, "a.yml", 2, "", nil},
		{"tab indentation", false, []file{{"a.yml", "E100001:\n\t\"x\"\n", errorsKind}}, "a.yml", 2, "", nil},
		{"empty file", false, []file{{"a.yml", "", errorsKind}}, "a.yml", 1, "", ErrEmpty},
		{"blank file", false, []file{{"a.yml", "  \n\n", errorsKind}}, "a.yml", 1, "", ErrEmpty},
		{"comments only", false, []file{{"a.yml", "# nothing yet\n", errorsKind}}, "a.yml", 1, "", ErrEmpty},
		{"empty mapping", false, []file{{"a.yml", "{}\n", errorsKind}}, "a.yml", 1, "", ErrEmpty},
		{"top level list", false, []file{{"a.yml", "- E100001: \"x\"\n", errorsKind}}, "a.yml", 1, "", ErrShape},
		{"top level scalar", false, []file{{"a.yml", "just text\n", errorsKind}}, "a.yml", 1, "", ErrShape},
		// Nothing after a "---" may be dropped: the file is refused at the
		// line of the second document, whatever it holds.
		{"second document", false, []file{{"a.yml", ok + "---\nE100002: \"lost\"\n", errorsKind}}, "a.yml", 2, "", ErrDocuments},
		{"second document after comments", false, []file{{"a.yml", "# a\n---\n# b\n---\nE100002: \"x\"\n", errorsKind}}, "a.yml", 4, "", ErrDocuments},
		{"empty second document", false, []file{{"a.yml", ok + "---\n", errorsKind}}, "a.yml", 2, "", ErrDocuments},
		{"document end, then another", false, []file{{"a.yml", ok + "...\n---\nE100002: \"x\"\n", errorsKind}}, "a.yml", 3, "", ErrDocuments},
		{"second document malformed", false, []file{{"a.yml", ok + "---\n\nE100002: [\n", errorsKind}}, "a.yml", 4, "", nil},
		{"readable second document", false, []file{{"a.yml", ok, errorsKind}, {"r.yml", "100001: \"x\"\n\n---\n100001: \"y\"\n", readablesKind}}, "r.yml", 3, "", ErrDocuments},
		{"explicit null document", false, []file{{"a.yml", "---\n", errorsKind}}, "a.yml", 1, "", ErrEmpty},
		{"readable plural map", false, []file{{"a.yml", ok, errorsKind}, {"r.yml", "100001:\n  other: \"x\"\n", readablesKind}}, "r.yml", 2, "100001", ErrValue},
		// A readable text may use only the arguments of its code's template.
		{"readable uses an argument the template lacks", false, []file{{"a.yml", ok, errorsKind}, {"r.yml", "100001: \"{0} and {5}\"\n", readablesKind}}, "r.yml", 1, "100001", ErrArgs},
		{"readable uses an argument of a template without any", false, []file{{"a.yml", "E100001: \"plain\"\n", errorsKind}, {"r.yml", "100001: \"{0}\"\n", readablesKind}}, "r.yml", 1, "100001", ErrArgs},
		{"readable choice uses an argument the template lacks", false, []file{{"a.yml", ok, errorsKind}, {"r.yml", "100001: \"{0,choice,0#none|1#{1}}\"\n", readablesKind}}, "r.yml", 1, "100001", ErrArgs},
	}
	if len(cases) < 25 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cat, err := loadFiles(t, tc.framework, tc.files)
			if err == nil {
				t.Fatalf("loaded without error: %v", cat)
			}
			if cat != nil {
				t.Errorf("a failed load returned a catalog")
			}
			ps := Problems(err)
			if len(ps) == 0 {
				t.Fatalf("no LoadError in %v", err)
			}
			p := ps[0]
			if p.File != tc.file || p.Line != tc.line || p.Key != tc.key {
				t.Errorf("problem at %s:%d key %q, want %s:%d key %q (%v)", p.File, p.Line, p.Key, tc.file, tc.line, tc.key, p)
			}
			msg := err.Error()
			if want := tc.file + ":" + strconv.Itoa(tc.line); !strings.Contains(msg, want) {
				t.Errorf("error %q does not name %s", msg, want)
			}
			if tc.key != "" && !strings.Contains(msg, "key "+tc.key) {
				t.Errorf("error %q does not name key %s", msg, tc.key)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", msg, tc.is)
			}
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	_, err := loadFiles(t, false, []file{
		{"a.yml", "E1: \"{0\"\nE2: 5\nE3: \"fine\"\nX4: \"x\"\n", errorsKind},
		{"r.yml", "9: \"unknown\"\n3: \"known\"\n", readablesKind},
	})
	var lines []string
	for _, p := range Problems(err) {
		lines = append(lines, p.File+":"+strconv.Itoa(p.Line)+":"+p.Key)
	}
	want := "a.yml:1:E1 a.yml:2:E2 a.yml:4:X4 r.yml:1:9"
	if got := strings.Join(lines, " "); got != want {
		t.Errorf("problems = %s, want %s", got, want)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(WithoutFramework(), ErrorFile(filepath.Join(t.TempDir(), "absent.yml")))
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "absent.yml") {
		t.Errorf("err = %v, want a not-exist error naming the file", err)
	}
}

func TestOverrideFramework(t *testing.T) {
	cat, err := loadFiles(t, true, []file{{"a.yml", "W11003: \"mine {0}\"\n", errorsKind}, {"r.yml", "11003: \"readable {0}\"\n", readablesKind}}, AllowOverride())
	if err != nil {
		t.Fatal(err)
	}
	e, ok := cat.Lookup(-11003)
	if !ok || e.Framework || e.Level != LevelWarn || e.File != "a.yml" {
		t.Fatalf("entry = %+v", e)
	}
	if got, _ := e.Format(7); got != "mine 7" {
		t.Errorf("Format = %q", got)
	}
	if r, ok := cat.Readable(-11003); !ok || r.Source() != "readable {0}" {
		t.Errorf("readable = %+v", r)
	}
}

func TestUserFilesExtendFramework(t *testing.T) {
	cat, err := loadFiles(t, true, []file{
		{"app-error.yml", "E100001: \"Order {0} of {1,number,integer} items is late\"\nI100002: \"noted\"\n", errorsKind},
		{"app-readible.yml", "100001: \"Your order {0} is late\"\n", readablesKind},
	})
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := Load()
	if cat.Len() != fw.Len()+2 {
		t.Errorf("Len = %d, want framework %d + 2", cat.Len(), fw.Len())
	}
	e, _ := cat.Lookup(-100001)
	if got, err := e.Format("A-1", 1234); err != nil || got != "Order A-1 of 1,234 items is late" {
		t.Errorf("Format = %q, %v", got, err)
	}
	if e, _ := cat.Lookup(-100002); e.Level != LevelInfo || e.Line != 2 {
		t.Errorf("I100002 = %+v", e)
	}
	if r, _ := cat.Readable(-100001); r.File != "app-readible.yml" {
		t.Errorf("readable from %s", r.File)
	}
	// Each error template links to its own catalog's readable text.
	r, _ := cat.Readable(-100001)
	if e.Readable() != r.Template || r.Template == nil {
		t.Errorf("E100001 links to %p, its readable text is %p", e.Readable(), r.Template)
	}
	if e, _ := cat.Lookup(-100002); e.Readable() != nil {
		t.Errorf("E100002 has no readable text, links to %q", e.Readable().Source())
	}
	if r.Readable() != nil {
		t.Error("a readable text links to another")
	}
	fe, _ := fw.Lookup(-60010)
	ce, _ := cat.Lookup(-60010)
	if fe.Readable() == nil || fe.Readable() == ce.Readable() {
		t.Errorf("two loads share a readable link: %p, %p", fe.Readable(), ce.Readable())
	}
}

func TestFrameworkCatalogLoads(t *testing.T) {
	cat, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if cat.Len() < 200 {
		t.Errorf("framework catalog has %d templates", cat.Len())
	}
	if FrameworkError() != nil {
		t.Errorf("FrameworkError = %v", FrameworkError())
	}
	for _, code := range cat.ReadableCodes() {
		if _, ok := cat.Lookup(code); !ok {
			t.Errorf("readable %d has no template", code)
		}
	}
}

// zeroCatalog is Zero's own vertx-error.yml, kept outside the repository.
const zeroCatalog = "../../../shared/reference/zero-vertx-error.yml"

func TestZeroCatalogLoadsUnchanged(t *testing.T) {
	if _, err := os.Stat(zeroCatalog); err != nil {
		t.Skip("Zero's catalog is not beside the repository:", err)
	}
	cat, err := Load(WithoutFramework(), ErrorFile(zeroCatalog))
	if err != nil {
		t.Fatal(err)
	}
	if cat.Len() != 270 {
		t.Errorf("loaded %d keys, want 270", cat.Len())
	}
	// On top of the framework catalog it loads only with AllowOverride,
	// since both define Zero's codes.
	if _, err := Load(ErrorFile(zeroCatalog)); !errors.Is(err, ErrFrameworkCode) {
		t.Errorf("loading over the framework without AllowOverride: %v", err)
	}
	if _, err := Load(ErrorFile(zeroCatalog), AllowOverride()); err != nil {
		t.Errorf("with AllowOverride: %v", err)
	}
	// E80306 is its one slf4j-style template: {} takes the argument, and
	// the MessageFormat quote '' stays as written.
	e, ok := cat.Lookup(-80306)
	if !ok {
		t.Fatal("E80306 missing")
	}
	got, err := e.Format("user-1")
	want := strings.Replace(e.Source(), "{}", "user-1", 1)
	if err != nil || got != want || !strings.Contains(got, "''") {
		t.Errorf("E80306 = %q, %v; want %q", got, err, want)
	}
}

func TestSlf4jTemplates(t *testing.T) {
	cases := []struct {
		source string
		args   []any
		want   string
		count  int
	}{
		{"a {} b {}", []any{1, "x"}, "a 1 b x", 2},
		{"a {} b {}", []any{1}, "a 1 b {}", 2},
		{"a {}", []any{1, 2, 3}, "a 1", 1},
		{`esc \{} {}`, []any{"v"}, "esc {} v", 1},
		{`path C:\\{}`, []any{"dir"}, `path C:\dir`, 1},
		{"{}{}", []any{nil, true}, "nulltrue", 2},
		{"it''s {}", []any{int64(-5)}, "it''s -5", 1},
		{"n={}", []any{1234567}, "n=1234567", 1},
		{"d={}", []any{3.0}, "d=3.0", 1},
		{"d={}", []any{1e10}, "d=1.0E10", 1},
		{"d={}", []any{0.00012}, "d=1.2E-4", 1},
		{"d={}", []any{float32(0.1)}, "d=0.1", 1},
	}
	for _, tc := range cases {
		tpl, err := Compile("en-US", tc.source)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := tpl.Format(tc.args...); got != tc.want {
			t.Errorf("%q %v = %q, want %q", tc.source, tc.args, got, tc.want)
		}
		if tpl.ArgCount() != tc.count {
			t.Errorf("%q ArgCount = %d, want %d", tc.source, tpl.ArgCount(), tc.count)
		}
	}
}

func TestLocale(t *testing.T) {
	cat, err := loadFiles(t, false, []file{{"a.yml", "E1: \"{0,number,#,##0.00}\"\n", errorsKind}}, WithLocale("de-DE"))
	if err != nil {
		t.Fatal(err)
	}
	e, _ := cat.Lookup(-1)
	if got, _ := e.Format(1234.5); got != "1.234,50" || cat.Locale() != "de-DE" {
		t.Errorf("de-DE: %q (%s)", got, cat.Locale())
	}
}

func TestHotReload(t *testing.T) {
	prev := Current()
	t.Cleanup(func() { Swap(prev) })
	a, err := loadFiles(t, false, []file{{"a.yml", "E1: \"a {0}\"\n", errorsKind}})
	if err != nil {
		t.Fatal(err)
	}
	b, err := loadFiles(t, false, []file{{"b.yml", "E1: \"b {0}\"\n", errorsKind}})
	if err != nil {
		t.Fatal(err)
	}
	Swap(a)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				e, ok := Current().Lookup(-1)
				if !ok {
					t.Error("E1 vanished during a swap")
					return
				}
				if s, _ := e.Format("x"); s != "a x" && s != "b x" {
					t.Errorf("torn message %q", s)
					return
				}
			}
		}()
	}
	for i := range 200 {
		if i%2 == 0 {
			Swap(b)
		} else {
			Swap(a)
		}
	}
	close(stop)
	wg.Wait()

	// A failed reload leaves the catalog in force alone.
	Swap(a)
	if _, err := Reload(WithoutFramework(), ErrorFile(filepath.Join(t.TempDir(), "none.yml"))); err == nil {
		t.Fatal("Reload of a missing file succeeded")
	}
	if Current() != a {
		t.Error("a failed Reload replaced the catalog")
	}
}

// TestOneProblemPerDefect: a template that fails to load is reported where
// it is, and its readable text is not reported a second time as a text
// for an unknown code, which would send the reader to the wrong file.
func TestOneProblemPerDefect(t *testing.T) {
	cases := []struct {
		name  string
		files []file
		want  error // the one problem's cause; nil for a compiler error
	}{
		{"template does not compile", []file{{"e.yml", "E100001: \"broken {0\"\n", errorsKind}, {"r.yml", "100001: \"fine\"\n", readablesKind}}, nil},
		{"template under a second prefix", []file{{"e.yml", "E100002: \"x\"\nW100002: \"y\"\n", errorsKind}, {"r.yml", "100002: \"fine\"\n", readablesKind}}, ErrDuplicate},
		{"template is not a string", []file{{"e.yml", "E100003: \"x\"\nE100004: [1]\n", errorsKind}, {"r.yml", "100003: \"a\"\n100004: \"b\"\n", readablesKind}}, ErrValue},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadFiles(t, false, tc.files)
			ps := Problems(err)
			if len(ps) != 1 {
				t.Fatalf("%d problems, want 1: %v", len(ps), err)
			}
			if ps[0].File != "e.yml" || errors.Is(err, ErrUnknownCode) {
				t.Errorf("problem %v, want one in e.yml and no unknown code", ps[0])
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("problem %v is not %v", ps[0], tc.want)
			}
		})
	}
	// A text for a code no file names at all is still reported.
	_, err := loadFiles(t, false, []file{{"e.yml", "E100001: \"broken {0\"\n", errorsKind}, {"r.yml", "100009: \"orphan\"\n", readablesKind}})
	if !errors.Is(err, ErrUnknownCode) || len(Problems(err)) != 2 {
		t.Errorf("orphan text beside a broken template: %v", err)
	}
}

// A loaded catalog keeps its entries, templates and texts in one block
// of memory each: the garbage collector traces a handful of objects, not
// one per entry, key and text.
func TestLoadPacksEntries(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var entries, templates []uintptr
	var keys, sources []string
	for _, m := range []map[int]*Entry{c.errors, c.readable} {
		for _, e := range m {
			entries = append(entries, uintptr(unsafe.Pointer(e)))
			templates = append(templates, uintptr(unsafe.Pointer(e.Template)))
			keys = append(keys, e.Key)
			if e.msg == nil { // a compiled message keeps its source where it was
				sources = append(sources, e.Source())
			}
		}
	}
	if len(entries) < 100 {
		t.Fatalf("%d entries", len(entries))
	}
	// Packed, n things of one size span n times that size; scattered over
	// the heap, far more.
	contiguous := func(what string, ps []uintptr, size uintptr) {
		if span := slices.Max(ps) - slices.Min(ps) + size; span != uintptr(len(ps))*size {
			t.Errorf("%d %s span %d bytes, %d each", len(ps), what, span, size)
		}
	}
	contiguous("entries", entries, unsafe.Sizeof(Entry{}))
	contiguous("templates", templates, unsafe.Sizeof(Template{}))
	within := func(what string, texts []string) {
		var lo, hi, total uintptr
		for _, s := range texts {
			if s == "" {
				continue
			}
			p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
			if lo == 0 || p < lo {
				lo = p
			}
			hi = max(hi, p+uintptr(len(s)))
			total += uintptr(len(s))
		}
		if hi-lo > total {
			t.Errorf("%d %s span %d bytes, %d in all", len(texts), what, hi-lo, total)
		}
	}
	within("keys", keys)
	within("sources", sources)
}
