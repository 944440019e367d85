package readable

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/zeroport/zerofault/config"
	"github.com/zeroport/zerofault/zero/catalog"
	"github.com/zeroport/zerofault/zero/msgfmt"
)

// testdata holds the test overlays: de, de-CH, ru and pl at the top, an
// application's en and zh-CN files in app/.
var testdata = os.DirFS("testdata")

// loadTest loads the framework overlays plus every test overlay.
func loadTest(t testing.TB, opts ...Option) *Bundle {
	t.Helper()
	b, err := Load(append([]Option{
		Glob(testdata, "app/vertx-readible*.yml"),
		Glob(testdata, "vertx-readible.*.yml"),
	}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFrameworkOverlays(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := FrameworkError(); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range b.Languages() {
		names = append(names, l.String())
	}
	if got := strings.Join(names, " "); !strings.HasPrefix(got, config.ReadableLanguage+" ") || !strings.Contains(got, "zh-CN") {
		t.Errorf("languages = %q, want %s first and zh-CN", got, config.ReadableLanguage)
	}
	if b.Default().String() != config.ReadableLanguage {
		t.Errorf("default = %s", b.Default())
	}
	// The default language holds exactly the catalog's readable texts.
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	en := b.Default()
	for _, code := range cat.ReadableCodes() {
		e, _ := cat.Readable(code)
		if !b.Has(en, code) {
			t.Errorf("%d: no text in %s", code, en)
			continue
		}
		want, err := e.Format("A", "B", "C")
		got, _, _ := b.Text(en, code, "A", "B", "C")
		if err == nil && got != want {
			t.Errorf("%d: %q, want the catalog's %q", code, got, want)
		}
	}
	if n := len(b.langs[0].texts()); n != len(cat.ReadableCodes()) {
		t.Errorf("%d texts in %s, catalog has %d", n, en, len(cat.ReadableCodes()))
	}
	// Every translation names codes with an error template.
	for _, l := range b.langs[1:] {
		for code := range l.texts() {
			if _, ok := cat.Lookup(code); !ok {
				t.Errorf("%s: %d has no error template", l.name, code)
			}
		}
	}
	if _, err := Load(Check(cat)); err != nil {
		t.Errorf("framework overlays fail Check: %v", err)
	}
}

func TestCurrentAndSwap(t *testing.T) {
	fw := Current()
	if fw == nil || Current() != fw {
		t.Fatal("Current is not stable")
	}
	b := loadTest(t)
	if prev := Swap(b); prev != fw {
		t.Error("Swap did not return the previous bundle")
	}
	t.Cleanup(func() { Swap(fw) })
	if Current() != b {
		t.Error("Swap did not install the bundle")
	}
	if Swap(nil) != b || Current() != b {
		t.Error("Swap(nil) changed the bundle")
	}
}

func TestUserFilesOverrideAndExtend(t *testing.T) {
	b := loadTest(t)
	fw, _ := Load()
	en, zh := b.Default(), b.Match("zh-CN")
	if got, _, _ := b.Text(en, -60010); got != "Nothing lives at this address." {
		t.Errorf("reworded en text = %q", got)
	}
	want, _, _ := fw.Text(zh, -60010)
	if got, _, _ := b.Text(zh, -60010); got != want {
		t.Errorf("zh-CN text = %q, want the framework's %q", got, want)
	}
	if got, _, _ := b.Text(zh, -100002, 3, 1234.5); got != "购物车中有3件商品，共1,234.50欧元。" {
		t.Errorf("added zh-CN text = %q", got)
	}
	// A framework code the application does not touch keeps its text.
	want, _, _ = fw.Text(en, -60012)
	if got, _, _ := b.Text(en, -60012); got != want || got == "" {
		t.Errorf("untouched text = %q, want %q", got, want)
	}
	// The go-i18n bundle holds the same languages.
	if n, m := len(b.Bundle().LanguageTags()), len(b.Languages()); n != m {
		t.Errorf("go-i18n bundle has %d languages, readable %d", n, m)
	}
}

func TestDefaultLanguageOption(t *testing.T) {
	app := fstest.MapFS{
		"texts.yml":    {Data: []byte("100001: \"Bestellung {0} fehlt.\"\n")},
		"texts.en.yml": {Data: []byte("100001: \"Order {0} is missing.\"\n")},
	}
	b, err := Load(WithoutFramework(), DefaultLanguage("de"), FS(app, "texts.yml"), FS(app, "texts.en.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if d := b.Default().String(); d != "de" {
		t.Fatalf("default = %s", d)
	}
	if got := b.Localize(-100001, []any{"A-1"}, "ja"); got != "Bestellung A-1 fehlt." {
		t.Errorf("fallback to the default = %q", got)
	}
	if got := b.Localize(-100001, []any{"A-1"}, "en-US"); got != "Order A-1 is missing." {
		t.Errorf("en = %q", got)
	}
	if _, err := Load(DefaultLanguage("not a tag!")); !errors.Is(err, ErrLanguage) {
		t.Errorf("bad default language: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	const ok = "100001: \"fine\"\n"
	cases := []struct {
		name  string
		files map[string]string // loaded in name order
		opts  []Option
		file  string
		line  int
		key   string
		is    error
	}{
		{"duplicate key", map[string]string{"a.yml": ok + "100001: \"again\"\n"}, nil, "a.yml", 2, "100001", catalog.ErrDuplicate},
		{"duplicate code spelt twice", map[string]string{"a.yml": ok + "0100001: \"again\"\n"}, nil, "a.yml", 2, "0100001", catalog.ErrDuplicate},
		{"same key in two user files", map[string]string{"a.yml": ok, "b.yml": "# b\n" + ok}, nil, "b.yml", 2, "100001", catalog.ErrDuplicate},
		{"same key in two files of one language", map[string]string{"a.de.yml": ok, "b.de.yml": ok}, nil, "b.de.yml", 1, "100001", catalog.ErrDuplicate},
		{"key with prefix", map[string]string{"a.yml": "E100001: \"x\"\n"}, nil, "a.yml", 1, "E100001", catalog.ErrKey},
		{"code zero", map[string]string{"a.yml": ok + "0: \"x\"\n"}, nil, "a.yml", 2, "0", catalog.ErrKey},
		{"code out of range", map[string]string{"a.yml": "99999999999: \"x\"\n"}, nil, "a.yml", 1, "99999999999", catalog.ErrKey},
		{"key is a list", map[string]string{"a.yml": "? [a, b]\n: \"x\"\n"}, nil, "a.yml", 1, "", catalog.ErrKey},
		{"bad template", map[string]string{"a.yml": ok + "100002: \"it is {0\"\n"}, nil, "a.yml", 2, "100002", nil},
		{"bad template in a plural form", map[string]string{"a.yml": "100001:\n  one: \"ok {0}\"\n  other: \"{0,number,#.#.#}\"\n"}, nil, "a.yml", 3, "100001", nil},
		{"value is a number", map[string]string{"a.yml": "100001: 42\n"}, nil, "a.yml", 1, "100001", catalog.ErrValue},
		{"value is a list", map[string]string{"a.yml": "100001:\n  - \"x\"\n"}, nil, "a.yml", 2, "100001", catalog.ErrValue},
		{"value is missing", map[string]string{"a.yml": "100001:\n"}, nil, "a.yml", 1, "100001", catalog.ErrValue},
		{"plural without other", map[string]string{"a.yml": ok + "100002:\n  one: \"x\"\n"}, nil, "a.yml", 2, "100002", ErrPlural},
		{"unknown plural category", map[string]string{"a.yml": "100001:\n  single: \"x\"\n  other: \"y\"\n"}, nil, "a.yml", 2, "100001", ErrPlural},
		{"plural category twice", map[string]string{"a.yml": "100001:\n  one: \"x\"\n  one: \"y\"\n  other: \"z\"\n"}, nil, "a.yml", 3, "100001", catalog.ErrDuplicate},
		{"plural form is a number", map[string]string{"a.yml": "100001:\n  one: 1\n  other: \"z\"\n"}, nil, "a.yml", 2, "100001", catalog.ErrValue},
		{"count is text", map[string]string{"a.yml": "100001:\n  count: first\n  other: \"z\"\n"}, nil, "a.yml", 2, "100001", ErrPlural},
		{"count is negative", map[string]string{"a.yml": "100001:\n  other: \"z\"\n  count: -1\n"}, nil, "a.yml", 3, "100001", ErrPlural},
		{"count is too large", map[string]string{"a.yml": "100001:\n  other: \"z\"\n  count: 10000\n"}, nil, "a.yml", 3, "100001", ErrPlural},
		{"invalid yaml", map[string]string{"a.yml": ok + "100002: \"x\n  bad: [\n"}, nil, "a.yml", 2, "", nil},
		{"empty file", map[string]string{"a.yml": ""}, nil, "a.yml", 1, "", catalog.ErrEmpty},
		{"comments only", map[string]string{"a.yml": "# nothing\n"}, nil, "a.yml", 1, "", catalog.ErrEmpty},
		{"empty mapping", map[string]string{"a.yml": "{}\n"}, nil, "a.yml", 1, "", catalog.ErrEmpty},
		{"top level list", map[string]string{"a.yml": "- 100001: \"x\"\n"}, nil, "a.yml", 1, "", catalog.ErrShape},
		{"name with a bad tag", map[string]string{"a.zz-!!.yml": ok}, nil, "a.zz-!!.yml", 0, "", ErrLanguage},
		{"language without plural rules", map[string]string{"a.tlh.yml": ok}, nil, "a.tlh.yml", 0, "", ErrLanguage},
		{"code without template", map[string]string{"a.yml": "60010: \"ok\"\n100001: \"no such code\"\n"}, []Option{Check(mustCatalog(t))}, "a.yml", 2, "100001", catalog.ErrUnknownCode},
		// Nothing after a "---" may be dropped: the file is refused at the
		// line of the second document, whatever it holds.
		{"second document", map[string]string{"a.yml": ok + "---\n100002: \"lost\"\n"}, nil, "a.yml", 2, "", catalog.ErrDocuments},
		{"second document after comments", map[string]string{"a.de.yml": "# de\n---\n# more\n---\n100002: \"x\"\n"}, nil, "a.de.yml", 4, "", catalog.ErrDocuments},
		{"empty second document", map[string]string{"a.yml": ok + "---\n"}, nil, "a.yml", 2, "", catalog.ErrDocuments},
		{"document end, then another", map[string]string{"a.yml": ok + "...\n---\n100002: \"x\"\n"}, nil, "a.yml", 3, "", catalog.ErrDocuments},
		{"second document malformed", map[string]string{"a.yml": ok + "---\n\n100002: [\n"}, nil, "a.yml", 4, "", nil},
		{"second document with a plural map", map[string]string{"a.ja.yml": ok + "\n\n---\n100002:\n  other: \"x\"\n"}, nil, "a.ja.yml", 4, "", catalog.ErrDocuments},
		{"explicit null document", map[string]string{"a.yml": "---\n"}, nil, "a.yml", 1, "", catalog.ErrEmpty},
		// Check holds texts to the arguments of their code's template
		// (E60010 takes two, E60007 none).
		{"text uses an argument the template lacks", map[string]string{"a.yml": "60010: \"{0} {1} {5}\"\n"}, []Option{Check(mustCatalog(t))}, "a.yml", 1, "60010", catalog.ErrArgs},
		{"text uses an argument of a template without any", map[string]string{"a.de.yml": "60008: \"Kein Satz {0}.\"\n"}, []Option{Check(mustCatalog(t))}, "a.de.yml", 1, "60008", catalog.ErrArgs},
		{"plural form uses an argument the template lacks", map[string]string{"a.ru.yml": "60010:\n  one: \"{0}\"\n  other: \"{2}\"\n"}, []Option{Check(mustCatalog(t))}, "a.ru.yml", 1, "60010", catalog.ErrArgs},
		{"plural count beyond the template's arguments", map[string]string{"a.ru.yml": "60010:\n  count: 2\n  other: \"{0}\"\n"}, []Option{Check(mustCatalog(t))}, "a.ru.yml", 1, "60010", catalog.ErrArgs},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, data := range tc.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			opts := append([]Option{Glob(fsys, "*.yml")}, tc.opts...)
			b, err := Load(opts...)
			if err == nil {
				t.Fatalf("loaded without error: %v", b)
			}
			if b != nil {
				t.Error("a failed load returned a bundle")
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
			want := tc.file
			if tc.line > 0 {
				want += ":" + strconv.Itoa(tc.line)
			}
			if !strings.Contains(msg, want) {
				t.Errorf("error %q does not name %s", msg, want)
			}
			if tc.key != "" && !strings.Contains(msg, "key "+tc.key) {
				t.Errorf("error %q does not name key %s", msg, tc.key)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %q is not %v", msg, tc.is)
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Error("errors.As finds no *LoadError")
			}
		})
	}
}

func mustCatalog(t *testing.T) *catalog.Catalog {
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestLoadReportsEveryProblem(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yml":    {Data: []byte("1: \"{0\"\n2: 5\n3: \"fine\"\nX4: \"x\"\n")},
		"a.de.yml": {Data: []byte("5:\n  one: \"x\"\n")},
	}
	_, err := Load(WithoutFramework(), FS(fsys, "a.yml"), FS(fsys, "a.de.yml"))
	var got []string
	for _, p := range Problems(err) {
		got = append(got, p.File+":"+strconv.Itoa(p.Line)+":"+p.Key)
	}
	if s, want := strings.Join(got, " "), "a.yml:1:1 a.yml:2:2 a.yml:4:X4 a.de.yml:1:5"; s != want {
		t.Errorf("problems = %s, want %s", s, want)
	}
}

func TestLoadMissingFiles(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "absent.yml")
	if _, err := Load(File(missing)); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "absent.yml") {
		t.Errorf("File: %v", err)
	}
	if _, err := Load(Glob(testdata, "nothing-*.yml")); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "nothing-*.yml") {
		t.Errorf("Glob matching nothing: %v", err)
	}
	if _, err := Load(Glob(testdata, "[")); err == nil {
		t.Error("a malformed pattern loaded")
	}
}

