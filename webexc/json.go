package webexc

import (
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/internal/faultid"
	"github.com/zeroport/zerofault/internal/jsontext"
)

// MarshalJSON returns the exception's JSON form:
// {"id":"…","code":-60010,"message":"…","info":"…"}, "info" only when the
// readable text is not blank.
func (e *WebException) MarshalJSON() ([]byte, error) {
	return e.AppendJSON(make([]byte, 0, 64+len(e.Message())+len(e.Readable()))), nil
}

// AppendJSON appends the JSON form to dst without reflection, for
// renderers on the hot path. Texts are escaped as encoding/json escapes
// them (package jsontext, which echofault's bodies use too), so the output
// matches what echo's JSON renderer writes.
func (e *WebException) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"id":"`...)
	if e.id.text != nil {
		dst = jsontext.AppendEscaped(dst, *e.id.text)
	} else {
		dst = faultid.AppendHex(dst, e.id.n)
	}
	dst = append(dst, `","code":`...)
	dst = strconv.AppendInt(dst, int64(e.Code()), 10)
	dst = append(dst, `,"message":"`...)
	dst = jsontext.AppendEscaped(dst, e.Message())
	if readable := e.Readable(); strings.TrimSpace(readable) != "" {
		dst = append(dst, `","info":"`...)
		dst = jsontext.AppendEscaped(dst, readable)
	}
	return append(dst, `"}`...)
}
