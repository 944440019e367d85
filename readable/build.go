package readable

import (
	"embed"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/zeroport/zerofault/internal/mfpattern"
	"github.com/zeroport/zerofault/zero/catalog"
)

// text is one code's compiled text in one language.
type text struct {
	forms     [numForms]*catalog.Template // forms[formOther] is never nil
	plural    bool                        // written as a map of forms
	count     int                         // the argument that picks the form
	file      string
	line      int
	framework bool
}

// langBuild gathers one language's texts while files load.
type langBuild struct {
	tag       language.Tag
	texts     map[int]*text
	firstFile string
	files     []loadedFile // in the order they loaded, to compile the texts again
}

// loadedFile is an overlay that gave a language texts: what compiling
// that language again on first use (see lang.texts) reads.
type loadedFile struct {
	src  source
	data []byte // nil when src reads the same bytes again (an embed.FS)
}

// read returns the file's bytes, as Load read them.
func (f loadedFile) read() ([]byte, error) {
	if f.data != nil {
		return f.data, nil
	}
	return f.src.read()
}

// rereadable reports whether s reads the same bytes whenever it is read:
// an embedded file, which a language compiled later may read again
// rather than keep a copy of.
func rereadable(s source) bool {
	_, ok := s.fsys.(embed.FS)
	return ok
}

type builder struct {
	def   language.Tag
	order []*langBuild
	byTag map[language.Tag]*langBuild
}

func newBuilder(def language.Tag) *builder {
	b := &builder{def: def, byTag: map[language.Tag]*langBuild{}}
	b.lang(def, "")
	return b
}

func (b *builder) lang(tag language.Tag, file string) *langBuild {
	lb := b.byTag[tag]
	if lb == nil {
		lb = &langBuild{tag: tag, texts: map[int]*text{}}
		b.byTag[tag] = lb
		b.order = append(b.order, lb)
	}
	if lb.firstFile == "" {
		lb.firstFile = file
	}
	return lb
}

// add loads one file, whose content is data unless reading it failed
// with rerr.
func (b *builder) add(s source, data []byte, rerr error, o options) []error {
	tag, err := languageOf(s, b.def)
	if err != nil {
		return []error{problem(s.name, 0, "", ErrLanguage, "the name does not end in .<BCP 47 tag>.yml: %v", err)}
	}
	if rerr != nil {
		return []error{&LoadError{File: s.name, Err: rerr}}
	}
	lb := b.lang(tag, s.name)
	f := loadedFile{src: s}
	if !rereadable(s) {
		f.data = data
	}
	lb.files = append(lb.files, f)
	return lb.addTexts(s, data, o.check)
}

// addTexts compiles the texts of one file of lb's language, whose
// content is data, holding them to check when it is not nil.
func (lb *langBuild) addTexts(s source, data []byte, check *catalog.Catalog) []error {
	raws, errs := parseFile(s.name, data)
	locale := lb.tag.String()
	for _, r := range raws {
		var tmpl catalog.Entry
		if check != nil {
			var ok bool
			if tmpl, ok = check.Lookup(r.Code); !ok {
				errs = append(errs, problem(s.name, r.Line, r.Key, catalog.ErrUnknownCode, "add E%d to an error catalog first", -r.Code))
				continue
			}
		}
		if prev, ok := lb.texts[r.Code]; ok && !(prev.framework && !s.framework) {
			errs = append(errs, problem(s.name, r.Line, r.Key, catalog.ErrDuplicate, "%s is already defined for %s at %s:%d", r.Key, locale, prev.file, prev.line))
			continue
		}
		t := &text{plural: r.Plural != nil, file: s.name, line: r.Line, framework: s.framework}
		forms, lines, has := [numForms]string{formOther: r.Text}, [numForms]int{formOther: r.TextLine}, [numForms]bool{formOther: true}
		if p := r.Plural; p != nil {
			forms, lines, has, t.count = p.Forms, p.Lines, p.Has, p.Count
		}
		ok := true
		for f := range numForms {
			if !has[f] {
				continue
			}
			tpl, err := catalog.Compile(locale, forms[f])
			if err != nil {
				errs = append(errs, problem(s.name, lines[f], r.Key, err, ""))
				ok = false
				continue
			}
			t.forms[f] = tpl
		}
		if ok && check != nil {
			if err := fits(t, tmpl); err != nil {
				errs = append(errs, problem(s.name, r.Line, r.Key, catalog.ErrArgs, "%v", err))
				ok = false
			}
		}
		if ok {
			lb.texts[r.Code] = t
		}
	}
	// Shape problems and template problems come from two passes; report
	// them in the order of the file.
	slices.SortStableFunc(errs, func(x, y error) int { return lineOf(x) - lineOf(y) })
	return errs
}

