package msgfmt

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/datefmt"
	"github.com/zeroport/zerofault/zero/msgfmt/internal/decimal"
)

// maxArgIndex is the JDK's ArgumentIndex implementation limit: {10000} and
// above are rejected while parsing (added to JDK 17 by an update release).
const maxArgIndex = 10000

// The segments of a format element, as MessageFormat.applyPattern names them.
const (
	segRaw = iota
	segIndex
	segType
	segModifier
)

// kind says how an element turns its argument into text.
type kind uint8

const (
	kindPlain  kind = iota // {n}: chosen from the argument's type at format time
	kindNumber             // {n,number...}: a NumberFormat/DecimalFormat
	kindDate               // {n,date...} / {n,time...}: a DateFormat
	kindChoice             // {n,choice,...}: a ChoiceFormat
)

// element is one format element together with the literal text before it.
type element struct {
	lit    string // literal text preceding the element, quotes resolved
	arg    int    // argument index
	kind   kind
	num    *decimal.Format
	date   *datefmt.Format
	choice *choiceFormat
}

// parse is a port of JDK 17's MessageFormat.applyPattern and makeFormat. It
// walks the pattern byte by byte: every character with a syntactic meaning
// is ASCII, so UTF-8 sequences pass through untouched.
func parse(m *Message) error {
	pattern := m.pattern
	var (
		seg        [4][]byte // raw text since the last element, index, type, modifier
		part       = segRaw
		inQuote    bool
		braceStack int
		elemStart  = -1 // offset of the current element's '{'
		modStart   = -1 // offset of its style (segModifier), copied verbatim
		litStart   = 0  // offset of the literal text being collected
		litQuoted  bool // whether it has quotes: then it is collected in seg[segRaw]
	)
	// literal is the text since litStart, quotes resolved. Without quotes
	// it is a substring of the pattern, which spares a copy and a string
	// per element.
	literal := func(end int) string {
		if litQuoted {
			return string(seg[segRaw])
		}
		return pattern[litStart:end]
	}
	if n := strings.Count(pattern, "{"); n > 0 {
		m.elems = make([]element, 0, n)
	}
	for i := 0; i < len(pattern); i++ {
		ch := pattern[i]
		if part == segRaw {
			switch {
			case ch == '\'':
				if !litQuoted {
					if seg[segRaw] == nil {
						seg[segRaw] = make([]byte, 0, len(pattern))
					}
					seg[segRaw] = append(seg[segRaw][:0], pattern[litStart:i]...)
					litQuoted = true
				}
				if i+1 < len(pattern) && pattern[i+1] == '\'' {
					seg[segRaw] = append(seg[segRaw], ch) // '' is a literal quote
					i++
				} else {
					inQuote = !inQuote
				}
			case ch == '{' && !inQuote:
				part = segIndex
				elemStart = i
			case litQuoted:
				seg[segRaw] = append(seg[segRaw], ch)
			}
			continue
		}
		if inQuote { // quotes are kept inside elements; sub-formats unquote
			seg[part] = append(seg[part], ch)
			if ch == '\'' {
				inQuote = false
			}
			continue
		}
		switch ch {
		case ',':
			if part < segModifier {
				part++
				if part == segModifier {
					modStart = i + 1
				}
			} else {
				seg[part] = append(seg[part], ch)
			}
		case '{':
			braceStack++
			seg[part] = append(seg[part], ch)
		case '}':
			if braceStack > 0 {
				braceStack--
				seg[part] = append(seg[part], ch)
				break
			}
			if err := m.makeElement(&seg, literal(elemStart), elemStart, modStart); err != nil {
				return err
			}
			litStart, litQuoted = i+1, false
			part = segRaw
			seg[segIndex], seg[segType], seg[segModifier] = seg[segIndex][:0], seg[segType][:0], seg[segModifier][:0]
		case ' ':
			// Leading spaces of the type are skipped (only ASCII spaces:
			// other blanks are trimmed later by the keyword lookup).
			if part != segType || len(seg[segType]) > 0 {
				seg[part] = append(seg[part], ch)
			}
		case '\'':
			inQuote = true
			seg[part] = append(seg[part], ch)
		default:
			seg[part] = append(seg[part], ch)
		}
	}
	// An element left open with unbalanced inner braces is silently dropped
	// by the JDK; only an open element at brace depth 0 is an error.
	if braceStack == 0 && part != segRaw {
		return &SyntaxError{Pattern: pattern, Offset: elemStart, Msg: "Unmatched braces in the pattern."}
	}
	end := len(pattern)
	if part != segRaw {
		end = elemStart // the dropped element
	}
	m.tail = literal(end)
	return nil
}

