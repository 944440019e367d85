package decimal

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// Style selects one of NumberFormat's factory instances.
type Style int

// The styles MessageFormat maps its number element styles to.
const (
	Default  Style = iota // NumberFormat.getInstance(locale)        — {0} with a Number, {0,number}
	Integer               // NumberFormat.getIntegerInstance(locale) — {0,number,integer}
	Percent               // NumberFormat.getPercentInstance(locale) — {0,number,percent}
	Currency              // NumberFormat.getCurrencyInstance(locale)— {0,number,currency}
)

// Format is a compiled, immutable number format, the equivalent of one
// configured java.text.DecimalFormat; safe for concurrent use. The zero
// value is not usable: obtain one from New or NewPattern.
type Format struct {
	posPrefix, posSuffix, negPrefix, negSuffix string // expanded affixes

	// Digit limits for long and double values: DecimalFormat hands
	// NumberFormat's copies, capped at 309 integer / 340 fraction digits.
	minInt, maxInt, minFrac, maxFrac int
	// Digit limits for BigInteger values: DecimalFormat's own, uncapped.
	bigMinInt, bigMaxInt, bigMinFrac, bigMaxFrac int

	groupingUsed       bool
	groupingSize       int
	multiplier         int
	decimalAlwaysShown bool
	exponential        bool
	minExpDigits       int

	digit                     [10]string // localized digits 0-9
	group, decimal            string
	exponent, minus, inf, nan string
}

// New returns the NumberFormat factory instance of the given style for loc,
// as JDK 17 builds it from its CLDR locale data.
func New(loc jlocale.Locale, style Style) *Format {
	s := lookupSymbols(loc, true)
	pattern := s.numberPattern
	switch style {
	case Percent:
		pattern = s.percentPattern
	case Currency:
		pattern = s.currencyPattern
	}
	p, err := parsePattern(pattern)
	if err != nil {
		// Unreachable: the tabulated patterns are valid (see the tests).
		p, _ = parsePattern("#,##0.###")
	}
	switch style {
	case Integer:
		p.setMaxFrac(0)
		p.decimalAlwaysShown = false
	case Currency:
		// NumberFormat adapts the fraction digits to the currency's.
		if digits := s.currencyDigits; digits != -1 {
			if oldMin := p.minFrac; oldMin == p.maxFrac {
				p.setMinFrac(digits)
				p.setMaxFrac(digits)
			} else {
				p.setMinFrac(min(digits, oldMin))
				p.setMaxFrac(digits)
			}
		}
	}
	return compile(p, s)
}

// NewPattern is new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(loc)).
// A pattern DecimalFormat rejects yields a *PatternError.
func NewPattern(loc jlocale.Locale, pattern string) (*Format, error) {
	p, err := parsePattern(pattern)
	if err != nil {
		return nil, err
	}
	return compile(p, lookupSymbols(loc, false)), nil
}

func compile(p *parsed, s *symbols) *Format {
	f := &Format{
		posPrefix: expandAffix(p.posPrefix, s),
		posSuffix: expandAffix(p.posSuffix, s),
		negPrefix: expandAffix(p.negPrefix, s),
		negSuffix: expandAffix(p.negSuffix, s),

		minInt:  min(p.minInt, doubleIntegerDigits),
		maxInt:  min(p.maxInt, doubleIntegerDigits),
		minFrac: min(p.minFrac, doubleFractionDigits),
		maxFrac: min(p.maxFrac, doubleFractionDigits),

		bigMinInt: p.minInt, bigMaxInt: p.maxInt,
		bigMinFrac: p.minFrac, bigMaxFrac: p.maxFrac,

		groupingUsed:       p.groupingUsed,
		groupingSize:       p.groupingSize,
		multiplier:         p.multiplier,
		decimalAlwaysShown: p.decimalAlwaysShown,
		exponential:        p.exponential,
		minExpDigits:       p.minExpDigits,

		exponent: s.exponent,
		minus:    s.minus,
		inf:      s.infinity,
		nan:      s.nan,
	}
	for i := range f.digit {
		f.digit[i] = string(s.zero + rune(i))
	}
	if p.currency {
		f.group, f.decimal = string(s.monGroup), string(s.monDecimal)
	} else {
		f.group, f.decimal = string(s.group), string(s.decimal)
	}
	return f
}

