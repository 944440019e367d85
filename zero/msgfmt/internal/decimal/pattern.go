package decimal

import (
	"strings"
	"unicode/utf8"
)

// Limits DecimalFormat applies (java.text.DecimalFormat constants).
const (
	maxIntegerDigits     = 1<<31 - 1 // MAXIMUM_INTEGER_DIGITS (Integer.MAX_VALUE)
	maxFractionDigits    = 1<<31 - 1 // MAXIMUM_FRACTION_DIGITS
	doubleIntegerDigits  = 309       // DOUBLE_INTEGER_DIGITS: cap for long/double
	doubleFractionDigits = 340       // DOUBLE_FRACTION_DIGITS: cap for long/double
)

// PatternError reports a pattern that DecimalFormat.applyPattern rejects
// with an IllegalArgumentException.
type PatternError struct {
	Pattern string // the rejected pattern
	Offset  int    // byte offset of the offending character, -1 when Java does not pin one
	Msg     string // the message of Java's exception, e.g. `Malformed pattern "#,"`
}

func (e *PatternError) Error() string { return e.Msg }

func patternErr(pattern string, offset int, what string) *PatternError {
	return &PatternError{Pattern: pattern, Offset: offset, Msg: what + " in pattern \"" + pattern + "\""}
}

// Affix patterns keep DecimalFormat's internal encoding: a quote introduces
// a special symbol (¤, ¤¤, %, ‰, -) or a literal quote; everything else is
// literal. They are expanded against the symbols once, at compile time.
const (
	patQuote    = '\''
	patCurrency = '\u00a4'
	patPercent  = '%'
	patPerMill  = '\u2030'
	patMinus    = '-'
	patDigit    = '#'
	patZero     = '0'
	patGroup    = ','
	patDecimal  = '.'
	patSep      = ';'
	patExponent = 'E'
)

// parsed is what applyPattern sets on a DecimalFormat, before the affixes
// are expanded against the locale's symbols.
type parsed struct {
	posPrefix, posSuffix, negPrefix, negSuffix string // affix patterns

	minInt, maxInt, minFrac, maxFrac int // DecimalFormat's own (uncapped) values
	groupingUsed                     bool
	groupingSize                     int
	multiplier                       int
	decimalAlwaysShown               bool
	currency                         bool // ¤ seen: use monetary separators
	exponential                      bool
	minExpDigits                     int
}

