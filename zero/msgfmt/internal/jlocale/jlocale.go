// Package jlocale reads a BCP 47 language tag the way Java's
// Locale.forLanguageTag does, and finds the JDK 17 locale whose data the
// JDK's formatters would use for it, so that the formatters built on it
// pick the same locale data the JDK would.
//
// Java keeps the well-formed prefix of a tag and silently drops the rest; an
// ill-formed first subtag yields the root locale. "en_US" and "not a locale"
// are therefore the root locale, not errors.
//
// The locales the JDK has data for are the 1017 of JDK 17's
// Locale.getAvailableLocales(), tabulated in locales_gen.go; [Resolve] maps
// any Locale to one of them as the JDK's locale providers do (see
// resolve.go).
package jlocale

import "strings"

// Locale is the part of java.util.Locale the formatters need.
type Locale struct {
	Language string // lower case, "" for the root locale
	Script   string // title case, e.g. "Hant"
	Region   string // upper case letters or three digits
	// Variant is Java's variant: the variant subtags, or those following
	// "x-lvariant", joined by "_" in their original case ("POSIX", "JP").
	Variant string

	// keywords holds the Unicode extension keywords the JDK's formatters
	// read, lower case, as key-type pairs in key order joined by "-"
	// ("ca-japanese-nu-thai"): one string keeps Locale small, as every
	// compiled message holds one. See Keyword.
	keywords string

	// Extended is Java's Locale.hasExtensions: the tag carried an
	// extension or private use subtags (other than an lvariant), or got
	// one by compatibility (ja-JP-x-lvariant-JP has the Japanese
	// calendar, th-TH-x-lvariant-TH Thai digits). The JDK then no longer
	// applies CLDR's language aliases to it.
	Extended bool
}

// formatterKeys are the Unicode extension keys the formatters read: the
// calendar ("ca", e.g. "japanese"), the currency ("cu", e.g. "eur"), the
// first day of the week ("fw", e.g. "mon"), the numbering system ("nu",
// e.g. "thai") and the region override ("rg", e.g. "gbzzzz").
var formatterKeys = [...]string{"ca", "cu", "fw", "nu", "rg"}

// Keyword returns the type of the Unicode extension keyword key (one of
// ca, cu, fw, nu and rg), lower case, or "" when l has none.
func (l Locale) Keyword(key string) string {
	if l.keywords == "" {
		return ""
	}
	// Keys have two characters, types' subtags three to eight.
	toks := strings.Split(l.keywords, "-")
	for i := 0; i < len(toks); i++ {
		if toks[i] != key {
			continue
		}
		j := i + 1
		for j < len(toks) && len(toks[j]) != 2 {
			j++
		}
		return strings.Join(toks[i+1:j], "-")
	}
	return ""
}

// NumberingSystem returns the "nu" keyword: the digits to use.
func (l Locale) NumberingSystem() string { return l.Keyword("nu") }

// Calendar returns the "ca" keyword: the calendar type.
func (l Locale) Calendar() string { return l.Keyword("ca") }

// FirstDay returns the "fw" keyword: the first day of the week.
func (l Locale) FirstDay() string { return l.Keyword("fw") }

// Currency returns the "cu" keyword: the currency code, lower case.
func (l Locale) Currency() string { return l.Keyword("cu") }

// RegionOverride returns the region an "rg" keyword stands for, as
// CalendarDataUtility.findRegionOverride reads it: a two-letter region
// followed by "zzzz" ("gbzzzz" is GB); ok is false without such a keyword.
func (l Locale) RegionOverride() (region string, ok bool) {
	rg := strings.ToUpper(l.Keyword("rg"))
	if len(rg) != 6 || rg[2:] != "ZZZZ" || !isAlpha(rg[:2]) {
		return "", false
	}
	return rg[:2], true
}

// withKeywords returns l with the keywords of m (key to type), the others
// dropped.
func (l Locale) withKeywords(m map[string]string) Locale {
	var b strings.Builder
	for _, k := range formatterKeys {
		if v := m[k]; v != "" {
			if b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteString(k + "-" + v)
		}
	}
	l.keywords = b.String()
	return l
}

