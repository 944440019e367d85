package decimal

import (
	"math"
	"math/bits"
)

// This file ports the binary-to-decimal conversion of JDK 17's
// jdk.internal.math.FloatingDecimal (BinaryToASCIIBuffer.dtoa), which
// DecimalFormat uses through DigitList. It is not the shortest-digits
// algorithm of strconv: for some values it yields more digits (e.g. integral
// doubles between 2^53 and 2^63 print all their digits), and its
// "rounded up" and "exact" flags steer DigitList's HALF_EVEN rounding. Both
// are visible in formatted output, so the port keeps Java's control flow,
// including its int and long overflow behaviour.

const (
	expShift   = 52
	fractHOB   = int64(1) << expShift
	expBias    = 1023
	signifMask = int64(1)<<52 - 1
	expMask    = int64(0x7FF) << 52
	signMask   = uint64(1) << 63

	maxSmallBinExp = 62
	minSmallBinExp = -(63 / 3)
)

// fdDigits is the result of FloatingDecimal's conversion: the significant
// digits (ASCII) with the decimal exponent, plus the two flags DigitList
// consults when rounding ties.
type fdDigits struct {
	buf         [20]byte
	first, n    int // digits are buf[first : first+n]
	decExponent int
	roundedUp   bool // the last digit was rounded up
	exact       bool // the digits are the exact binary value
}

var small5Pow = [...]int32{
	1, 5, 5 * 5, 5 * 5 * 5, 5 * 5 * 5 * 5, 5 * 5 * 5 * 5 * 5, 5 * 5 * 5 * 5 * 5 * 5,
	5 * 5 * 5 * 5 * 5 * 5 * 5, 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5,
	5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5, 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5,
	5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5, 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5,
	5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5,
}

var long5Pow = func() (t [27]int64) {
	t[0] = 1
	for i := 1; i < len(t); i++ {
		t[i] = t[i-1] * 5
	}
	return t
}()

// n5Bits[i] is approximately ceil(log2(5^i)), as FloatingDecimal tabulates it.
var n5Bits = [...]int{0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61}

var insignificantDigitsNumber = [...]int{
	0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3,
	4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7,
	8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11, 11, 11,
	12, 12, 12, 12, 13, 13, 13, 14, 14, 14,
	15, 15, 15, 15, 16, 16, 16, 17, 17, 17,
	18, 18, 18, 19,
}

func insignificantDigitsForPow2(p2 int) int {
	if p2 > 1 && p2 < len(insignificantDigitsNumber) {
		return insignificantDigitsNumber[p2]
	}
	return 0
}

// floatingDecimal converts a finite, positive or zero, non-negative-signed
// magnitude v the way FloatingDecimal.getBinaryToASCIIConverter does.
func floatingDecimal(v float64, fd *fdDigits) {
	dBits := math.Float64bits(v) &^ signMask
	fractBits := int64(dBits) & signifMask
	binExp := int((int64(dBits) & expMask) >> expShift)
	var nSignificantBits int
	if binExp == 0 {
		if fractBits == 0 {
			// Java's shared zero converter: one digit "0", flags false.
			fd.buf[0] = '0'
			fd.first, fd.n, fd.decExponent = 0, 1, 0
			fd.roundedUp, fd.exact = false, false
			return
		}
		leadingZeros := bits.LeadingZeros64(uint64(fractBits))
		shift := leadingZeros - (63 - expShift)
		fractBits <<= uint(shift)
		binExp = 1 - shift
		nSignificantBits = 64 - leadingZeros
	} else {
		fractBits |= fractHOB
		nSignificantBits = expShift + 1
	}
	binExp -= expBias
	fd.dtoa(binExp, fractBits, nSignificantBits)
}

func (fd *fdDigits) developLongDigits(decExponent int, lvalue int64, insignificantDigits int) {
	if insignificantDigits != 0 {
		pow10 := long5Pow[insignificantDigits] << uint(insignificantDigits)
		residue := lvalue % pow10
		lvalue /= pow10
		decExponent += insignificantDigits
		if residue >= pow10>>1 {
			lvalue++
		}
	}
	digitno := len(fd.buf) - 1
	// Java has an int fast path here; long arithmetic gives the same digits.
	c := lvalue % 10
	lvalue /= 10
	for c == 0 {
		decExponent++
		c = lvalue % 10
		lvalue /= 10
	}
	for lvalue != 0 {
		fd.buf[digitno] = byte(c + '0')
		digitno--
		decExponent++
		c = lvalue % 10
		lvalue /= 10
	}
	fd.buf[digitno] = byte(c + '0')
	fd.decExponent = decExponent + 1
	fd.first = digitno
	fd.n = len(fd.buf) - digitno
}

