package catalog

import (
	"strings"

	"github.com/zeroport/zerofault/internal/jsontext"
	"github.com/zeroport/zerofault/zero/msgfmt"
)

// Template is a compiled catalog template. It is immutable and safe for
// concurrent use.
type Template struct {
	source string
	safe   bool            // source holds no character JSON escapes
	msg    *msgfmt.Message // MessageFormat templates that take arguments
	slf4j  []string        // slf4j templates: the literal text around each "{}"
	text   string          // the text of a MessageFormat template without arguments

	// readable is, for an error template, the readable text its catalog
	// gives the same code: linked once loaded, so that an exception,
	// which keeps its template, finds its readable text without a lookup.
	readable *Template
}

// Compile compiles source as Zero does: slf4j-style when it contains "{}",
// java.text.MessageFormat otherwise, for the given BCP 47 locale.
func Compile(locale, source string) (*Template, error) {
	if strings.Contains(source, "{}") {
		return &Template{source: source, safe: jsontext.Safe(source), slf4j: splitSlf4j(source)}, nil
	}
	m, err := msgfmt.Compile(locale, source)
	if err != nil {
		return nil, err
	}
	t := &Template{source: source, safe: jsontext.Safe(source)}
	if m.ArgCount() == 0 {
		// No element: the text is the same every time. Keeping it alone,
		// without the compiled message, keeps the catalogs small, and
		// every garbage collection traces them.
		if t.text, err = m.Format(); err == nil {
			return t, nil
		}
	}
	t.msg = m
	return t, nil
}

// JSONSafe reports whether the template formatted with args needs no
// escaping inside a JSON string, told without formatting it: its source
// holds no character JSON escapes (checked once, when it was compiled),
// and neither does any of the args it may print (see
// jsontext.SafeArgs). A template without arguments prints none, and an
// slf4j template only its first ArgCount; a MessageFormat choice may
// print any, so every one counts. A body writer then copies the text as
// it is. Number and date formats add only locale data, which holds no
// such character.
func (t *Template) JSONSafe(args ...any) bool {
	if !t.safe {
		return false
	}
	if n := t.ArgCount(); (t.msg == nil || n == 0) && n < len(args) {
		args = args[:max(n, 0)]
	}
	return jsontext.SafeArgs(args)
}

// Fixed returns the text the template formats to whatever the
// arguments, and true, when it prints none; "" and false otherwise. A
// caller may keep the text instead of formatting it on every use.
func (t *Template) Fixed() (string, bool) {
	switch {
	case t.msg != nil:
		return "", false
	case t.slf4j != nil:
		if len(t.slf4j) == 1 { // every "{}" was escaped
			return t.slf4j[0], true
		}
		return "", false
	}
	return t.text, true
}

// Readable returns, for a template of a catalog's error file, the
// readable text an overlay of the same catalog gives its code; nil when
// none does, and for every other template.
func (t *Template) Readable() *Template { return t.readable }

// Source returns the template as written in its file.
func (t *Template) Source() string { return t.source }

// ArgCount returns how many arguments the template consumes: one past the
// highest {n} for MessageFormat, the number of "{}" for slf4j.
func (t *Template) ArgCount() int {
	switch {
	case t.msg != nil:
		return t.msg.ArgCount()
	case t.slf4j != nil:
		return len(t.slf4j) - 1
	}
	return 0
}

// Format formats the template with args. A MessageFormat template may fail
// at format time (e.g. a string given to {0,number}); slf4j never fails.
func (t *Template) Format(args ...any) (string, error) {
	switch {
	case t.msg != nil:
		return t.msg.Format(args...)
	case t.slf4j != nil:
		return string(t.appendSlf4j(nil, args)), nil
	}
	return t.text, nil
}

// AppendFormat appends the formatted template to dst.
func (t *Template) AppendFormat(dst []byte, args ...any) ([]byte, error) {
	switch {
	case t.msg != nil:
		return t.msg.AppendFormat(dst, args...)
	case t.slf4j != nil:
		return t.appendSlf4j(dst, args), nil
	}
	return append(dst, t.text...), nil
}

// splitSlf4j cuts source at each "{}" placeholder, applying slf4j's escapes:
// `\{}` is a literal "{}", and `\\{}` is a literal backslash followed by a
// placeholder.
func splitSlf4j(source string) []string {
	var (
		parts []string
		lit   []byte
	)
	for i := 0; i < len(source); i++ {
		if !strings.HasPrefix(source[i:], "{}") {
			lit = append(lit, source[i])
			continue
		}
		i++ // past the "}"
		escaped := len(lit) > 0 && lit[len(lit)-1] == '\\'
		doubly := escaped && len(lit) > 1 && lit[len(lit)-2] == '\\'
		if escaped {
			lit = lit[:len(lit)-1] // the escaping backslash is not printed
			if !doubly {
				lit = append(lit, "{}"...)
				continue
			}
		}
		parts = append(parts, string(lit))
		lit = lit[:0]
	}
	return append(parts, string(lit))
}

// appendSlf4j fills the placeholders in order; a placeholder without an
// argument stays "{}", and surplus arguments are ignored, as in slf4j.
func (t *Template) appendSlf4j(dst []byte, args []any) []byte {
	for i, lit := range t.slf4j {
		if i > 0 {
			if i-1 < len(args) {
				dst = msgfmt.AppendValue(dst, args[i-1])
			} else {
				dst = append(dst, "{}"...)
			}
		}
		dst = append(dst, lit...)
	}
	return dst
}

// Pack moves the templates ts point at into one block of memory, and
// their texts into one string, pointing each element of ts at its moved
// template, for a loader that keeps many templates for as long as the
// program runs: every garbage collection traces each object a program
// keeps, and costs more per object than per byte. The templates must not
// be in use yet: the originals are left behind, and a template met twice
// in ts is moved twice.
func Pack(ts []*Template) {
	templates := make([]Template, len(ts))
	texts := make([]*string, 0, 2*len(ts))
	size := 0
	for i, t := range ts {
		templates[i] = *t
		t = &templates[i]
		ts[i] = t
		if t.msg != nil {
			continue // its compiled message holds parts of the source: moving it would keep two
		}
		texts = append(texts, &t.source, &t.text)
		size += len(t.source) + len(t.text)
	}
	pack(texts, size)
}
