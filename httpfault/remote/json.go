package remote

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"net/http"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// DecodeJSON is the [Decoder] of Zero's JSON and of RFC 9457 problem
// details in JSON, told apart by their members, so that it reads either
// under either media type:
//
//	{"id","code","message","info","fields":[{"field","rule","param","info"}],"debug":{"target"}}
//	{"type","title","status","detail","instance","code","request_id","message","errors":[{"pointer","detail","rule","param"}]}
//
// The body must be one JSON object with a negative integer "code";
// members it does not know are skipped, and null counts as absent. The
// id is "id", else "request_id", else the end of a zerofault "instance"
// URI. A problem's pointers come back as paths ("#/items/2/sku" →
// "items[2].sku"). The debug member's causes and stack are not kept:
// they are for the service's developers, and its log has them.
//
// It is a hand-written scanner that validates the whole body as
// encoding/json would, without reflection: decoding costs less than
// json.Unmarshal of the same body into a plain struct.
func DecodeJSON(status int, header http.Header, body []byte) (webexc.Remote, error) {
	var a jsonAnswer
	if err := a.decode(body); err != nil {
		return webexc.Remote{}, err
	}
	if !a.hasCode || a.code >= 0 {
		return webexc.Remote{}, fmt.Errorf("%w: JSON without a negative \"code\"", ErrNotAnswer)
	}
	return a.remote(status), nil
}

// instancePrefix starts the instance URI of httpfault's problem details.
const instancePrefix = "urn:zerofault:id:"

// jsonAnswer is what DecodeJSON reads of a body: its texts as slices of
// the body, or of kept for those that had escapes, until remote makes
// strings of them.
type jsonAnswer struct {
	code    int
	hasCode bool
	status  int

	id, requestID, instance, message, info, detail, target []byte

	// fields are the violations of Zero's "fields" and of a problem's
	// "errors", in that order.
	fields, errors []rawField
	kept           []byte // unescaped texts, copied out of the scanner's scratch
}

type rawField struct {
	field, rule, param, info []byte
	path                     string // from a problem's pointer
}

// remote returns the exception a describes. Its texts share one
// allocation: they live and die together with the exception.
func (a *jsonAnswer) remote(status int) webexc.Remote {
	if len(a.errors) > 0 {
		a.fields = append(a.fields, a.errors...)
	}
	id := or(a.id, a.requestID)
	if rest, ok := bytes.CutPrefix(a.instance, []byte(instancePrefix)); ok && len(id) == 0 {
		id = rest
	}
	readable := or(a.info, a.detail)
	n := len(a.message) + len(readable) + len(id) + len(a.target)
	for _, f := range a.fields {
		n += len(f.field) + len(f.rule) + len(f.param) + len(f.info)
	}
	var b strings.Builder
	b.Grow(n)
	b.Write(a.message)
	b.Write(readable)
	b.Write(id)
	b.Write(a.target)
	for _, f := range a.fields {
		b.Write(f.field)
		b.Write(f.rule)
		b.Write(f.param)
		b.Write(f.info)
	}
	t := texts{s: b.String()}
	r := webexc.Remote{
		Code:     a.code,
		Status:   cmp.Or(status, a.status),
		Message:  t.next(a.message),
		Readable: t.next(readable),
		ID:       t.next(id),
		Target:   zero.Target(t.next(a.target)),
	}
	if len(a.fields) > 0 {
		fs := make(FieldErrors, len(a.fields))
		for i, f := range a.fields {
			fs[i] = FieldError{Field: t.next(f.field), Rule: t.next(f.rule), Param: t.next(f.param), Info: t.next(f.info)}
			if fs[i].Field == "" {
				fs[i].Field = f.path
			}
		}
		r.Cause = fs
	}
	return r
}

// or returns a unless it is empty, else b.
func or(a, b []byte) []byte {
	if len(a) > 0 {
		return a
	}
	return b
}

// texts hands out consecutive pieces of one string.
type texts struct {
	s   string
	off int
}

func (t *texts) next(b []byte) string {
	x := t.s[t.off : t.off+len(b)]
	t.off += len(b)
	return x
}

// maxDepth bounds the nesting of values the scanner skips: an answer
// nests three deep; a body nesting deeper than this is no answer, and
// is refused before it can cost much stack.
const maxDepth = 64

// scanner reads JSON text in place. Its strings are slices of the body
// when they hold no escape, else of scratch, which the next string
// reuses: take what must outlive it (string(b)) at once.
type scanner struct {
	buf     []byte
	i       int
	scratch []byte
}

// syntaxError says where and why the body is not JSON or not an answer.
func (s *scanner) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: JSON at byte %d: %s", ErrNotAnswer, s.i, fmt.Sprintf(format, args...))
}