func estimateDecExp(fractBits int64, binExp int) int {
	d2 := math.Float64frombits(uint64(int64(expBias)<<expShift | fractBits&signifMask))
	// The conversions keep the compiler from fusing multiply-adds, which
	// would change the estimate compared with Java.
	d := float64(float64((d2-1.5)*0.289529654)+0.176091259) + float64(float64(binExp)*0.301029995663981)
	dBits := int64(math.Float64bits(d))
	exponent := int((dBits&expMask)>>expShift) - expBias
	isNegative := uint64(dBits)&signMask != 0
	switch {
	case exponent >= 0 && exponent < 52:
		mask := signifMask >> uint(exponent)
		r := int(int32(((dBits & signifMask) | fractHOB) >> uint(expShift-exponent)))
		if isNegative {
			if mask&dBits == 0 {
				return -r
			}
			return -r - 1
		}
		return r
	case exponent < 0:
		if uint64(dBits)&^signMask == 0 {
			return 0
		}
		if isNegative {
			return -1
		}
		return 0
	default:
		return int(d)
	}
}

func bitsFor5(n int) int {
	if n < len(n5Bits) {
		return n5Bits[n]
	}
	return n * 3
}

func (fd *fdDigits) dtoa(binExp int, fractBits int64, nSignificantBits int) {
	tailZeros := bits.TrailingZeros64(uint64(fractBits))
	nFractBits := expShift + 1 - tailZeros
	fd.roundedUp = false
	fd.exact = false

	nTinyBits := max(0, nFractBits-binExp-1)
	if binExp <= maxSmallBinExp && binExp >= minSmallBinExp {
		if nTinyBits < len(long5Pow) && nFractBits+n5Bits[nTinyBits] < 64 {
			if nTinyBits == 0 {
				insignificant := 0
				if binExp > nSignificantBits {
					insignificant = insignificantDigitsForPow2(binExp - nSignificantBits - 1)
				}
				if binExp >= expShift {
					fractBits <<= uint(binExp - expShift)
				} else {
					fractBits = int64(uint64(fractBits) >> uint(expShift-binExp))
				}
				fd.developLongDigits(0, fractBits, insignificant)
				return
			}
		}
	}

	decExp := estimateDecExp(fractBits, binExp)
	B5 := max(0, -decExp)
	B2 := B5 + nTinyBits + binExp
	S5 := max(0, decExp)
	S2 := S5 + nTinyBits
	M5 := B5
	M2 := B2 - nSignificantBits

	fractBits = int64(uint64(fractBits) >> uint(tailZeros))
	B2 -= nFractBits - 1
	common2 := min(B2, S2)
	B2 -= common2
	S2 -= common2
	M2 -= common2
	if nFractBits == 1 {
		M2--
	}
	if M2 < 0 {
		B2 -= M2
		S2 -= M2
		M2 = 0
	}

	ndigit := 0
	var low, high bool
	var lowDigitDifference int64
	var q int
	digits := fd.buf[:]

	Bbits := nFractBits + B2 + bitsFor5(B5)
	tenSbits := S2 + 1 + bitsFor5(S5+1)
	switch {
	case Bbits < 32 && tenSbits < 32:
		b := (int32(fractBits) * small5Pow[B5]) << uint(B2&31)
		s := small5Pow[S5] << uint(S2&31)
		m := small5Pow[M5] << uint(M2&31)
		tens := s * 10
		q = int(b / s)
		b = 10 * (b % s)
		m *= 10
		low = b < m
		high = b+m > tens
		if q == 0 && !high {
			decExp--
		} else {
			digits[ndigit] = byte('0' + q)
			ndigit++
		}
		if decExp < -3 || decExp >= 8 {
			high, low = false, false
		}
		for !low && !high {
			q = int(b / s)
			b = 10 * (b % s)
			m *= 10
			if m > 0 {
				low = b < m
				high = b+m > tens
			} else {
				low, high = true, true
			}
			digits[ndigit] = byte('0' + q)
			ndigit++
		}
		lowDigitDifference = int64((b << 1) - tens)
		fd.exact = b == 0
	case Bbits < 64 && tenSbits < 64:
		b := (fractBits * long5Pow[B5]) << uint(B2&63)
		s := long5Pow[S5] << uint(S2&63)
		m := long5Pow[M5] << uint(M2&63)
		tens := s * 10
		q = int(b / s)
		b = 10 * (b % s)
		m *= 10
		low = b < m
		high = b+m > tens
		if q == 0 && !high {
			decExp--
		} else {
			digits[ndigit] = byte('0' + q)
			ndigit++
		}
		if decExp < -3 || decExp >= 8 {
			high, low = false, false
		}
		for !low && !high {
			q = int(b / s)
			b = 10 * (b % s)
			m *= 10
			if m > 0 {
				low = b < m
				high = b+m > tens
			} else {
				low, high = true, true
			}
			digits[ndigit] = byte('0' + q)
			ndigit++
		}
		lowDigitDifference = (b << 1) - tens
		fd.exact = b == 0
	default:
		// FDBigInteger arithmetic; any exact arithmetic gives the same digits
		// (Java's normalization shift scales all operands alike).
		var S, B, M, tenS, sum nat
		S.setPow52(S5, S2)
		B.setUint64(uint64(fractBits))
		B.mulPow52(B5, B2)
		M.setPow52(M5+1, M2+1)
		tenS.setPow52(S5+1, S2+1)
		q = B.quoRemIteration(&S)
		low = B.cmp(&M) < 0
		sum.add(&B, &M)
		high = tenS.cmp(&sum) <= 0
		if q == 0 && !high {
			decExp--
		} else {
			digits[ndigit] = byte('0' + q)
			ndigit++
		}
		if decExp < -3 || decExp >= 8 {
			high, low = false, false
		}
		for !low && !high {
			q = B.quoRemIteration(&S)
			M.mulSmall(10)
			low = B.cmp(&M) < 0
			sum.add(&B, &M)
			high = tenS.cmp(&sum) <= 0
			digits[ndigit] = byte('0' + q)
			ndigit++
		}
		if high && low {
			B.shl(1)
			lowDigitDifference = int64(B.cmp(&tenS))
		}
		fd.exact = B.isZero()
	}
	fd.decExponent = decExp + 1
	fd.first = 0
	fd.n = ndigit
	if high {
		if low {
			if lowDigitDifference == 0 {
				if digits[fd.first+fd.n-1]&1 != 0 {
					fd.roundup()
				}
			} else if lowDigitDifference > 0 {
				fd.roundup()
			}
		} else {
			fd.roundup()
		}
	}
}

