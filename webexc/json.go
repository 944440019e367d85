package webexc

import (
	"bytes"
	"strconv"

	"github.com/zeroport/zerofault/internal/jsontext"
)

// MarshalJSON returns the exception's JSON form:
// {"id":"…","code":-60010,"message":"…","info":"…"}, "info" only when the
// readable text is not blank.
func (e *WebException) MarshalJSON() ([]byte, error) {
	return e.AppendJSON(make([]byte, 0, 128+2*len(e.Message()))), nil
}

// AppendJSON appends the JSON form to dst without reflection, for
// renderers on the hot path. Texts are escaped as encoding/json escapes
// them (package jsontext, which echofault's bodies use too), so the output
// matches what echo's JSON renderer writes.
func (e *WebException) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"id":"`...)
	dst = e.appendID(dst)
	dst = append(dst, `","code":`...)
	dst = strconv.AppendInt(dst, int64(e.Code()), 10)
	dst = append(dst, `,"message":"`...)
	dst = jsontext.AppendEscaped(dst, e.Message())
	// The readable text is formatted straight into dst, then escaped in
	// place: no string of it is made.
	head := len(dst)
	dst = append(dst, `","info":"`...)
	start := len(dst)
	dst = e.appendReadable(dst)
	if len(bytes.TrimSpace(dst[start:])) == 0 {
		dst = dst[:head]
	} else {
		dst = escapeTail(dst, start)
	}
	return append(dst, `"}`...)
}

// escapeTail escapes dst[start:] for the inside of a JSON string, in
// place. The escaped text is appended after the raw one, then moved over
// it: appending never writes over the raw text it reads (it lies below
// len(dst), or in the old array once dst grows).
func escapeTail(dst []byte, start int) []byte {
	end := len(dst)
	dst = jsontext.AppendEscaped(dst, dst[start:end])
	n := copy(dst[start:], dst[end:])
	return dst[:start+n]
}
