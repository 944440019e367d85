package httpfault

import (
	"fmt"
	"io/fs"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/config"

	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
)

// Rules holds the texts that explain failed validation rules to end
// users, per language: the "info" of each entry of a validation failure's
// "fields". Build one with NewRules; the zero value is not usable.
//
// A text is a template of the catalog's syntax with three arguments:
// {0} the field's JSON name, {1} the rule's parameter (a number when it
// reads as one, so {1,number} and {1,choice,…} work), {2} the rule's tag.
// It is keyed by the rule's tag ("required", "min") or, for rules whose
// meaning depends on the field, by the tag and the field's kind:
// "min.string" (a length), "min.number" (a value) or "min.items" (a count
// of elements). The key "default" explains any rule without a text.
type Rules struct {
	langs   map[language.Tag]*ruleLang
	def     *ruleLang   // the framework's default language
	order   []*ruleLang // the languages in the matcher's order
	matcher language.Matcher

	mu    sync.RWMutex
	match map[language.Tag]*ruleLang // what matching chose, per tag asked for
}

// ruleLang is one language's rule texts.
type ruleLang struct {
	tag   language.Tag
	texts map[string]*ruleText
}

// ruleText is one rule's texts, by kind of field.
type ruleText [numKinds]*catalog.Template

// kind classes a field for rules whose meaning depends on it.
type kind uint8

const (
	kindAny kind = iota
	kindString
	kindNumber
	kindItems
	numKinds
)

var kindNames = [numKinds]string{"", "string", "number", "items"}

// kindNamed reads the kind part of a key: "" for kindAny.
func kindNamed(name string) (kind, bool) {
	for i, n := range kindNames {
		if n == name {
			return kind(i), true
		}
	}
	return kindAny, false
}

func kindOf(k reflect.Kind) kind {
	switch k {
	case reflect.String:
		return kindString
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		return kindNumber
	case reflect.Slice, reflect.Array, reflect.Map:
		return kindItems
	}
	return kindAny
}

// frameworkRules reads zerofault's texts for the common rules, in every
// language the framework ships: config's vertx-rules.yml (English) and
// vertx-rules.<tag>.yml.
func frameworkRules() (map[string]map[string]string, error) {
	files, err := fs.Glob(config.FS, "vertx-rules*.yml")
	if err != nil {
		return nil, err
	}
	out := make(map[string]map[string]string, len(files))
	for _, name := range files {
		tag := strings.TrimPrefix(strings.TrimPrefix(strings.TrimSuffix(name, ".yml"), "vertx-rules"), ".")
		if tag == "" {
			tag = config.ReadableLanguage
		}
		data, err := fs.ReadFile(config.FS, name)
		if err != nil {
			return nil, err
		}
		var texts map[string]string
		if err := yaml.Unmarshal(data, &texts); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[tag] = texts
	}
	return out, nil
}

// defaultRules is built once; its texts are tested, so it never fails.
// defaultRules compiles the framework's rule texts on first use: a
// service that never answers a validation failure does not hold them,
// and every garbage collection would trace them.
var defaultRules = sync.OnceValues(func() (*Rules, error) { return NewRules(nil) })

// DefaultRules returns the framework's rule texts, in every language the
// framework ships.
func DefaultRules() *Rules {
	r, _ := defaultRules() // embedded and tested: TestRules checks the error
	return r
}

