package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/zeroport/zerofault/config"
	"github.com/zeroport/zerofault/internal/mfpattern"
)

// DefaultLocale is the locale templates are compiled for unless WithLocale
// says otherwise.
const DefaultLocale = "en-US"

// source is one file to load.
type source struct {
	name      string // as errors and entries name it
	path      string // within fsys; "" means name
	kind      kind
	fsys      fs.FS // nil: read name from the operating system
	framework bool
	// registered marks a file a package registered (see Register); a
	// file given explicitly with the same name and content is the same
	// file, and is read once.
	registered bool
}

type options struct {
	locale    string
	override  bool
	framework bool
	sources   []source
	// lazy is Current's first load, before any start-up: registered codes
	// whose catalogs the application has yet to load are not an error.
	lazy bool
}

// Option configures Load.
type Option func(*options)

// ErrorFile adds an error catalog read from the operating system's path.
func ErrorFile(path string) Option { return addSource(source{name: path, kind: errorsKind}) }

// ReadableFile adds a readable overlay read from path.
func ReadableFile(path string) Option { return addSource(source{name: path, kind: readablesKind}) }

// ErrorFS adds an error catalog read from fsys, e.g. an embed.FS.
func ErrorFS(fsys fs.FS, name string) Option {
	return addSource(source{name: name, kind: errorsKind, fsys: fsys})
}

// ReadableFS adds a readable overlay read from fsys.
func ReadableFS(fsys fs.FS, name string) Option {
	return addSource(source{name: name, kind: readablesKind, fsys: fsys})
}

// AllowOverride lets application files redefine framework codes (both
// templates and readable texts). Without it such a key fails the load, so
// that a framework code is never replaced by accident.
func AllowOverride() Option { return func(o *options) { o.override = true } }

// WithLocale compiles the templates for a BCP 47 locale (default "en-US").
// The locale decides how numbers and dates in messages are formatted.
func WithLocale(tag string) Option { return func(o *options) { o.locale = tag } }

// WithoutFramework leaves out zerofault's embedded catalogs. Messages of
// framework exceptions then come out as ErrorMissing unless the given files
// define them.
func WithoutFramework() Option { return func(o *options) { o.framework = false } }

func addSource(s source) Option {
	return func(o *options) { o.sources = append(o.sources, s) }
}

// frameworkSources are zerofault's embedded catalogs.
var frameworkSources = []source{
	{name: "config/" + config.ErrorFile, path: config.ErrorFile, fsys: config.FS, kind: errorsKind, framework: true},
	{name: "config/" + config.ReadableFile, path: config.ReadableFile, fsys: config.FS, kind: readablesKind, framework: true},
}

func (s source) read() ([]byte, error) {
	if s.fsys == nil {
		return os.ReadFile(s.name)
	}
	path := s.path
	if path == "" {
		path = s.name
	}
	return fs.ReadFile(s.fsys, path)
}