func (s *scanner) ws() {
	for s.i < len(s.buf) {
		switch s.buf[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, 0 at the end.
func (s *scanner) peek() byte {
	s.ws()
	if s.i < len(s.buf) {
		return s.buf[s.i]
	}
	return 0
}

func (s *scanner) unexpected(what string) error {
	if s.i >= len(s.buf) {
		return s.errorf("unexpected end of input, want %s", what)
	}
	return s.errorf("unexpected %q, want %s", s.buf[s.i], what)
}

func (a *jsonAnswer) decode(body []byte) error {
	s := scanner{buf: body}
	if s.peek() != '{' {
		return s.unexpected("an object")
	}
	s.i++
	err := s.members(1, func(key []byte) error {
		var err error
		switch string(key) {
		case "code":
			a.code, a.hasCode, err = s.integer("code")
		case "status":
			a.status, _, err = s.integer("status")
		case "id":
			a.id, err = s.text("id", &a.kept)
		case "request_id":
			a.requestID, err = s.text("request_id", &a.kept)
		case "instance":
			a.instance, err = s.text("instance", &a.kept)
		case "message":
			a.message, err = s.text("message", &a.kept)
		case "info":
			a.info, err = s.text("info", &a.kept)
		case "detail":
			a.detail, err = s.text("detail", &a.kept)
		case "fields":
			a.fields, err = s.fieldList(&a.kept)
		case "errors":
			a.errors, err = s.fieldList(&a.kept)
		case "debug":
			a.target, err = s.debugTarget(&a.kept)
		default:
			err = s.skip(1)
		}
		return err
	})
	if err != nil {
		return err
	}
	if s.peek() != 0 {
		return s.errorf("data after the object")
	}
	return nil
}

// members reads an object's members after its '{', calling fn with each
// key: fn must read the value. The key is valid only until fn reads it.
func (s *scanner) members(depth int, fn func(key []byte) error) error {
	if depth > maxDepth {
		return s.errorf("nested deeper than %d", maxDepth)
	}
	if s.peek() == '}' {
		s.i++
		return nil
	}
	for {
		if s.peek() != '"' {
			return s.unexpected("a member name")
		}
		key, _, err := s.stringBytes()
		if err != nil {
			return err
		}
		if s.peek() != ':' {
			return s.unexpected("':'")
		}
		s.i++
		s.ws()
		if err := fn(key); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return nil
		default:
			return s.unexpected("',' or '}'")
		}
	}
}

// elements reads an array's elements after its '[', calling fn for
// each: fn must read the value.
func (s *scanner) elements(depth int, fn func() error) error {
	if depth > maxDepth {
		return s.errorf("nested deeper than %d", maxDepth)
	}
	if s.peek() == ']' {
		s.i++
		return nil
	}
	for {
		s.ws()
		if err := fn(); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			return nil
		default:
			return s.unexpected("',' or ']'")
		}
	}
}

// null reads a null, if one is next.
func (s *scanner) null() (bool, error) {
	if s.peek() != 'n' {
		return false, nil
	}
	return true, s.literal("null")
}

func (s *scanner) literal(word string) error {
	if len(s.buf)-s.i < len(word) || string(s.buf[s.i:s.i+len(word)]) != word {
		return s.unexpected("a JSON value")
	}
	s.i += len(word)
	return nil
}

// text reads a string member, or null as nothing. A text that had
// escapes is copied to kept, out of the scratch the next string reuses.
func (s *scanner) text(member string, kept *[]byte) ([]byte, error) {
	if null, err := s.null(); null || err != nil {
		return nil, err
	}
	if s.peek() != '"' {
		return nil, s.errorf("member %q is not a string", member)
	}
	b, inScratch, err := s.stringBytes()
	if err != nil || !inScratch {
		return b, err
	}
	start := len(*kept)
	*kept = append(*kept, b...)
	return (*kept)[start:len(*kept):len(*kept)], nil
}

// integer reads an integer member; null is absent (ok false).
func (s *scanner) integer(member string) (n int, ok bool, err error) {
	if null, err := s.null(); null || err != nil {
		return 0, false, err
	}
	start := s.i
	if err := s.number(); err != nil {
		return 0, false, err
	}
	lit := s.buf[start:s.i]
	neg := lit[0] == '-'
	digits := lit
	if neg {
		digits = lit[1:]
	}
	limit := uint64(math.MaxInt) // the most negative int is one more
	if neg {
		limit++
	}
	var u uint64
	for _, c := range digits {
		if c < '0' || c > '9' {
			s.i = start
			return 0, false, s.errorf("member %q is not an integer", member)
		}
		if u > (limit-uint64(c-'0'))/10 {
			s.i = start
			return 0, false, s.errorf("member %q overflows an int", member)
		}
		u = u*10 + uint64(c-'0')
	}
	if neg {
		return int(-u), true, nil // -u wraps to the int's two's complement
	}
	return int(u), true, nil
}

// number reads a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() error {
	b, i := s.buf, s.i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	default:
		s.i = i
		return s.unexpected("a digit")
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			s.i = i
			return s.unexpected("a digit")
		}
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			s.i = i
			return s.unexpected("a digit")
		}
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
	}
	s.i = i
	return nil
}