// NewRules returns the framework's rule texts extended, and overridden
// where they overlap, by texts: BCP 47 language tag → key → template
// (see Rules). Every template is compiled now, for its language; the
// error names the language and key of each that does not compile.
//
// A rule without a text in the request's language is explained by that
// language's "default" text, so that a response keeps to one language;
// a language without even that borrows the texts of English, the
// framework's default language.
func NewRules(texts map[string]map[string]string) (*Rules, error) {
	r := &Rules{langs: map[language.Tag]*ruleLang{}, match: map[language.Tag]*ruleLang{}}
	var problems []string
	add := func(tagText string, m map[string]string) {
		tag, err := language.Parse(tagText)
		if err != nil {
			problems = append(problems, fmt.Sprintf("language %q: %v", tagText, err))
			return
		}
		rl := r.langs[tag]
		if rl == nil {
			rl = &ruleLang{tag: tag, texts: map[string]*ruleText{}}
			r.langs[tag] = rl
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, key := range keys {
			rule, kindName, _ := strings.Cut(key, ".")
			k, ok := kindNamed(kindName)
			if !ok || rule == "" {
				problems = append(problems, fmt.Sprintf("%s: key %q: want rule or rule.string, rule.number, rule.items", tagText, key))
				continue
			}
			tpl, err := catalog.Compile(tag.String(), m[key])
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: key %q: %v", tagText, key, err))
				continue
			}
			rt := rl.texts[rule]
			if rt == nil {
				rt = new(ruleText)
				rl.texts[rule] = rt
			}
			rt[k] = tpl
		}
	}
	framework, err := frameworkRules()
	if err != nil {
		return nil, fmt.Errorf("httpfault: rule texts: %w", err)
	}
	for _, tagText := range sortedKeys(framework) {
		add(tagText, framework[tagText])
	}
	for _, tagText := range sortedKeys(texts) {
		add(tagText, texts[tagText])
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("httpfault: rule texts: %s", strings.Join(problems, "; "))
	}
	r.def = r.langs[language.Make(config.ReadableLanguage)]
	tags := make([]language.Tag, 0, len(r.langs))
	r.order = make([]*ruleLang, 0, len(r.langs))
	for _, tagText := range sortedKeys(r.byName()) {
		rl := r.langs[language.Make(tagText)]
		tags = append(tags, rl.tag)
		r.order = append(r.order, rl)
	}
	r.matcher = language.NewMatcher(tags)
	return r, nil
}

// byName indexes the languages by their tags' text, for a stable order.
func (r *Rules) byName() map[string]*ruleLang {
	m := make(map[string]*ruleLang, len(r.langs))
	for tag, rl := range r.langs {
		m[tag.String()] = rl
	}
	return m
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lang returns the texts for a language chosen by a readable bundle: its
// own, else those of the closest language with the same script (de-AT
// reads de, zh-HK reads zh-TW, never zh-CN), else the default's. What
// matching chose is kept per tag: a bundle has few languages.
func (r *Rules) lang(l readable.Language) *ruleLang {
	tag := l.Tag()
	if rl, ok := r.langs[tag]; ok {
		return rl
	}
	r.mu.RLock()
	rl, ok := r.match[tag]
	r.mu.RUnlock()
	if ok {
		return rl
	}
	rl = r.def
	if _, i, conf := r.matcher.Match(tag); conf >= language.High {
		rl = r.order[i]
	} else if conf > language.No {
		want, _ := tag.Script()
		if got, _ := r.order[i].tag.Script(); got == want {
			rl = r.order[i]
		}
	}
	r.mu.Lock()
	if len(r.match) < maxMatched {
		r.match[tag] = rl
	}
	r.mu.Unlock()
	return rl
}

// maxMatched bounds the cache of lang: a bundle's languages, with room
// to spare.
const maxMatched = 256

// appendText appends the text explaining a failed rule. It falls back
// from the field's kind to the rule's general text, from the rule to the
// language's "default", and from the language to the default language.
func (r *Rules) appendText(dst []byte, rl *ruleLang, rule string, k kind, field, param string) []byte {
	for _, l := range [2]*ruleLang{rl, r.def} {
		if l == nil {
			continue
		}
		for _, key := range [2]string{rule, "default"} {
			rt := l.texts[key]
			if rt == nil {
				continue
			}
			for _, kk := range [2]kind{k, kindAny} {
				if t := rt[kk]; t != nil {
					if out, ok := appendRule(dst, t, field, param, rule); ok {
						return out
					}
				}
			}
		}
	}
	return dst
}

// appendRule formats one rule text. Only the arguments the template uses
// are made into interface values, each of which costs an allocation.
func appendRule(dst []byte, t *catalog.Template, field, param, rule string) ([]byte, bool) {
	var args [3]any
	n := min(t.ArgCount(), len(args))
	if n > 0 {
		args[0] = field
	}
	if n > 1 {
		args[1] = paramArg(param)
	}
	if n > 2 {
		args[2] = rule
	}
	out, err := t.AppendFormat(dst, args[:n]...)
	if err != nil {
		return dst, false
	}
	return out, true
}

// paramArg gives a rule parameter to templates as a number when it reads
// as one, so that {1,number} and {1,choice} work.
func paramArg(p string) any {
	if p == "" || len(p) > 20 || strings.Trim(p, "+-.0123456789eE") != "" {
		return p // not a number: spare strconv the error it would allocate
	}
	if n, err := strconv.ParseInt(p, 10, 64); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(p, 64); err == nil {
		return f
	}
	return p
}