func (fd *fdDigits) roundup() {
	i := fd.first + fd.n - 1
	q := fd.buf[i]
	if q == '9' {
		for q == '9' && i > fd.first {
			fd.buf[i] = '0'
			i--
			q = fd.buf[i]
		}
		if q == '9' {
			// Carry out: Java leaves the flag unset here.
			fd.decExponent++
			fd.buf[fd.first] = '1'
			return
		}
	}
	fd.buf[i] = q + 1
	fd.roundedUp = true
}

// javaString writes Double.toString-style text for the digits (without the
// sign) into dst and returns its length; DigitList parses exactly this text,
// so its quirks (a padding "0" digit, e.g. "5.0E-5") matter.
func (fd *fdDigits) javaString(dst *[32]byte) int {
	digits := fd.buf[fd.first : fd.first+fd.n]
	i := 0
	switch e := fd.decExponent; {
	case e > 0 && e < 8:
		charLength := min(fd.n, e)
		i += copy(dst[i:], digits[:charLength])
		if charLength < e {
			for k := 0; k < e-charLength; k++ {
				dst[i] = '0'
				i++
			}
			dst[i], dst[i+1] = '.', '0'
			i += 2
		} else {
			dst[i] = '.'
			i++
			if charLength < fd.n {
				i += copy(dst[i:], digits[charLength:])
			} else {
				dst[i] = '0'
				i++
			}
		}
	case e <= 0 && e > -3:
		dst[i], dst[i+1] = '0', '.'
		i += 2
		for k := 0; k < -e; k++ {
			dst[i] = '0'
			i++
		}
		i += copy(dst[i:], digits)
	default:
		dst[i], dst[i+1] = digits[0], '.'
		i += 2
		if fd.n > 1 {
			i += copy(dst[i:], digits[1:])
		} else {
			dst[i] = '0'
			i++
		}
		dst[i] = 'E'
		i++
		var x int
		if e <= 0 {
			dst[i] = '-'
			i++
			x = -e + 1
		} else {
			x = e - 1
		}
		switch {
		case x <= 9:
			dst[i] = byte(x + '0')
			i++
		case x <= 99:
			dst[i], dst[i+1] = byte(x/10+'0'), byte(x%10+'0')
			i += 2
		default:
			dst[i], dst[i+1], dst[i+2] = byte(x/100+'0'), byte(x/10%10+'0'), byte(x%10+'0')
			i += 3
		}
	}
	return i
}

// AppendJavaDouble appends Double.toString(v) exactly as JDK 17 prints it,
// including the extra digit its algorithm sometimes gives where the
// shortest round-trip form would not (fixed only in JDK 19).
func AppendJavaDouble(dst []byte, v float64) []byte {
	switch {
	case math.IsNaN(v):
		return append(dst, "NaN"...)
	case math.IsInf(v, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(v, -1):
		return append(dst, "-Infinity"...)
	}
	if math.Signbit(v) {
		dst = append(dst, '-')
		v = -v
	}
	if v == 0 {
		return append(dst, "0.0"...)
	}
	var fd fdDigits
	floatingDecimal(v, &fd)
	var text [32]byte
	n := fd.javaString(&text)
	return append(dst, text[:n]...)
}