// Load reads the framework catalogs and the given files, in that order,
// and compiles every template. Error catalogs are all loaded before any
// readable overlay, so an overlay may refer to codes of any error file.
//
// Load reports every problem it finds, as *LoadError values joined with
// errors.Join; on error it returns no catalog.
func Load(opts ...Option) (*Catalog, error) {
	o := options{locale: DefaultLocale, framework: true}
	for _, opt := range opts {
		opt(&o)
	}
	var all []source
	if o.framework {
		all = append(all, frameworkSources...)
	}
	all = append(all, registeredSources()...)
	all = append(all, o.sources...)

	files := make([]readFile, 0, len(all))
	seen := map[fileKey]bool{}
	for _, s := range all {
		f := readFile{source: s}
		f.data, f.err = s.read()
		if f.err == nil {
			// A registered file also given explicitly (as the code that
			// loaded it before it registered still does) is read once.
			k := fileKey{s.kind, path.Base(filepath.ToSlash(s.name)), string(f.data)}
			if !s.registered && seen[k] {
				continue
			}
			if s.registered {
				seen[k] = true
			}
		}
		files = append(files, f)
	}

	c := &Catalog{locale: o.locale, errors: map[int]*Entry{}, readable: map[int]*Entry{}}
	l := &loading{opts: o, named: map[int]bool{}}
	var errs []error
	for _, k := range []kind{errorsKind, readablesKind} {
		for _, f := range files {
			if f.kind == k {
				errs = append(errs, c.add(f, l)...)
			}
		}
	}
	if !o.lazy {
		errs = append(errs, missingTemplates(c, l.named)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	c.finish()
	return c, nil
}

// finish readies a loaded catalog for use: it packs the entries, their
// templates and their texts into one block of memory each, and links
// each error template to its code's readable text. A catalog is read on
// every answer and traced by every garbage collection, which costs more
// per object than per byte: a thousand small objects become three.
func (c *Catalog) finish() {
	entries := make([]Entry, 0, len(c.errors)+len(c.readable))
	var templates []*Template
	for _, m := range [...]map[int]*Entry{c.errors, c.readable} {
		for _, code := range sortedCodes(m) { // the order of the files, for locality
			entries = append(entries, *m[code])
			m[code] = &entries[len(entries)-1]
			templates = append(templates, m[code].Template)
		}
	}
	Pack(templates)
	keys := make([]*string, len(entries))
	size := 0
	for i := range entries {
		entries[i].Template = templates[i]
		keys[i] = &entries[i].Key
		size += len(entries[i].Key)
	}
	pack(keys, size)
	for code, r := range c.readable {
		// Load compiled every template of c itself: none is shared with
		// another catalog, whose readable text would differ.
		c.errors[code].Template.readable = r.Template
	}
}

// pack moves the strings texts point at into one string of size bytes,
// their total. A text equal to the one before it is shared, as a
// template's text is often its source.
func pack(texts []*string, size int) {
	buf := make([]byte, 0, size)
	offs := make([]int, len(texts)+1)
	for i, t := range texts {
		if i == 0 || *t != *texts[i-1] {
			buf = append(buf, *t...)
		}
		offs[i+1] = len(buf)
	}
	all := string(buf)
	for i, t := range texts {
		start := offs[i+1] - len(*t)
		*t = all[start:offs[i+1]]
	}
}

// readFile is a source with its content read.
type readFile struct {
	source
	data []byte
	err  error
}

// fileKey identifies a file by its kind, base name and content.
type fileKey struct {
	kind       kind
	base, data string
}

// loading is the state of one Load.
type loading struct {
	opts options
	// named holds every code an error file has a well-formed key for,
	// whether or not its template loaded: a readable text of a code whose
	// template failed is not also "a text for an unknown code".
	named map[int]bool
}

// add loads one file into c.
func (c *Catalog) add(f readFile, l *loading) []error {
	s, o, data := f.source, l.opts, f.data
	if f.err != nil {
		return []error{&LoadError{File: s.name, Err: f.err}}
	}
	named := l.named
	if s.kind == readablesKind {
		named = map[int]bool{} // only error files name codes
	}
	raws, errs := parseFile(s.name, data, s.kind, named)
	target := c.errors
	if s.kind == readablesKind {
		target = c.readable
	}
	for _, r := range raws {
		if s.kind == readablesKind {
			if _, ok := c.errors[r.Code]; !ok {
				if !l.named[r.Code] {
					errs = append(errs, problem(s.name, r.Line, r.Key, ErrUnknownCode, "add E%d to an error catalog first", -r.Code))
				}
				continue // a template that failed is reported where it is
			}
		}
		if prev, ok := target[r.Code]; ok {
			switch {
			case prev.Framework && !s.framework && !o.override:
				errs = append(errs, problem(s.name, r.Line, r.Key, ErrFrameworkCode,
					"%s is defined at %s:%d; use catalog.AllowOverride() to replace it", prev.Key, prev.File, prev.Line))
				continue
			case prev.Framework == s.framework:
				errs = append(errs, problem(s.name, r.Line, r.Key, ErrDuplicate, "%s is already defined at %s:%d", prev.Key, prev.File, prev.Line))
				continue
			}
		}
		t, err := Compile(o.locale, r.Text)
		if err != nil {
			errs = append(errs, problem(s.name, r.Line, r.Key, err, ""))
			continue
		}
		if s.kind == readablesKind {
			if err := fits(t, c.errors[r.Code]); err != nil {
				errs = append(errs, problem(s.name, r.Line, r.Key, err, ""))
				continue
			}
		}
		target[r.Code] = &Entry{Template: t, Code: r.Code, Key: r.Key, Level: Level(r.Level), File: s.name, Line: r.Line, Framework: s.framework}
	}
	// Problems of the file's shape and of its templates come from two
	// passes; report them in the order of the file.
	slices.SortStableFunc(errs, func(a, b error) int { return lineOfProblem(a) - lineOfProblem(b) })
	return errs
}

// fits reports a readable text that uses more arguments than the error
// template of its code takes. Both are counted with choice texts, which
// ArgCount leaves out: "{0,choice,0#none|1#{1}}" formats argument 1 too.
func fits(text *Template, tmpl *Entry) error {
	if a, n := mfpattern.Args(text.Source()), mfpattern.Args(tmpl.Source()); a > n {
		return fmt.Errorf("%w: it uses {%d}, and %s (%s:%d) takes %s", ErrArgs, a-1, tmpl.Key, tmpl.File, tmpl.Line, arguments(n))
	}
	return nil
}

// arguments spells a number of template arguments.
func arguments(n int) string {
	if n == 1 {
		return "1 argument"
	}
	return strconv.Itoa(n) + " arguments"
}

func lineOfProblem(err error) int {
	if p, ok := err.(*LoadError); ok {
		return p.Line
	}
	return 0
}

// String summarises the catalog, e.g. for a startup log line.
func (c *Catalog) String() string {
	return fmt.Sprintf("catalog(%s: %d templates, %d readable texts)", c.locale, len(c.errors), len(c.readable))
}