func TestFileOption(t *testing.T) {
	b, err := Load(WithoutFramework(), File(filepath.Join("testdata", "vertx-readible.ru.yml")))
	if err != nil {
		t.Fatal(err)
	}
	if got, l, ok := b.Text(b.Match("ru"), -60010); !ok || l.String() != "ru" || got != "Запрошенная страница не найдена." {
		t.Errorf("Text = %q, %s, %v", got, l, ok)
	}
}

// The texts are in the go-i18n bundle too, for go-i18n's own Localizer.
func TestGoI18nBundle(t *testing.T) {
	b := loadTest(t)
	tags := b.Bundle().LanguageTags()
	if len(tags) != len(b.Languages()) || tags[0] != b.Default().Tag() {
		t.Errorf("go-i18n tags = %v", tags)
	}
	loc := i18n.NewLocalizer(b.Bundle(), "ru")
	for n, want := range map[int]string{1: "1 попытка входа не удалась.", 3: "3 попытки входа не удались.", 5: "5 попыток входа не удались."} {
		got, err := loc.Localize(&i18n.LocalizeConfig{
			MessageID:      "100001",
			TemplateData:   []any{n},
			PluralCount:    n,
			TemplateParser: msgfmt.Parser{Locale: "ru"},
		})
		if err != nil || got != want {
			t.Errorf("Localizer, %d: %q, %v; want %q", n, got, err, want)
		}
		if mine := b.Localize(-100001, []any{n}, "ru"); mine != got {
			t.Errorf("Localize, %d: %q, Localizer: %q", n, mine, got)
		}
	}
}