// AppendInt64 appends v formatted as Java formats a Long (or Integer, Short,
// Byte) and returns the extended buffer.
func (f *Format) AppendInt64(dst []byte, v int64) []byte {
	neg := v < 0
	mag := uint64(v)
	if neg {
		mag = -mag // also right for math.MinInt64
	}
	var buf [40]byte
	d := digitList{digits: buf[:]}
	hi, lo := bits.Mul64(mag, uint64(f.multiplier))
	// Java switches to BigInteger when the product leaves the long range;
	// either way the digits are those of the exact product.
	n := len(appendUint128(buf[:0], hi, lo))
	maxDigits := 0
	if f.exponential {
		maxDigits = f.maxInt + f.maxFrac
	}
	d.setInteger(n, maxDigits)
	return f.subformat(dst, &d, neg, true, f.minInt, f.maxInt, f.minFrac, f.maxFrac)
}

// AppendFloat64 appends v formatted as Java formats a Double (NaN, the
// infinities and -0.0 included) and returns the extended buffer.
func (f *Format) AppendFloat64(dst []byte, v float64) []byte {
	if math.IsNaN(v) {
		// NaN carries no prefix or suffix.
		return append(dst, f.nan...)
	}
	neg := v < 0 || v == 0 && math.Signbit(v)
	if f.multiplier != 1 {
		v *= float64(f.multiplier)
	}
	if math.IsInf(v, 0) {
		if neg {
			dst = append(dst, f.negPrefix...)
			dst = append(dst, f.inf...)
			return append(dst, f.negSuffix...)
		}
		dst = append(dst, f.posPrefix...)
		dst = append(dst, f.inf...)
		return append(dst, f.posSuffix...)
	}
	if neg {
		v = -v
	}
	var buf [32]byte
	d := digitList{digits: buf[:]}
	if f.exponential {
		d.setDouble(v, f.maxInt+f.maxFrac, false)
	} else {
		d.setDouble(v, f.maxFrac, true)
	}
	return f.subformat(dst, &d, neg, false, f.minInt, f.maxInt, f.minFrac, f.maxFrac)
}

// AppendBigInt appends v formatted as Java formats a BigInteger and returns
// the extended buffer. A nil v is treated as zero.
func (f *Format) AppendBigInt(dst []byte, v *big.Int) []byte {
	if v == nil || v.IsInt64() {
		// DecimalFormat formats a BigInteger of fewer than 64 bits as a long.
		var x int64
		if v != nil {
			x = v.Int64()
		}
		return f.AppendInt64(dst, x)
	}
	neg := v.Sign() < 0
	mag := new(big.Int).Abs(v)
	if f.multiplier != 1 {
		mag.Mul(mag, big.NewInt(int64(f.multiplier)))
	}
	d := digitList{digits: mag.Append(nil, 10)}
	maxDigits := 0
	if f.exponential {
		maxDigits = f.bigMaxInt + f.bigMaxFrac
		if maxDigits > math.MaxInt32 {
			maxDigits = math.MaxInt32 // Java's int overflow guard
		}
	}
	d.setInteger(len(d.digits), maxDigits)
	return f.subformat(dst, &d, neg, true, f.bigMinInt, f.bigMaxInt, f.bigMinFrac, f.bigMaxFrac)
}

// subformat is DecimalFormat.subformat: affixes around the digits of d.
func (f *Format) subformat(dst []byte, d *digitList, neg, isInteger bool, minInt, maxInt, minFrac, maxFrac int) []byte {
	if neg {
		dst = append(dst, f.negPrefix...)
	} else {
		dst = append(dst, f.posPrefix...)
	}
	if d.isZero() {
		d.decimalAt = 0
	}
	if f.exponential {
		dst = f.appendScientific(dst, d, minInt, maxInt, minFrac)
	} else {
		dst = f.appendFixed(dst, d, isInteger, minInt, maxInt, minFrac, maxFrac)
	}
	if neg {
		return append(dst, f.negSuffix...)
	}
	return append(dst, f.posSuffix...)
}

