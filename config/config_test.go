package config_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/config"
)

// referenceDir holds Zero's catalog facts; it lives outside the repository,
// so the tests that need it skip when it is absent.
var referenceDir = filepath.Join("..", "..", "shared", "reference")

var (
	errorKeyRe    = regexp.MustCompile(`^[EWI][0-9]+$`)
	readableKeyRe = regexp.MustCompile(`^[0-9]+$`)
	statusRe      = regexp.MustCompile(`^\(([0-9]{3})\) - `)
	classStatusRe = regexp.MustCompile(`^_([0-9]{3})`)
)

// entry is one key/value pair of a catalog, in file order.
type entry struct {
	key, value string
	line       int
}

// loadCatalog reads name from config.FS and returns its pairs, failing the test
// unless the document is a single mapping of scalar keys to string values.
func loadCatalog(t *testing.T, name string) []entry {
	t.Helper()
	data, err := config.FS.ReadFile(name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s is not valid YAML: %v", name, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		t.Fatalf("%s: expected one YAML document", name)
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		t.Fatalf("%s: top level is not a mapping", name)
	}
	var out []entry
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			t.Errorf("%s:%d: key is not a scalar", name, k.Line)
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
			t.Errorf("%s:%d: value of %s is not a string scalar (tag %s)", name, v.Line, k.Value, v.Tag)
			continue
		}
		if v.Style != yaml.DoubleQuotedStyle {
			t.Errorf("%s:%d: value of %s is not a double-quoted string", name, v.Line, k.Value)
		}
		out = append(out, entry{key: k.Value, value: v.Value, line: k.Line})
	}
	if len(out) == 0 {
		t.Fatalf("%s: catalog is empty", name)
	}
	return out
}

// placeholders scans a java.text.MessageFormat pattern the simple way: two
// apostrophes in a row are a literal apostrophe, a single one opens or closes
// a quoted section whose text is literal, and outside quotes every { must
// start an argument {n}. It returns the argument indices in order of
// appearance and whether the pattern used a quoted section.
func placeholders(s string) (idx []int, quoted bool, err error) {
	inQuote := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			inQuote = !inQuote
			quoted = true
		case inQuote:
		case c == '{':
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j == i+1 || j >= len(s) || s[j] != '}' {
				return nil, quoted, fmt.Errorf("malformed argument at offset %d (only {n} is allowed)", i)
			}
			n, err := strconv.Atoi(s[i+1 : j])
			if err != nil {
				return nil, quoted, err
			}
			idx = append(idx, n)
			i = j
		case c == '}':
			return nil, quoted, fmt.Errorf("stray } at offset %d", i)
		}
	}
	if inQuote {
		return nil, quoted, errors.New("unterminated quote: write an apostrophe as ''")
	}
	return idx, quoted, nil
}

