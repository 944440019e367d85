package readable

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/zeroport/zerofault/config"
	"github.com/zeroport/zerofault/internal/catfile"
	"github.com/zeroport/zerofault/zero/catalog"
)

// source is one overlay file to load.
type source struct {
	name      string // as errors name it
	path      string // within fsys; "" means name
	fsys      fs.FS  // nil: the operating system's file name
	lang      string // "" means: from the name, else the default language
	framework bool
	// registered marks an overlay a package of generated exceptions
	// registered (catalog.Register); its texts load after the framework's
	// and before those given to Load.
	registered bool
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
	lang         string
	framework    bool
	unregistered bool // leave out the registered packages' overlays
	check        *catalog.Catalog
	sources      []any // source or glob, in the order given
	compileAll   bool  // keep every language compiled (tests compare the two)
}

// withoutRegistered leaves out the registered packages' overlays, for
// Current's fallback when they fail to load.
func withoutRegistered(o *options) { o.unregistered = true }

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

// Check holds every text to the error catalog cat, as the catalog loader
// holds its own readable overlays: a key must name a code cat has a
// template for (else catalog.ErrUnknownCode: a mistyped code would be a
// text no exception ever shows), and a text may use only the arguments
// that template takes, its plural count included (else catalog.ErrArgs:
// "{5}" in the text of a two-param exception would print as "{5}").
// Start-up should always check; see the package example.
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

// Load reads the framework overlays, the overlays of the packages of
// generated exceptions the program imports (catalog.Register) and the
// given files, in that order, and compiles and checks every text. It
// reports every problem it finds, as *LoadError values joined with
// errors.Join, and then returns no bundle. The bundle keeps the default
// language compiled; each other language compiles again, from the bytes
// Load read, when first used (see the package doc).
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
	for _, p := range catalog.Registered() {
		if p.FS == nil || o.unregistered {
			continue
		}
		for _, n := range p.Readables {
			all = append(all, source{name: p.Path + "/" + n, path: n, fsys: p.FS, registered: true})
		}
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
	seen := map[[2]string]bool{}
	for _, s := range all {
		data, err := s.read()
		if err == nil {
			// A registered file also given explicitly (as the code that
			// loaded it before it registered still does) is read once.
			k := [2]string{path.Base(filepath.ToSlash(s.name)), string(data)}
			if !s.registered && seen[k] {
				continue
			}
			if s.registered {
				seen[k] = true
			}
		}
		errs = append(errs, bb.add(s, data, err, o)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return bb.build(o.compileAll)
}

// languageOf returns the language of a file: given, from its name, or the
// default.
func languageOf(s source, def language.Tag) (language.Tag, error) {
	if s.lang != "" {
		return language.Parse(s.lang)
	}
	tag, ok := catfile.Language(s.name)
	if !ok {
		return def, nil
	}
	return language.Parse(tag)
}

// The plural categories of CLDR, in go-i18n's order; a text's forms are
// indexed by them.
type form uint8

const (
	formZero  form = catfile.FormZero
	formOne   form = catfile.FormOne
	formTwo   form = catfile.FormTwo
	formFew   form = catfile.FormFew
	formMany  form = catfile.FormMany
	formOther form = catfile.FormOther
	numForms       = catfile.NumForms
)

var formNames = catfile.FormNames

func formOf(name string) (form, bool) {
	for f, n := range formNames {
		if n == name {
			return form(f), true
		}
	}
	return 0, false
}

// parseFile reads one overlay by the rules all catalog readers share
// (internal/catfile). It returns the well-formed texts and a problem for
// each malformed one, so one bad key does not hide the rest.
func parseFile(name string, data []byte) ([]catfile.Entry, []error) {
	entries, probs := catfile.Parse(data, catfile.Texts)
	var errs []error
	for _, p := range probs {
		errs = append(errs, &LoadError{File: name, Line: p.Line, Key: p.Key, Err: p.Err})
	}
	return entries, errs
}
