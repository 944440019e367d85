package httpfault

import (
	"log/slog"
	"net/http"
	"net/textproto"
	"sync/atomic"

	"github.com/zeroport/zerofault/internal/faultid"
	"github.com/zeroport/zerofault/internal/jsontext"
	"github.com/zeroport/zerofault/readable"
)

// Handler answers failures: one configured error writer that every
// adapter (Echo v4, Echo v5, net/http) hands its failures to. Build one
// with [New]; it is safe for concurrent use.
type Handler struct {
	opts     Options
	formats  []Format
	langKey  string // LangParam + "=", to spot it in a raw query cheaply
	idHeader string // canonical
	typeSafe bool   // ProblemTypeBase needs no escaping in JSON
	limiter  logLimiter
	plans    atomic.Pointer[plan] // of the catalogs last answered from
}

// New returns a Handler configured by opts; nil means all defaults.
func New(opts *Options) *Handler {
	h := &Handler{}
	if opts != nil {
		h.opts = *opts
	}
	o := &h.opts
	if o.Target == nil {
		o.Target = PatternTarget
	}
	if o.LangParam == "" {
		o.LangParam = "lang"
	}
	if !o.DisableLangParam {
		h.langKey = o.LangParam + "="
	}
	if o.RequestIDHeader == "" {
		o.RequestIDHeader = HeaderRequestID
	}
	h.idHeader = textproto.CanonicalMIMEHeaderKey(o.RequestIDHeader)
	if o.ProblemTypeBase == "" {
		o.ProblemTypeBase = DefaultProblemTypeBase
	}
	h.typeSafe = jsontext.Safe(o.ProblemTypeBase)
	h.formats = o.Formats
	if len(h.formats) == 0 {
		h.formats = DefaultFormats()
	}
	if o.SupportedMedia == "" {
		o.SupportedMedia = "application/json"
	}
	if o.ClientErrorLogLimit == 0 {
		o.ClientErrorLogLimit = defaultLogLimit
	}
	h.limiter.perSecond = o.ClientErrorLogLimit
	return h
}

// RequestIDHeader returns the header request ids travel in, as
// configured: what other transports (gRPC metadata) must use too.
func (h *Handler) RequestIDHeader() string { return h.idHeader }

// HeaderRequestID is the default header of request ids.
const HeaderRequestID = "X-Request-Id"

// Facts are what an adapter knows about a failed request that the core
// cannot see in the request itself.
type Facts struct {
	// Target names where the standard exceptions arose: the route's
	// pattern, or [RouterTarget] when no route matched.
	Target string

	// Debug allows debug details into this response (see Options.Debug).
	Debug bool

	// Committed says the response was already sent, with Status.
	Committed bool
	Status    int
}

// ServeError answers err on w, as http.Error answers a text: the net/http
// entry point. Target and Debug come from the Options; whether w was
// already written to is known when w is, or wraps, the writer of
// [Handler.Middleware] or [Handler.HandlerFunc].
func (h *Handler) ServeError(w http.ResponseWriter, r *http.Request, err error) {
	h.Answer(w, r, err, func() (f Facts) {
		f.Target = string(h.opts.Target(r))
		f.Debug = h.opts.Debug != nil && h.opts.Debug(r)
		if t := findTracker(w); t != nil {
			f.Committed, f.Status = t.written, t.status
		}
		return f
	})
}