// distinct returns the sorted distinct indices of a pattern.
func distinct(idx []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, n := range idx {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out
}

// arity returns the number of distinct arguments of a well-formed pattern.
func arity(t *testing.T, key, pattern string) int {
	t.Helper()
	idx, _, err := placeholders(pattern)
	if err != nil {
		t.Errorf("%s: %v", key, err)
		return -1
	}
	return len(distinct(idx))
}

// codeOf returns the number of a catalog key (E40069 → 40069).
func codeOf(key string) string {
	return strings.TrimLeft(key, "EWI")
}

func TestCatalogsAreStringMappings(t *testing.T) {
	for _, name := range []string{config.ErrorFile, config.ReadableFile} {
		loadCatalog(t, name)
		// The catalogs must also decode the plain way a loader would.
		data, _ := config.FS.ReadFile(name)
		var m map[string]string
		if err := yaml.Unmarshal(data, &m); err != nil {
			t.Errorf("%s does not decode into map[string]string: %v", name, err)
		}
	}
}

func TestKeyFormat(t *testing.T) {
	for _, e := range loadCatalog(t, config.ErrorFile) {
		if !errorKeyRe.MatchString(e.key) {
			t.Errorf("%s:%d: key %q does not match %s", config.ErrorFile, e.line, e.key, errorKeyRe)
		}
	}
	for _, e := range loadCatalog(t, config.ReadableFile) {
		if !readableKeyRe.MatchString(e.key) {
			t.Errorf("%s:%d: key %q does not match %s", config.ReadableFile, e.line, e.key, readableKeyRe)
		}
	}
}

func TestNoDuplicateKeys(t *testing.T) {
	for _, name := range []string{config.ErrorFile, config.ReadableFile} {
		seen := map[string]int{}
		for _, e := range loadCatalog(t, name) {
			if first, ok := seen[e.key]; ok {
				t.Errorf("%s:%d: key %s already defined on line %d", name, e.line, e.key, first)
				continue
			}
			seen[e.key] = e.line
		}
	}
}

func TestNoCodeUnderTwoPrefixes(t *testing.T) {
	byCode := map[string]string{}
	for _, e := range loadCatalog(t, config.ErrorFile) {
		code := codeOf(e.key)
		if other, ok := byCode[code]; ok && other != e.key {
			t.Errorf("%s:%d: code %s is defined as both %s and %s", config.ErrorFile, e.line, code, other, e.key)
		}
		byCode[code] = e.key
	}
}

func TestReadableKeysHaveErrorKeys(t *testing.T) {
	templates := map[string]string{}
	for _, e := range loadCatalog(t, config.ErrorFile) {
		templates[e.key] = e.value
	}
	for _, e := range loadCatalog(t, config.ReadableFile) {
		tpl, ok := templates["E"+e.key]
		if !ok {
			t.Errorf("%s:%d: readable key %s has no E%s in %s", config.ReadableFile, e.line, e.key, e.key, config.ErrorFile)
			continue
		}
		// A readable text may use fewer arguments than the system message,
		// never one the exception does not pass.
		idx, _, err := placeholders(e.value)
		if err != nil {
			continue // reported by TestPlaceholdersWellFormed
		}
		n := arity(t, "E"+e.key, tpl)
		for _, i := range idx {
			if i >= n {
				t.Errorf("%s:%d: key %s uses {%d}, but E%s takes %d argument(s)", config.ReadableFile, e.line, e.key, i, e.key, n)
			}
		}
	}
}

func TestPlaceholdersWellFormed(t *testing.T) {
	for _, name := range []string{config.ErrorFile, config.ReadableFile} {
		for _, e := range loadCatalog(t, name) {
			idx, quoted, err := placeholders(e.value)
			if err != nil {
				t.Errorf("%s:%d: %s: %v", name, e.line, e.key, err)
				continue
			}
			if quoted {
				t.Errorf("%s:%d: %s: single apostrophe starts a MessageFormat quote; write it as ''", name, e.line, e.key)
			}
			if name == config.ReadableFile {
				continue // readable texts may skip arguments
			}
			// Each argument from {0} to the highest one is used.
			for want, got := range distinct(idx) {
				if want != got {
					t.Errorf("%s:%d: %s: arguments skip {%d}", name, e.line, e.key, want)
					break
				}
			}
		}
	}
}

// readTSV reads a tab-separated file with a header row into maps keyed by
// column name. ok is false when the file does not exist.
func readTSV(t *testing.T, path string) (rows []map[string]string, ok bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, false
	}
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	header := strings.Split(lines[0], "\t")
	for _, line := range lines[1:] {
		fields := strings.Split(strings.TrimRight(line, "\r"), "\t")
		row := map[string]string{}
		for i, h := range header {
			if i < len(fields) {
				row[h] = fields[i]
			}
		}
		rows = append(rows, row)
	}
	return rows, true
}

// keyFor turns a seed code such as -40069 into its catalog key E40069.
func keyFor(t *testing.T, code string) string {
	t.Helper()
	n, err := strconv.Atoi(code)
	if err != nil || n >= 0 {
		t.Fatalf("seed code %q is not a negative number", code)
	}
	return "E" + strconv.Itoa(-n)
}

// paramCount counts "name:Type;name:Type" constructor parameters.
func paramCount(params string) int {
	if strings.TrimSpace(params) == "" {
		return 0
	}
	return len(strings.Split(params, ";"))
}

