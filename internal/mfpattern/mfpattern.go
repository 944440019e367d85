// Package mfpattern reads catalog templates without compiling them: which
// arguments a template formats and how its apostrophes quote. The catalog
// and readable loaders count arguments with it, to hold a readable text to
// its code's template, and the generator's lint checks params and quotes
// with it, so that all three count alike.
package mfpattern

import (
	"regexp"
	"strconv"
	"strings"
)

// Shape is what a MessageFormat pattern's text says beyond what compiling
// it tells: which argument indices it uses and how its apostrophes quote.
type Shape struct {
	Used   map[int]bool // argument indices of elements, nested choice texts included
	Quotes []Quote      // quoted runs of literal text that hide something
}

// Quote is a run of literal text an apostrophe opened.
type Quote struct {
	Start  int      // byte offset of the opening apostrophe
	Closed bool     // false: it runs to the end of the pattern
	Hidden []string // placeholders inside it, e.g. "{0}", which print literally
}

// placeholderAt matches "{n}" or "{n," at the start of s: text that reads
// as a format element unless quoted.
var placeholderAt = regexp.MustCompile(`^\{(\d+)[,}]`)

// Scan walks pattern as java.text.MessageFormat.applyPattern does (JDK
// 17): in literal text two apostrophes stand for one and a lone one
// toggles quoting; inside an element quotes are kept for the sub-format
// and hide braces from the brace count. It records the quoted runs that
// hide a placeholder or run to the end of the pattern, the two ways a
// stray apostrophe in a catalog text goes wrong.
func Scan(pattern string) Shape {
	sh := Shape{Used: map[int]bool{}}
	var (
		inElement bool // outside literal text: SEG_INDEX and after
		inQuote   bool
		depth     int // braces opened inside the element
		cur       *Quote
	)
	for i := 0; i < len(pattern); i++ {
		ch := pattern[i]
		if !inElement {
			switch {
			case ch == '\'' && i+1 < len(pattern) && pattern[i+1] == '\'':
				i++ // a literal apostrophe, quoted or not
			case ch == '\'':
				inQuote = !inQuote
				if inQuote {
					cur = &Quote{Start: i}
				} else {
					cur.Closed = true
					if len(cur.Hidden) > 0 {
						sh.Quotes = append(sh.Quotes, *cur)
					}
					cur = nil
				}
			case ch == '{' && inQuote:
				if m := placeholderAt.FindStringSubmatch(pattern[i:]); m != nil {
					cur.Hidden = append(cur.Hidden, "{"+m[1]+"}")
				}
			case ch == '{':
				if m := placeholderAt.FindStringSubmatch(pattern[i:]); m != nil {
					markUsed(sh.Used, m[1])
				}
				inElement, depth = true, 0
			}
			continue
		}
		// A choice text holding "{n}" formats argument n too, quoted or
		// not: ChoiceFormat strips the quotes before the text is formatted.
		if ch == '{' {
			if m := placeholderAt.FindStringSubmatch(pattern[i:]); m != nil {
				markUsed(sh.Used, m[1])
			}
		}
		switch {
		case inQuote:
			inQuote = ch != '\''
		case ch == '\'':
			inQuote = true
		case ch == '{':
			depth++
		case ch == '}' && depth == 0:
			inElement = false
		case ch == '}':
			depth--
		}
	}
	if cur != nil {
		sh.Quotes = append(sh.Quotes, *cur) // runs to the end
	}
	return sh
}

func markUsed(used map[int]bool, digits string) {
	if n, err := strconv.Atoi(digits); err == nil {
		used[n] = true
	}
}

// Slf4j reports whether a catalog template is formatted slf4j-style: it
// contains "{}", as package catalog decides.
func Slf4j(src string) bool { return strings.Contains(src, "{}") }

// Slf4jCount counts the placeholders of an slf4j template as
// catalog.Template does: "\{}" is literal text, "\\{}" a backslash and a
// placeholder.
func Slf4jCount(src string) int {
	n := 0
	for i := 0; ; {
		j := strings.Index(src[i:], "{}")
		if j < 0 {
			return n
		}
		at := i + j
		escaped := at > 0 && src[at-1] == '\\' && !(at > 1 && src[at-2] == '\\')
		if !escaped {
			n++
		}
		i = at + 2
	}
}

// Args returns how many arguments a catalog template formats: the number
// of "{}" of an slf4j template, else one past the highest index any
// element uses, choice texts included ("{0,choice,0#none|1#{2}}" takes 3).
// The template is assumed to compile.
func Args(src string) int {
	if Slf4j(src) {
		return Slf4jCount(src)
	}
	n := 0
	for i := range Scan(src).Used {
		n = max(n, i+1)
	}
	return n
}