// Root is the root locale (Java's Locale.ROOT).
var Root = Locale{}

// IsRoot reports whether l is the root locale.
func (l Locale) IsRoot() bool { return l.Language == "" }

// String returns the tag in canonical BCP 47 form, as Java's toLanguageTag
// spells it ("und" for root), with the keywords kept above and without
// other extensions.
func (l Locale) String() string {
	var b strings.Builder
	b.WriteString(l.base())
	if l.keywords != "" {
		b.WriteString("-u-" + l.keywords)
	}
	if l.Variant != "" && !wellFormedVariant(l.Variant) {
		b.WriteString("-x-lvariant-" + strings.ReplaceAll(l.Variant, "_", "-"))
	}
	return b.String()
}

// base returns the language tag of the language, script, region and a
// well-formed variant: what the JDK compares with CLDR's alias and parent
// tables.
func (l Locale) base() string {
	var b strings.Builder
	if l.Language == "" {
		b.WriteString("und")
	} else {
		b.WriteString(l.Language)
	}
	if l.Script != "" {
		b.WriteString("-" + l.Script)
	}
	if l.Region != "" {
		b.WriteString("-" + l.Region)
	}
	if l.Variant != "" && wellFormedVariant(l.Variant) {
		b.WriteString("-" + strings.ReplaceAll(l.Variant, "_", "-"))
	}
	return b.String()
}

// wellFormedVariant tells whether every "_"-separated part of v is a BCP 47
// variant subtag (5-8 alphanumerics, or a digit and three alphanumerics).
func wellFormedVariant(v string) bool {
	for _, s := range strings.Split(v, "_") {
		if !isVariant(s) {
			return false
		}
	}
	return true
}

func isVariant(s string) bool {
	return isAlnum(s) && (len(s) >= 5 && len(s) <= 8 || len(s) == 4 && isDigit(s[:1]))
}

// grandfathered maps the tags BCP 47 grandfathered, lower case, to what
// Java's LanguageTag.parse reads them as.
var grandfathered = map[string]string{
	"art-lojban": "jbo", "cel-gaulish": "xtg-x-cel-gaulish", "en-gb-oed": "en-GB-x-oed",
	"i-ami": "ami", "i-bnn": "bnn", "i-default": "en-x-i-default", "i-enochian": "und-x-i-enochian",
	"i-hak": "hak", "i-klingon": "tlh", "i-lux": "lb", "i-mingo": "see-x-i-mingo", "i-navajo": "nv",
	"i-pwn": "pwn", "i-tao": "tao", "i-tay": "tay", "i-tsu": "tsu", "no-bok": "nb", "no-nyn": "nn",
	"sgn-be-fr": "sfb", "sgn-be-nl": "vgt", "sgn-ch-de": "sgg", "zh-guoyu": "cmn", "zh-hakka": "hak",
	"zh-min": "nan-x-zh-min", "zh-min-nan": "nan", "zh-xiang": "hsn",
}

// oldLanguages are the ISO 639 codes Java 17 replaces by their new ones.
var oldLanguages = map[string]string{"iw": "he", "in": "id", "ji": "yi"}

