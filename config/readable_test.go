package config_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/config"
	"github.com/zeroport/zerofault/zero/catalog"
)

// zhFile is the Simplified Chinese overlay of config.ReadableFile.
const zhFile = "vertx-readible.zh-CN.yml"

// seedCatalog is Zero's catalog as facts; it lives outside the repository.
var seedCatalog = filepath.Join("..", "..", "shared", "reference", "zero-seed-catalog.tsv")

// text is one readable text of a catalog file, in file order.
type text struct {
	key, value string
	line       int
}

// readTexts reads a readable catalog from config.FS as an ordered list of
// double-quoted string values under bare numeric keys.
func readTexts(t *testing.T, name string) []text {
	t.Helper()
	data, err := config.FS.ReadFile(name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s is not valid YAML: %v", name, err)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		t.Fatalf("%s: expected a single mapping", name)
	}
	root := doc.Content[0]
	var out []text
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if _, err := strconv.Atoi(k.Value); err != nil || k.Kind != yaml.ScalarNode {
			t.Errorf("%s:%d: key %q is not a bare code", name, k.Line, k.Value)
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" || v.Style != yaml.DoubleQuotedStyle {
			t.Errorf("%s:%d: value of %s is not a double-quoted string", name, v.Line, k.Value)
			continue
		}
		out = append(out, text{key: k.Value, value: v.Value, line: k.Line})
	}
	if len(out) == 0 {
		t.Fatalf("%s holds no texts", name)
	}
	return out
}

// byKey indexes texts by key.
func byKey(texts []text) map[string]text {
	m := make(map[string]text, len(texts))
	for _, x := range texts {
		m[x.key] = x
	}
	return m
}

// webFamily returns the codes (bare, e.g. "60010") and classes of the seed
// rows of the web family: go_dir webexc, plugins/* or ext/*.
func webFamily(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(seedCatalog)
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("seed catalog not available")
	}
	if err != nil {
		t.Fatalf("read %s: %v", seedCatalog, err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	col := map[string]int{}
	for i, h := range strings.Split(lines[0], "\t") {
		col[h] = i
	}
	for _, h := range []string{"code", "zero_class", "go_dir"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("%s has no column %s", seedCatalog, h)
		}
	}
	out := map[string][]string{}
	for _, line := range lines[1:] {
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) <= max(col["code"], col["zero_class"], col["go_dir"]) {
			t.Fatalf("%s: short row %q", seedCatalog, line)
		}
		dir := f[col["go_dir"]]
		if dir != "webexc" && !strings.HasPrefix(dir, "plugins/") && !strings.HasPrefix(dir, "ext/") {
			continue
		}
		code := strings.TrimPrefix(f[col["code"]], "-")
		out[code] = append(out[code], f[col["zero_class"]])
	}
	if len(out) == 0 {
		t.Fatalf("%s lists no web-family exception", seedCatalog)
	}
	return out
}

func TestReadableCoversWebFamily(t *testing.T) {
	family := webFamily(t)
	for _, name := range []string{config.ReadableFile, zhFile} {
		have := byKey(readTexts(t, name))
		for code, classes := range family {
			if _, ok := have[code]; !ok {
				t.Errorf("%s: no text for -%s %s", name, code, strings.Join(classes, ", "))
			}
		}
	}
}

func TestReadableChineseKeysMatchEnglish(t *testing.T) {
	en := readTexts(t, config.ReadableFile)
	zh := readTexts(t, zhFile)
	enKeys, zhKeys := byKey(en), byKey(zh)
	for _, x := range en {
		if _, ok := zhKeys[x.key]; !ok {
			t.Errorf("%s:%d: %s has no Chinese text in %s", config.ReadableFile, x.line, x.key, zhFile)
		}
	}
	for _, x := range zh {
		if _, ok := enKeys[x.key]; !ok {
			t.Errorf("%s:%d: %s has no English text in %s", zhFile, x.line, x.key, config.ReadableFile)
		}
	}
	if t.Failed() {
		return
	}
	// Same keys: then also the same order, so the files read side by side.
	for i := range en {
		if i < len(zh) && en[i].key != zh[i].key {
			t.Errorf("%s:%d: key %s stands where %s has %s (line %d); keep the same order",
				zhFile, zh[i].line, zh[i].key, config.ReadableFile, en[i].key, en[i].line)
			break
		}
	}
	if len(en) != len(zh) {
		t.Errorf("%s has %d texts, %s has %d (a key is repeated)", config.ReadableFile, len(en), zhFile, len(zh))
	}
}

// argIndices returns the sorted distinct argument indices a compiled
// template formats. It formats with a marker string per argument and looks
// for the markers, so quoting and escapes are judged by the real formatter.
// An index at or beyond n is not seen; check ArgCount for those.
func argIndices(tpl *catalog.Template, n int) ([]int, error) {
	args := make([]any, n)
	for i := range args {
		args[i] = "\x00ARG" + strconv.Itoa(i) + "\x00"
	}
	out, err := tpl.Format(args...)
	if err != nil {
		return nil, err
	}
	var idx []int
	for i, a := range args {
		if strings.Contains(out, a.(string)) {
			idx = append(idx, i)
		}
	}
	return idx, nil
}

