package httpfault

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"

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
	langs map[language.Tag]*ruleLang
	bases map[language.Base]*ruleLang
	def   *ruleLang // the framework's default language
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

// frameworkRules are zerofault's texts for the common rules, in the
// framework's readable languages.
var frameworkRules = map[string]map[string]string{
	"en": {
		"default":       "{0} is not valid.",
		"required":      "{0} is required.",
		"email":         "{0} must be a valid email address.",
		"url":           "{0} must be a valid URL.",
		"uuid":          "{0} must be a valid UUID.",
		"numeric":       "{0} must be a number.",
		"alphanum":      "{0} may contain only letters and digits.",
		"oneof":         "{0} must be one of: {1}.",
		"len":           "{0} does not have the required length.",
		"len.string":    "{0} must be exactly " + chars + " long.",
		"len.number":    "{0} must be {1}.",
		"len.items":     "{0} must contain exactly " + items + ".",
		"min":           "{0} is too small.",
		"min.string":    "{0} must be at least " + chars + " long.",
		"min.number":    "{0} must be {1} or more.",
		"min.items":     "{0} must contain at least " + items + ".",
		"max":           "{0} is too large.",
		"max.string":    "{0} must be at most " + chars + " long.",
		"max.number":    "{0} must be {1} or less.",
		"max.items":     "{0} must contain at most " + items + ".",
		"gte":           "{0} is too small.",
		"gte.string":    "{0} must be at least " + chars + " long.",
		"gte.number":    "{0} must be {1} or more.",
		"gte.items":     "{0} must contain at least " + items + ".",
		"lte":           "{0} is too large.",
		"lte.string":    "{0} must be at most " + chars + " long.",
		"lte.number":    "{0} must be {1} or less.",
		"lte.items":     "{0} must contain at most " + items + ".",
		"gt":            "{0} is too small.",
		"gt.string":     "{0} must be longer than " + chars + ".",
		"gt.number":     "{0} must be greater than {1}.",
		"gt.items":      "{0} must contain more than " + items + ".",
		"lt":            "{0} is too large.",
		"lt.string":     "{0} must be shorter than " + chars + ".",
		"lt.number":     "{0} must be less than {1}.",
		"lt.items":      "{0} must contain fewer than " + items + ".",
		"required_if":   "{0} is required.",
		"required_with": "{0} is required.",
	},
	"zh-CN": {
		"default":       "{0}的值无效。",
		"required":      "{0}为必填项。",
		"email":         "{0}必须是有效的电子邮件地址。",
		"url":           "{0}必须是有效的网址。",
		"uuid":          "{0}必须是有效的UUID。",
		"numeric":       "{0}必须是数字。",
		"alphanum":      "{0}只能包含字母和数字。",
		"oneof":         "{0}必须是以下之一：{1}。",
		"len":           "{0}的长度不符合要求。",
		"len.string":    "{0}的长度必须为{1}个字符。",
		"len.number":    "{0}必须等于{1}。",
		"len.items":     "{0}必须包含{1}项。",
		"min":           "{0}过小。",
		"min.string":    "{0}的长度不能少于{1}个字符。",
		"min.number":    "{0}不能小于{1}。",
		"min.items":     "{0}至少需要包含{1}项。",
		"max":           "{0}过大。",
		"max.string":    "{0}的长度不能超过{1}个字符。",
		"max.number":    "{0}不能大于{1}。",
		"max.items":     "{0}最多只能包含{1}项。",
		"gte":           "{0}过小。",
		"gte.string":    "{0}的长度不能少于{1}个字符。",
		"gte.number":    "{0}不能小于{1}。",
		"gte.items":     "{0}至少需要包含{1}项。",
		"lte":           "{0}过大。",
		"lte.string":    "{0}的长度不能超过{1}个字符。",
		"lte.number":    "{0}不能大于{1}。",
		"lte.items":     "{0}最多只能包含{1}项。",
		"gt":            "{0}过小。",
		"gt.string":     "{0}的长度必须多于{1}个字符。",
		"gt.number":     "{0}必须大于{1}。",
		"gt.items":      "{0}包含的项数必须多于{1}。",
		"lt":            "{0}过大。",
		"lt.string":     "{0}的长度必须少于{1}个字符。",
		"lt.number":     "{0}必须小于{1}。",
		"lt.items":      "{0}包含的项数必须少于{1}。",
		"required_if":   "{0}为必填项。",
		"required_with": "{0}为必填项。",
	},
}

// English counts: "1 character", "5 characters"; MessageFormat's choice
// is how a template says so, since a rule's texts are not plural maps.
const (
	chars = "{1,choice,0#{1} characters|1#{1} character|1<{1} characters}"
	items = "{1,choice,0#{1} items|1#{1} item|1<{1} items}"
)

// defaultRules is built once; its texts are tested, so it never fails.
var defaultRules, defaultRulesErr = NewRules(nil)

// DefaultRules returns the framework's rule texts, in English and
// Simplified Chinese.
func DefaultRules() *Rules { return defaultRules }

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
	r := &Rules{langs: map[language.Tag]*ruleLang{}, bases: map[language.Base]*ruleLang{}}
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
	for _, tagText := range sortedKeys(frameworkRules) {
		add(tagText, frameworkRules[tagText])
	}
	for _, tagText := range sortedKeys(texts) {
		add(tagText, texts[tagText])
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("httpfault: rule texts: %s", strings.Join(problems, "; "))
	}
	r.def = r.langs[language.Make(readableDefault)]
	for tag, rl := range r.langs {
		base, _ := tag.Base()
		if prev, ok := r.bases[base]; !ok || tag.String() < prev.tag.String() {
			r.bases[base] = rl
		}
	}
	return r, nil
}

// readableDefault is the language of the framework's readable texts.
const readableDefault = "en"

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lang returns the texts for a language chosen by a readable bundle: its
// own, else those of its base language (zh-TW for zh-CN texts' sake),
// else the default's.
func (r *Rules) lang(l readable.Language) *ruleLang {
	if rl, ok := r.langs[l.Tag()]; ok {
		return rl
	}
	if base, conf := l.Tag().Base(); conf != language.No {
		if rl, ok := r.bases[base]; ok {
			return rl
		}
	}
	return r.def
}

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