func TestStringAndEmpty(t *testing.T) {
	b := loadTest(t)
	if s := b.String(); !strings.HasPrefix(s, "readable(en: ") || !strings.Contains(s, ", pl: 1") {
		t.Errorf("String = %q", s)
	}
	e := empty()
	if e.Localize(-60010, nil, "zh-CN") != "" || e.Default().String() != "en" || e.Match("de").String() != "en" {
		t.Errorf("empty bundle: %v", e)
	}
}

// compileAll is the unexported option that keeps every language as Load
// compiled it, for comparing with languages compiled on first use.
func compileAll(o *options) { o.compileAll = true }

// Only the default language stays compiled after Load; another compiles
// on its first use, and that one alone.
func TestLanguagesCompileOnFirstUse(t *testing.T) {
	b := loadTest(t)
	compiled := func() map[string]bool {
		m := map[string]bool{}
		for _, l := range b.langs {
			m[l.name] = l.compiled.Load()
		}
		return m
	}
	for name, ok := range compiled() {
		if ok != (name == b.Default().String()) {
			t.Errorf("after Load, %s compiled: %v", name, ok)
		}
	}
	if got, _, _ := b.Text(b.Match("de"), -60010); got == "" {
		t.Fatal("no German text for -60010")
	}
	for name, ok := range compiled() {
		if want := name == b.Default().String() || name == "de"; ok != want {
			t.Errorf("after a German text, %s compiled: %v", name, ok)
		}
	}
	if !strings.Contains(b.String(), "ja: ") || strings.Contains(b.String(), "ja: 0") {
		t.Errorf("String counts no Japanese texts before they compile: %s", b)
	}
}