// Answer answers err on w, once: classify, choose language and id, write
// the body, log. describe returns the facts only the adapter knows; it
// runs under the handler's guard, so that a panic in an adapter's hook
// (a Debug predicate, say) is contained like one in Map.
//
// A committed response is left alone: the failure is only logged.
func (h *Handler) Answer(w http.ResponseWriter, r *http.Request, err error, describe func() Facts) {
	if err == nil {
		return
	}
	var facts Facts
	defer h.guard(w, r, &facts)
	facts = describe()

	var f fault
	h.classify(&f, err, r, facts.Target, facts.Debug || h.opts.Development)

	if facts.Committed {
		// Someone answered already: a logging middleware called the error
		// handler before the framework did, or a handler wrote and then
		// failed. There is nothing left to tell the client.
		idSet := idIn(w.Header()[h.idHeader])
		h.log(r, &f, h.responseID(idSet, r, &f, new(headerValues)), true, facts.Status)
		return
	}

	hdr := w.Header()
	var vary []string
	var idSet string // the id a middleware put in the response header
	if len(hdr) > 0 {
		vary, idSet = h.sweepHeader(hdr)
	}
	vals := new(headerValues) // one allocation for every header value
	id := h.responseID(idSet, r, &f, vals)
	format := h.formats[0]
	if len(h.formats) > 1 {
		if v := r.Header[headerAccept]; len(v) > 0 {
			format = negotiate(v[0], h.formats)
		}
	}

	// The body is complete before anything is written, so that a failure
	// while writing it (a param's String method panicking, say) still
	// leaves the guard free to answer. A HEAD request gets the headers of
	// the body it does not get.
	bufs := getBuffers()
	var a Answer
	bufs.scratch = h.answer(&a, &f, r, id, facts.Debug, bufs.scratch)
	if r.Method != http.MethodHead {
		// The built-in formats are called directly, so that a stays on the
		// stack; an interface call would take its argument to the heap.
		switch f := format.(type) {
		case zeroJSON:
			bufs.body = f.Append(bufs.body, &a)
		case ProblemJSON:
			bufs.body = f.Append(bufs.body, &a)
		case ProblemXML:
			bufs.body = f.Append(bufs.body, &a)
		case ZeroXML:
			bufs.body = f.Append(bufs.body, &a)
		default:
			escaped := a
			bufs.body = format.Append(bufs.body, &escaped)
		}
	}

	v := &vals.v
	v[0], v[1], v[2], v[3], v[4] = format.ContentType(), id, "nosniff", varyValue, a.Language
	hdr[headerContentType] = v[0:1:1]
	if idSet != id {
		hdr[h.idHeader] = v[1:2:2]
	}
	hdr[headerNoSniff] = v[2:3:3]
	if len(vary) > 0 {
		hdr[headerVary] = append(vary, v[3])
	} else {
		hdr[headerVary] = v[3:4:4]
	}
	if a.Language != "" {
		hdr[headerContentLanguage] = v[4:5:5]
	}
	facts.Committed = true
	w.WriteHeader(a.Status)
	if r.Method != http.MethodHead {
		if _, werr := w.Write(bufs.body); werr != nil {
			h.logger().LogAttrs(r.Context(), slog.LevelDebug, "zerofault: writing the error response failed",
				slog.String("request_id", id), slog.String("error", werr.Error()))
		}
	}
	if h.opts.Observe != nil {
		observed := a // passed to a func value, a would go to the heap on every call
		h.observe(r, &observed)
	}
	putBuffers(bufs)
	h.log(r, &f, id, false, 0)
}

// observe hands a to Options.Observe, containing a panic there: the
// failure was answered, and a hook must not undo that.
func (h *Handler) observe(r *http.Request, a *Answer) {
	defer func() {
		if p := recover(); p != nil {
			h.logger().LogAttrs(r.Context(), slog.LevelError, "zerofault: the Observe hook panicked", slog.Any("panic", p))
		}
	}()
	h.opts.Observe(r.Context(), a)
}

const (
	contentTypeJSON       = "application/json; charset=UTF-8"
	headerContentType     = "Content-Type"
	headerNoSniff         = "X-Content-Type-Options"
	headerAccept          = "Accept"
	headerAcceptLanguage  = "Accept-Language"
	headerVary            = "Vary"
	headerContentLanguage = "Content-Language"
	// varyValue: the body depends on both, whatever format and language
	// this answer took.
	varyValue = "Accept, Accept-Language"
)

