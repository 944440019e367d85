package readable

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/zeroport/zerofault/zero/catalog"
)

// Bundle holds compiled readable texts in several languages. It is
// immutable once loaded and safe for concurrent use.
type Bundle struct {
	def      language.Tag
	i18nOnce sync.Once
	i18n     *i18n.Bundle // built on the first call of Bundle
	langs    []*lang      // langs[0] is the default language
	index    map[language.Tag]int
	matcher  language.Matcher
	tags     tagCache // what each language tag a client sent matched
	prefs    tagCache // what each whole preference matched (index << 1 | ok)
	// sightings marks headers seen once, for seenBefore.
	sightings [1024]atomic.Uint32
}

// lang is one language of a bundle.
type lang struct {
	index    int // in the bundle's langs
	tag      language.Tag
	name     string
	count    int         // how many texts it has, compiled or not
	fallback []int       // languages tried after this one
	plural   *pluralRule // nil when no text of the language is plural

	// The texts by code, compiled when Load checked them and then, but
	// for the default language's, dropped until first used: a service
	// answers in a few of its languages, and every garbage collection
	// would trace the compiled texts of all. files is what compiles them
	// again.
	compiled atomic.Bool
	table    map[int]*text // valid once compiled
	mu       sync.Mutex
	files    []loadedFile
}

// texts returns the language's texts by code, compiling them on the
// first call.
func (l *lang) texts() map[int]*text {
	if l.compiled.Load() {
		return l.table
	}
	return l.compile()
}

// compile compiles the texts again from the files Load checked them in;
// concurrent first users wait for one compilation.
func (l *lang) compile() map[int]*text {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.compiled.Load() {
		lb := &langBuild{tag: l.tag, texts: make(map[int]*text, l.count)}
		for _, f := range l.files {
			// Load read and compiled the same bytes without a problem, so
			// neither step can fail here.
			data, _ := f.read()
			lb.addTexts(f.src, data, nil)
		}
		packTexts(lb.texts)
		l.table, l.files = lb.texts, nil
		l.compiled.Store(true)
	}
	return l.table
}

// release drops the compiled texts until the next call of texts.
func (l *lang) release() {
	l.compiled.Store(false)
	l.table = nil
}

// Language is one of a bundle's languages, as Match chooses it. The zero
// Language is the bundle's default language. A Language belongs to the
// bundle that returned it; given to another bundle it is looked up there
// by its tag.
type Language struct {
	l *lang // nil for the zero Language
}

// Tag returns the language's BCP 47 tag; language.Und for the zero
// Language.
func (l Language) Tag() language.Tag {
	if l.l == nil {
		return language.Und
	}
	return l.l.tag
}

// Index returns the language's position in its bundle's Languages(), 0
// for the default: for tables that keep something per language.
func (l Language) Index() int {
	if l.l == nil {
		return 0
	}
	return l.l.index
}

// String returns the tag as text, e.g. "zh-CN"; "" for the zero Language.
func (l Language) String() string {
	if l.l == nil {
		return ""
	}
	return l.l.name
}

// language returns the i-th language: a pointer, cheap to pass around
// and to compare.
func (b *Bundle) language(i int) Language { return Language{b.langs[i]} }

// resolve finds l among b's languages, the default when it is not one.
func (b *Bundle) resolve(l Language) int {
	if l.l != nil && l.l.index < len(b.langs) && b.langs[l.l.index] == l.l {
		return l.l.index
	}
	if l.l != nil {
		if i, ok := b.index[l.l.tag]; ok {
			return i
		}
	}
	return 0
}

// Default returns the default language, which every lookup falls back to.
func (b *Bundle) Default() Language { return b.language(0) }

// Languages returns the bundle's languages, the default first.
func (b *Bundle) Languages() []Language {
	out := make([]Language, len(b.langs))
	for i := range b.langs {
		out[i] = b.language(i)
	}
	return out
}

