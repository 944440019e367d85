package httpfault

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"github.com/zeroport/zerofault/internal/errtree"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// A Classifier tells the core what one error of a framework stands for.
// The core walks an error's tree once, outermost first, and offers every
// error it does not know itself to the Classifier, before asking it for
// a StatusCode() int (Echo v5's HTTPStatusCoder, and any library's that
// speaks it). Return false for errors that are not the framework's.
//
// Adapters install one for their framework's error types (Echo v4's
// *echo.HTTPError, say); a team may chain its own in front of it.
type Classifier func(err error) (Classification, bool)

// Classification is what a [Classifier] found in one error.
type Classification struct {
	// Status is the HTTP status the error stands for, 0 for none: 404
	// and 405 answer as the router's, 401, 403 and 415 with their
	// standard exceptions, any other 4xx -60011 and any 5xx -60007 with
	// that status.
	Status int

	// Param and Input name a request parameter a binder could not
	// convert, and the value it had: the params of a 400's -60004 when
	// no strconv, encoding/json or time error below says more.
	Param, Input string

	// Panic is a recovered panic that a framework reported in its own
	// type (Echo v5's PanicStackError, say).
	Panic *PanicError
}

// statusCoder is how errors of any library tell their HTTP status.
type statusCoder interface{ StatusCode() int }

// FieldViolator is implemented by errors that carry field violations
// explained already: a validation failure another process answered,
// rebuilt by a client (the gRPC bridge, the HTTP decoder). The core
// renders them as the "fields" of the answer, as it renders validator's.
type FieldViolator interface{ FieldViolations() []Field }

// scan is what one walk of an error tree found: the first error of each
// kind the handler cares about, outermost first. One walk with a type
// switch per node replaces a dozen errors.As calls, each of which would
// walk the tree again with reflection.
type scan struct {
	web        *webexc.WebException
	panic      *PanicError
	validation validator.ValidationErrors
	violations []Field // from the first FieldViolator
	status     int     // the first status an error stood for
	statusErr  error   // that error, whose text details a 5xx
	param      string
	input      string
	bound      bool // param and input are set
	num        *strconv.NumError
	jsonType   *json.UnmarshalTypeError
	timeParse  *time.ParseError
}

// walk records what the tree under err holds, in one pass.
func (s *scan) walk(err error, classify Classifier) {
	for e := range errtree.All(err) {
		switch e := e.(type) {
		case *webexc.WebException:
			s.setWeb(e)
		case *PanicError:
			s.setPanic(e)
		case validator.ValidationErrors:
			if s.validation == nil {
				s.validation = e
			}
		case *strconv.NumError:
			if s.num == nil {
				s.num = e
			}
		case *json.UnmarshalTypeError:
			if s.jsonType == nil {
				s.jsonType = e
			}
		case *time.ParseError:
			if s.timeParse == nil {
				s.timeParse = e
			}
		default:
			s.other(e, classify)
		}
	}
}

// other asks an error the core has no case for: is it a concrete
// exception (generated types embed WebException and reach it through
// its Web method), a framework's, or does it know its status?
func (s *scan) other(err error, classify Classifier) {
	if v, ok := err.(FieldViolator); ok && s.violations == nil {
		s.violations = v.FieldViolations()
	}
	if w, ok := err.(interface{ Web() *webexc.WebException }); ok && s.web == nil {
		s.web = w.Web()
		return
	}
	if classify != nil {
		if c, ok := classify(err); ok {
			s.setStatus(c.Status, err)
			if c.Param != "" && !s.bound {
				s.param, s.input, s.bound = c.Param, c.Input, true
			}
			if c.Panic != nil {
				s.setPanic(c.Panic)
			}
			return
		}
	}
	if sc, ok := err.(statusCoder); ok {
		s.setStatus(sc.StatusCode(), err)
	}
}

func (s *scan) setWeb(e *webexc.WebException) {
	if s.web == nil {
		s.web = e
	}
}

func (s *scan) setPanic(p *PanicError) {
	if s.panic == nil {
		s.panic = p
	}
}

func (s *scan) setStatus(status int, err error) {
	if s.status == 0 && status != 0 {
		s.status, s.statusErr = status, err
	}
}

// classify decides the exception that answers err. Its order: Map, a
// WebException anywhere in the error, a panic, a validation failure, a
// status (router, binder and middleware errors among them), anything
// else. reveal allows the text of an internal error into its message.
func (h *Handler) classify(f *fault, err error, r *http.Request, target string, reveal bool) {
	f.err = err
	f.h = h
	f.cat = catalog.Current()
	f.target, f.media = zero.Target(target), h.opts.SupportedMedia
	if target == "" {
		f.target = RouterTarget
	}
	if h.opts.Map != nil {
		if w := h.opts.Map(err); w != nil {
			f.exc = w
			return
		}
	}
	var s scan
	s.walk(err, h.opts.Classify)
	f.violations = s.violations
	switch {
	case s.web != nil:
		f.exc = s.web
	case s.panic != nil:
		f.panic = s.panic
		f.internal(http.StatusInternalServerError, reveal, s.panic)
	case s.validation != nil:
		f.fields = s.validation
		f.std(stdValidation, 0, string(f.target), method(r), summary(s.validation))
	case s.status != 0:
		f.fromStatus(r, &s, reveal)
	default:
		f.internal(http.StatusInternalServerError, reveal, err)
	}
}

