package readable

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/config"
	"github.com/zeroport/zerofault/internal/yamlnode"
	"github.com/zeroport/zerofault/zero/catalog"
)

// source is one overlay file to load.
type source struct {
	name      string // as errors name it
	path      string // within fsys; "" means name
	fsys      fs.FS  // nil: the operating system's file name
	lang      string // "" means: from the name, else the default language
	framework bool
}

func (s source) read() ([]byte, error) {
	if s.fsys == nil {
		return os.ReadFile(s.name)
	}
	p := s.path
	if p == "" {
		p = s.name
	}
	return fs.ReadFile(s.fsys, p)
}

// glob is a Glob option, expanded when Load runs.
type glob struct {
	fsys    fs.FS
	pattern string
}

type options struct {
	lang      string
	framework bool
	check     *catalog.Catalog
	sources   []any // source or glob, in the order given
}

// Option configures Load.
type Option func(*options)

// DefaultLanguage sets the language of overlay files whose name carries no
// tag (vertx-readible.yml) and the language every lookup falls back to.
// The default is config.ReadableLanguage, the language of the framework's
// vertx-readible.yml. The framework's own files keep their languages
// whatever this says.
func DefaultLanguage(tag string) Option { return func(o *options) { o.lang = tag } }

// File adds an overlay read from the operating system's path. Its
// language comes from its name: vertx-readible.de.yml is German, and a
// name without a tag (vertx-readible.yml, app.yml) is in the default
// language. The tag is what stands between the last two dots.
func File(path string) Option {
	return func(o *options) { o.sources = append(o.sources, source{name: path}) }
}

// FS adds an overlay read from fsys, e.g. an embed.FS; its language comes
// from its name as for File.
func FS(fsys fs.FS, name string) Option {
	return func(o *options) { o.sources = append(o.sources, source{name: name, fsys: fsys}) }
}

// Glob adds every file of fsys matching pattern (fs.Glob syntax), in
// lexical order, e.g. Glob(os.DirFS("config"), "vertx-readible*.yml") for
// an application's default-language file and all its translations. A
// pattern matching nothing is an error: a misspelt pattern would
// otherwise silently load no texts.
func Glob(fsys fs.FS, pattern string) Option {
	return func(o *options) { o.sources = append(o.sources, glob{fsys, pattern}) }
}

// WithoutFramework leaves out zerofault's embedded overlays; only the
// given files are loaded.
func WithoutFramework() Option { return func(o *options) { o.framework = false } }

// Check makes every key name a code that cat has a template for, as the
// catalog loader requires of readable overlays; a key that does not is
// reported with catalog.ErrUnknownCode. It catches a mistyped code, which
// would otherwise be a text no exception ever shows.
func Check(cat *catalog.Catalog) Option { return func(o *options) { o.check = cat } }

// frameworkSources are the embedded overlays: the default-language file
// first, then every translation in lexical order.
func frameworkSources() ([]source, error) {
	out := []source{{name: "config/" + config.ReadableFile, path: config.ReadableFile, fsys: config.FS, lang: config.ReadableLanguage, framework: true}}
	names, err := fs.Glob(config.FS, strings.TrimSuffix(config.ReadableFile, ".yml")+".*.yml")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	for _, n := range names {
		out = append(out, source{name: "config/" + n, path: n, fsys: config.FS, framework: true})
	}
	return out, nil
}

