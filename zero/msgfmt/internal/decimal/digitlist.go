package decimal

import "math/bits"

// digitList mirrors java.text.DigitList: the significant digits (ASCII,
// most significant first) of a non-negative value whose decimal point sits
// after the first decimalAt digits. Only HALF_EVEN rounding is needed,
// because that is what every NumberFormat and DecimalFormat instance uses.
type digitList struct {
	digits    []byte
	count     int
	decimalAt int
}

func (d *digitList) isZero() bool {
	for _, c := range d.digits[:d.count] {
		if c != '0' {
			return false
		}
	}
	return true
}

// setDouble is DigitList.set(isNegative, double, maximumDigits, fixedPoint)
// for a finite v >= 0. d.digits must hold at least 32 bytes.
func (d *digitList) setDouble(v float64, maximumDigits int, fixedPoint bool) {
	var fd fdDigits
	floatingDecimal(v, &fd)
	var text [32]byte
	n := fd.javaString(&text)
	d.setJavaString(text[:n], fd.roundedUp, fd.exact, maximumDigits, fixedPoint)
}

// setJavaString parses Java's Double.toString-style text as DigitList does.
func (d *digitList) setJavaString(s []byte, roundedUp, exact bool, maximumDigits int, fixedPoint bool) {
	d.decimalAt = -1
	d.count = 0
	exponent := 0
	leadingZerosAfterDecimal := 0
	nonZeroSeen := false
	for i := 0; i < len(s); {
		c := s[i]
		i++
		switch {
		case c == '.':
			d.decimalAt = d.count
		case c == 'E':
			exponent = parseExponent(s[i:])
			i = len(s)
		default:
			if !nonZeroSeen {
				nonZeroSeen = c != '0'
				if !nonZeroSeen && d.decimalAt != -1 {
					leadingZerosAfterDecimal++
				}
			}
			if nonZeroSeen {
				d.digits[d.count] = c
				d.count++
			}
		}
	}
	if d.decimalAt == -1 {
		d.decimalAt = d.count
	}
	if nonZeroSeen {
		d.decimalAt += exponent - leadingZerosAfterDecimal
	}
	if fixedPoint {
		if -d.decimalAt > maximumDigits {
			// Underflow to zero, e.g. 0.0009 with two fraction digits.
			d.count = 0
			return
		} else if -d.decimalAt == maximumDigits {
			// Rounding may create a digit in the last visible place.
			if d.shouldRoundUp(0, roundedUp, exact) {
				d.count = 1
				d.decimalAt++
				d.digits[0] = '1'
			} else {
				d.count = 0
			}
			return
		}
	}
	for d.count > 1 && d.digits[d.count-1] == '0' {
		d.count--
	}
	if fixedPoint {
		d.round(maximumDigits+d.decimalAt, roundedUp, exact)
	} else {
		d.round(maximumDigits, roundedUp, exact)
	}
}

func parseExponent(s []byte) int {
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	v := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		v = v*10 + int(c-'0')
	}
	if neg {
		return -v
	}
	return v
}

// setInteger is DigitList.set(isNegative, long/BigInteger, maximumDigits)
// for a magnitude whose decimal text, without leading zeros ("0" or "" for
// zero), is d.digits[:n].
func (d *digitList) setInteger(n int, maximumDigits int) {
	text := d.digits[:n]
	if n == 0 || n == 1 && text[0] == '0' {
		d.count, d.decimalAt = 0, 0
		return
	}
	d.decimalAt = n
	right := n - 1
	for right >= 0 && text[right] == '0' {
		right--
	}
	d.count = right + 1
	if maximumDigits > 0 {
		d.round(maximumDigits, false, true)
	}
}

// round keeps at most maximumDigits digits, rounding HALF_EVEN.
func (d *digitList) round(maximumDigits int, alreadyRounded, exact bool) {
	if maximumDigits < 0 || maximumDigits >= d.count {
		return
	}
	if d.shouldRoundUp(maximumDigits, alreadyRounded, exact) {
		for {
			maximumDigits--
			if maximumDigits < 0 {
				// All nines: becomes a single 1 one place higher.
				d.digits[0] = '1'
				d.decimalAt++
				maximumDigits = 0
				break
			}
			d.digits[maximumDigits]++
			if d.digits[maximumDigits] <= '9' {
				break
			}
		}
		maximumDigits++
	}
	d.count = maximumDigits
	for d.count > 1 && d.digits[d.count-1] == '0' {
		d.count--
	}
}

// shouldRoundUp is DigitList.shouldRoundUp for HALF_EVEN. For doubles the
// digits may be a rounded image of the binary value; alreadyRounded and
// exact say how a trailing 5 relates to the true value.
func (d *digitList) shouldRoundUp(maximumDigits int, alreadyRounded, exact bool) bool {
	if maximumDigits >= d.count {
		return false
	}
	switch c := d.digits[maximumDigits]; {
	case c > '5':
		return true
	case c == '5':
		if maximumDigits == d.count-1 {
			if alreadyRounded {
				return false
			}
			if !exact {
				return true
			}
			return maximumDigits > 0 && d.digits[maximumDigits-1]%2 != 0
		}
		for _, c := range d.digits[maximumDigits+1 : d.count] {
			if c != '0' {
				return true
			}
		}
	}
	return false
}

// appendUint128 appends the decimal text of hi<<64|lo, which must be below
// 10^38, without allocating.
func appendUint128(dst []byte, hi, lo uint64) []byte {
	const e19 = 10000000000000000000
	if hi == 0 {
		return appendUint64(dst, lo)
	}
	q, r := bits.Div64(hi, lo, e19)
	dst = appendUint64(dst, q)
	var buf [19]byte
	for i := len(buf) - 1; i >= 0; i-- {
		buf[i] = byte('0' + r%10)
		r /= 10
	}
	return append(dst, buf[:]...)
}

func appendUint64(dst []byte, v uint64) []byte {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(dst, buf[i:]...)
}