// stringBytes reads a string at s.i, its opening quote included, and
// returns its text: unescaped, invalid UTF-8 replaced by U+FFFD, as
// encoding/json decodes it. inScratch says the text is in s.scratch,
// which the next string overwrites, not in the body.
func (s *scanner) stringBytes() (text []byte, inScratch bool, err error) {
	s.i++ // the opening quote
	start := s.i
	b := s.buf
	// Fast path: plain ASCII up to the closing quote.
	for i := start; i < len(b); i++ {
		c := b[i]
		if c == '"' {
			s.i = i + 1
			return b[start:i], false, nil
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
	}
	out := s.scratch[:0]
	i := start
	for {
		if i >= len(b) {
			s.i = i
			return nil, false, s.errorf("unexpected end of input in a string")
		}
		c := b[i]
		switch {
		case c == '"':
			s.i = i + 1
			s.scratch = out
			return out, true, nil
		case c < 0x20:
			s.i = i
			return nil, false, s.errorf("control character %#02x in a string", c)
		case c == '\\':
			if i+1 >= len(b) {
				s.i = i + 1
				return nil, false, s.errorf("unexpected end of input in a string")
			}
			switch e := b[i+1]; e {
			case '"', '\\', '/':
				out = append(out, e)
				i += 2
			case 'b':
				out, i = append(out, '\b'), i+2
			case 'f':
				out, i = append(out, '\f'), i+2
			case 'n':
				out, i = append(out, '\n'), i+2
			case 'r':
				out, i = append(out, '\r'), i+2
			case 't':
				out, i = append(out, '\t'), i+2
			case 'u':
				r, ok := hex4(b, i+2)
				if !ok {
					s.i = i
					return nil, false, s.errorf("malformed \\u escape")
				}
				i += 6
				if utf16.IsSurrogate(r) {
					r2, ok := rune(-1), false
					if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
						r2, ok = hex4(b, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				s.i = i
				return nil, false, s.errorf("invalid escape \\%c", e)
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				out = utf8.AppendRune(out, utf8.RuneError)
			} else {
				out = append(out, b[i:i+size]...)
			}
			i += size
		}
	}
}

// hex4 reads the four hex digits of a \u escape at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// skip reads any value, checking it is well-formed.
func (s *scanner) skip(depth int) error {
	switch c := s.peek(); {
	case c == '{':
		s.i++
		return s.members(depth+1, func([]byte) error { return s.skip(depth + 1) })
	case c == '[':
		s.i++
		return s.elements(depth+1, func() error { return s.skip(depth + 1) })
	case c == '"':
		_, _, err := s.stringBytes()
		return err
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	default:
		return s.unexpected("a JSON value")
	}
}

// fieldList reads "fields" or "errors": an array of violations, or
// null.
func (s *scanner) fieldList(kept *[]byte) (fs []rawField, err error) {
	if null, err := s.null(); null || err != nil {
		return nil, err
	}
	if s.peek() != '[' {
		return nil, s.errorf("violations are not an array")
	}
	s.i++
	err = s.elements(2, func() error {
		if s.peek() != '{' {
			return s.errorf("a violation is not an object")
		}
		s.i++
		var f rawField
		var pointer []byte
		err := s.members(3, func(key []byte) error {
			var err error
			switch string(key) {
			case "field":
				f.field, err = s.text("field", kept)
			case "pointer":
				pointer, err = s.text("pointer", kept)
			case "rule":
				f.rule, err = s.text("rule", kept)
			case "param":
				f.param, err = s.text("param", kept)
			case "info":
				f.info, err = s.text("info", kept)
			case "detail":
				f.info, err = s.text("detail", kept)
			default:
				err = s.skip(3)
			}
			return err
		})
		if len(f.field) == 0 && len(pointer) > 0 {
			f.path = pathOf(string(pointer))
		}
		fs = append(fs, f)
		return err
	})
	return fs, err
}

// debugTarget reads the debug member, or null, keeping its target.
func (s *scanner) debugTarget(kept *[]byte) ([]byte, error) {
	if null, err := s.null(); null || err != nil {
		return nil, err
	}
	if s.peek() != '{' {
		return nil, s.errorf("member \"debug\" is not an object")
	}
	s.i++
	var target []byte
	err := s.members(2, func(key []byte) error {
		if string(key) == "target" {
			var err error
			target, err = s.text("target", kept)
			return err
		}
		return s.skip(2)
	})
	return target, err
}
