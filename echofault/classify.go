package echofault

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero/catalog"
)

// scan is what one walk of an error tree found: the first error of each
// kind the handler cares about, outermost first. One walk with a type
// switch per node replaces a dozen errors.As calls, each of which would
// walk the tree again with reflection.
type scan struct {
	web        *webexc.WebException
	panic      *PanicError
	validation validator.ValidationErrors
	binding    *echo.BindingError
	http       *echo.HTTPError
	num        *strconv.NumError
	jsonType   *json.UnmarshalTypeError
	timeParse  *time.ParseError
}

// maxDepth bounds the walk, against an error that wraps itself.
const maxDepth = 64

func (s *scan) walk(err error, depth int) {
	for ; err != nil && depth < maxDepth; depth++ {
		switch e := err.(type) {
		case *webexc.WebException:
			if s.web == nil {
				s.web = e
			}
		case *PanicError:
			if s.panic == nil {
				s.panic = e
			}
		case validator.ValidationErrors:
			if s.validation == nil {
				s.validation = e
			}
		case *echo.BindingError:
			if s.binding == nil {
				s.binding = e
			}
			if s.http == nil {
				s.http = e.HTTPError
			}
		case *echo.HTTPError:
			if s.http == nil {
				s.http = e
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
			// A concrete exception (generated types embed WebException)
			// finds its base through its As method.
			if s.web == nil {
				if a, ok := err.(interface{ As(any) bool }); ok {
					var w *webexc.WebException
					if a.As(&w) && w != nil {
						s.web = w
					}
				}
			}
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				s.walk(inner, depth+1)
			}
			return
		default:
			return
		}
	}
}

// classify decides the exception that answers err. Its order: Map, a
// WebException anywhere in the error, a panic, a validation failure, an
// echo HTTPError (binder and router errors among them), anything else.
// reveal allows the text of an internal error into its message.
func (h *handler) classify(f *fault, err error, c echo.Context, reveal bool) {
	f.err = err
	f.cat = catalog.Current()
	if h.cfg.Map != nil {
		if w := h.cfg.Map(err); w != nil {
			f.exc = w
			return
		}
	}
	var s scan
	s.walk(err, 0)
	req := c.Request()
	switch {
	case s.web != nil:
		f.exc = s.web
	case s.panic != nil:
		f.panic = s.panic
		h.internal(f, c, http.StatusInternalServerError, reveal, s.panic.Error())
	case s.validation != nil:
		f.fields = s.validation
		h.std(f, c, classValidation, 0, string(h.cfg.Target(c)), method(req), summary(s.validation))
	case s.http != nil:
		h.fromHTTPError(f, c, &s, reveal)
	default:
		h.internal(f, c, http.StatusInternalServerError, reveal, err.Error())
	}
}

// std answers with the standard exception of class; status overrides
// the class's when not 0.
func (h *handler) std(f *fault, c echo.Context, class *webexc.Class, status int, params ...any) {
	target := h.cfg.Target(c)
	if f.standard(class, status, target, params...) {
		return
	}
	// Copied, so that the variadic slice of every call stays on the stack.
	w := webexc.Make(class, target, append([]any(nil), params...))
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
		return m
	}
}

// internal answers -60007; the details are the error's text only when
// reveal allows.
func (h *handler) internal(f *fault, c echo.Context, status int, reveal bool, details string) {
	if !reveal {
		h.std(f, c, classInternal, status, withheld)
		return
	}
	h.std(f, c, classInternal, status, details)
}

// fromHTTPError maps echo's errors to the standard web exceptions.
func (h *handler) fromHTTPError(f *fault, c echo.Context, s *scan, reveal bool) {
	he := s.http
	if inner, ok := he.Internal.(*echo.HTTPError); ok {
		he = inner // as echo's DefaultHTTPErrorHandler does
	}
	req := c.Request()
	switch code := he.Code; {
	case code == http.StatusNotFound:
		h.std(f, c, classNotFound, 0, req.URL.Path, method(req))
	case code == http.StatusMethodNotAllowed:
		h.std(f, c, classMethod, 0, method(req), req.URL.Path)
	case code == http.StatusUnauthorized:
		h.std(f, c, classUnauth, 0)
	case code == http.StatusForbidden:
		h.std(f, c, classForbidden, 0)
	case code == http.StatusUnsupportedMediaType:
		media := req.Header.Get(echo.HeaderContentType)
		if media == "" {
			media = "(none)"
		}
		h.std(f, c, classMedia, 0, media, supportedMedia)
	case code == http.StatusBadRequest:
		if expected, literal, ok := conversion(s); ok {
			h.std(f, c, classParam, 0, expected, literal)
		} else {
			h.std(f, c, classBadRequest, 0)
		}
	case code >= 500 && code <= 599:
		h.internal(f, c, code, reveal, he.Error())
	case code >= 400 && code <= 499:
		// 413 and the other client errors have no code of their own in
		// Zero: -60011 with the HTTPError's status.
		h.std(f, c, classBadRequest, code)
	default:
		h.internal(f, c, http.StatusInternalServerError, reveal, he.Error())
	}
}

// conversion finds what a binder failed to convert: the expected type
// and the input, the params of -60004 ("Cannot convert {1} to type {0}").
// A literal from a query, path or form is quoted; encoding/json reports
// only the kind of the JSON value it met, so that is named instead,
// with the field it was meant for.
func conversion(s *scan) (expected, input string, ok bool) {
	switch {
	case s.num != nil:
		return numType(s.num.Func), strconv.Quote(s.num.Num), true
	case s.jsonType != nil:
		t := "value"
		if s.jsonType.Type != nil {
			t = s.jsonType.Type.String()
		}
		input = "a JSON " + s.jsonType.Value
		if s.jsonType.Field != "" {
			input += " (field " + s.jsonType.Field + ")"
		}
		return t, input, true
	case s.timeParse != nil:
		return "time (" + s.timeParse.Layout + ")", strconv.Quote(s.timeParse.Value), true
	case s.binding != nil && s.binding.Internal != nil && len(s.binding.Values) > 0:
		return "value of " + s.binding.Field, strconv.Quote(s.binding.Values[0]), true
	}
	return "", "", false
}

// numType names the Go type a strconv function parses.
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
	return fn
}

// summary lists violations for the -60000 system message, e.g.
// "name: required; age: min=18".
func summary(ve validator.ValidationErrors) string {
	var b strings.Builder
	b.Grow(24 * len(ve))
	for i, fe := range ve {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(fieldPath(fe))
		b.WriteString(": ")
		b.WriteString(fe.Tag())
		if p := fe.Param(); p != "" {
			b.WriteByte('=')
			b.WriteString(p)
		}
	}
	return b.String()
}