// Load reads the framework overlays and the given files, in that order,
// and compiles every text. It reports every problem it finds, as
// *LoadError values joined with errors.Join, and then returns no bundle.
//
// A user file may redefine a framework text: that is how an application
// rewords or completes the framework's translations. A code defined twice
// for one language by the user's files, whether in one file or two, is an
// error (catalog.ErrDuplicate), as in the catalog loader.
func Load(opts ...Option) (*Bundle, error) {
	o := options{lang: config.ReadableLanguage, framework: true}
	for _, opt := range opts {
		opt(&o)
	}
	def, err := language.Parse(o.lang)
	if err != nil {
		return nil, fmt.Errorf("readable: default language %q: %w: %v", o.lang, ErrLanguage, err)
	}
	var all []source
	var errs []error
	if o.framework {
		fw, err := frameworkSources()
		if err != nil {
			return nil, err
		}
		all = append(all, fw...)
	}
	for _, s := range o.sources {
		switch s := s.(type) {
		case source:
			all = append(all, s)
		case glob:
			names, err := fs.Glob(s.fsys, s.pattern)
			if err == nil && len(names) == 0 {
				err = fs.ErrNotExist
			}
			if err != nil {
				errs = append(errs, &LoadError{File: s.pattern, Err: err})
				continue
			}
			slices.Sort(names)
			for _, n := range names {
				all = append(all, source{name: n, fsys: s.fsys})
			}
		}
	}

	bb := newBuilder(def)
	for _, s := range all {
		errs = append(errs, bb.add(s, o)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return bb.build()
}

// languageOf returns the language of a file: given, from its name, or the
// default.
func languageOf(s source, def language.Tag) (language.Tag, error) {
	if s.lang != "" {
		return language.Parse(s.lang)
	}
	base := path.Base(filepath.ToSlash(s.name))
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	i := strings.LastIndexByte(base, '.')
	if i < 0 {
		return def, nil
	}
	return language.Parse(base[i+1:])
}

// The plural categories of CLDR, in go-i18n's order; a text's forms are
// indexed by them.
type form uint8

const (
	formZero form = iota
	formOne
	formTwo
	formFew
	formMany
	formOther
	numForms
)

var formNames = [numForms]string{"zero", "one", "two", "few", "many", "other"}

func formOf(name string) (form, bool) {
	for f, n := range formNames {
		if n == name {
			return form(f), true
		}
	}
	return 0, false
}

// maxArg is the highest argument index a count may name, as in msgfmt.
const maxArg = 9999

// rawText is one key of one file, before its templates are compiled.
type rawText struct {
	key       string
	code      int // negative
	line      int
	forms     [numForms]string
	formLines [numForms]int
	has       [numForms]bool
	plural    bool // written as a map
	count     int  // the argument that picks the form
}

// parseFile reads one overlay. It returns the well-formed texts and a
// problem for each malformed one, so one bad key does not hide the rest.
func parseFile(name string, data []byte) ([]rawText, []error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []error{problem(name, 1, "", catalog.ErrEmpty, "")}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []error{problem(name, yamlLine(err), "", err, "")}
	}
	if len(doc.Content) == 0 {
		return nil, []error{problem(name, 1, "", catalog.ErrEmpty, "the file holds only comments")}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, []error{problem(name, root.Line, "", catalog.ErrShape, "found %s", yamlnode.Kind(root))}
	}
	if len(root.Content) == 0 {
		return nil, []error{problem(name, root.Line, "", catalog.ErrEmpty, "")}
	}
	var (
		texts []rawText
		errs  []error
		seen  = make(map[int]int, len(root.Content)/2) // code → line
	)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			errs = append(errs, problem(name, k.Line, "", catalog.ErrKey, "a key must be a plain scalar, found %s", yamlnode.Kind(k)))
			continue
		}
		code, err := parseKey(k.Value)
		if err != nil {
			errs = append(errs, problem(name, k.Line, k.Value, err, ""))
			continue
		}
		t := rawText{key: k.Value, code: code, line: k.Line}
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		switch {
		case v.Kind == yaml.ScalarNode && v.Tag == "!!str":
			t.forms[formOther], t.formLines[formOther], t.has[formOther] = v.Value, v.Line, true
		case v.Kind == yaml.MappingNode:
			if perr := parsePlural(name, k, v, &t); len(perr) > 0 {
				errs = append(errs, perr...)
				continue
			}
		default:
			errs = append(errs, problem(name, v.Line, k.Value, catalog.ErrValue, "found %s (quote it, or write a map of plural forms)", yamlnode.Kind(v)))
			continue
		}
		if prev, dup := seen[code]; dup {
			errs = append(errs, problem(name, k.Line, k.Value, catalog.ErrDuplicate, "first defined on line %d", prev))
			continue
		}
		seen[code] = k.Line
		texts = append(texts, t)
	}
	return texts, errs
}

// parsePlural reads a map of plural forms into t.
func parsePlural(name string, keyNode, m *yaml.Node, t *rawText) []error {
	key := keyNode.Value
	var errs []error
	t.plural = true
	countLine := 0
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if k.Kind == yaml.ScalarNode && k.Value == "count" {
			if countLine != 0 {
				errs = append(errs, problem(name, k.Line, key, catalog.ErrDuplicate, "count is already given on line %d", countLine))
				continue
			}
			countLine = k.Line
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil || n < 0 || n > maxArg {
				errs = append(errs, problem(name, v.Line, key, ErrPlural, "count must be an argument index from 0 to %d, found %q", maxArg, v.Value))
				continue
			}
			t.count = n
			continue
		}
		f, ok := formOf(k.Value)
		if k.Kind != yaml.ScalarNode || !ok {
			errs = append(errs, problem(name, k.Line, key, ErrPlural, "unknown plural category %q: use zero, one, two, few, many, other, and count", k.Value))
			continue
		}
		if t.has[f] {
			errs = append(errs, problem(name, k.Line, key, catalog.ErrDuplicate, "plural form %s is already given on line %d", k.Value, t.formLines[f]))
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
			errs = append(errs, problem(name, v.Line, key, catalog.ErrValue, "plural form %s: found %s (quote it)", k.Value, yamlnode.Kind(v)))
			continue
		}
		t.forms[f], t.formLines[f], t.has[f] = v.Value, v.Line, true
	}
	if len(errs) == 0 && !t.has[formOther] {
		errs = append(errs, problem(name, keyNode.Line, key, ErrPlural, "the form other is required"))
	}
	return errs
}

// maxCode bounds the number in a key, as in the catalog loader.
const maxCode = 1<<31 - 1

// parseKey reads "60010" as code -60010.
func parseKey(key string) (int, error) {
	if key == "" {
		return 0, fmt.Errorf("%w: the code's digits are missing", catalog.ErrKey)
	}
	for i := 0; i < len(key); i++ {
		if key[i] < '0' || key[i] > '9' {
			return 0, fmt.Errorf("%w: a readable key is the code's bare digits, e.g. 60010", catalog.ErrKey)
		}
	}
	n, err := strconv.Atoi(key)
	if err != nil || n > maxCode {
		return 0, fmt.Errorf("%w: the code %s is out of range (at most %d)", catalog.ErrKey, key, maxCode)
	}
	if n == 0 {
		return 0, fmt.Errorf("%w: code 0 is not an error code", catalog.ErrKey)
	}
	return -n, nil
}

// yamlLine finds the line in a yaml.v3 error ("yaml: line 3: ..."), the
// only place yaml.v3 gives it.
func yamlLine(err error) int {
	s := err.Error()
	if i := strings.Index(s, "line "); i >= 0 {
		j := i + len("line ")
		k := j
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if n, err := strconv.Atoi(s[j:k]); err == nil {
			return n
		}
	}
	return 1
}