// A language compiled on first use holds exactly what Load compiled and
// checked: the framework's embedded files read again, an application's
// from the bytes Load read, even after the file changed on disk.
func TestLanguagesCompiledLaterMatchLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "vertx-readible.it.yml")
	if err := os.WriteFile(path, []byte("60010: \"Non esiste: {0}.\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := []Option{
		Glob(testdata, "app/vertx-readible*.yml"),
		Glob(testdata, "vertx-readible.*.yml"),
		File(path),
	}
	eager, err := Load(append(opts, compileAll)...)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err := Load(opts...)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("60010: \"changed\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if len(lazy.langs) != len(eager.langs) {
		t.Fatalf("%d languages, %d when compiled at once", len(lazy.langs), len(eager.langs))
	}
	for i, want := range eager.langs {
		got := lazy.langs[i]
		if !reflect.DeepEqual(got.texts(), want.texts()) {
			t.Errorf("%s: the texts compiled on first use differ from Load's", got.name)
		}
		if got.count != len(want.texts()) {
			t.Errorf("%s: count %d, %d texts", got.name, got.count, len(want.texts()))
		}
	}
	if s, _, _ := lazy.Text(lazy.Match("it"), -60010, "x"); s != "Non esiste: x." {
		t.Errorf("Italian -60010 = %q, want the text Load read", s)
	}
}

// Goroutines that first use a language together compile it once and all
// get its texts.
func TestLanguageFirstUseConcurrent(t *testing.T) {
	b := loadTest(t)
	ja := b.Match("ja")
	var wg sync.WaitGroup
	texts := make([]string, 8)
	for g := range texts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			texts[g], _, _ = b.Text(ja, -60010)
		}()
	}
	wg.Wait()
	for g, s := range texts {
		if s == "" || s != texts[0] {
			t.Errorf("goroutine %d: %q, goroutine 0: %q", g, s, texts[0])
		}
	}
}
