package remote

import (
	"strings"
)

// FieldError is one violation of a validation failure, as the remote
// service reported it.
type FieldError struct {
	Field string // the JSON path, e.g. "items[2].sku"
	Rule  string // the failed rule, e.g. "min"
	Param string // the rule's parameter, "" when it takes none
	Info  string // the explanation, in the response's language
}

// FieldErrors are the violations of a remote validation failure (-60000),
// in the service's order: the cause of the decoded exception, found as
// validator.ValidationErrors is found on the service's side:
//
//	if fe, ok := errors.AsType[remote.FieldErrors](err); ok {
//		for _, v := range fe { … v.Field, v.Rule, v.Info … }
//	}
type FieldErrors []FieldError

// Error lists the violations as the service's -60000 message does:
// "email: email; name: min=2".
func (fe FieldErrors) Error() string {
	var b strings.Builder
	for i, f := range fe {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Field)
		b.WriteString(": ")
		b.WriteString(f.Rule)
		if f.Param != "" {
			b.WriteByte('=')
			b.WriteString(f.Param)
		}
	}
	return b.String()
}

// pathOf turns the JSON Pointer of a problem's violation, written as a
// URI fragment ("#/items/2/sku"), back into the path Zero's JSON names
// ("items[2].sku"): httpfault.AppendPointer reversed. Segments of digits
// are read as array indexes. A pointer that is not a fragment is kept as
// it is.
func pathOf(pointer string) string {
	p, ok := strings.CutPrefix(pointer, "#")
	if !ok {
		return pointer
	}
	p = unpercent(p)
	p, ok = strings.CutPrefix(p, "/")
	if !ok {
		return p
	}
	var b strings.Builder
	b.Grow(len(p) + 2)
	for i, seg := range strings.Split(p, "/") {
		seg = strings.ReplaceAll(strings.ReplaceAll(seg, "~1", "/"), "~0", "~")
		switch {
		case isIndex(seg):
			b.WriteByte('[')
			b.WriteString(seg)
			b.WriteByte(']')
		case i > 0:
			b.WriteByte('.')
			b.WriteString(seg)
		default:
			b.WriteString(seg)
		}
	}
	return b.String()
}

// isIndex reports whether a pointer segment is an array index.
func isIndex(seg string) bool {
	if seg == "" {
		return false
	}
	for i := 0; i < len(seg); i++ {
		if seg[i] < '0' || seg[i] > '9' {
			return false
		}
	}
	return true
}

// unpercent decodes %XX escapes; a malformed one stays as written.
func unpercent(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			hi, ok1 := unhex(s[i+1])
			lo, ok2 := unhex(s[i+2])
			if ok1 && ok2 {
				b = append(b, hi<<4|lo)
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return string(b)
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