// makeElement is MessageFormat.makeFormat: it reads the argument index and
// builds the element's sub-format. lit, the literal text collected so far,
// becomes the element's prefix.
//
// offset is that of the element's '{', modStart that of its style: a
// number or date style is the pattern text verbatim, so an offset inside
// it maps back to the pattern.
func (m *Message) makeElement(seg *[4][]byte, lit string, offset, modStart int) error {
	fail := func(msg string) error {
		return &SyntaxError{Pattern: m.pattern, Offset: offset, Msg: msg}
	}
	failStyle := func(msg string, at int) error {
		if at >= 0 && modStart >= 0 {
			offset = modStart + at
		}
		return fail(msg)
	}
	index := string(seg[segIndex])
	n, ok := parseJavaInt(index)
	if !ok {
		return fail("can't parse argument number: " + index)
	}
	if n < 0 {
		return fail("negative argument number: " + strconv.Itoa(n))
	}
	if n >= maxArgIndex {
		return fail(strconv.Itoa(n) + " exceeds the ArgumentIndex implementation limit")
	}
	e := element{lit: lit, arg: n}
	typ, mod := string(seg[segType]), string(seg[segModifier])
	if typ != "" {
		switch t := findKeyword(typ, typeKeywords); t {
		case 0: // "{0,}", "{0,,x}": an empty type is a plain element
		case 1: // number
			e.kind = kindNumber
			if style := findKeyword(mod, numberKeywords); style >= 0 {
				e.num = m.formats.number(numberStyles[style])
			} else {
				f, err := decimal.NewPattern(m.loc, mod)
				if pe, ok := err.(*decimal.PatternError); ok {
					return failStyle(pe.Msg, pe.Offset)
				} else if err != nil {
					return fail(err.Error())
				}
				e.num = f
			}
		case 2, 3: // date, time
			e.kind = kindDate
			if style := findKeyword(mod, dateKeywords); style >= 0 {
				e.date = m.formats.dateOrTime(t == 3, dateStyles[style])
			} else {
				f, err := datefmt.NewPattern(m.loc, mod)
				if pe, ok := err.(*datefmt.PatternError); ok {
					return failStyle(pe.Message, pe.Offset)
				} else if err != nil {
					return fail(err.Error())
				}
				e.date = f
			}
		case 4: // choice
			e.kind = kindChoice
			c, err := parseChoice(mod)
			if err != nil {
				return fail("Choice Pattern incorrect: " + mod)
			}
			c.compileSubMessages(m.locale, m.loc, m.formats)
			e.choice = c
		default:
			return fail("unknown format type: " + typ)
		}
	}
	seg[segRaw] = seg[segRaw][:0]
	m.elems = append(m.elems, e)
	return nil
}

// Keyword tables, in the JDK's order; an index into them selects a style.
var (
	typeKeywords   = []string{"", "number", "date", "time", "choice"}
	numberKeywords = []string{"", "currency", "percent", "integer"}
	dateKeywords   = []string{"", "short", "medium", "long", "full"}
	numberStyles   = []decimal.Style{decimal.Default, decimal.Currency, decimal.Percent, decimal.Integer}
	// DateFormat.DEFAULT is MEDIUM.
	dateStyles = []datefmt.Style{datefmt.Medium, datefmt.Short, datefmt.Medium, datefmt.Long, datefmt.Full}
)

// findKeyword is MessageFormat.findKeyword: an exact match, else a match
// after String.trim() and toLowerCase(Locale.ROOT); -1 when nothing matches.
func findKeyword(s string, list []string) int {
	for i, k := range list {
		if s == k {
			return i
		}
	}
	ls, ok := trimLowerASCII(s)
	if !ok {
		return -1
	}
	for i, k := range list {
		if ls == k {
			return i
		}
	}
	return -1
}

// trimLowerASCII trims like Java's String.trim (every char <= U+0020) and
// lower-cases ASCII letters. It reports false for non-ASCII text: no
// non-ASCII character lower-cases (in Locale.ROOT) to an ASCII letter that
// occurs in a keyword, so such text can never match one. (Go's
// unicode.ToLower would wrongly map U+0130 'İ' to 'i'.)
func trimLowerASCII(s string) (string, bool) {
	s = javaTrim(s)
	for k := 0; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf {
			return "", false
		}
	}
	return strings.ToLower(s), true
}

// parseJavaInt is Integer.parseInt(s, 10): an optional sign, then decimal
// digits of any script (Character.digit), within int32. Like Java, which
// sees UTF-16 code units, it accepts only digits of the Basic Multilingual
// Plane.
func parseJavaInt(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	neg := false
	switch s[0] {
	case '-':
		neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	const limit = 1 << 31 // magnitude of Integer.MIN_VALUE
	var n int64
	for _, r := range s {
		d := digitValue(r)
		if d < 0 {
			return 0, false
		}
		n = n*10 + int64(d)
		if n > limit {
			return 0, false
		}
	}
	if neg {
		n = -n
	} else if n == limit {
		return 0, false
	}
	return int(n), true
}

// digitValue is Character.digit(r, 10) for runes of the BMP: the value of a
// decimal digit (Unicode category Nd), or -1. Nd digits come in contiguous
// runs of ten starting at zero, which gives the value without a table.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 || r > 0xFFFF || !unicode.Is(unicode.Nd, r) {
		return -1
	}
	n := 0
	for unicode.Is(unicode.Nd, r-1-rune(n)) {
		n++
	}
	return n % 10
}

// javaTrim trims as Java's String.trim does: every char <= U+0020.
func javaTrim(s string) string {
	i, j := 0, len(s)
	for i < j && s[i] <= ' ' {
		i++
	}
	for j > i && s[j-1] <= ' ' {
		j--
	}
	return s[i:j]
}
