package remote

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/zeroport/zerofault/webexc"
)

// MaxBody bounds what is read of a failed response's body: 1 MiB. A
// zerofault answer is a few hundred bytes, a few KiB with a long list of
// field violations or a debug stack; a body over the bound is not read
// further and is answered with a [ResponseError] wrapping [ErrTooLarge].
const MaxBody = 1 << 20

// MaxSnippet bounds [ResponseError.Snippet]: enough of a proxy's page or
// a foreign JSON body to recognise it in a log line.
const MaxSnippet = 256

// Why a body is not decoded, as the Err of a [ResponseError]; test with
// errors.Is.
var (
	// ErrEmptyBody: the response has no body (a HEAD request, a proxy's
	// bare 502).
	ErrEmptyBody = errors.New("empty body")

	// ErrTooLarge: the body is longer than MaxBody.
	ErrTooLarge = errors.New("body longer than " + strconv.Itoa(MaxBody) + " bytes")

	// ErrMediaType: no decoder is registered for the body's media type
	// (an HTML page, plain text).
	ErrMediaType = errors.New("no decoder for the media type")

	// ErrNotAnswer: the body has a media type a decoder reads, but is
	// not a zerofault answer: malformed or cut short, or of another
	// shape (no negative Zero code).
	ErrNotAnswer = errors.New("not a zerofault answer")
)

// ResponseError is a failed response that is not a zerofault answer: a
// proxy's HTML page, an empty body, a body cut short or too large, JSON
// of another shape. It keeps what a caller can act on (the status, the
// request id) and the start of the body, for the log.
type ResponseError struct {
	Status      int         // the HTTP status
	ContentType string      // the Content-Type header, as sent
	RequestID   string      // the X-Request-Id header, when well-formed
	Header      http.Header // the response's headers (Retry-After, …)

	// Snippet is the start of the body: at most MaxSnippet bytes, cut at
	// a character boundary, invalid UTF-8 replaced by U+FFFD.
	Snippet string

	// Err says why the body was not decoded: ErrEmptyBody, ErrTooLarge,
	// ErrMediaType, an error wrapping ErrNotAnswer, or the error that
	// reading the body failed with.
	Err error
}

