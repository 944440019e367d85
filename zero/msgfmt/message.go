package msgfmt

import (
	"math"
	"math/big"
	"strings"
	"sync"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// A Message is a compiled pattern, the equivalent of a java.text.MessageFormat
// after applyPattern. Compile parses the pattern and builds every sub-format
// once; formatting then only walks the compiled elements.
//
// A Message is immutable and safe for concurrent use by multiple goroutines
// (unlike the JDK's MessageFormat, which must be synchronized externally).
type Message struct {
	pattern string
	locale  string
	loc     jlocale.Locale
	formats *localeFormats
	elems   []element
	tail    string // literal text after the last element
	nargs   int    // 1 + highest top-level argument index
	size    int    // length of the literal text, to size the output
	plain   bool   // every element is a plain {n}: see formatStrings
}

// Compile parses pattern for the locale named by the BCP 47 tag locale,
// read as Java's Locale.forLanguageTag reads it (an ill-formed tag selects
// the root locale). It returns a *SyntaxError for every pattern the JDK
// rejects in its MessageFormat constructor.
func Compile(locale, pattern string) (*Message, error) {
	lf := lookupLocale(locale)
	return compile(locale, lf.loc, lf, pattern)
}

// MustCompile is like Compile but panics if the pattern does not compile.
// It simplifies package-level variables holding fixed patterns in tests and
// examples; code handling catalog data should call Compile.
func MustCompile(locale, pattern string) *Message {
	m, err := Compile(locale, pattern)
	if err != nil {
		panic(err)
	}
	return m
}

func compile(locale string, loc jlocale.Locale, lf *localeFormats, pattern string) (*Message, error) {
	m := &Message{pattern: pattern, locale: locale, loc: loc, formats: lf}
	if err := parse(m); err != nil {
		return nil, err
	}
	m.size = len(m.tail)
	m.plain = true
	for i := range m.elems {
		m.size += len(m.elems[i].lit)
		if n := m.elems[i].arg + 1; n > m.nargs {
			m.nargs = n
		}
		m.plain = m.plain && m.elems[i].kind == kindPlain
	}
	return m, nil
}

// Format formats pattern once with args. It returns what Compile followed
// by Message.Format returns, but formats a plain pattern (literal text and
// {n} elements) straight from its text, without compiling it. Code that
// formats a pattern repeatedly should keep the compiled Message instead.
func Format(locale, pattern string, args ...any) (string, error) {
	if s, ok := formatPlain(locale, pattern, args); ok {
		return s, nil
	}
	m, err := Compile(locale, pattern)
	if err != nil {
		return "", err
	}
	return m.Format(args...)
}

// Pattern returns the pattern m was compiled from.
func (m *Message) Pattern() string { return m.pattern }

// Locale returns the locale tag m was compiled with, as it was given.
func (m *Message) Locale() string { return m.locale }

// ArgCount returns 1 + the highest argument index referenced by the
// top-level elements of the pattern, or 0 if there is none. Indices used
// only inside choice texts are not counted. ArgCount is not the number of
// distinct arguments: "{2}" gives 3.
func (m *Message) ArgCount() int { return m.nargs }

// Format formats args as MessageFormat.format does. An element whose index
// is not below len(args) prints as "{n}". On failure Format returns "" and
// an *ArgError.
func (m *Message) Format(args ...any) (string, error) {
	if len(m.elems) == 0 {
		return m.tail, nil // the text alone: nothing to allocate
	}
	if m.plain {
		if s, ok := m.formatStrings(args); ok {
			return s, nil
		}
	}
	// Format into a pooled buffer: the string is then the only allocation.
	// (A stack buffer would escape: formatting recurses through choice
	// sub-messages, which defeats escape analysis.)
	bp := bufPool.Get().(*[]byte)
	b, err := m.appendFormat((*bp)[:0], args)
	var s string
	if err == nil {
		s = string(b)
	}
	putBuf(bp, b)
	return s, err
}

// formatStrings formats a plain message whose arguments print without
// formatting (strings, nil, missing ones), the usual case: it sizes the
// result, then writes it into a strings.Builder of exactly that size,
// which hands over its buffer as the string. It reports false, having
// written nothing, for any other argument.
func (m *Message) formatStrings(args []any) (string, bool) {
	size := m.size
	for i := range m.elems {
		n, ok := plainSize(args, m.elems[i].arg)
		if !ok {
			return "", false
		}
		size += n
	}
	var b strings.Builder
	b.Grow(size)
	for i := range m.elems {
		e := &m.elems[i]
		b.WriteString(e.lit)
		if e.arg < len(args) {
			if s, ok := args[e.arg].(string); ok {
				b.WriteString(s)
				continue
			}
		}
		writeUnformatted(&b, args, e.arg)
	}
	b.WriteString(m.tail)
	return b.String(), true
}

// maxPooled keeps buffers of unusually long messages out of the pool.
const maxPooled = 16 << 10

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// putBuf returns b, grown from *bp, to the pool, unless it grew too large.
func putBuf(bp *[]byte, b []byte) {
	if cap(b) <= maxPooled {
		*bp = b
		bufPool.Put(bp)
	}
}

// AppendFormat appends the formatted message to dst and returns the
// extended buffer. On failure it returns dst unchanged (nothing appended)
// and an *ArgError.
func (m *Message) AppendFormat(dst []byte, args ...any) ([]byte, error) {
	start := len(dst)
	dst, err := m.appendFormat(dst, args)
	if err != nil {
		return dst[:start], err
	}
	return dst, nil
}

// appendFormat is MessageFormat.subformat. It may leave partial output in
// dst on error; AppendFormat truncates it.
func (m *Message) appendFormat(dst []byte, args []any) ([]byte, error) {
	for i := range m.elems {
		e := &m.elems[i]
		dst = append(dst, e.lit...)
		if e.arg >= len(args) {
			dst = appendMissing(dst, e.arg)
			continue
		}
		if e.kind == kindPlain {
			// The usual case, without sorting the argument into its
			// Java type first.
			if s, ok := args[e.arg].(string); ok {
				dst = append(dst, s...)
				continue
			}
		}
		var err error
		if dst, err = m.appendElement(dst, e, args); err != nil {
			return dst, err
		}
	}
	return append(dst, m.tail...), nil
}

func (m *Message) appendElement(dst []byte, e *element, args []any) ([]byte, error) {
	v := classify(args[e.arg])
	if v.kind == vNoDate {
		return dst, v.dateRangeError(e.arg)
	}
	if v.kind == vNull {
		return append(dst, "null"...), nil // before any format, as in the JDK
	}
	switch e.kind {
	case kindNumber:
		switch v.kind {
		case vInt:
			return e.num.AppendInt64(dst, v.i), nil
		case vFloat:
			return e.num.AppendFloat64(dst, v.f), nil
		case vBig:
			return e.num.AppendBigInt(dst, v.b), nil
		}
		return dst, &ArgError{Index: e.arg, Msg: msgNotNumber}
	case kindDate:
		ms, ok := v.millis()
		if !ok {
			return dst, &ArgError{Index: e.arg, Msg: msgNotDate}
		}
		return e.date.AppendMillis(dst, ms), nil
	case kindChoice:
		x, ok := v.float()
		if !ok {
			return dst, &ArgError{Index: e.arg, Msg: msgNotNumber}
		}
		c := e.choice
		i := c.choose(x)
		if i < 0 {
			return dst, &ArgError{Index: e.arg, Msg: msgEmptyChoice}
		}
		if c.subs == nil || c.subs[i] == nil {
			return append(dst, c.texts[i]...), nil
		}
		if sub := c.subs[i]; sub.err != nil {
			return dst, &ArgError{Index: e.arg, Msg: sub.err.Msg, Err: sub.err}
		}
		return c.subs[i].msg.appendFormat(dst, args)
	}
	// A plain element: the format follows the argument's type.
	return appendPlain(dst, m.formats, &v), nil
}

// millis is DateFormat.format(Object)'s view of an argument: a date's
// epoch milliseconds, or a Number's longValue().
func (v *value) millis() (int64, bool) {
	switch v.kind {
	case vDate, vInt:
		return v.i, true
	case vFloat:
		return javaLong(v.f), true
	case vBig:
		// BigInteger.longValue keeps the low 64 bits (two's complement).
		var low big.Int
		low.And(v.b, maxUint64)
		return int64(low.Uint64()), true
	}
	return 0, false
}

// float is ChoiceFormat's view of a Number: its doubleValue().
func (v *value) float() (float64, bool) {
	switch v.kind {
	case vInt:
		return float64(v.i), true
	case vFloat:
		return v.f, true
	case vBig:
		f, _ := new(big.Float).SetInt(v.b).Float64()
		return f, true
	}
	return 0, false
}

var maxUint64 = new(big.Int).SetUint64(math.MaxUint64)

// javaLong is Java's (long) cast of a double: truncation toward zero,
// saturating at the int64 range, NaN to 0. (Go leaves out-of-range
// conversions implementation-defined.)
func javaLong(f float64) int64 {
	switch {
	case f != f:
		return 0
	case f >= math.MaxInt64:
		return math.MaxInt64
	case f <= math.MinInt64:
		return math.MinInt64
	}
	return int64(f)
}
