package webexc

import (
	"math/rand/v2"
	"sync/atomic"
)

// id is an exception id: a number drawn from a per-process random start
// and a counter, so that making one costs an atomic add and no allocation;
// it is written out as 16 hex digits only when asked for.
type id struct {
	n    uint64
	text string // set by SetID; wins over n
}

var (
	idStart   = rand.Uint64()
	idCounter atomic.Uint64
)

func newID() id { return id{n: idStart + idCounter.Add(1)} }

// String returns the id's text.
func (i id) String() string {
	if i.text != "" {
		return i.text
	}
	var b [16]byte
	return string(i.appendHex(b[:0]))
}

const hexDigits = "0123456789abcdef"

func (i id) appendHex(dst []byte) []byte {
	for shift := 60; shift >= 0; shift -= 4 {
		dst = append(dst, hexDigits[i.n>>uint(shift)&0xf])
	}
	return dst
}
