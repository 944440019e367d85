// Package faultid hands out the exception ids of the process: one
// sequence for webexc's WebExceptions and for the standard exceptions
// echofault answers without building one, so that no two failures of a
// process share an id and their ids read as one series in the logs.
//
// An id is 64 random bits from the runtime's generator (ChaCha8, seeded
// by the system, one state per thread): a client that sees two ids
// learns nothing of how many failures lay between them, ids of different
// processes are as unlikely to meet as those of one, and making one takes
// no lock and no allocation. It is written as 16 hex digits only when
// asked for.
package faultid

import "math/rand/v2"

// Next returns a fresh id, never 0. Two ids of 64 random bits meet with
// probability about n²/2⁶⁵ among n ids: once in a hundred billion
// failures' worth of pairs at a million ids.
func Next() uint64 {
	for {
		if n := rand.Uint64(); n != 0 {
			return n
		}
	}
}

// Len is the length of an id's text.
const Len = 16

// AppendHex appends n as Len lowercase hex digits, zero-padded so that
// every id has the same width.
func AppendHex(dst []byte, n uint64) []byte {
	var b [Len]byte
	for i := Len - 1; i >= 0; i-- {
		b[i] = hexDigits[n&0xf]
		n >>= 4
	}
	return append(dst, b[:]...)
}

// String returns n as AppendHex writes it.
func String(n uint64) string {
	var b [Len]byte
	return string(AppendHex(b[:0], n))
}

// hexDigits writes AppendHex's digits.
const hexDigits = "0123456789abcdef"

// MaxLen bounds a request id taken from a client or another service.
const MaxLen = 128

// Valid accepts a request id of 1 to MaxLen bytes of printable ASCII
// without spaces: anything else could forge log lines or bloat every
// record, so it is replaced rather than repeated.
func Valid(s string) bool {
	if s == "" || len(s) > MaxLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}
