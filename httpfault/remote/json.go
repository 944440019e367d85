package remote

import (
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
	r := webexc.Remote{
		Code:     a.code,
		Status:   cmp.Or(status, a.status),
		Message:  a.message,
		Readable: cmp.Or(a.info, a.detail),
		ID:       cmp.Or(a.id, a.requestID),
		Target:   zero.Target(a.target),
	}
	if id, ok := strings.CutPrefix(a.instance, instancePrefix); ok && r.ID == "" {
		r.ID = id
	}
	if len(a.fields) > 0 {
		r.Cause = a.fields
	}
	return r, nil
}

// instancePrefix starts the instance URI of httpfault's problem details.
const instancePrefix = "urn:zerofault:id:"

// jsonAnswer is what DecodeJSON reads of a body.
type jsonAnswer struct {
	code      int
	hasCode   bool
	status    int
	id        string
	requestID string
	instance  string
	message   string
	info      string
	detail    string
	target    string
	fields    FieldErrors
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
			a.id, err = s.str("id")
		case "request_id":
			a.requestID, err = s.str("request_id")
		case "instance":
			a.instance, err = s.str("instance")
		case "message":
			a.message, err = s.str("message")
		case "info":
			a.info, err = s.str("info")
		case "detail":
			a.detail, err = s.str("detail")
		case "fields", "errors":
			a.fields, err = s.fieldList(a.fields)
		case "debug":
			a.target, err = s.debugTarget()
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
		key, err := s.stringBytes()
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

// str reads a string member, or null as "".
func (s *scanner) str(member string) (string, error) {
	if null, err := s.null(); null || err != nil {
		return "", err
	}
	if s.peek() != '"' {
		return "", s.errorf("member %q is not a string", member)
	}
	b, err := s.stringBytes()
	return string(b), err
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
// encoding/json decodes it.
func (s *scanner) stringBytes() ([]byte, error) {
	s.i++ // the opening quote
	start := s.i
	b := s.buf
	// Fast path: plain ASCII up to the closing quote.
	for i := start; i < len(b); i++ {
		c := b[i]
		if c == '"' {
			s.i = i + 1
			return b[start:i], nil
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
			return nil, s.errorf("unexpected end of input in a string")
		}
		c := b[i]
		switch {
		case c == '"':
			s.i = i + 1
			s.scratch = out
			return out, nil
		case c < 0x20:
			s.i = i
			return nil, s.errorf("control character %#02x in a string", c)
		case c == '\\':
			if i+1 >= len(b) {
				s.i = i + 1
				return nil, s.errorf("unexpected end of input in a string")
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
					return nil, s.errorf("malformed \\u escape")
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
				return nil, s.errorf("invalid escape \\%c", e)
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
		_, err := s.stringBytes()
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
// null, appended to fs.
func (s *scanner) fieldList(fs FieldErrors) (FieldErrors, error) {
	if null, err := s.null(); null || err != nil {
		return fs, err
	}
	if s.peek() != '[' {
		return fs, s.errorf("violations are not an array")
	}
	s.i++
	err := s.elements(2, func() error {
		if s.peek() != '{' {
			return s.errorf("a violation is not an object")
		}
		s.i++
		var f FieldError
		var pointer string
		err := s.members(3, func(key []byte) error {
			var err error
			switch string(key) {
			case "field":
				f.Field, err = s.str("field")
			case "pointer":
				pointer, err = s.str("pointer")
			case "rule":
				f.Rule, err = s.str("rule")
			case "param":
				f.Param, err = s.str("param")
			case "info":
				f.Info, err = s.str("info")
			case "detail":
				f.Info, err = s.str("detail")
			default:
				err = s.skip(3)
			}
			return err
		})
		if f.Field == "" && pointer != "" {
			f.Field = pathOf(pointer)
		}
		fs = append(fs, f)
		return err
	})
	return fs, err
}

// debugTarget reads the debug member, or null, keeping its target.
func (s *scanner) debugTarget() (string, error) {
	if null, err := s.null(); null || err != nil {
		return "", err
	}
	if s.peek() != '{' {
		return "", s.errorf("member \"debug\" is not an object")
	}
	s.i++
	var target string
	err := s.members(2, func(key []byte) error {
		if string(key) == "target" {
			var err error
			target, err = s.str("target")
			return err
		}
		return s.skip(2)
	})
	return target, err
}