func (f *Format) appendScientific(dst []byte, d *digitList, minInt, maxInt, minFrac int) []byte {
	// Maximum integer digits > 1 and > minimum define a repeating exponent
	// range (engineering notation for 3); otherwise the exponent makes room
	// for the minimum integer digits.
	exponent := d.decimalAt
	repeat := maxInt
	minimumIntegerDigits := minInt
	if repeat > 1 && repeat > minInt {
		if exponent >= 1 {
			exponent = ((exponent - 1) / repeat) * repeat
		} else {
			exponent = ((exponent - repeat) / repeat) * repeat
		}
		minimumIntegerDigits = 1
	} else {
		exponent -= minimumIntegerDigits
	}
	minimumDigits := minInt + minFrac
	if minimumDigits > math.MaxInt32 {
		minimumDigits = math.MaxInt32
	}
	zero := d.isZero()
	integerDigits := d.decimalAt - exponent
	if zero {
		integerDigits = minimumIntegerDigits
	}
	if minimumDigits < integerDigits {
		minimumDigits = integerDigits
	}
	totalDigits := max(d.count, minimumDigits)
	for i := 0; i < totalDigits; i++ {
		if i == integerDigits {
			dst = append(dst, f.decimal...)
		}
		if i < d.count {
			dst = append(dst, f.digit[d.digits[i]-'0']...)
		} else {
			dst = append(dst, f.digit[0]...)
		}
	}
	if f.decimalAlwaysShown && totalDigits == integerDigits {
		dst = append(dst, f.decimal...)
	}
	dst = append(dst, f.exponent...)
	if zero {
		exponent = 0
	}
	if exponent < 0 {
		exponent = -exponent
		dst = append(dst, f.minus...)
	}
	var buf [20]byte
	var text []byte
	if exponent > 0 {
		text = appendUint64(buf[:0], uint64(exponent))
	}
	for i := len(text); i < f.minExpDigits; i++ {
		dst = append(dst, f.digit[0]...)
	}
	for _, c := range text {
		dst = append(dst, f.digit[c-'0']...)
	}
	return dst
}

func (f *Format) appendFixed(dst []byte, d *digitList, isInteger bool, minInt, maxInt, minFrac, maxFrac int) []byte {
	// count is the number of integer digits shown, leading zeros included;
	// above maxInt only the least significant ones are (1997 → "97").
	count := minInt
	digitIndex := 0
	if d.decimalAt > 0 && count < d.decimalAt {
		count = d.decimalAt
	}
	if count > maxInt {
		count = maxInt
		digitIndex = d.decimalAt - count
	}
	sizeBefore := len(dst)
	// A separator follows digit i (counted from the point) when i is a
	// positive multiple of the grouping size; toGroup counts down to it
	// without a division per digit.
	grouping := f.groupingUsed && f.groupingSize != 0
	toGroup := -1
	if grouping && count > 0 {
		toGroup = (count - 1) % f.groupingSize
	}
	for i := count - 1; i >= 0; i-- {
		if i < d.decimalAt && digitIndex < d.count {
			dst = append(dst, f.digit[d.digits[digitIndex]-'0']...)
			digitIndex++
		} else {
			dst = append(dst, f.digit[0]...)
		}
		if grouping {
			if toGroup == 0 {
				if i > 0 {
					dst = append(dst, f.group...)
				}
				toGroup = f.groupingSize
			}
			toGroup--
		}
	}
	fractionPresent := minFrac > 0 || !isInteger && digitIndex < d.count
	if !fractionPresent && len(dst) == sizeBefore {
		dst = append(dst, f.digit[0]...) // never print no digits at all
	}
	if f.decimalAlwaysShown || fractionPresent {
		dst = append(dst, f.decimal...)
	}
	for i := 0; i < maxFrac; i++ {
		if i >= minFrac && (isInteger || digitIndex >= d.count) {
			break
		}
		if -1-i > d.decimalAt-1 {
			dst = append(dst, f.digit[0]...) // zeros between point and first digit
			continue
		}
		if !isInteger && digitIndex < d.count {
			dst = append(dst, f.digit[d.digits[digitIndex]-'0']...)
			digitIndex++
		} else {
			dst = append(dst, f.digit[0]...)
		}
	}
	return dst
}

// IntegerSigns returns the zero digit and the negative prefix and suffix of
// NumberFormat.getIntegerInstance(loc), the format SimpleDateFormat prints
// its numeric fields with (grouping off, so nothing else of it shows).
func IntegerSigns(loc jlocale.Locale) (zero rune, negPrefix, negSuffix string) {
	f := New(loc, Integer)
	return lookupSymbols(loc, true).zero, f.negPrefix, f.negSuffix
}
