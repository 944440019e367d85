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

// buffers are the two an answer needs: scratch for its texts, body for
// the body written from them. One pool entry holds both, so that an
// answer takes one from the pool and gives it back once.
type buffers struct{ scratch, body []byte }

// bufPool holds them. A buffer that grew past maxPooled (a body with a
// huge stack, say) is dropped rather than kept for every later request.
var bufPool = sync.Pool{New: func() any {
	return &buffers{scratch: make([]byte, 0, 512), body: make([]byte, 0, 1024)}
}}

// maxPooled is the largest capacity putBuffers keeps.
const maxPooled = 64 << 10

// getBuffers takes empty buffers from the pool.
func getBuffers() *buffers { return bufPool.Get().(*buffers) }

// putBuffers returns b to the pool, emptied, unless one grew past
// maxPooled.
func putBuffers(b *buffers) {
	if cap(b.scratch) > maxPooled || cap(b.body) > maxPooled {
		return
	}
	b.scratch, b.body = b.scratch[:0], b.body[:0]
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
