// Package jlocale reads a BCP 47 language tag the way Java's
// Locale.forLanguageTag does, so that the formatters built on it pick the
// same locale data the JDK would.
//
// Java keeps the well-formed prefix of a tag and silently drops the rest; an
// ill-formed first subtag yields the root locale. "en_US" and "not a locale"
// are therefore the root locale, not errors.
package jlocale

import "strings"

// Locale is the part of java.util.Locale the formatters need.
type Locale struct {
	Language string // lower case, "" for the root locale
	Script   string // title case, e.g. "Hant"
	Region   string // upper case letters or three digits
	// NumberingSystem is the value of the Unicode extension "nu" (e.g.
	// "thai" in th-TH-u-nu-thai), "" when absent.
	NumberingSystem string
}

// Root is the root locale (Java's Locale.ROOT).
var Root = Locale{}

// IsRoot reports whether l is the root locale.
func (l Locale) IsRoot() bool { return l.Language == "" }

// String returns the tag in canonical BCP 47 form ("und" for root).
func (l Locale) String() string {
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
	if l.NumberingSystem != "" {
		b.WriteString("-u-nu-" + l.NumberingSystem)
	}
	return b.String()
}

// Parse reads tag as Locale.forLanguageTag does. It never fails.
func Parse(tag string) Locale {
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
	if !ok || !isAlpha(s) || !(len(s) >= 2 && len(s) <= 3 || len(s) >= 5 && len(s) <= 8) {
		return Root
	}
	l.Language = strings.ToLower(s)
	if l.Language == "und" {
		l.Language = ""
	}
	i++
	if s, ok = next(); ok && len(s) == 4 && isAlpha(s) {
		l.Script = strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
		i++
	}
	if s, ok = next(); ok && (len(s) == 2 && isAlpha(s) || len(s) == 3 && isDigit(s)) {
		l.Region = strings.ToUpper(s)
		i++
	}
	// Skip variants (5-8 alphanumerics, or a digit then three alphanumerics).
	for s, ok = next(); ok && isAlnum(s) && (len(s) >= 5 && len(s) <= 8 || len(s) == 4 && isDigit(s[:1])); s, ok = next() {
		i++
	}
	// Extensions: only the Unicode "u" extension's "nu" keyword matters here.
	for s, ok = next(); ok && len(s) == 1 && s != "x"; s, ok = next() {
		singleton := strings.ToLower(s)
		i++
		var key string
		for s, ok = next(); ok && len(s) >= 2 && len(s) <= 8 && isAlnum(s); s, ok = next() {
			i++
			if singleton != "u" {
				continue
			}
			if len(s) == 2 {
				key = strings.ToLower(s)
			} else if key == "nu" && l.NumberingSystem == "" {
				l.NumberingSystem = strings.ToLower(s)
			}
		}
	}
	return l
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