func TestSeedCatalogCovered(t *testing.T) {
	rows, ok := readTSV(t, filepath.Join(referenceDir, "zero-seed-catalog.tsv"))
	if !ok {
		t.Skip("seed catalog not available")
	}
	templates := map[string]string{}
	for _, e := range loadCatalog(t, config.ErrorFile) {
		templates[e.key] = e.value
	}
	known := map[string]bool{}
	for _, r := range rows {
		key := keyFor(t, r["code"])
		known[key] = true
		tpl, ok := templates[key]
		if !ok {
			t.Errorf("%s %s: no %s in %s", r["code"], r["zero_class"], key, config.ErrorFile)
			continue
		}
		if got, want := arity(t, key, tpl), paramCount(r["repo_params"]); got >= 0 && got != want {
			t.Errorf("%s %s: %s uses %d argument(s), the constructor passes %d (%s)", r["code"], r["zero_class"], key, got, want, r["repo_params"])
		}
		code, _ := strconv.Atoi(key[1:])
		m := statusRe.FindStringSubmatch(tpl)
		switch status := r["name_status"]; {
		case status != "":
			// Zero's rule: the status is the number in the class name.
			if cm := classStatusRe.FindStringSubmatch(r["zero_class"]); cm == nil || cm[1] != status {
				t.Errorf("%s %s: seed status %s does not match the class name", r["code"], r["zero_class"], status)
			}
			if m == nil {
				t.Errorf("%s %s: %s lacks the (%s) - prefix", r["code"], r["zero_class"], key, status)
			} else if m[1] != status {
				t.Errorf("%s %s: %s has prefix (%s), the seed status is %s", r["code"], r["zero_class"], key, m[1], status)
			}
		case code >= 10000 && code <= 19999:
			if !strings.HasPrefix(tpl, "(V) - ") {
				t.Errorf("%s %s: %s lacks the (V) - prefix of the 10000-19999 range", r["code"], r["zero_class"], key)
			}
		default:
			if m != nil || strings.HasPrefix(tpl, "(") {
				t.Errorf("%s %s: %s carries a prefix, but the exception has no status", r["code"], r["zero_class"], key)
			}
		}
	}

	// The coded heart exceptions belong to the catalog as well.
	heart, ok := readTSV(t, filepath.Join(referenceDir, "zero-seed-heart.tsv"))
	if !ok {
		return
	}
	repoParams := map[string]string{}
	if repo, ok := readTSV(t, filepath.Join(referenceDir, "zero-repo-catalog.tsv")); ok {
		for _, r := range repo {
			// With several constructors, the widest fixes the template: the
			// Go constructor takes every param (OperationException: method, class).
			widest := ""
			for _, alt := range strings.Split(r["ctor_params"], "|") {
				if alt = strings.TrimSpace(alt); paramCount(alt) > paramCount(widest) {
					widest = alt
				}
			}
			repoParams[r["class_name"]+r["code"]] = widest
		}
	}
	for _, h := range heart {
		if h["repo_code"] == "" {
			continue
		}
		key := keyFor(t, h["repo_code"])
		known[key] = true
		tpl, ok := templates[key]
		if !ok {
			t.Errorf("%s %s: no %s in %s", h["repo_code"], h["zero_class"], key, config.ErrorFile)
			continue
		}
		if !strings.HasPrefix(tpl, "(V) - ") {
			t.Errorf("%s %s: %s lacks the (V) - prefix", h["repo_code"], h["zero_class"], key)
		}
		if params, ok := repoParams[h["zero_class"]+h["repo_code"]]; ok {
			if got, want := arity(t, key, tpl), paramCount(params); got >= 0 && got != want {
				t.Errorf("%s %s: %s uses %d argument(s), the constructor passes %d (%s)", h["repo_code"], h["zero_class"], key, got, want, params)
			}
		}
	}
	if tpl := templates["E11003"]; arity(t, "E11003", tpl) != 1 {
		t.Errorf("E11003 (ErrorMissingException) must take the missing code as {0}: %q", tpl)
	}

	// Nothing beyond the seed: a stray key is a typo or belongs elsewhere.
	for _, e := range loadCatalog(t, config.ErrorFile) {
		if !known[e.key] {
			t.Errorf("%s:%d: %s is not a code of the seed catalog", config.ErrorFile, e.line, e.key)
		}
	}
}

