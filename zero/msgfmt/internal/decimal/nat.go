package decimal

// nat is a fixed-capacity unsigned big integer (little-endian 32-bit words)
// for the rare hard case of the FloatingDecimal port. The operands there
// stay below about 800 bits; a fixed array keeps formatting allocation-free.
type nat struct {
	w [48]uint32
	n int // number of used words; w[n:] are zero
}

func (x *nat) setUint64(v uint64) {
	*x = nat{}
	x.w[0], x.w[1] = uint32(v), uint32(v>>32)
	x.n = 2
	x.trim()
}

func (x *nat) trim() {
	for x.n > 0 && x.w[x.n-1] == 0 {
		x.n--
	}
}

func (x *nat) isZero() bool { return x.n == 0 }

func (x *nat) mulSmall(m uint32) {
	var carry uint64
	for i := 0; i < x.n; i++ {
		p := uint64(x.w[i])*uint64(m) + carry
		x.w[i] = uint32(p)
		carry = p >> 32
	}
	if carry != 0 {
		x.w[x.n] = uint32(carry)
		x.n++
	}
}

func (x *nat) shl(s int) {
	if x.n == 0 || s == 0 {
		return
	}
	words, b := s/32, uint(s%32)
	if b == 0 {
		for i := x.n - 1; i >= 0; i-- {
			x.w[i+words] = x.w[i]
		}
	} else {
		x.w[x.n+words] = 0
		for i := x.n - 1; i >= 0; i-- {
			x.w[i+words+1] |= x.w[i] >> (32 - b)
			x.w[i+words] = x.w[i] << b
		}
	}
	for i := 0; i < words; i++ {
		x.w[i] = 0
	}
	x.n += words + 1
	x.trim()
}

// mulPow52 multiplies x by 5^p5 * 2^p2.
func (x *nat) mulPow52(p5, p2 int) {
	for p5 >= 13 {
		x.mulSmall(1220703125) // 5^13
		p5 -= 13
	}
	if p5 > 0 {
		x.mulSmall(uint32(small5Pow[p5]))
	}
	x.shl(p2)
}

func (x *nat) setPow52(p5, p2 int) {
	x.setUint64(1)
	x.mulPow52(p5, p2)
}

func (x *nat) cmp(y *nat) int {
	if x.n != y.n {
		if x.n < y.n {
			return -1
		}
		return 1
	}
	for i := x.n - 1; i >= 0; i-- {
		if x.w[i] != y.w[i] {
			if x.w[i] < y.w[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// add sets x = a + b.
func (x *nat) add(a, b *nat) {
	n := max(a.n, b.n)
	var carry uint64
	for i := 0; i < n; i++ {
		s := uint64(a.w[i]) + uint64(b.w[i]) + carry
		x.w[i] = uint32(s)
		carry = s >> 32
	}
	for i := n; i < len(x.w); i++ {
		x.w[i] = 0
	}
	x.n = n
	if carry != 0 {
		x.w[n] = uint32(carry)
		x.n++
	}
}

// sub sets x = x - y; y must not exceed x.
func (x *nat) sub(y *nat) {
	var borrow int64
	for i := 0; i < x.n; i++ {
		d := int64(x.w[i]) - int64(y.w[i]) - borrow
		borrow = 0
		if d < 0 {
			d += 1 << 32
			borrow = 1
		}
		x.w[i] = uint32(d)
	}
	x.trim()
}

// quoRemIteration returns q = x / s (a single decimal digit in dtoa) and
// sets x = 10 * (x % s), as FDBigInteger.quoRemIteration does.
func (x *nat) quoRemIteration(s *nat) int {
	q := 0
	for x.cmp(s) >= 0 {
		x.sub(s)
		q++
	}
	x.mulSmall(10)
	return q
}