// parsePattern is DecimalFormat.applyPattern(pattern, false) on a freshly
// constructed DecimalFormat.
func parsePattern(pattern string) (*parsed, error) {
	p := &parsed{
		// Field defaults of a new DecimalFormat that applyPattern may keep.
		minInt: 1, maxInt: 40, minFrac: 0, maxFrac: 3,
		groupingUsed: true, groupingSize: 3, multiplier: 1,
	}
	gotNegative := false
	start := 0
	n := len(pattern)
	for j := 1; j >= 0 && start < n; j-- {
		inQuote := false
		var prefix, suffix strings.Builder
		decimalPos := -1
		multiplier := 1
		digitLeft, zeroCount, digitRight := 0, 0, 0
		groupingCount := int8(-1) // a Java byte: wraps after 127 digits
		phase := 0
		affix := &prefix

	scan:
		for pos := start; pos < n; {
			ch, w := utf8.DecodeRuneInString(pattern[pos:])
			raw := pattern[pos : pos+w]
			switch phase {
			case 0, 2:
				if inQuote {
					if ch == patQuote {
						if pos+1 < n && pattern[pos+1] == patQuote {
							affix.WriteString("''")
							pos += 2
						} else {
							inQuote = false
							pos++
						}
						continue
					}
				} else {
					switch ch {
					case patDigit, patZero, patGroup, patDecimal:
						phase = 1
						continue // reprocess in phase 1
					case patCurrency:
						doubled := pos+w < n && strings.HasPrefix(pattern[pos+w:], "\u00a4")
						p.currency = true
						if doubled {
							affix.WriteString("'\u00a4\u00a4")
							pos += 2 * w
						} else {
							affix.WriteString("'\u00a4")
							pos += w
						}
						continue
					case patQuote:
						if pos+1 < n && pattern[pos+1] == patQuote {
							affix.WriteString("''")
							pos += 2
						} else {
							inQuote = true
							pos++
						}
						continue
					case patSep:
						if phase == 0 || j == 0 {
							return nil, patternErr(pattern, pos, "Unquoted special character ';'")
						}
						start = pos + 1
						break scan
					case patPercent, patPerMill:
						if multiplier != 1 {
							return nil, patternErr(pattern, pos, "Too many percent/per mille characters")
						}
						if ch == patPercent {
							multiplier = 100
						} else {
							multiplier = 1000
						}
						affix.WriteByte(patQuote)
						affix.WriteString(raw)
						pos += w
						continue
					case patMinus:
						affix.WriteString("'-")
						pos++
						continue
					}
				}
				affix.WriteString(raw)
				pos += w

			case 1:
				if j == 0 {
					// The negative subpattern only contributes its affixes:
					// skip its number part whatever it contains.
				skip:
					for pos < n {
						switch pattern[pos] {
						case patDigit, patZero, patGroup, patDecimal, patExponent:
							pos++
						default:
							break skip
						}
					}
					phase = 2
					affix = &suffix
					continue
				}
				switch ch {
				case patDigit:
					if zeroCount > 0 {
						digitRight++
					} else {
						digitLeft++
					}
					if groupingCount >= 0 && decimalPos < 0 {
						groupingCount++
					}
				case patZero:
					if digitRight > 0 {
						return nil, patternErr(pattern, pos, "Unexpected '0'")
					}
					zeroCount++
					if groupingCount >= 0 && decimalPos < 0 {
						groupingCount++
					}
				case patGroup:
					groupingCount = 0
				case patDecimal:
					if decimalPos >= 0 {
						return nil, patternErr(pattern, pos, "Multiple decimal separators")
					}
					decimalPos = digitLeft + zeroCount + digitRight
				case patExponent:
					if p.exponential {
						return nil, patternErr(pattern, pos, "Multiple exponential symbols")
					}
					p.exponential = true
					p.minExpDigits = 0
					ePos := pos
					pos++
					for pos < n && pattern[pos] == patZero {
						p.minExpDigits++
						pos++
					}
					if digitLeft+zeroCount < 1 || p.minExpDigits < 1 {
						return nil, &PatternError{Pattern: pattern, Offset: ePos, Msg: "Malformed exponential pattern \"" + pattern + "\""}
					}
					phase = 2
					affix = &suffix
					continue
				default:
					phase = 2
					affix = &suffix
					continue
				}
				pos++
			}
		}

		// "##.###" means "#0.###" and ".###" means ".0##".
		if zeroCount == 0 && digitLeft > 0 && decimalPos >= 0 {
			n := decimalPos
			if n == 0 {
				n++
			}
			digitRight = digitLeft - n
			digitLeft = n - 1
			zeroCount = 1
		}

		if decimalPos < 0 && digitRight > 0 ||
			decimalPos >= 0 && (decimalPos < digitLeft || decimalPos > digitLeft+zeroCount) ||
			groupingCount == 0 || inQuote {
			return nil, &PatternError{Pattern: pattern, Offset: -1, Msg: "Malformed pattern \"" + pattern + "\""}
		}

		if j == 1 {
			p.posPrefix, p.posSuffix = prefix.String(), suffix.String()
			p.negPrefix, p.negSuffix = p.posPrefix, p.posSuffix
			total := digitLeft + zeroCount + digitRight
			effectiveDecimalPos := total
			if decimalPos >= 0 {
				effectiveDecimalPos = decimalPos
			}
			p.setMinInt(effectiveDecimalPos - digitLeft)
			if p.exponential {
				p.setMaxInt(digitLeft + p.minInt)
			} else {
				p.setMaxInt(maxIntegerDigits)
			}
			if decimalPos >= 0 {
				p.setMaxFrac(total - decimalPos)
				p.setMinFrac(digitLeft + zeroCount - decimalPos)
			} else {
				p.setMaxFrac(0)
				p.setMinFrac(0)
			}
			p.groupingUsed = groupingCount > 0
			p.groupingSize = 0
			if groupingCount > 0 {
				p.groupingSize = int(groupingCount)
			}
			p.multiplier = multiplier
			p.decimalAlwaysShown = decimalPos == 0 || decimalPos == total
		} else {
			p.negPrefix, p.negSuffix = prefix.String(), suffix.String()
			gotNegative = true
		}
	}

	if pattern == "" {
		p.posPrefix, p.posSuffix = "", ""
		p.setMinInt(0)
		p.setMaxInt(maxIntegerDigits)
		p.setMinFrac(0)
		p.setMaxFrac(maxFractionDigits)
	}
	if !gotNegative || p.negPrefix == p.posPrefix && p.negSuffix == p.posSuffix {
		p.negSuffix = p.posSuffix
		p.negPrefix = "'-" + p.posPrefix
	}
	return p, nil
}

// The setters keep min <= max the way DecimalFormat's do.
func (p *parsed) setMinInt(v int) {
	p.minInt = max(0, v)
	if p.minInt > p.maxInt {
		p.maxInt = p.minInt
	}
}

func (p *parsed) setMaxInt(v int) {
	p.maxInt = max(0, v)
	if p.minInt > p.maxInt {
		p.minInt = p.maxInt
	}
}

func (p *parsed) setMinFrac(v int) {
	p.minFrac = max(0, v)
	if p.minFrac > p.maxFrac {
		p.maxFrac = p.minFrac
	}
}

func (p *parsed) setMaxFrac(v int) {
	p.maxFrac = max(0, v)
	if p.minFrac > p.maxFrac {
		p.minFrac = p.maxFrac
	}
}

// expandAffix resolves an affix pattern against the symbols, as
// DecimalFormat.expandAffix does.
func expandAffix(pat string, s *symbols) string {
	var b strings.Builder
	for i := 0; i < len(pat); {
		c := pat[i]
		i++
		if c == patQuote && i < len(pat) {
			r, w := utf8.DecodeRuneInString(pat[i:])
			i += w
			switch r {
			case patCurrency:
				if strings.HasPrefix(pat[i:], "\u00a4") {
					i += len("\u00a4")
					b.WriteString(s.intlCurrency)
				} else {
					b.WriteString(s.currency)
				}
				continue
			case patPercent:
				b.WriteString(s.percent)
				continue
			case patPerMill:
				b.WriteString(s.perMill)
				continue
			case patMinus:
				b.WriteString(s.minus)
				continue
			}
			b.WriteString(pat[i-w : i])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
