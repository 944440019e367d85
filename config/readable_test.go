package config_test

import (
	"errors"
	"fmt"
	"maps"
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

// seedCatalog is Zero's catalog as facts; it lives outside the repository.
var seedCatalog = filepath.Join("..", "..", "shared", "reference", "zero-seed-catalog.tsv")

// text is one text of a catalog file, in file order. A readable text may
// be a map of plural forms; then forms holds them and value is "other".
// A plain string is the single form "other".
type text struct {
	key, value string
	line       int
	forms      map[string]string
}

// pluralForms are the keys a plural map may hold besides "count".
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// readMapping reads name from config.FS and returns its top-level mapping.
func readMapping(t *testing.T, name string) *yaml.Node {
	t.Helper()
	data, err := config.FS.ReadFile(name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s is not valid YAML: %v", name, err)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode || len(doc.Content[0].Content) == 0 {
		t.Fatalf("%s: expected a single non-empty mapping", name)
	}
	return doc.Content[0]
}

// readTexts reads a readable catalog from config.FS as an ordered list of
// texts under bare numeric keys: double-quoted strings, or maps of plural
// forms whose forms are double-quoted strings.
func readTexts(t *testing.T, name string) []text {
	t.Helper()
	root := readMapping(t, name)
	var out []text
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if _, err := strconv.Atoi(k.Value); err != nil || k.Kind != yaml.ScalarNode {
			t.Errorf("%s:%d: key %q is not a bare code", name, k.Line, k.Value)
			continue
		}
		if prev, dup := seen[k.Value]; dup {
			t.Errorf("%s:%d: %s is already given on line %d", name, k.Line, k.Value, prev)
			continue
		}
		seen[k.Value] = k.Line
		x := text{key: k.Value, line: k.Line, forms: map[string]string{}}
		switch {
		case v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Style == yaml.DoubleQuotedStyle:
			x.forms["other"] = v.Value
		case v.Kind == yaml.MappingNode && name != config.ReadableFile:
			for j := 0; j+1 < len(v.Content); j += 2 {
				fk, fv := v.Content[j], v.Content[j+1]
				switch {
				case fk.Value == "count":
				case !slices.Contains(pluralForms, fk.Value):
					t.Errorf("%s:%d: %s: %q is not a plural form", name, fk.Line, k.Value, fk.Value)
				case fv.Kind != yaml.ScalarNode || fv.Tag != "!!str" || fv.Style != yaml.DoubleQuotedStyle:
					t.Errorf("%s:%d: %s: form %s is not a double-quoted string", name, fv.Line, k.Value, fk.Value)
				default:
					x.forms[fk.Value] = fv.Value
				}
			}
			if _, ok := x.forms["other"]; !ok {
				t.Errorf("%s:%d: %s: a plural map needs the form other", name, k.Line, k.Value)
				continue
			}
		default:
			// The default-language file is read by the catalog loader
			// too, which takes strings only.
			t.Errorf("%s:%d: value of %s is not a double-quoted string", name, v.Line, k.Value)
			continue
		}
		x.value = x.forms["other"]
		out = append(out, x)
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
	for _, tag := range languages {
		name := readableFile(tag)
		have := byKey(readTexts(t, name))
		for code, classes := range family {
			if _, ok := have[code]; !ok {
				t.Errorf("%s: no text for -%s %s", name, code, strings.Join(classes, ", "))
			}
		}
	}
}

// argIndices returns the sorted distinct argument indices a compiled
// template formats. It formats with a marker string per argument and looks
// for the markers, so quoting and escapes are judged by the real formatter;
// an argument s formats as a number or date gets a sample value instead and
// is not reported. An index at or beyond n is not seen; check ArgCount for
// those.
func argIndices(tpl *catalog.Template, s shape, n int) ([]int, error) {
	args := sampleArgs(s, n, int64(7))
	for i := range args {
		if !s.wantsNumber(i) {
			args[i] = "\x00ARG" + strconv.Itoa(i) + "\x00"
		}
	}
	out, err := tpl.Format(args...)
	if err != nil {
		return nil, err
	}
	var idx []int
	for i, a := range args {
		if m, ok := a.(string); ok && strings.Contains(out, m) {
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
		got, err := argIndices(tpl, shape{}, 3)
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

// TestReadableArguments formats every text with marker strings and looks
// for the markers: the real formatter judges quoting and escapes, and every
// language must show the arguments its English text shows. (Arguments
// formatted as numbers are given numbers and left to the shape tests.)
func TestReadableArguments(t *testing.T) {
	templates := errorTemplates(t)
	en := map[string][]int{}
	for _, tag := range languages {
		name := readableFile(tag)
		for _, x := range readTexts(t, name) {
			src, ok := templates[x.key]
			if !ok {
				t.Errorf("%s:%d: %s has no template in %s", name, x.line, x.key, config.ErrorFile)
				continue
			}
			sys, err := catalog.Compile("en", src)
			if err != nil {
				t.Errorf("%s: template of %s does not compile: %v", config.ErrorFile, x.key, err)
				continue
			}
			s, err := formsShape(x)
			if err != nil {
				continue // reported by TestReadableTranslations
			}
			seen := map[int]bool{}
			for form, src := range x.forms {
				tpl, err := catalog.Compile(tag, src)
				if err != nil {
					continue // reported by TestReadableTranslations
				}
				idx, err := argIndices(tpl, s, sys.ArgCount())
				if err != nil {
					t.Errorf("%s:%d: %s (%s) does not format with sample arguments: %v", name, x.line, x.key, form, err)
					continue
				}
				for _, i := range idx {
					seen[i] = true
				}
			}
			idx := slices.Sorted(maps.Keys(seen))
			if tag == config.ReadableLanguage {
				en[x.key] = idx
			} else if e, ok := en[x.key]; ok && !slices.Equal(e, idx) {
				t.Errorf("%s:%d: %s shows arguments %v, the English text %v", name, x.line, x.key, idx, e)
			}
		}
	}
}

// sentencePunct are the ASCII marks a Chinese or Japanese sentence must
// write full-width.
const sentencePunct = ",.;:!?"

// isCJK reports a Han, kana or CJK punctuation character.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// asciiPunctInCJK reports ASCII sentence punctuation in a Chinese or
// Japanese text: a mark that follows or precedes a CJK character (spaces
// aside), or ends the text. "1.5" or "v2.0" inside a sentence pass.
func asciiPunctInCJK(s string) []string {
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
		if isCJK(prev) || isCJK(next) || next == 0 {
			bad = append(bad, fmt.Sprintf("%q at rune %d", c, i))
		}
	}
	return bad
}

func TestAsciiPunctInCJK(t *testing.T) {
	for s, want := range map[string]bool{
		"请稍后再试。":            false,
		"版本1.5已过期，请更新。":     false,
		"字段{0}无效，请重试。":      false,
		"「{0}」の値が正しくありません。": false,
		"出错了,请重试。":          true,
		"请重试.":              true,
		"请重试 !":             true,
		"字段{0}.":            true,
		"注意:字段无效。":          true,
		"「{0}」.":            true,
		"もう一度お試しください.":      true,
	} {
		if got := len(asciiPunctInCJK(s)) > 0; got != want {
			t.Errorf("asciiPunctInCJK(%q) found = %v, want %v", s, got, want)
		}
	}
}

// TestNoInternals keeps implementation words out of end-user texts.
func TestNoInternals(t *testing.T) {
	words := []string{"exception", "java", "null", "stack", "sql", "rpc", "jwt", "class"}
	for _, tag := range languages {
		for name, texts := range allTexts(t, tag) {
			for _, x := range texts {
				lower := strings.ToLower(x.value)
				for _, w := range words {
					if strings.Contains(lower, w) {
						t.Errorf("%s:%d: %s mentions %q, an internal detail: %q", name, x.line, x.key, w, x.value)
					}
				}
			}
		}
	}
}

// TestReadableOverlaysLoadAsCatalogs loads each overlay through the catalog
// loader, as an application with a catalog in that language would. The
// catalog loader takes strings only, so an overlay with plural maps is
// left to the readable loader.
func TestReadableOverlaysLoadAsCatalogs(t *testing.T) {
	for _, tag := range translations() {
		name := readableFile(tag)
		plural := false
		for _, x := range readTexts(t, name) {
			plural = plural || len(x.forms) > 1
		}
		if plural {
			continue
		}
		c, err := catalog.Load(
			catalog.ReadableFS(config.FS, name),
			catalog.WithLocale(tag),
			catalog.AllowOverride(),
		)
		if err != nil {
			t.Errorf("load %s: %v", name, err)
			continue
		}
		if e, ok := c.Readable(-60010); !ok || e.File != name {
			t.Errorf("%s: Readable(-60010) = %+v, %v; want the text of %s", tag, e, ok, name)
		}
	}
}