// Bundle returns the go-i18n bundle holding the same texts, for code that
// localizes through go-i18n itself. Message IDs are the bare codes
// ("60010"); the texts are MessageFormat, so give the Localizer
// msgfmt.Parser as TemplateParser and the params as TemplateData. The
// bundle must not be modified: it is shared. (Texts written slf4j-style,
// with "{}", work with Localize but not through msgfmt.Parser.)
//
// It is built on the first call: a go-i18n bundle of every text is a few
// hundred kilobytes of pointers, which each garbage collection of a
// service that never asks for it would trace. Load has checked already
// that go-i18n takes every text.
func (b *Bundle) Bundle() *i18n.Bundle {
	b.i18nOnce.Do(func() {
		b.i18n = i18n.NewBundle(b.def)
		for _, l := range b.langs {
			// Load built one of these texts without error.
			_ = addMessages(b.i18n, l)
		}
	})
	return b.i18n
}

// Has reports whether language l itself, not a fallback, has a text for
// code.
func (b *Bundle) Has(l Language, code int) bool {
	_, ok := b.langs[b.resolve(l)].texts()[code]
	return ok
}

// Localize returns the text of code formatted with params, in the
// language Match(prefs...) chooses; failing that in the languages it
// falls back to (its parents, then the default); failing that "".
func (b *Bundle) Localize(code int, params []any, prefs ...string) string {
	s, _, _ := b.Text(b.Match(prefs...), code, params...)
	return s
}

// Text returns the text of code in language l, or else in the first of
// its fallback languages that has one, formatted with params. It returns
// the language the text came from, and false (with "") when none has a
// text for code. A text whose params do not fit it (a string for
// {0,number}) counts as missing in its language, so the next is tried:
// end users see no half-formatted template.
func (b *Bundle) Text(l Language, code int, params ...any) (string, Language, bool) {
	out, from, ok := b.AppendText(nil, l, code, params...)
	if !ok {
		return "", Language{}, false
	}
	return string(out), from, true
}

// AppendText is Text appending to dst, for renderers that build a
// response in a reused buffer: it allocates nothing. On false dst is
// returned unchanged.
func (b *Bundle) AppendText(dst []byte, l Language, code int, params ...any) ([]byte, Language, bool) {
	out, from, _, ok := b.appendText(dst, l, code, params)
	return out, from, ok
}

// AppendTextJSON is AppendText for writers of JSON: it also reports
// whether the text appended needs no escaping inside a JSON string,
// which the compiled template and params tell without reading the text
// (see catalog.Template.JSONSafe).
func (b *Bundle) AppendTextJSON(dst []byte, l Language, code int, params ...any) (out []byte, from Language, jsonSafe, ok bool) {
	out, from, t, ok := b.appendText(dst, l, code, params)
	return out, from, ok && t.JSONSafe(params...), ok
}

// appendText appends the text and returns the template it came from.
func (b *Bundle) appendText(dst []byte, l Language, code int, params []any) ([]byte, Language, *catalog.Template, bool) {
	start := len(dst)
	i := b.resolve(l)
	fb := b.langs[i].fallback
	for k := -1; k < len(fb); k++ {
		j := i
		if k >= 0 {
			j = fb[k]
		}
		t := b.langs[j].texts()[code]
		if t == nil {
			continue
		}
		form := t.forms[b.langs[j].formOf(t, params)]
		out, err := form.AppendFormat(dst, params...)
		if err == nil {
			return out, b.language(j), form, true
		}
		dst = out[:start]
	}
	return dst, Language{}, nil, false
}

// AppendPlainText appends code's text in l, or in the language l falls
// back to, when that text takes no arguments: a fixed text, the same for
// every occurrence of the code, such as a problem's title. It reports
// false when the text there takes arguments, or there is none.
func (b *Bundle) AppendPlainText(dst []byte, l Language, code int) ([]byte, bool) {
	out, _, ok := b.AppendPlainTextJSON(dst, l, code)
	return out, ok
}