// fits checks a text against its code's error template, as Check asks:
// no form may use an argument the template does not take, and a plural
// text's count must name one it does. The error says which.
func fits(t *text, tmpl catalog.Entry) error {
	n := mfpattern.Args(tmpl.Source()) // choice texts included, unlike ArgCount
	takes := strconv.Itoa(n) + " arguments"
	if n == 1 {
		takes = "1 argument"
	}
	where := fmt.Sprintf("%s (%s:%d) takes %s", tmpl.Key, tmpl.File, tmpl.Line, takes)
	for f, form := range t.forms {
		if form == nil {
			continue
		}
		if a := mfpattern.Args(form.Source()); a > n {
			if t.plural {
				return fmt.Errorf("form %s uses {%d}, and %s", formNames[f], a-1, where)
			}
			return fmt.Errorf("it uses {%d}, and %s", a-1, where)
		}
	}
	if t.plural && t.count >= n {
		return fmt.Errorf("count: %d picks the form by {%d}, and %s", t.count, t.count, where)
	}
	return nil
}

func lineOf(err error) int {
	var p *LoadError
	if errors.As(err, &p) {
		return p.Line
	}
	return 0
}

// build turns the loaded texts into a Bundle: the index by language and
// code, the plural tables and the matcher. The go-i18n bundle is built
// here to report what go-i18n refuses, then dropped: few services ask for
// it, and every garbage collection would trace it (see Bundle.Bundle).
// So are the texts of every language but the default, until first used
// (see lang.texts), unless keepCompiled.
func (b *builder) build(keepCompiled bool) (*Bundle, error) {
	out := &Bundle{def: b.def, index: map[language.Tag]int{}}
	var errs []error
	var probe *pluralProbe
	check := i18n.NewBundle(b.def)
	for i, lb := range b.order { // the default language is first
		l := &lang{tag: lb.tag, name: lb.tag.String(), count: len(lb.texts), table: lb.texts, files: lb.files}
		l.compiled.Store(true)
		if err := addMessages(check, l); err != nil {
			errs = append(errs, problem(lb.firstFile, 0, "", ErrLanguage, "%v", err))
			continue
		}
		plural := false
		for _, t := range lb.texts {
			plural = plural || t.plural
		}
		if plural {
			if probe == nil {
				probe = newPluralProbe(b.def)
			}
			r, err := probe.rule(lb.tag)
			if err != nil {
				errs = append(errs, problem(lb.firstFile, 0, "", ErrLanguage, "%v", err))
				continue
			}
			l.plural = r
		}
		out.index[lb.tag] = i
		out.langs = append(out.langs, l)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	tags := make([]language.Tag, len(out.langs))
	for i, l := range out.langs {
		l.index = i
		tags[i] = l.tag
		l.fallback = out.fallbackOf(i)
	}
	if !keepCompiled {
		// Every text compiled and passed its checks; each language but
		// the default compiles again on first use (see lang.texts).
		for _, l := range out.langs[1:] {
			l.release()
		}
	}
	out.langs[0].files = nil
	for _, l := range out.langs {
		if l.compiled.Load() {
			packTexts(l.table)
		}
	}
	out.matcher = language.NewMatcher(tags)
	out.tags.init()
	out.prefs.init()
	return out, nil
}

// addMessages adds the texts of l to the go-i18n bundle ib.
func addMessages(ib *i18n.Bundle, l *lang) error {
	texts := l.texts()
	if len(texts) == 0 {
		return nil
	}
	msgs := make([]*i18n.Message, 0, len(texts))
	for code, t := range texts {
		m := &i18n.Message{ID: strconv.Itoa(-code)}
		for f, tpl := range t.forms {
			if tpl != nil {
				*messageForm(m, form(f)) = tpl.Source()
			}
		}
		msgs = append(msgs, m)
	}
	return ib.AddMessages(l.tag, msgs...)
}

func messageForm(m *i18n.Message, f form) *string {
	switch f {
	case formZero:
		return &m.Zero
	case formOne:
		return &m.One
	case formTwo:
		return &m.Two
	case formFew:
		return &m.Few
	case formMany:
		return &m.Many
	}
	return &m.Other
}

// packTexts moves a language's texts, and their templates, into one
// block of memory each (see catalog.Pack): a compiled language stays as
// long as its bundle, and every garbage collection traces it.
func packTexts(texts map[int]*text) {
	codes := slices.Sorted(maps.Keys(texts))
	slab := make([]text, len(codes))
	var forms []*catalog.Template
	var slots []**catalog.Template // where each of forms came from
	for i, code := range codes {
		slab[i] = *texts[code]
		texts[code] = &slab[i]
		for f := range slab[i].forms {
			if tpl := slab[i].forms[f]; tpl != nil {
				forms, slots = append(forms, tpl), append(slots, &slab[i].forms[f])
			}
		}
	}
	catalog.Pack(forms)
	for i, slot := range slots {
		*slot = forms[i]
	}
}