// Parse reads tag as Locale.forLanguageTag does. It never fails.
func Parse(tag string) Locale {
	if g, ok := grandfathered[strings.ToLower(tag)]; ok {
		tag = g
	}
	var l Locale
	subtags := strings.Split(tag, "-")
	i := 0
	next := func() (string, bool) {
		if i < len(subtags) {
			return subtags[i], true
		}
		return "", false
	}
	s, ok := next()
	if !ok || !isAlpha(s) || len(s) < 2 || len(s) > 8 {
		// Not a language: Java still reads a private use tag ("x-...").
		if ok && strings.EqualFold(s, "x") {
			return parsePrivate(l, subtags[1:])
		}
		return Root
	}
	l.Language = strings.ToLower(s)
	i++
	// Up to three extended language subtags; Java takes the first as the
	// language ("zh-cmn-Hans-CN" is cmn-Hans-CN).
	for n := 0; n < 3; n++ {
		if s, ok = next(); !ok || len(s) != 3 || !isAlpha(s) {
			break
		}
		if n == 0 {
			l.Language = strings.ToLower(s)
		}
		i++
	}
	if l.Language == "und" {
		l.Language = ""
	}
	if old, ok := oldLanguages[l.Language]; ok {
		l.Language = old
	}
	if s, ok = next(); ok && len(s) == 4 && isAlpha(s) {
		l.Script = strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
		i++
	}
	if s, ok = next(); ok && (len(s) == 2 && isAlpha(s) || len(s) == 3 && isDigit(s)) {
		l.Region = strings.ToUpper(s)
		i++
	}
	var variants []string
	for s, ok = next(); ok && isVariant(s); s, ok = next() {
		variants = append(variants, s)
		i++
	}
	l.Variant = strings.Join(variants, "_")
	// Extensions: a singleton and its subtags; Java ignores a repeated
	// singleton, and stops at the first subtag that fits nowhere.
	seen := map[string]bool{}
	for s, ok = next(); ok && len(s) == 1 && isAlnum(s) && !strings.EqualFold(s, "x"); s, ok = next() {
		singleton := strings.ToLower(s)
		start := i + 1
		end := start
		for end < len(subtags) && len(subtags[end]) >= 2 && len(subtags[end]) <= 8 && isAlnum(subtags[end]) {
			end++
		}
		if end == start {
			break // an empty extension ends the well-formed prefix
		}
		i = end
		if seen[singleton] {
			continue
		}
		seen[singleton] = true
		l.Extended = true
		if singleton == "u" {
			l.setKeywords(subtags[start:end])
		}
	}
	if s, ok = next(); ok && strings.EqualFold(s, "x") {
		l = parsePrivate(l, subtags[i+1:])
	}
	if !l.Extended && l.Variant != "" {
		// Locale.getCompatibilityExtensions: the JDK 1.x locales that
		// stood for a calendar or digits keep meaning them.
		switch {
		case l.Language == "ja" && l.Region == "JP" && l.Variant == "JP" && l.Script == "":
			l, l.Extended = l.withKeywords(map[string]string{"ca": "japanese"}), true
		case l.Language == "th" && l.Region == "TH" && l.Variant == "TH" && l.Script == "":
			l, l.Extended = l.withKeywords(map[string]string{"nu": "thai"}), true
		}
	}
	return l
}

// parsePrivate reads private use subtags (after "x"): those following
// "lvariant" become Java's variant, appended to any BCP 47 variant; any
// other subtag makes the locale Extended.
func parsePrivate(l Locale, subtags []string) Locale {
	n := 0
	for n < len(subtags) && len(subtags[n]) >= 1 && len(subtags[n]) <= 8 && isAlnum(subtags[n]) {
		n++
	}
	subtags = subtags[:n]
	for j, s := range subtags {
		if rest := subtags[j+1:]; strings.EqualFold(s, "lvariant") && len(rest) > 0 {
			if j > 0 {
				l.Extended = true // the subtags before "lvariant" stay private use
			}
			if l.Variant != "" {
				l.Variant += "_"
			}
			l.Variant += strings.Join(rest, "_")
			return l
		}
	}
	if len(subtags) > 0 {
		l.Extended = true
	}
	return l
}

// setKeywords reads the subtags of a "u" extension: attributes, then keys
// (two characters) each followed by its type (one or more subtags of 3-8
// characters, joined by "-"). The first occurrence of a key wins; keys the
// formatters do not read are dropped.
func (l *Locale) setKeywords(subtags []string) {
	m := map[string]string{}
	seen := map[string]bool{}
	key := ""
	var typ []string
	flush := func() {
		if key != "" && !seen[key] {
			seen[key] = true
			m[key] = strings.ToLower(strings.Join(typ, "-"))
		}
	}
	for _, s := range subtags {
		if len(s) == 2 {
			flush()
			key, typ = strings.ToLower(s), nil
		} else if key != "" {
			typ = append(typ, s)
		}
	}
	flush()
	*l = l.withKeywords(m)
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

func isDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z') {
			return false
		}
	}
	return s != ""
}