// AppendPlainTextJSON is AppendPlainText for writers of JSON: it also
// reports whether the text needs no escaping inside a JSON string (see
// catalog.Template.JSONSafe).
func (b *Bundle) AppendPlainTextJSON(dst []byte, l Language, code int) (out []byte, jsonSafe, ok bool) {
	t, _, fixed := b.FixedText(l, code)
	if !fixed {
		return dst, false, false
	}
	return append(dst, t.Text...), t.JSONSafe, true
}

// A FixedText is a text that reads the same whatever the params: it
// takes none, and has no plural forms.
type FixedText struct {
	Text     string
	From     Language // where it was found: the language asked for, or one it falls back to
	JSONSafe bool     // Text needs no escaping inside a JSON string
}

// FixedText looks code's text up as AppendText does, in l and then in
// the languages l falls back to. found reports whether one of them has
// a text for code; fixed, whether the first that has one reads the same
// whatever the params, in which case t is that text. A caller that
// answers code in l many times may keep t instead of formatting it each
// time: AppendText would write the same.
func (b *Bundle) FixedText(l Language, code int) (t FixedText, found, fixed bool) {
	i := b.resolve(l)
	fb := b.langs[i].fallback
	for k := -1; k < len(fb); k++ {
		j := i
		if k >= 0 {
			j = fb[k]
		}
		x := b.langs[j].texts()[code]
		if x == nil {
			continue
		}
		form := x.forms[formOther]
		text, ok := form.Fixed()
		if x.plural || !ok {
			return FixedText{}, true, false
		}
		return FixedText{Text: text, From: b.language(j), JSONSafe: form.JSONSafe()}, true, true
	}
	return FixedText{}, false, false
}

// formOf chooses the form of t for params: its count argument's plural
// form, or other when the form is not written.
func (l *lang) formOf(t *text, params []any) form {
	if !t.plural || l.plural == nil || t.count >= len(params) {
		return formOther
	}
	f := l.plural.form(params[t.count])
	if t.forms[f] == nil {
		return formOther
	}
	return f
}

// String summarises the bundle, e.g. for a start-up log line.
func (b *Bundle) String() string {
	s := "readable("
	for i, l := range b.langs {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%s: %d", l.name, l.count)
	}
	return s + ")"
}

var (
	current      atomic.Pointer[Bundle]
	frameworkErr error
	initOnce     sync.Once
)

// Current returns the bundle in force: until Swap installs another, the
// framework's overlays alone. It never returns nil.
func Current() *Bundle {
	if b := current.Load(); b != nil {
		return b
	}
	initOnce.Do(func() {
		// The framework's overlays and those the imported packages of
		// generated exceptions registered.
		b, err := Load()
		if err != nil {
			// A registered overlay gen would have refused: keep the
			// framework's, and say why in FrameworkError.
			frameworkErr = err
			b, err = Load(withoutRegistered)
		}
		if err != nil {
			// The embedded overlays are tested; should they ever fail,
			// texts are missing rather than the process down.
			b = empty()
		}
		current.CompareAndSwap(nil, b)
	})
	return current.Load()
}

// FrameworkError returns the error, if any, with which the embedded
// overlays, or those registered by packages of generated exceptions,
// failed to load when Current first needed them.
func FrameworkError() error {
	Current()
	return frameworkErr
}

// Swap installs b as the bundle in force and returns the previous one;
// Swap(nil) is ignored. Requests already localizing finish with the
// bundle they started with.
func Swap(b *Bundle) *Bundle {
	prev := Current()
	if b == nil {
		return prev
	}
	return current.Swap(b)
}

// empty is a bundle with no texts, in English.
func empty() *Bundle {
	b := &Bundle{
		def:     language.English,
		langs:   []*lang{{tag: language.English, name: "en", table: map[int]*text{}}},
		index:   map[language.Tag]int{language.English: 0},
		matcher: language.NewMatcher([]language.Tag{language.English}),
	}
	b.langs[0].compiled.Store(true)
	b.tags.init()
	b.prefs.init()
	return b
}