// Error describes the failure in one line, e.g.
// `remote: 502 Bad Gateway, text/html: no decoder for the media type; body "<html>…"`.
func (e *ResponseError) Error() string {
	var b strings.Builder
	b.WriteString("remote: ")
	b.WriteString(strconv.Itoa(e.Status))
	if t := http.StatusText(e.Status); t != "" {
		b.WriteByte(' ')
		b.WriteString(t)
	}
	if e.ContentType != "" {
		b.WriteString(", ")
		b.WriteString(printable(clip(e.ContentType, 64)))
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	if e.Snippet != "" {
		b.WriteString("; body ")
		b.WriteString(strconv.Quote(e.Snippet))
	}
	return b.String()
}

// Unwrap returns Err.
func (e *ResponseError) Unwrap() error { return e.Err }

// StatusCode returns Status, as Echo v5's HTTPStatusCoder asks: a
// service that returns the error it got from a call answers with the
// status of that call.
func (e *ResponseError) StatusCode() int { return e.Status }

// A Decoder reads the failure bodies of one media type: it returns the
// exception a body describes, or an error when the body is not one it
// reads. status and header are the response's; body is whole, at most
// [MaxBody] bytes, and only valid during the call.
//
// A Decoder sets Remote.Status (usually to status), Code (a negative
// Zero code), Message, Readable, ID, and Cause to the [FieldErrors] of a
// validation failure; [Decode] replaces an empty or malformed ID (see
// [WithRequestID]) by the X-Request-Id header's, a zero Status by status.
type Decoder func(status int, header http.Header, body []byte) (webexc.Remote, error)

// decoders holds, per media type, its decoders, the latest registered
// first. Reads are lock-free: RegisterDecoder replaces the whole map.
var decoders struct {
	mu     sync.Mutex // serializes writers
	byType atomic.Pointer[map[string][]Decoder]
}

func init() {
	m := map[string][]Decoder{
		"application/json":         {DecodeJSON},
		"application/problem+json": {DecodeJSON},
		"application/problem+xml":  {DecodeXML},
		"application/xml":          {DecodeXML},
		"text/xml":                 {DecodeXML},
	}
	decoders.byType.Store(&m)
}

// RegisterDecoder adds d for bodies of mediaType (e.g.
// "application/xml"; parameters and case are ignored), ahead of the
// decoders registered for it before: d is tried first, and when it
// returns an error the earlier ones are, down to the built-in decoder of
// the type, if any. So a process can read a team's own envelope and
// still read Zero's answers of the same media type from other services.
// A nil d removes every decoder of mediaType, the built-in too.
//
// Call it at start-up, as mime.AddExtensionType is called; it is safe
// for concurrent use, and Decode calls running at the time see the
// registrations before or after it.
//
// The built-in decoders: [DecodeJSON] for application/json and
// application/problem+json, [DecodeXML] for application/problem+xml,
// application/xml and text/xml.
func RegisterDecoder(mediaType string, d Decoder) {
	mt := mediaTypeOf(mediaType)
	decoders.mu.Lock()
	defer decoders.mu.Unlock()
	old := *decoders.byType.Load()
	m := make(map[string][]Decoder, len(old)+1)
	for k, v := range old {
		m[k] = v
	}
	if d == nil {
		delete(m, mt)
	} else {
		m[mt] = append([]Decoder{d}, old[mt]...)
	}
	decoders.byType.Store(&m)
}

// decodersFor returns the decoders of a Content-Type; with none given,
// those the body's first byte suggests: JSON for '{', XML for '<'.
func decodersFor(contentType string, body []byte) []Decoder {
	m := *decoders.byType.Load()
	if contentType != "" {
		return m[mediaTypeOf(contentType)]
	}
	for _, c := range body {
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			continue
		}
		switch c {
		case '{':
			return m["application/json"]
		case '<':
			return m["application/xml"]
		}
		return nil
	}
	return nil
}

// mediaTypeOf returns a Content-Type's media type, lower case, without
// parameters.
func mediaTypeOf(contentType string) string {
	mt, _, _ := strings.Cut(contentType, ";")
	mt = strings.TrimSpace(mt)
	for i := 0; i < len(mt); i++ {
		if 'A' <= mt[i] && mt[i] <= 'Z' {
			return strings.ToLower(mt)
		}
	}
	return mt
}

// Decode turns a failed response back into an error, as grpc's
// status.FromError turns an error into a status: ok reports whether the
// body was a zerofault answer, and err is never nil.
//
//   - ok: err is the exception the body describes, rebuilt by
//     webexc.Rebuild with the status, code, message, readable text
//     ("info" or "detail") and id the service answered: the registered
//     generated type when this process knows the code (errors.As to it
//     and its IsXxx predicate hold), else a *webexc.WebException of that
//     code. errors.Is holds against any exception of the same code. The
//     field violations of a validation failure are its cause, a
//     [FieldErrors]. The target is the debug member's, when the service
//     sent one, else "Remote".
//   - not ok: err is a *[ResponseError] with the status, the request
//     id, the headers and the start of the body.
//
// The decoder is chosen by the Content-Type header (see
// [RegisterDecoder]); without one, by the body's first byte. A body
// longer than MaxBody is not decoded. header may be nil.
func Decode(status int, header http.Header, body []byte) (err error, ok bool) {
	if len(body) == 0 {
		return notAnswer(status, header, nil, ErrEmptyBody), false
	}
	if len(body) > MaxBody {
		return notAnswer(status, header, body, ErrTooLarge), false
	}
	ds := decodersFor(header.Get("Content-Type"), body)
	if len(ds) == 0 {
		return notAnswer(status, header, body, ErrMediaType), false
	}
	var first error
	for _, d := range ds {
		r, derr := run(d, status, header, body)
		if derr == nil && r.Code == 0 {
			derr = errors.New("the decoder returned no code")
		}
		if derr != nil {
			if first == nil {
				first = derr
			}
			continue
		}
		if r.Status == 0 {
			r.Status = status
		}
		if !validID(r.ID) {
			// An id httpfault would not take from a peer's header is not
			// taken from its body either: it could forge the caller's
			// log lines.
			r.ID = ""
			if id := header.Get(HeaderRequestID); validID(id) {
				r.ID = id
			}
		}
		return webexc.Rebuild(r), true
	}
	return notAnswer(status, header, body, first), false
}

