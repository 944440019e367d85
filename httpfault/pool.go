package httpfault

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// The body is written by hand into a pooled buffer: no reflection, no
// encoder, no allocation once the pool is warm. Strings are escaped by
// package jsontext, the escaper webexc's AppendJSON uses too, so a body
// never depends on which of them wrote it.

// bufPool holds response buffers. A buffer that grew past maxPooled (a
// body with a huge stack, say) is dropped rather than kept for every
// later request.
var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// maxPooled is the largest capacity putBuf keeps.
const maxPooled = 64 << 10

// getBuf takes an empty buffer from the pool.
func getBuf() *[]byte { return bufPool.Get().(*[]byte) }

// putBuf returns b to the pool, emptied, unless it grew past maxPooled.
func putBuf(b *[]byte) {
	if cap(*b) > maxPooled {
		return
	}
	*b = (*b)[:0]
	bufPool.Put(b)
}

// isBlank reports whether s is empty or white space only, as
// strings.TrimSpace(s) == "" but without scanning a text that starts with
// a letter, which is nearly every text.
func isBlank[Text []byte | string](s Text) bool {
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b != ' ' && (b < '\t' || b > '\r') {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		if !unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}
