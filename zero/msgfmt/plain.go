package msgfmt

import (
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/decimal"
)

// Most patterns, and every template of Zero's catalog, are plain: literal
// text and elements of the form {n}, with string arguments. This file
// formats them without the general machinery: a compiled Message sizes
// the result exactly and writes it once, and Format formats a plain
// pattern straight from its text, without compiling a Message.

// maxPieces bounds the pieces Format records on the stack for a plain
// pattern. Zero's templates need at most 9 (elements, and literal text
// cut at each quote); a pattern needing more is compiled instead.
const maxPieces = 32

// A piece is a run of a plain pattern's output: literal text copied from
// pattern[start:end], or, when arg >= 0, the argument arg.
type piece struct {
	start, end int32
	arg        int32
}

// scanPlain cuts a plain pattern into pieces. It reports false for
// anything else — an element with a type, an index that is not ASCII
// digits or is not below maxArgIndex, an unmatched brace, more than
// maxPieces pieces — which the full parser then handles, errors included.
// For the patterns it accepts, the pieces are exactly what parse makes of
// them: quotes resolved as in MessageFormat.applyPattern's literal text.
func scanPlain(pattern string, pieces *[maxPieces]piece) (int, bool) {
	n := 0
	emit := func(start, end, arg int) bool {
		if arg < 0 && start == end {
			return true
		}
		if n == maxPieces {
			return false
		}
		pieces[n] = piece{int32(start), int32(end), int32(arg)}
		n++
		return true
	}
	if len(pattern) > 1<<30 { // keeps offsets within int32
		return 0, false
	}
	// The offsets of the next '{' and the next quote at or after i, or
	// len(pattern); each is searched again only once i has passed it.
	brace, quote := -1, -1
	i, lit, inQuote := 0, 0, false
	for i < len(pattern) {
		if quote < i {
			quote = indexFrom(pattern, i, '\'')
		}
		if !inQuote && brace < i {
			brace = indexFrom(pattern, i, '{')
		}
		if quote < len(pattern) && (inQuote || quote < brace) {
			if quote+1 < len(pattern) && pattern[quote+1] == '\'' {
				// '' is one literal quote, inside quotes or not.
				if !emit(lit, quote+1, -1) {
					return 0, false
				}
				i, lit = quote+2, quote+2
			} else {
				if !emit(lit, quote, -1) {
					return 0, false
				}
				inQuote = !inQuote
				i, lit = quote+1, quote+1
			}
			continue
		}
		if inQuote || brace == len(pattern) {
			// Quoted to the end (a lone quote quotes the rest), or no
			// element left: the rest is literal.
			if !emit(lit, len(pattern), -1) {
				return 0, false
			}
			return n, true
		}
		// An element at brace: {digits}.
		if !emit(lit, brace, -1) {
			return 0, false
		}
		j, arg := brace+1, 0
		for ; j < len(pattern) && isDigit(pattern[j]) && arg < maxArgIndex; j++ {
			arg = arg*10 + int(pattern[j]-'0')
		}
		if j == brace+1 || j == len(pattern) || pattern[j] != '}' || arg >= maxArgIndex {
			return 0, false
		}
		if !emit(0, 0, arg) {
			return 0, false
		}
		i, lit = j+1, j+1
	}
	return n, true
}

// indexFrom is the offset of the first c in s at or after i, or len(s).
func indexFrom(s string, i int, c byte) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return len(s)
}

