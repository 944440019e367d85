package httpfault

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/internal/jsontext"
	"github.com/zeroport/zerofault/readable"
)

// Answer is one failure as every [Format] writes it: worked out once per
// failure, whatever the format. Its byte slices are valid only during
// the Format's Append call.
type Answer struct {
	ID      string // the response's id, also in X-Request-Id
	Code    int    // Zero's code, e.g. -60010
	Status  int    // the HTTP status
	Class   string // Zero's class name, e.g. "_404ServiceNotFoundException": a low-cardinality name for metrics and traces
	Message []byte // the system message (E<code>'s template, formatted)
	Info    []byte // the readable text in Language; empty when there is none

	// Language is the language of Info, a BCP 47 tag; "" when Info is
	// empty. A rebuilt exception's text is taken to be in the language
	// asked for, as a gateway that forwards Accept-Language gets it.
	Language string

	// Fields are a validation failure's violations, in order.
	Fields []Field

	// Debug holds the details a debug request may see; nil otherwise.
	Debug *Debug

	// TypeBase starts the URI of the answer's problem type (see
	// AppendType): Options.ProblemTypeBase.
	TypeBase string

	bundle *readable.Bundle
	lang   readable.Language
	safe   uint8 // which texts need no escaping in JSON: safeMessage, safeInfo
}

// The bits of Answer.safe: set when the text's template and params were
// checked (catalog.Template.JSONSafe), so that the JSON formats copy it
// rather than read it again to escape it.
const (
	safeMessage uint8 = 1 << iota
	safeInfo
	safeType // Options.ProblemTypeBase
	safeID   // the id: a generated one always, a client's when it holds nothing JSON escapes
)

func safeFlags(message, info bool) uint8 {
	var f uint8
	if message {
		f |= safeMessage
	}
	if info {
		f |= safeInfo
	}
	return f
}

// appendJSONText appends text as a JSON string, copied as it is when
// safe says it needs no escaping.
func appendJSONText[Text []byte | string](dst []byte, text Text, safe bool) []byte {
	if !safe {
		return jsontext.AppendString(dst, text)
	}
	dst = append(dst, '"')
	dst = append(dst, text...)
	return append(dst, '"')
}

// Field is one violation of a validation failure.
type Field struct {
	Field string // the JSON path, e.g. "items[2].sku"
	Rule  string // the failed rule, e.g. "min"
	Param string // the rule's parameter, "" when it takes none
	Info  []byte // the rule's explanation, in the answer's language
}

// Debug is what a debug request may see.
type Debug struct {
	Target string   // where the exception arose
	Class  string   // Zero's class name
	Causes []string // the error chain, outermost first
	Stack  []byte   // a panic's stack; nil otherwise
}

// StackLines returns the stack's lines without blank ones, tabs as two
// spaces: the form the formats write.
func (d *Debug) StackLines() []string {
	var out []string
	for line := range bytes.Lines(d.Stack) {
		line = bytes.TrimRight(line, "\n")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		out = append(out, strings.ReplaceAll(string(line), "\t", "  "))
	}
	return out
}

// AppendTitle appends a short text that is the same for every occurrence
// of the answer's code in its language, as RFC 9457's title must be: the
// code's readable text when it takes no arguments, else the status's
// phrase.
func (a *Answer) AppendTitle(dst []byte) []byte {
	out, _ := a.appendTitle(dst)
	return out
}

// appendTitle is AppendTitle, reporting too whether the title needs no
// escaping in JSON.
func (a *Answer) appendTitle(dst []byte) ([]byte, bool) {
	if a.bundle != nil {
		if out, safe, ok := a.bundle.AppendPlainTextJSON(dst, a.lang, a.Code); ok {
			return out, safe
		}
	}
	if t := http.StatusText(a.Status); t != "" {
		return append(dst, t...), true // net/http's phrases are plain ASCII words
	}
	return append(dst, "Error"...), true
}

// AppendType appends the URI of the answer's problem type: base and the
// code's number, e.g. "https://example.com/errors/60010".
func AppendType(dst []byte, base string, code int) []byte {
	dst = append(dst, base...)
	if code < 0 {
		code = -code
	}
	return strconv.AppendInt(dst, int64(code), 10)
}

// AppendPointer appends the JSON Pointer (RFC 6901) of a field path as a
// URI fragment: "items[2].sku" → "#/items/2/sku". "~" and "/" inside a
// name are escaped as the RFC says, and what a fragment cannot hold is
// percent-encoded.
func AppendPointer(dst []byte, path string) []byte {
	dst = append(dst, '#')
	if path == "" {
		return dst
	}
	dst = append(dst, '/')
	for i := 0; i < len(path); i++ {
		switch c := path[i]; c {
		case '.', '[':
			dst = append(dst, '/')
		case ']':
		case '~':
			dst = append(dst, '~', '0')
		case '/':
			dst = append(dst, '~', '1')
		default:
			if fragmentSafe(c) {
				dst = append(dst, c)
			} else {
				dst = append(dst, '%', hexUpper[c>>4], hexUpper[c&0xf])
			}
		}
	}
	return dst
}

const hexUpper = "0123456789ABCDEF"

// fragmentSafe reports whether a fragment holds c as it is (RFC 3986:
// unreserved, sub-delims, ':' and '@').
func fragmentSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@", c) >= 0
}