// isRepresentation reports the headers that describe a response body a
// handler meant to send before it failed: left on the error response,
// they would cut it short (Content-Length), save it as a file
// (Content-Disposition) or have it decoded wrongly (Content-Encoding).
func isRepresentation(canonicalKey string) bool {
	switch canonicalKey {
	case "Content-Length", "Content-Encoding", "Content-Disposition", "Content-Range",
		"Content-Language", "Content-Location", "Etag", "Last-Modified":
		return true
	}
	return false
}

// sweepHeader clears the representation headers of a response about to
// answer a failure, as http.Error deletes Content-Length, and returns in
// the same walk what the answer keeps of it: the Vary values set so far
// and the request id a middleware set. A response header holds a handful
// of keys: walking them is cheaper than looking each of the eight up.
func (h *Handler) sweepHeader(hdr http.Header) (vary []string, id string) {
	for k, v := range hdr {
		switch {
		case isRepresentation(k):
			delete(hdr, k)
		case k == headerVary:
			vary = v
		case k == h.idHeader:
			id = idIn(v)
		}
	}
	return vary, id
}

// headerValues holds the values of the headers an answer sets, and the
// text of a generated id: one allocation for them all.
type headerValues struct {
	v  [5]string
	id [faultid.Len]byte
}

func (h *Handler) logger() *slog.Logger {
	if h.opts.Logger != nil {
		return h.opts.Logger
	}
	return slog.Default()
}

func (h *Handler) bundle() *readable.Bundle {
	if h.opts.Readable != nil {
		return h.opts.Readable
	}
	return readable.Current()
}

// FallbackBody is the body of a failure the handler could not answer
// otherwise: its own hooks or a param's String method panicked.
const FallbackBody = `{"id":"","code":-60007,"message":"internal server error"}`

// guard keeps a panic inside the handler (a Map or Debug function, a
// param's String method) from escaping: it is logged and, if nothing was
// written yet, answered with a plain 500.
func (h *Handler) guard(w http.ResponseWriter, r *http.Request, facts *Facts) {
	p := recover()
	if p == nil {
		return
	}
	if p == http.ErrAbortHandler {
		panic(p)
	}
	h.logger().LogAttrs(r.Context(), slog.LevelError, "zerofault: the error handler panicked",
		slog.Any("panic", p))
	if facts.Committed {
		return
	}
	hdr := w.Header()
	h.sweepHeader(hdr)
	hdr[headerContentType] = []string{contentTypeJSON}
	hdr[headerNoSniff] = []string{"nosniff"}
	w.WriteHeader(http.StatusInternalServerError)
	if r.Method != http.MethodHead {
		_, _ = w.Write([]byte(FallbackBody))
	}
}

// Describe classifies err and works out its answer for r as Answer
// would, and logs the failure once, but writes nothing: for transports
// that carry a failure in something other than an HTTP body (a gRPC
// status, say). r stands for the call: its method, path and headers
// (Accept-Language, the request id header, a debug token) are read as
// Answer reads them. The texts of the Answer returned are the caller's
// to keep. A panic inside (a Map hook, a param's String method) is
// contained: the answer is then a plain -60007.
func (h *Handler) Describe(r *http.Request, err error, facts Facts) (a Answer) {
	defer func() {
		if p := recover(); p != nil {
			h.logger().LogAttrs(r.Context(), slog.LevelError, "zerofault: describing a failure panicked", slog.Any("panic", p))
			a = Answer{Code: -60007, Status: http.StatusInternalServerError, Message: []byte("internal server error"), TypeBase: h.opts.ProblemTypeBase}
		}
	}()
	var f fault
	h.classify(&f, err, r, facts.Target, facts.Debug || h.opts.Development)
	id := h.responseID("", r, &f, new(headerValues))
	scratch := make([]byte, 0, 256)
	h.answer(&a, &f, r, id, facts.Debug, scratch)
	h.log(r, &f, id, false, 0)
	if h.opts.Observe != nil {
		observed := a
		h.observe(r, &observed)
	}
	return a
}
