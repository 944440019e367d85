// Package jsontext writes Go strings as JSON string text, escaped exactly
// as encoding/json escapes them. It exists so that webexc's AppendJSON and
// echofault's response writer share one escaper: a body then never
// depends on which of them wrote it, nor on whether echo's renderer did.
package jsontext

import "unicode/utf8"

// AppendString appends s as a JSON string, quotes included.
func AppendString[Text []byte | string](dst []byte, s Text) []byte {
	dst = append(dst, '"')
	dst = AppendEscaped(dst, s)
	return append(dst, '"')
}

// AppendEscaped appends s escaped for the inside of a JSON string exactly
// as encoding/json escapes it: \b \f \n \r \t \" \\ as such, other
// control characters, HTML characters and U+2028/U+2029 as \u escapes,
// invalid UTF-8 as U+FFFD.
//
// It is one pass, without allocating beyond dst's growth: plain ASCII is
// skipped eight bytes at a time, and the two- and three-byte sequences of
// Latin, Cyrillic and CJK text are checked inline; other runs go through
// utf8.
//
// s may be a string or a []byte, as encoding/json's own appendString
// takes either: a scratch buffer needs no conversion to be escaped.
func AppendEscaped[Text []byte | string](dst []byte, s Text) []byte {
	start := 0
	for i := plainRun(s, 0); i < len(s); i = plainRun(s, i) {
		dst = append(dst, s[start:i]...)
		switch b := s[i]; {
		case b < utf8.RuneSelf:
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xf])
			}
			i++
		case isSeparator(s, i): // U+2028 or U+2029
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xf])
			i += 3
		default: // a byte that starts no well-formed sequence
			dst = append(dst, `\ufffd`...)
			i++
		}
		start = i
	}
	return append(dst, s[start:]...)
}

// plainRun returns where the run of s from i that JSON takes as it is
// ends: at the first byte to escape, or len(s). Plain ASCII is skipped
// eight bytes at a time, and the two- and three-byte sequences of Latin,
// Cyrillic and CJK text are checked inline; other runs go through utf8.
func plainRun[Text []byte | string](s Text, i int) int {
	for i < len(s) {
		// Eight plain ASCII bytes at a time: most of a message is.
		for i+8 <= len(s) && safe8(s[i:i+8]) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			if !jsonSafe[b] {
				return i
			}
			i++
			continue
		}
		// Well-formed two-byte sequence: C2..DF 80..BF.
		if b >= 0xC2 && b <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2
			continue
		}
		// Well-formed three-byte sequence, leaving out surrogates (ED A0..)
		// and overlongs (E0 80..9F), and U+2028/U+2029 (E2 80 A8/A9).
		if b >= 0xE1 && b <= 0xEF && b != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			if isSeparator(s, i) {
				return i
			}
			i += 3
			continue
		}
		// At most utf8.UTFMax bytes: a conversion that short is made on
		// the stack.
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(s)
}

// isSeparator reports whether s holds U+2028 or U+2029 at i.
func isSeparator[Text []byte | string](s Text, i int) bool {
	return i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9)
}

// safe8 reports whether 8 bytes are all ASCII that JSON takes as is,
// testing them at once in one word (SWAR): no byte with the high bit, none
// below 0x20, none of " \\ < > &.
func safe8[Text []byte | string](s Text) bool {
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	zero := func(v uint64) uint64 { return (v - lo) &^ v & hi } // a byte of v is 0
	return x&hi == 0 &&
		(x-lo*0x20)&^x&hi == 0 && // a byte below 0x20 (exact, as none is >= 0x80)
		zero(x^(lo*'"')) == 0 && zero(x^(lo*'\\')) == 0 &&
		zero(x^(lo*'<')) == 0 && zero(x^(lo*'>')) == 0 && zero(x^(lo*'&')) == 0
}

// hexDigits writes the \u escapes.
const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes that need no escaping, for the byte-at-a-time
// path that safe8 falls back to.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return t
}()

// Safe reports whether s needs no escaping inside a JSON string: what
// AppendEscaped would append as it is, valid UTF-8 without control
// characters, '"', '\\', '<', '>', '&', U+2028 or U+2029. Texts compiled
// once (a catalog's templates) are checked at load, so that a body
// writer can copy them without reading them again.
func Safe[Text []byte | string](s Text) bool { return plainRun(s, 0) == len(s) }

// SafeArgs reports whether every value of args prints, in a formatted
// message, as text Safe accepts: numbers, booleans and nil always do
// (their text comes from locale data, which holds none of the characters
// JSON escapes), strings when Safe says so. Any other value prints
// through a String or Error method, fmt, or a time zone's name, which
// could hold anything, and is reported unsafe.
func SafeArgs(args []any) bool {
	for _, a := range args {
		switch v := a.(type) {
		case string:
			if !Safe(v) {
				return false
			}
		case nil, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr,
			float32, float64:
		default:
			return false
		}
	}
	return true
}