// ownWordsWindow is the length of the longest run of text our catalogs may
// share with Zero's.
const ownWordsWindow = 40

var errorLineRe = regexp.MustCompile(`^[EWI][0-9]+:\s*(.*)$`)

// normalize lowers case and collapses white space, so that a copied run
// cannot hide behind spacing.
func normalize(s string) []rune {
	return []rune(strings.Join(strings.Fields(strings.ToLower(s)), " "))
}

// zeroTexts collects Zero's message texts: the values of its vertx-error.yml
// and the templates of the repository catalog.
func zeroTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	if data, err := os.ReadFile(filepath.Join(referenceDir, "zero-vertx-error.yml")); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			m := errorLineRe.FindStringSubmatch(strings.TrimSpace(line))
			if m == nil {
				continue
			}
			v := strings.TrimSpace(m[1])
			if len(v) >= 2 && strings.HasPrefix(v, `"`) && strings.HasSuffix(v, `"`) {
				v = v[1 : len(v)-1]
			}
			texts = append(texts, strings.ReplaceAll(v, `\"`, `"`))
		}
	}
	if rows, ok := readTSV(t, filepath.Join(referenceDir, "zero-repo-catalog.tsv")); ok {
		for _, r := range rows {
			if v := strings.TrimSpace(r["template"]); v != "" {
				texts = append(texts, v)
			}
		}
	}
	return texts
}

func TestOwnWords(t *testing.T) {
	texts := zeroTexts(t)
	if len(texts) == 0 {
		t.Skip("Zero's catalog not available")
	}
	whole := map[string]bool{}
	windows := map[string]bool{}
	for _, s := range texts {
		r := normalize(s)
		whole[string(r)] = true
		for i := 0; i+ownWordsWindow <= len(r); i++ {
			windows[string(r[i:i+ownWordsWindow])] = true
		}
	}
	// Every file: a translation must not carry a sentence of Zero's either.
	names, err := fs.Glob(config.FS, "*.yml")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		for _, e := range scalarsOf(readMapping(t, name)) {
			r := normalize(e.value)
			if whole[string(r)] {
				t.Errorf("%s:%d: %s equals a message of Zero's catalog", name, e.line, e.key)
				continue
			}
			for i := 0; i+ownWordsWindow <= len(r); i++ {
				if w := string(r[i : i+ownWordsWindow]); windows[w] {
					t.Errorf("%s:%d: %s shares %q with Zero's catalog; write it in our own words", name, e.line, e.key, w)
					break
				}
			}
		}
	}
}

// scalarsOf returns the string values under a mapping, plural forms
// included, each with its key and line.
func scalarsOf(root *yaml.Node) []entry {
	var out []entry
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Tag == "!!str" {
				out = append(out, entry{key: k.Value, value: v.Value, line: v.Line})
			}
		case yaml.MappingNode:
			for _, f := range scalarsOf(v) {
				out = append(out, entry{key: k.Value + "." + f.key, value: f.value, line: f.line})
			}
		}
	}
	return out
}

func TestPlaceholderScanner(t *testing.T) {
	cases := []struct {
		in      string
		want    []int
		quoted  bool
		wantErr bool
	}{
		{in: "plain", want: nil},
		{in: "(400) - {0} and {1}, again {0}", want: []int{0, 1, 0}},
		{in: "it''s {0}", want: []int{0}},
		{in: "quoted '{0}' and {1}", want: []int{1}, quoted: true},
		{in: "it's {0}", wantErr: true},
		{in: "empty {}", wantErr: true},
		{in: "typed {0,number}", wantErr: true},
		{in: "stray } here", wantErr: true},
		{in: "open { here", wantErr: true},
	}
	for _, c := range cases {
		got, quoted, err := placeholders(c.in)
		if (err != nil) != c.wantErr {
			t.Errorf("placeholders(%q) error = %v, want error %v", c.in, err, c.wantErr)
			continue
		}
		if c.wantErr {
			continue
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) || quoted != c.quoted {
			t.Errorf("placeholders(%q) = %v, %v; want %v, %v", c.in, got, quoted, c.want, c.quoted)
		}
	}
}
