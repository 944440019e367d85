// Package faultid hands out the exception ids of the process: one
// sequence for webexc's WebExceptions and for the standard exceptions
// echofault answers without building one, so that no two failures of a
// process share an id and their ids read as one series in the logs.
//
// An id is a per-process random start plus an atomic counter: making one
// costs an atomic add and no allocation, and ids are unlikely to repeat
// across processes. It is written as 16 hex digits only when asked for.
package faultid

import (
	"math/rand/v2"
	"sync/atomic"
)

// start makes this process's ids unlikely to meet another's; counter
// makes them unique within it.
var (
	start   = rand.Uint64()
	counter atomic.Uint64
)

// Next returns a fresh id.
func Next() uint64 { return start + counter.Add(1) }

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
