package lint

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// shape is what the lint needs to know about a MessageFormat pattern
// beyond what compiling it tells: which argument indices it uses and how
// its apostrophes quote.
type shape struct {
	used   map[int]bool // argument indices of elements, nested choice texts included
	quotes []quote      // quoted runs of literal text that hide something
}

// quote is a run of literal text an apostrophe opened.
type quote struct {
	start  int      // byte offset of the opening apostrophe
	closed bool     // false: it runs to the end of the pattern
	hidden []string // placeholders inside it, e.g. "{0}", which print literally
}

// placeholderAt matches "{n}" or "{n," at the start of s: text that reads
// as a format element unless quoted.
var placeholderAt = regexp.MustCompile(`^\{(\d+)[,}]`)

// scanPattern walks pattern as java.text.MessageFormat.applyPattern does
// (JDK 17): in literal text two apostrophes stand for one and a lone one
// toggles quoting; inside an element quotes are kept for the sub-format
// and hide braces from the brace count. It records the quoted runs that
// hide a placeholder or run to the end of the pattern, the two ways a
// stray apostrophe in a catalog text goes wrong.
func scanPattern(pattern string) shape {
	sh := shape{used: map[int]bool{}}
	var (
		inElement bool // outside literal text: SEG_INDEX and after
		inQuote   bool
		depth     int // braces opened inside the element
		cur       *quote
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
					cur = &quote{start: i}
				} else {
					cur.closed = true
					if len(cur.hidden) > 0 {
						sh.quotes = append(sh.quotes, *cur)
					}
					cur = nil
				}
			case ch == '{' && inQuote:
				if m := placeholderAt.FindStringSubmatch(pattern[i:]); m != nil {
					cur.hidden = append(cur.hidden, "{"+m[1]+"}")
				}
			case ch == '{':
				if m := placeholderAt.FindStringSubmatch(pattern[i:]); m != nil {
					markUsed(sh.used, m[1])
				}
				inElement, depth = true, 0
			}
			continue
		}
		// A choice text holding "{n}" formats argument n too, quoted or
		// not: ChoiceFormat strips the quotes before the text is formatted.
		if ch == '{' {
			if m := placeholderAt.FindStringSubmatch(pattern[i:]); m != nil {
				markUsed(sh.used, m[1])
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
		sh.quotes = append(sh.quotes, *cur) // runs to the end
	}
	return sh
}

func markUsed(used map[int]bool, digits string) {
	if n, err := strconv.Atoi(digits); err == nil {
		used[n] = true
	}
}

// apostropheMessages explains each bad quote of pattern.
func (sh shape) apostropheMessages(pattern string) []string {
	var out []string
	for _, q := range sh.quotes {
		at := "the apostrophe in " + strconv.Quote(wordAround(pattern, q.start)) +
			" (column " + strconv.Itoa(utf8.RuneCountInString(pattern[:q.start])+1) + ")"
		fix := "; write '' for a literal apostrophe"
		if len(q.hidden) > 0 {
			out = append(out, at+" quotes "+joinOr(q.hidden, " and ")+" away, so it prints literally"+fix)
		} else {
			out = append(out, at+" is dropped and quotes the rest of the text"+fix)
		}
	}
	return out
}

// wordAround returns the run of non-space text around byte offset at,
// at most a dozen runes either side, to show where an apostrophe is.
func wordAround(s string, at int) string {
	const most = 12
	start, end := at, at+1
	for n := 0; n < most && start > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= size
	}
	for n := 0; n < most && end < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[end:])
		if unicode.IsSpace(r) {
			break
		}
		end += size
	}
	return s[start:end]
}

func joinOr(items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + last + items[len(items)-1]
}

// mfPlaceholder finds MessageFormat placeholders, to tell an slf4j
// template that mixes in "{0}" (which would print literally).
var mfPlaceholder = regexp.MustCompile(`\{\d+[,}]`)

// slf4jCount counts the placeholders of an slf4j template as
// catalog.Template does: "\{}" is literal text.
func slf4jCount(src string) int {
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