func TestArgIndices(t *testing.T) {
	cases := []struct {
		src  string
		want []int
	}{
		{"plain", nil},
		{"{1} and {0}, again {1}", []int{0, 1}},
		{"it''s {2}", []int{2}},
		{"quoted '{0}' and {1}", []int{1}},
		{"字段{0}无效。", []int{0}},
	}
	for _, c := range cases {
		tpl, err := catalog.Compile("en", c.src)
		if err != nil {
			t.Fatalf("Compile(%q): %v", c.src, err)
		}
		got, err := argIndices(tpl, 3)
		if err != nil {
			t.Fatalf("format %q: %v", c.src, err)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("argIndices(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

// errorTemplates reads vertx-error.yml into bare code → template source.
func errorTemplates(t *testing.T) map[string]string {
	t.Helper()
	data, err := config.FS.ReadFile(config.ErrorFile)
	if err != nil {
		t.Fatalf("read %s: %v", config.ErrorFile, err)
	}
	var m map[string]string
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", config.ErrorFile, err)
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[strings.TrimLeft(k, "EWI")] = v
	}
	return out
}

func TestReadableArguments(t *testing.T) {
	templates := errorTemplates(t)
	files := []struct{ name, locale string }{
		{config.ReadableFile, "en"},
		{zhFile, "zh-CN"},
	}
	used := map[string]map[string][]int{} // file → key → indices
	for _, f := range files {
		used[f.name] = map[string][]int{}
		for _, x := range readTexts(t, f.name) {
			src, ok := templates[x.key]
			if !ok {
				t.Errorf("%s:%d: %s has no template in %s", f.name, x.line, x.key, config.ErrorFile)
				continue
			}
			sys, err := catalog.Compile("en", src)
			if err != nil {
				t.Errorf("%s: template of %s does not compile: %v", config.ErrorFile, x.key, err)
				continue
			}
			tpl, err := catalog.Compile(f.locale, x.value)
			if err != nil {
				t.Errorf("%s:%d: %s does not compile: %v", f.name, x.line, x.key, err)
				continue
			}
			if tpl.ArgCount() > sys.ArgCount() {
				t.Errorf("%s:%d: %s uses {%d}, but the exception passes %d argument(s)",
					f.name, x.line, x.key, tpl.ArgCount()-1, sys.ArgCount())
				continue
			}
			idx, err := argIndices(tpl, sys.ArgCount())
			if err != nil {
				t.Errorf("%s:%d: %s does not format with string arguments: %v", f.name, x.line, x.key, err)
				continue
			}
			used[f.name][x.key] = idx
		}
	}
	en, zh := used[config.ReadableFile], used[zhFile]
	for key, e := range en {
		if z, ok := zh[key]; ok && !slices.Equal(e, z) {
			t.Errorf("%s: English text uses arguments %v, Chinese text %v", key, e, z)
		}
	}
}

// sentencePunct are the ASCII marks a Chinese sentence must write full-width.
const sentencePunct = ",.;:!?"

// asciiPunctInChinese reports ASCII sentence punctuation in a Chinese text:
// a mark that follows or precedes a Han character (spaces aside), or ends
// the text. "1.5" or "v2.0" inside a sentence pass.
func asciiPunctInChinese(s string) []string {
	r := []rune(s)
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(r); j += step {
			if !unicode.IsSpace(r[j]) {
				return r[j]
			}
		}
		return 0
	}
	var bad []string
	for i, c := range r {
		if !strings.ContainsRune(sentencePunct, c) {
			continue
		}
		prev, next := neighbour(i, -1), neighbour(i, +1)
		if unicode.Is(unicode.Han, prev) || unicode.Is(unicode.Han, next) || next == 0 {
			bad = append(bad, fmt.Sprintf("%q at rune %d", c, i))
		}
	}
	return bad
}

func TestAsciiPunctInChinese(t *testing.T) {
	for s, want := range map[string]bool{
		"请稍后再试。":        false,
		"版本1.5已过期，请更新。": false,
		"字段{0}无效，请重试。":  false,
		"出错了,请重试。":      true,
		"请重试.":          true,
		"请重试 !":         true,
		"字段{0}.":        true,
		"注意:字段无效。":      true,
	} {
		if got := len(asciiPunctInChinese(s)) > 0; got != want {
			t.Errorf("asciiPunctInChinese(%q) found = %v, want %v", s, got, want)
		}
	}
}

func TestReadableChineseWriting(t *testing.T) {
	for _, x := range readTexts(t, zhFile) {
		if !strings.ContainsFunc(x.value, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s:%d: %s has no Chinese characters: %q", zhFile, x.line, x.key, x.value)
		}
		if bad := asciiPunctInChinese(x.value); len(bad) > 0 {
			t.Errorf("%s:%d: %s uses ASCII punctuation (%s); write it full-width: %q",
				zhFile, x.line, x.key, strings.Join(bad, ", "), x.value)
		}
	}
}

// TestReadableNoInternals keeps implementation words out of end-user texts.
func TestReadableNoInternals(t *testing.T) {
	words := []string{"exception", "java", "null", "stack", "sql", "rpc", "jwt", "class"}
	for _, name := range []string{config.ReadableFile, zhFile} {
		for _, x := range readTexts(t, name) {
			lower := strings.ToLower(x.value)
			for _, w := range words {
				if strings.Contains(lower, w) {
					t.Errorf("%s:%d: %s mentions %q, an internal detail: %q", name, x.line, x.key, w, x.value)
				}
			}
		}
	}
}

// TestReadableChineseLoads loads the Chinese overlay through the catalog
// loader, as an application serving zh-CN would.
func TestReadableChineseLoads(t *testing.T) {
	c, err := catalog.Load(
		catalog.ReadableFS(config.FS, zhFile),
		catalog.WithLocale("zh-CN"),
		catalog.AllowOverride(),
	)
	if err != nil {
		t.Fatalf("load %s: %v", zhFile, err)
	}
	e, ok := c.Readable(-60010)
	if !ok || e.File != zhFile {
		t.Fatalf("Readable(-60010) = %+v, %v; want the text of %s", e, ok, zhFile)
	}
}
