package decl

import (
	"bytes"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"sync"

	"github.com/zeroport/zerofault/config"
	"github.com/zeroport/zerofault/internal/catfile"
)

// Catalog is one catalog file as written: its keys, their lines and their
// template sources. The file is read by the parser the loaders use
// (internal/catfile), so a file the lint reads cleanly is one they load;
// unlike them it compiles nothing and keeps every well-formed key, because
// the lint wants to see every template, including those a loader would
// refuse to compile.
type Catalog struct {
	Path     string
	Readable bool   // a readable overlay (bare-number keys), not an error catalog
	Lang     string // an overlay's language tag, from its name; "" for the default language
	Entries  []*Entry

	// Framework is set for a file identical to one of zerofault's embedded
	// catalogs (package config): the framework's own declarations name
	// them, and the lint must not take the framework for a second
	// definition of itself.
	Framework bool

	byCode map[int]*Entry
	named  map[int]bool // codes of well-formed keys, whatever their values
}

// Entry is one key of a catalog file.
type Entry struct {
	Catalog *Catalog
	Key     string // as written: "E40011", "W40011" or, in an overlay, "40011"
	Code    int    // negative
	Line    int
	Source  string // the template; of a plural map, its "other" form

	plural *catfile.Plural
}

// Form is one text of a readable entry: the whole text, or one plural
// form of a map.
type Form struct {
	Name   string // "other" for a plain text, else the plural category
	Source string
	Line   int
}

// Where returns "file:line" of the entry.
func (e *Entry) Where() string { return e.Catalog.Path + ":" + strconv.Itoa(e.Line) }

// Forms returns the entry's texts: its one template, or every form of a
// plural map, in CLDR order.
func (e *Entry) Forms() []Form {
	if e.plural == nil {
		return []Form{{Name: "other", Source: e.Source, Line: e.Line}}
	}
	var out []Form
	for f, has := range e.plural.Has {
		if has {
			out = append(out, Form{Name: catfile.FormNames[f], Source: e.plural.Forms[f], Line: e.plural.Lines[f]})
		}
	}
	return out
}

// Count returns the argument whose value picks a plural form, and false
// for a plain text.
func (e *Entry) Count() (int, bool) {
	if e.plural == nil {
		return 0, false
	}
	return e.plural.Count, true
}

// Lookup returns the entry of code, if the file has one.
func (c *Catalog) Lookup(code int) (*Entry, bool) {
	e, ok := c.byCode[code]
	return e, ok
}

// Names reports whether the file has a well-formed key for code, even
// one whose value is malformed (and reported): a readable text of that
// code is not also a text for an unknown code.
func (c *Catalog) Names(code int) bool { return c.named[code] }

// OverlayKind is the rule set an overlay is read by. An overlay whose name
// carries a language tag (vertx-readible.ja.yml) is read by package
// readable alone, which takes plural maps. One without a tag is in the
// default language, and the documented start-up hands it to the catalog
// loader too (catalog.ReadableFS), which takes strings only: the stricter
// rule decides.
func OverlayKind(name string) catfile.Kind {
	if _, tagged := catfile.Language(name); tagged {
		return catfile.Texts
	}
	return catfile.Readable
}

// ParseCatalog reads a catalog file: an error catalog, whose keys are E, W
// or I and the code's digits, or a readable overlay, whose keys are the
// bare digits. Every problem the loaders would refuse the file for is a
// finding of rule catalog, in the loaders' words.
func ParseCatalog(name string, data []byte, readable bool) (*Catalog, []Finding) {
	c := &Catalog{Path: name, Readable: readable, byCode: map[int]*Entry{}, named: map[int]bool{}, Framework: IsFramework(data)}
	kind := catfile.Errors
	if readable {
		kind = OverlayKind(name)
		c.Lang, _ = catfile.Language(name)
	}
	entries, probs := catfile.Parse(data, kind)
	var out []Finding
	for _, p := range probs {
		out = append(out, Finding{File: name, Line: p.Line, Key: p.Key, Rule: RuleCatalog, Msg: p.Err.Error(), Fatal: true})
		if p.Code != 0 {
			c.named[p.Code] = true
		}
	}
	for _, ce := range entries {
		e := &Entry{Catalog: c, Key: ce.Key, Code: ce.Code, Line: ce.Line, Source: ce.Text, plural: ce.Plural}
		c.Entries = append(c.Entries, e)
		c.byCode[e.Code] = e
		c.named[e.Code] = true
	}
	return c, out
}

// Framework is zerofault's own catalogs, embedded in package config and
// loaded by the runtime before any application file: an application
// cannot reuse their codes (without catalog.AllowOverride), and may
// translate their readable texts.
type Framework struct {
	Errors    *Catalog   // config/vertx-error.yml
	Readables []*Catalog // config/vertx-readible.yml and its translations
}

// LoadFramework returns the framework's catalogs, parsed once.
var LoadFramework = sync.OnceValue(func() *Framework {
	fw := &Framework{}
	fw.Errors, _ = parseEmbedded(config.ErrorFile, false)
	names, _ := fs.Glob(config.FS, "*.yml")
	slices.Sort(names)
	for _, n := range names {
		if n != config.ErrorFile {
			c, _ := parseEmbedded(n, true)
			fw.Readables = append(fw.Readables, c)
		}
	}
	return fw
})

func parseEmbedded(name string, readable bool) (*Catalog, []Finding) {
	data, _ := config.FS.ReadFile(name) // the names come from the FS itself
	return ParseCatalog(path.Join("config", name), data, readable)
}

// Lookup returns the framework's error-catalog entry of code.
func (fw *Framework) Lookup(code int) (*Entry, bool) { return fw.Errors.Lookup(code) }

// IsFramework reports whether data is the content of one of zerofault's
// embedded catalogs.
func IsFramework(data []byte) bool {
	for _, n := range frameworkFiles() {
		if b, err := config.FS.ReadFile(n); err == nil && bytes.Equal(b, data) {
			return true
		}
	}
	return false
}

var frameworkFiles = sync.OnceValue(func() []string {
	names, _ := fs.Glob(config.FS, "*.yml")
	return names
})