// fromStatus maps a status to the standard web exceptions.
func (f *fault) fromStatus(r *http.Request, s *scan, reveal bool) {
	switch code := s.status; {
	case code == http.StatusNotFound:
		f.std(stdNotFound, 0, clip(r.URL.Path), method(r))
	case code == http.StatusMethodNotAllowed:
		f.std(stdMethod, 0, method(r), clip(r.URL.Path))
	case code == http.StatusUnauthorized:
		f.std(stdUnauth, 0)
	case code == http.StatusForbidden:
		f.std(stdForbidden, 0)
	case code == http.StatusUnsupportedMediaType:
		media := "(none)"
		if v := r.Header[headerContentType]; len(v) > 0 && v[0] != "" {
			media = clip(v[0])
		}
		f.std(stdMedia, 0, media, f.media)
	case code == http.StatusBadRequest:
		if expected, literal, ok := s.conversion(); ok {
			f.std(stdParam, 0, expected, literal)
		} else {
			f.std(stdBadRequest, 0)
		}
	case code >= 500 && code <= 599:
		f.internal(code, reveal, s.statusErr)
	case code >= 400 && code <= 499:
		// 413, 429 and the other client errors have no code of their
		// own in Zero: -60011 with the status.
		f.std(stdBadRequest, code)
	default:
		f.internal(http.StatusInternalServerError, reveal, s.statusErr)
	}
}

// internal answers -60007; the details are the error's text only when
// reveal allows.
func (f *fault) internal(status int, reveal bool, err error) {
	if !reveal {
		f.std(stdInternal, status, withheld)
		return
	}
	f.std(stdInternal, status, err.Error())
}

// std answers with the standard exception kind; status overrides the
// class's when not 0.
func (f *fault) std(kind standard, status int, params ...any) {
	if f.standard(kind, status, params...) {
		return
	}
	// Copied, so that the variadic slice of every call stays on the stack.
	w := webexc.Make(kind.class(), f.target, append([]any(nil), params...))
	if status != 0 {
		w.SetStatus(status)
	}
	w.SetCause(f.err)
	f.exc = &w
}

// method returns the request method as a param. A standard method is
// returned as a constant, which needs no allocation to become an any.
func method(req *http.Request) any {
	switch m := req.Method; m {
	case http.MethodGet:
		return http.MethodGet
	case http.MethodHead:
		return http.MethodHead
	case http.MethodPost:
		return http.MethodPost
	case http.MethodPut:
		return http.MethodPut
	case http.MethodPatch:
		return http.MethodPatch
	case http.MethodDelete:
		return http.MethodDelete
	case http.MethodOptions:
		return http.MethodOptions
	default:
		return clip(m)
	}
}

// MaxEchoed bounds what of a client's input (a path, a header, a value it
// sent) an answer repeats, in its body and in its log record; longer
// input is cut at a character boundary and ends in "…".
const MaxEchoed = 256

// clip cuts s to MaxEchoed bytes.
func clip(s string) string { return clipTo(s, MaxEchoed) }

// clipTo cuts s to max bytes, at a character boundary, ending in "…".
func clipTo(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// conversion finds what a binder failed to convert: the expected type
// and the input, the params of -60004 ("Cannot convert {1} to type {0}").
// A literal from a query, path or form is quoted; encoding/json reports
// only the kind of the JSON value it met, so that is named instead, with
// the field it was meant for. Types are named as a client knows them
// (JSON's names, or int, float, bool), never as Go's.
func (s *scan) conversion() (expected, input string, ok bool) {
	switch {
	case s.num != nil:
		return numType(s.num.Func), strconv.Quote(clip(s.num.Num)), true
	case s.jsonType != nil:
		input = "a JSON " + s.jsonType.Value
		if s.jsonType.Field != "" {
			input += " (field " + clip(s.jsonType.Field) + ")"
		}
		return jsonType(s.jsonType.Type), input, true
	case s.timeParse != nil:
		return "time (" + s.timeParse.Layout + ")", strconv.Quote(clip(s.timeParse.Value)), true
	case s.bound:
		return "value of " + clip(s.param), strconv.Quote(clip(s.input)), true
	}
	return "", "", false
}

// numType names the type a strconv function parses.
func numType(fn string) string {
	switch fn {
	case "ParseInt", "Atoi":
		return "int"
	case "ParseUint":
		return "uint"
	case "ParseFloat":
		return "float"
	case "ParseBool":
		return "bool"
	case "ParseComplex":
		return "complex"
	}
	return "value"
}

// jsonType names the JSON type a Go type is decoded from: a client
// knows "integer" or "object", not main.signUpRequest.
func jsonType(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "value"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "int"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return "value"
}
