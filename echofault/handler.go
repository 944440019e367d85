package echofault

import (
	"log/slog"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"unsafe"

	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/internal/jsontext"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// Skipper selects requests a middleware leaves alone.
type Skipper func(c echo.Context) bool

// DefaultSkipper skips nothing.
func DefaultSkipper(echo.Context) bool { return false }

// ErrorHandlerConfig configures ErrorHandlerWithConfig. The zero value is
// usable and safe for production; fields left zero take the defaults of
// DefaultErrorHandlerConfig.
type ErrorHandlerConfig struct {
	// Skipper hands the errors of the requests it selects to echo's
	// DefaultHTTPErrorHandler instead. Default: skip nothing.
	Skipper Skipper

	// Logger receives one record per failure. Default: slog.Default(),
	// looked up at each failure, so slog.SetDefault later still counts.
	Logger *slog.Logger

	// Readable localizes the "info" texts. Default: readable.Current(),
	// looked up per request, so readable.Swap takes effect at once.
	Readable *readable.Bundle

	// Rules explains failed validation rules. Default: DefaultRules().
	Rules *Rules

	// LangParam is the query parameter that names the response language
	// ahead of Accept-Language. Default "lang"; "-" disables it.
	LangParam string

	// RequestIDHeader is the header a request id travels in, both ways.
	// Default echo.HeaderXRequestID.
	RequestIDHeader string

	// Debug reports whether this request may see debug details: the
	// error chain, the exception's target and class, the stack of a
	// panic, the text of an internal error. Default nil: never. See
	// DebugToken for a header-token predicate.
	Debug func(c echo.Context) bool

	// Development puts the text of internal errors (panics, unknown
	// errors, 5xx HTTPErrors) into the -60007 message of every response,
	// as Debug does for one request. Default false, which is production:
	// the message then says the details are in the log. Never set it in
	// production; the text of an error can hold anything.
	Development bool

	// Target names where the exceptions the handler builds (404, 405,
	// 500, validation, …) arose. Default DefaultTarget. A WebException
	// returned by a handler keeps its own target.
	Target func(c echo.Context) zero.Target

	// Map turns errors into WebExceptions before the handler's own
	// mapping: domain errors (sql.ErrNoRows → a 404 of your own code,
	// say). Return nil to leave an error to the handler. The
	// WebException returned is only read, never modified.
	Map func(err error) *webexc.WebException
}

// DefaultErrorHandlerConfig is the configuration ErrorHandler uses.
var DefaultErrorHandlerConfig = ErrorHandlerConfig{
	Skipper:         DefaultSkipper,
	LangParam:       "lang",
	RequestIDHeader: echo.HeaderXRequestID,
	Target:          DefaultTarget,
}

// DefaultTarget names the route (its registered path, e.g. "/users/:id")
// as the target, or "Router" when no route matched.
func DefaultTarget(c echo.Context) zero.Target {
	if p := c.Path(); p != "" && p != "/*" {
		return zero.Target(p)
	}
	return "Router"
}

// ErrorHandler returns an error handler with the default configuration:
//
//	e.HTTPErrorHandler = echofault.ErrorHandler()
func ErrorHandler() echo.HTTPErrorHandler {
	return ErrorHandlerWithConfig(DefaultErrorHandlerConfig)
}

// ErrorHandlerWithConfig returns an error handler configured by cfg.
func ErrorHandlerWithConfig(cfg ErrorHandlerConfig) echo.HTTPErrorHandler {
	h := &handler{cfg: cfg}
	if h.cfg.Skipper == nil {
		h.cfg.Skipper = DefaultSkipper
	}
	if h.cfg.Rules == nil {
		h.cfg.Rules = DefaultRules()
	}
	if h.cfg.Target == nil {
		h.cfg.Target = DefaultTarget
	}
	switch h.cfg.LangParam {
	case "":
		h.cfg.LangParam = DefaultErrorHandlerConfig.LangParam
	case "-":
		h.cfg.LangParam = ""
	}
	if h.cfg.LangParam != "" {
		h.langKey = h.cfg.LangParam + "="
	}
	if h.cfg.RequestIDHeader == "" {
		h.cfg.RequestIDHeader = DefaultErrorHandlerConfig.RequestIDHeader
	}
	h.idHeader = textproto.CanonicalMIMEHeaderKey(h.cfg.RequestIDHeader)
	return h.handle
}

// handler is one configured error handler.
type handler struct {
	cfg      ErrorHandlerConfig
	langKey  string // LangParam + "=", to spot it in a raw query cheaply
	idHeader string // canonical
}

func (h *handler) logger() *slog.Logger {
	if h.cfg.Logger != nil {
		return h.cfg.Logger
	}
	return slog.Default()
}

func (h *handler) bundle() *readable.Bundle {
	if h.cfg.Readable != nil {
		return h.cfg.Readable
	}
	return readable.Current()
}

// handle answers one failure: classify, choose language and id, write
// the body, log.
func (h *handler) handle(err error, c echo.Context) {
	if err == nil {
		return
	}
	defer h.guard(c)
	if h.cfg.Skipper(c) {
		c.Echo().DefaultHTTPErrorHandler(err, c)
		return
	}
	req, res := c.Request(), c.Response()
	debug := h.cfg.Debug != nil && h.cfg.Debug(c)

	var f fault
	h.classify(&f, err, c, debug || h.cfg.Development)

	if res.Committed {
		// Someone answered already: echo's Logger middleware calls the
		// error handler before echo does, or a handler wrote and then
		// failed. There is nothing left to tell the client.
		h.log(c, &f, h.requestID(c, &f, nil), true)
		return
	}

	// One allocation holds the values of both response headers.
	vals := make([]string, 2)
	vals[0] = contentTypeJSON
	id := h.requestID(c, &f, vals[1:2:2])

	// The body is complete before anything is written, so that a failure
	// while writing it (a param's String method panicking, say) still
	// leaves the guard free to answer.
	var buf *[]byte
	if req.Method != http.MethodHead {
		buf = getBuf()
		*buf = h.appendBody(*buf, &f, c, id, debug)
	}
	res.Header()[echo.HeaderContentType] = vals[0:1:1]
	res.WriteHeader(f.status())
	if buf != nil {
		if _, werr := res.Write(*buf); werr != nil {
			h.logger().LogAttrs(req.Context(), slog.LevelDebug, "echofault: writing the error response failed",
				slog.String("request_id", id), slog.String("error", werr.Error()))
		}
		putBuf(buf)
	}
	h.log(c, &f, id, false)
}

const (
	contentTypeJSON      = echo.MIMEApplicationJSON + "; charset=UTF-8"
	headerAcceptLanguage = "Accept-Language"
)

// fallbackBody answers when answering failed.
const fallbackBody = `{"id":"","code":-60007,"message":"internal server error"}`

// guard keeps a panic inside the handler itself (a Map or Debug function,
// a param's String method) from escaping: it is logged and, if nothing
// was written yet, answered with a plain 500.
func (h *handler) guard(c echo.Context) {
	r := recover()
	if r == nil {
		return
	}
	if r == http.ErrAbortHandler {
		panic(r)
	}
	h.logger().LogAttrs(c.Request().Context(), slog.LevelError, "echofault: the error handler panicked",
		slog.Any("panic", r))
	res := c.Response()
	if !res.Committed {
		res.Header()[echo.HeaderContentType] = []string{contentTypeJSON}
		res.WriteHeader(http.StatusInternalServerError)
		if c.Request().Method != http.MethodHead {
			_, _ = res.Write([]byte(fallbackBody))
		}
	}
}

// requestID returns the id of the response: the one a middleware already
// put in the response header, else a well-formed one the client sent,
// else the exception's own. Given a slot (a one-element slice), it makes
// sure the response header carries the id.
func (h *handler) requestID(c echo.Context, f *fault, slot []string) string {
	resHdr := c.Response().Header()
	if v := resHdr[h.idHeader]; len(v) > 0 && validID(v[0]) {
		return v[0]
	}
	id := ""
	if v := c.Request().Header[h.idHeader]; len(v) > 0 && validID(v[0]) {
		id = v[0]
	} else {
		id = f.ID()
	}
	if slot != nil {
		slot[0] = id
		resHdr[h.idHeader] = slot
	}
	return id
}

// maxIDLen bounds a request id taken from a client.
const maxIDLen = 128

// validID accepts 1 to maxIDLen bytes of printable ASCII without spaces:
// anything else could forge log lines or bloat every record.
func validID(s string) bool {
	if s == "" || len(s) > maxIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// language chooses the response language: ?lang= first, then
// Accept-Language, then the bundle's default.
func (h *handler) language(c echo.Context, b *readable.Bundle) readable.Language {
	req := c.Request()
	q := ""
	// c.QueryParam parses and keeps the whole query; do it only when the
	// parameter is there.
	if h.langKey != "" && req.URL.RawQuery != "" && strings.Contains(req.URL.RawQuery, h.langKey) {
		q = c.QueryParam(h.cfg.LangParam)
	}
	var al string
	if v := req.Header[headerAcceptLanguage]; len(v) > 0 {
		al = v[0]
	}
	return b.Match(q, al)
}

// appendBody writes {"id","code","message","info"[,"fields"][,"debug"]},
// the shape of webexc's AppendJSON plus the extensions.
func (h *handler) appendBody(dst []byte, f *fault, c echo.Context, id string, debug bool) []byte {
	scratch := getBuf()
	text := *scratch
	dst = append(dst, `{"id":`...)
	dst = jsontext.AppendString(dst, id)
	dst = append(dst, `,"code":`...)
	dst = strconv.AppendInt(dst, int64(f.code()), 10)
	dst = append(dst, `,"message":"`...)
	text = f.appendMessage(text[:0])
	dst = jsontext.AppendEscaped(dst, bytesView(text))
	dst = append(dst, '"')

	b := h.bundle()
	lang := h.language(c, b)
	text = h.appendInfo(text[:0], b, lang, f)
	if !isBlank(bytesView(text)) {
		dst = append(dst, `,"info":"`...)
		dst = jsontext.AppendEscaped(dst, bytesView(text))
		dst = append(dst, '"')
	}
	if len(f.fields) > 0 {
		dst, text = h.appendFields(dst, text, f, lang)
	}
	*scratch = text
	putBuf(scratch)
	if debug {
		dst = appendDebug(dst, f)
	}
	return append(dst, '}')
}

// appendInfo appends the readable text for the chosen language: the
// bundle's text in that language (or a language it falls back to before
// the default) wins; else the exception's own readable text, which the
// catalog's overlay gave in the default language, or SetReadable set;
// else the bundle's default-language text.
func (h *handler) appendInfo(dst []byte, b *readable.Bundle, lang readable.Language, f *fault) []byte {
	def := b.Default()
	if lang.Tag() != def.Tag() {
		out, from, ok := b.AppendText(dst, lang, f.code(), f.args()...)
		if ok && from.Tag() != def.Tag() {
			return out
		}
		if own := f.appendOwnReadable(dst); !isBlank(bytesView(own[len(dst):])) {
			return own
		}
		out, _, _ = b.AppendText(dst, def, f.code(), f.args()...)
		return out
	}
	if own := f.appendOwnReadable(dst); !isBlank(bytesView(own[len(dst):])) {
		return own
	}
	out, _, _ := b.AppendText(dst, def, f.code(), f.args()...)
	return out
}

// bytesView reads b as a string without copying, for functions that only
// read it during the call.
func bytesView(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
