package webexc

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MarshalJSON returns the exception's JSON form:
// {"id":"…","code":-60010,"message":"…","info":"…"}, "info" only when the
// readable text is not blank.
func (e *WebException) MarshalJSON() ([]byte, error) {
	return e.AppendJSON(make([]byte, 0, 64+len(e.Message())+len(e.readable))), nil
}

// AppendJSON appends the JSON form to dst without reflection, for
// renderers on the hot path.
func (e *WebException) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"id":"`...)
	if e.id.text != "" {
		dst = appendJSONText(dst, e.id.text)
	} else {
		dst = e.id.appendHex(dst)
	}
	dst = append(dst, `","code":`...)
	dst = strconv.AppendInt(dst, int64(e.Code()), 10)
	dst = append(dst, `,"message":"`...)
	dst = appendJSONText(dst, e.Message())
	if strings.TrimSpace(e.readable) != "" {
		dst = append(dst, `","info":"`...)
		dst = appendJSONText(dst, e.readable)
	}
	return append(dst, `"}`...)
}

// appendJSONText appends s escaped for a JSON string, the way
// encoding/json does (HTML characters and U+2028/U+2029 escaped, invalid
// UTF-8 replaced), so the output matches what echo's JSON renderer writes.
func appendJSONText(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(dst, s[start:]...)
}

// jsonSafe marks the ASCII bytes that need no escaping.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return t
}()
