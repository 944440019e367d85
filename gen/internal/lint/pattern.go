package lint

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zeroport/zerofault/internal/mfpattern"
)

// shape is what the lint needs to know about a MessageFormat pattern
// beyond what compiling it tells; see mfpattern.Scan.
type shape struct{ mfpattern.Shape }

func scanPattern(pattern string) shape { return shape{mfpattern.Scan(pattern)} }

// apostropheMessages explains each bad quote of pattern.
func (sh shape) apostropheMessages(pattern string) []string {
	var out []string
	for _, q := range sh.Quotes {
		at := "the apostrophe in " + strconv.Quote(wordAround(pattern, q.Start)) +
			" (column " + strconv.Itoa(utf8.RuneCountInString(pattern[:q.Start])+1) + ")"
		fix := "; write '' for a literal apostrophe"
		if len(q.Hidden) > 0 {
			out = append(out, at+" quotes "+joinOr(q.Hidden, " and ")+" away, so it prints literally"+fix)
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
// catalog.Template does.
func slf4jCount(src string) int { return mfpattern.Slf4jCount(src) }
