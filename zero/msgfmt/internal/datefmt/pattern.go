package datefmt

import (
	"strconv"
	"strings"
)

// patternLetters are the letters SimpleDateFormat accepts; any other ASCII
// letter outside quotes is an error, while non-ASCII letters are literal.
const patternLetters = "GyMdkHmsSEDFwWahKzZYuXL"

// maxIntegerDigits is DecimalFormat's cap on minimum integer digits when it
// formats a long, so "y" repeated 400 times prints 309 digits.
const maxIntegerDigits = 309

// item is one compiled pattern element: a run of a pattern letter, or
// literal text when letter is 0.
type item struct {
	letter byte
	count  int
	text   string
}

// PatternError reports a pattern that new SimpleDateFormat(pattern) rejects
// with an IllegalArgumentException.
type PatternError struct {
	Pattern string
	Offset  int    // byte offset in Pattern where the problem was found
	Message string // Java's message, e.g. "Illegal pattern character 'f'"
}

// Error implements error.
func (e *PatternError) Error() string {
	return "datefmt: " + e.Message + " at offset " + strconv.Itoa(e.Offset) + " in pattern " + strconv.Quote(e.Pattern)
}

// compiled is the result of compiling a pattern.
type compiled struct {
	items []item
	// standalone is SimpleDateFormat's forceStandaloneForm: a pattern
	// whose only field is M uses standalone month names.
	standalone bool
	// weeks tells whether a field needs the week computations.
	weeks bool
}

// compile follows SimpleDateFormat.compile, including the order in which it
// detects errors, working on bytes: only ASCII characters are special, so
// UTF-8 sequences pass through as literal text.
func compile(pattern string) (compiled, error) {
	var (
		c        compiled
		lit      strings.Builder // pending literal text
		inQuote  bool
		quoteAt  int
		last     byte // letter of the pending run, 0 if none
		lastAt   int
		count    int
		nfields  int
		lastSeen byte
	)
	flushLit := func() {
		if lit.Len() > 0 {
			c.items = append(c.items, item{text: lit.String()})
			lit.Reset()
		}
	}
	encode := func() error {
		if count == 0 {
			return nil
		}
		if last == 'X' && count >= 4 {
			return &PatternError{pattern, lastAt, "invalid ISO 8601 format: length=" + strconv.Itoa(count)}
		}
		flushLit()
		c.items = append(c.items, item{letter: last, count: count})
		switch last {
		case 'Y', 'w', 'W':
			c.weeks = true
		}
		nfields++
		lastSeen = last
		last, count = 0, 0
		return nil
	}
	for i := 0; i < len(pattern); i++ {
		ch := pattern[i]
		if ch == '\'' {
			if i+1 < len(pattern) && pattern[i+1] == '\'' {
				// '' is a literal quote, inside or outside quotes.
				i++
				if err := encode(); err != nil {
					return c, err
				}
				lit.WriteByte('\'')
				continue
			}
			if !inQuote {
				if err := encode(); err != nil {
					return c, err
				}
				inQuote, quoteAt = true, i
			} else {
				inQuote = false
			}
			continue
		}
		if inQuote {
			lit.WriteByte(ch)
			continue
		}
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z') {
			if err := encode(); err != nil {
				return c, err
			}
			lit.WriteByte(ch)
			continue
		}
		if strings.IndexByte(patternLetters, ch) < 0 {
			return c, &PatternError{pattern, i, "Illegal pattern character '" + string(rune(ch)) + "'"}
		}
		if count > 0 && last != ch {
			if err := encode(); err != nil {
				return c, err
			}
		}
		if count == 0 {
			last, lastAt = ch, i
		}
		count++
	}
	if inQuote {
		return c, &PatternError{pattern, quoteAt, "Unterminated quote"}
	}
	if err := encode(); err != nil {
		return c, err
	}
	flushLit()
	c.standalone = nfields == 1 && lastSeen == 'M'
	return c, nil
}