// run runs a decoder; a panic in a team's decoder is its refusal of the
// body, not the caller's crash.
func run(d Decoder, status int, header http.Header, body []byte) (r webexc.Remote, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = webexc.Remote{}, fmt.Errorf("the decoder panicked: %v", p)
		}
	}()
	return d(status, header, body)
}

// notAnswer describes a response that is not a zerofault answer.
func notAnswer(status int, header http.Header, body []byte, why error) *ResponseError {
	e := &ResponseError{Status: status, Header: header, Snippet: snippet(body), Err: why}
	if header != nil {
		e.ContentType = header.Get("Content-Type")
		if id := header.Get(HeaderRequestID); validID(id) {
			e.RequestID = id
		}
	}
	return e
}

// snippet returns the start of body, as ResponseError.Snippet says.
func snippet(body []byte) string {
	s := strings.ToValidUTF8(string(cutAt(body, MaxSnippet)), "\uFFFD")
	// A replacement character is three bytes: invalid bytes may have
	// made the text longer again.
	return cutAt(s, MaxSnippet)
}

// cutAt cuts b to at most n bytes, before a character that would
// straddle the cut.
func cutAt[Text []byte | string](b Text, n int) Text {
	if len(b) <= n {
		return b
	}
	cut := n
	for cut > n-utf8.UTFMax && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return b[:cut]
}

// printable returns s as it is when it is printable ASCII, else quoted:
// a header's value must not break the message's line.
func printable(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return strconv.Quote(s)
		}
	}
	return s
}

// clip cuts s to at most n bytes, for texts a header supplies.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// FromResponse decodes a failed response as [Decode] does, reading at
// most MaxBody bytes of its body, which it closes. A body that cannot be
// read to its end gives a *ResponseError wrapping the read error. A nil
// resp gives (nil, false).
//
// It decodes whatever the status; [Check] is the form that lets
// successful responses through.
func FromResponse(resp *http.Response) (err error, ok bool) {
	if resp == nil {
		return nil, false
	}
	if resp.Body == nil {
		return Decode(resp.StatusCode, resp.Header, nil)
	}
	defer resp.Body.Close()
	body, rerr := io.ReadAll(io.LimitReader(resp.Body, MaxBody+1))
	if rerr != nil {
		return notAnswer(resp.StatusCode, resp.Header, body, rerr), false
	}
	return Decode(resp.StatusCode, resp.Header, body)
}

// Check returns the failure a call stands for, for code that keeps
// http.Client's own behaviour, in which a 404 is a response, not an
// error:
//
//	resp, err := client.Do(req)
//	if err := remote.Check(resp, err); err != nil {
//		return err // shoperr.IsOutOfStock(err) works here
//	}
//	defer resp.Body.Close()
//
// A non-nil err is returned as it is (resp is then nil). A response with
// a status below 400 is no failure: Check returns nil and leaves it
// alone (redirects were followed already; a 304 answers a conditional
// request). Otherwise it decodes the response as [FromResponse] does,
// closing its body, and returns the error.
func Check(resp *http.Response, err error) error {
	if err != nil || resp == nil || resp.StatusCode < 400 {
		return err
	}
	derr, _ := FromResponse(resp)
	return derr
}