// formatPlain is Format for a plain pattern: it reports false, having
// called nothing on args, when the pattern is not plain.
func formatPlain(locale, pattern string, args []any) (string, bool) {
	var pieces [maxPieces]piece
	n, ok := scanPlain(pattern, &pieces)
	switch {
	case !ok:
		return "", false
	case n == 0:
		return "", true
	case n == 1 && pieces[0].arg < 0:
		// Literal text without quotes to resolve: the pattern itself.
		return pattern[pieces[0].start:pieces[0].end], true
	}
	ps := pieces[:n]
	size := 0
	for _, p := range ps {
		if p.arg < 0 {
			size += int(p.end - p.start)
			continue
		}
		k, ok := plainSize(args, int(p.arg))
		if !ok {
			return formatPiecesAppend(locale, pattern, ps, args)
		}
		size += k
	}
	var b strings.Builder
	b.Grow(size)
	for _, p := range ps {
		switch {
		case p.arg < 0:
			b.WriteString(pattern[p.start:p.end])
		case int(p.arg) < len(args):
			if s, ok := args[p.arg].(string); ok {
				b.WriteString(s)
				break
			}
			fallthrough
		default:
			writeUnformatted(&b, args, int(p.arg))
		}
	}
	return b.String(), true
}

// formatPiecesAppend formats pieces whose arguments are not all strings,
// through a pooled buffer. It reports false for an argument the compiled
// path must refuse (a time outside java.util.Date's range), which then
// reports the error.
func formatPiecesAppend(locale, pattern string, ps []piece, args []any) (string, bool) {
	var lf *localeFormats // only numbers and dates need the locale
	bp := bufPool.Get().(*[]byte)
	b := (*bp)[:0]
	for _, p := range ps {
		switch {
		case p.arg < 0:
			b = append(b, pattern[p.start:p.end]...)
		case int(p.arg) >= len(args):
			b = appendMissing(b, int(p.arg))
		default:
			v := classify(args[p.arg])
			if v.kind == vNoDate {
				putBuf(bp, b)
				return "", false
			}
			if lf == nil && v.kind != vString && v.kind != vNull {
				lf = lookupLocale(locale)
			}
			b = appendPlain(b, lf, &v)
		}
	}
	s := string(b)
	putBuf(bp, b)
	return s, true
}

// plainSize is the length of what a plain element prints for args[i],
// when it needs no formatting: a string, null, or a missing argument.
func plainSize(args []any, i int) (int, bool) {
	if i >= len(args) {
		return len("{}") + digits(i), true
	}
	switch a := args[i].(type) {
	case string:
		return len(a), true
	case nil:
		return len("null"), true
	}
	return 0, false
}

// writeUnformatted writes what plainSize measured for an argument that is
// not a string: null, or a missing argument's element. (The callers write
// strings themselves, which keeps that common case inline.)
func writeUnformatted(b *strings.Builder, args []any, i int) {
	if i < len(args) {
		b.WriteString("null")
		return
	}
	var buf [8]byte
	b.Write(appendMissing(buf[:0], i))
}

// digits is the number of decimal digits of 0 <= i < maxArgIndex.
func digits(i int) int {
	switch {
	case i < 10:
		return 1
	case i < 100:
		return 2
	case i < 1000:
		return 3
	}
	return 4
}

// appendMissing prints an element whose argument is missing: the element
// normalised and without format type, as in the JDK ({007,number} prints
// {7}).
func appendMissing(dst []byte, i int) []byte {
	dst = append(dst, '{')
	dst = strconv.AppendInt(dst, int64(i), 10)
	return append(dst, '}')
}

// appendPlain appends a plain element's argument, formatted by its type
// as MessageFormat.subformat does when the element has no format. lf is
// needed for numbers and dates only.
func appendPlain(dst []byte, lf *localeFormats, v *value) []byte {
	switch v.kind {
	case vNull:
		return append(dst, "null"...)
	case vString:
		return append(dst, v.s...)
	case vInt:
		return lf.number(decimal.Default).AppendInt64(dst, v.i)
	case vFloat:
		return lf.number(decimal.Default).AppendFloat64(dst, v.f)
	case vBig:
		return lf.number(decimal.Default).AppendBigInt(dst, v.b)
	case vDate:
		return lf.dateTime().AppendMillis(dst, v.i)
	}
	return appendJavaString(dst, v.x, 0)
}
