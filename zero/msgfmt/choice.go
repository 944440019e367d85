package msgfmt

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// choiceFormat is java.text.ChoiceFormat: choice i is selected when
// limits[i] <= x < limits[i+1]; below the first limit (and for NaN) the
// first choice wins.
type choiceFormat struct {
	limits []float64
	texts  []string
	// subs[i] is texts[i] compiled as a MessageFormat when it contains '{'
	// (the JDK then formats the selected text again with the same
	// arguments), nil otherwise. Compiling ahead keeps parsing out of
	// formatting; a text that does not compile keeps its error, which the
	// JDK reports only when that branch is selected.
	subs []*subMessage
}

type subMessage struct {
	msg *Message
	err *SyntaxError
}

const infinity = "\u221E" // ∞

var errChoice = errors.New("bad choice pattern")

// parseChoice is ChoiceFormat.applyPattern. Texts keep no quotes: ” is a
// quote and a lone ' toggles quoting, in which <, # and ≤ and | are plain.
func parseChoice(pattern string) (*choiceFormat, error) {
	c := &choiceFormat{}
	var (
		seg           [2][]byte // limit, text
		part          int
		startValue    float64
		oldStartValue = math.NaN()
		inQuote       bool
	)
	for i := 0; i < len(pattern); i++ {
		ch := pattern[i]
		isLE := ch == 0xE2 && strings.HasPrefix(pattern[i:], "\u2264") // ≤ is E2 89 A4
		switch {
		case ch == '\'':
			if i+1 < len(pattern) && pattern[i+1] == '\'' {
				seg[part] = append(seg[part], ch)
				i++
			} else {
				inQuote = !inQuote
			}
		case inQuote:
			seg[part] = append(seg[part], ch)
		case ch == '<' || ch == '#' || isLE:
			if len(seg[0]) == 0 {
				return nil, errChoice // "Each interval must contain a number before a format"
			}
			switch s := string(seg[0]); s {
			case infinity:
				startValue = math.Inf(1)
			case "-" + infinity:
				startValue = math.Inf(-1)
			default:
				v, ok := parseJavaDouble(s)
				if !ok {
					return nil, errChoice
				}
				startValue = v
			}
			if ch == '<' && !math.IsInf(startValue, 0) {
				startValue = nextUp(startValue)
			}
			if startValue <= oldStartValue {
				return nil, errChoice // "Incorrect order of intervals, must be in ascending order"
			}
			seg[0] = seg[0][:0]
			part = 1
			if isLE {
				i += len("\u2264") - 1
			}
		case ch == '|':
			c.limits = append(c.limits, startValue)
			c.texts = append(c.texts, string(seg[1]))
			oldStartValue = startValue
			seg[1] = seg[1][:0]
			part = 0
		default:
			seg[part] = append(seg[part], ch)
		}
	}
	if part == 1 {
		c.limits = append(c.limits, startValue)
		c.texts = append(c.texts, string(seg[1]))
	}
	return c, nil
}

// compileSubMessages compiles every text the JDK would re-format.
func (c *choiceFormat) compileSubMessages(locale string, loc jlocale.Locale, lf *localeFormats) {
	for i, t := range c.texts {
		if strings.IndexByte(t, '{') < 0 {
			continue
		}
		if c.subs == nil {
			c.subs = make([]*subMessage, len(c.texts))
		}
		m, err := compile(locale, loc, lf, t)
		if err != nil {
			c.subs[i] = &subMessage{err: err.(*SyntaxError)}
		} else {
			c.subs[i] = &subMessage{msg: m}
		}
	}
}

// choose is ChoiceFormat.format(double): the index of the selected text,
// or -1 when there is no choice at all.
func (c *choiceFormat) choose(x float64) int {
	i := 0
	for ; i < len(c.limits); i++ {
		if !(x >= c.limits[i]) { // also stops at NaN
			break
		}
	}
	i--
	if i < 0 {
		if len(c.limits) == 0 {
			return -1
		}
		i = 0
	}
	return i
}

// nextUp is Math.nextUp (ChoiceFormat.nextDouble) for finite x and NaN:
// the least double greater than x; -0.0 and 0.0 both step to MIN_VALUE.
func nextUp(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	return math.Nextafter(x, math.Inf(1))
}

// parseJavaDouble is Double.parseDouble: surrounding chars <= U+0020 are
// trimmed; then an optional sign and "NaN", "Infinity", a decimal number
// with optional exponent, or a hexadecimal number with binary exponent,
// optionally followed by one of f, F, d, D. The value is correctly rounded,
// as in Java.
func parseJavaDouble(s string) (float64, bool) {
	s = javaTrim(s)
	if s == "" {
		return 0, false
	}
	body := s
	neg := false
	if body[0] == '+' || body[0] == '-' {
		neg = body[0] == '-'
		body = body[1:]
	}
	switch body {
	case "NaN":
		return math.NaN(), true
	case "Infinity":
		if neg {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	}
	if n := len(body); n > 0 {
		switch body[n-1] {
		case 'f', 'F', 'd', 'D':
			body = body[:n-1]
		}
	}
	var ok bool
	if len(body) > 1 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X') {
		ok = validHexFloat(body[2:])
	} else {
		ok = validDecFloat(body)
	}
	if !ok {
		return 0, false
	}
	// The syntax is checked; strconv accepts a superset of it and rounds
	// correctly. Out-of-range values come back as ±Inf or ±0 with ErrRange,
	// which is what Java yields too.
	v, err := strconv.ParseFloat(body, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// validDecFloat: digits with at most one '.', at least one digit, then an
// optional exponent e/E, optional sign, at least one digit. ASCII only.
func validDecFloat(s string) bool {
	i, digits := 0, 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && isDigit(s[i]); i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for ; i < len(s) && isDigit(s[i]); i++ {
		}
		if i == start {
			return false
		}
	}
	return i == len(s)
}

// validHexFloat checks what follows "0x": hex digits with an optional '.'
// (at least one digit), then p/P, optional sign, decimal digits.
func validHexFloat(s string) bool {
	i, digits := 0, 0
	for ; i < len(s) && isHex(s[i]); i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && isHex(s[i]); i++ {
			digits++
		}
	}
	if digits == 0 || i == len(s) || s[i]|0x20 != 'p' {
		return false
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	start := i
	for ; i < len(s) && isDigit(s[i]); i++ {
	}
	return i > start && i == len(s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }
