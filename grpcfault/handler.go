package grpcfault

import (
	"context"
	"errors"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/webexc"
)

// Options configures a [Handler]. A nil *Options, or a zero field, takes
// the default, which is safe for production.
type Options struct {
	// Faults is the core that classifies, localizes, logs and observes
	// each failure, as it does for HTTP: its Logger, Readable, Map,
	// Development and Observe apply to gRPC calls too. Default
	// httpfault.New(nil).
	Faults *httpfault.Handler

	// Domain is the ErrorInfo domain of the statuses this service makes:
	// by Google's error model, the service's registered name, e.g.
	// "shop.example.com". Default [DefaultDomain].
	Domain string

	// Debug reports whether a call may see debug details: the error's
	// text in the message of an internal error, and a DebugInfo with the
	// error chain and a panic's stack. r is the call as [Handler.Request]
	// makes it, so httpfault.DebugToken("x-debug-token", secret) reads
	// the token from the call's metadata. Default nil: never.
	Debug func(r *http.Request) bool

	// Code chooses the gRPC code of an answer when the canonical table
	// ([CodeFromHTTP]) says too little: AlreadyExists for a 409 that
	// means a duplicate, say. ok false, or codes.OK, keeps the table's.
	Code func(a *httpfault.Answer) (c codes.Code, ok bool)

	// RetryDelay, when positive, is the delay a RetryInfo advises for a
	// ResourceExhausted or Unavailable answer whose error gives no
	// [RetryHint] of its own. Default 0: such answers carry no RetryInfo,
	// since a delay nobody chose would only look like advice.
	RetryDelay time.Duration

	// RequestID, when not nil and not "", is the id of a failed call's
	// answer: otelfault's TraceID, say. r is the call as [Handler.Request]
	// makes it. Default: the id the caller sent in the RequestIDHeader
	// metadata, else the exception's own.
	RequestID func(r *http.Request) string

	// RequestIDHeader is where RequestID's id is put for the core to
	// read: the core's Options.RequestIDHeader. Default
	// httpfault.HeaderRequestID.
	RequestIDHeader string
}

// DefaultDomain is the ErrorInfo domain when Options.Domain is empty.
const DefaultDomain = "zerofault"

// Handler turns the failures of gRPC calls into statuses: one configured
// bridge between a service's handlers and the core. Build one with
// [New]; it is safe for concurrent use.
type Handler struct {
	opts   Options
	faults *httpfault.Handler
	idKey  string // canonical RequestIDHeader

	errorInfos  sync.Map // errorInfoKey → *anypb.Any, see errorInfo
	nErrorInfos atomic.Int64
}

// New returns a Handler configured by opts; nil means all defaults.
func New(opts *Options) *Handler {
	h := &Handler{}
	if opts != nil {
		h.opts = *opts
	}
	if h.faults = h.opts.Faults; h.faults == nil {
		h.faults = httpfault.New(nil)
	}
	if h.opts.Domain == "" {
		h.opts.Domain = DefaultDomain
	}
	if h.opts.RequestIDHeader == "" {
		h.opts.RequestIDHeader = httpfault.HeaderRequestID
	}
	h.idKey = textproto.CanonicalMIMEHeaderKey(h.opts.RequestIDHeader)
	return h
}

// Status returns the status that answers err, the failure of a call to
// method (its full name, "/shop.Accounts/Get"), in the style of
// status.Convert:
//
//   - a zerofault exception anywhere in err, or any error that is not a
//     gRPC status: the core's answer (classified, localized, redacted in
//     production, logged once, observed), with the code of its HTTP
//     status ([CodeFromHTTP]) and the details of [Handler.Details];
//   - context.Canceled and context.DeadlineExceeded: answered as a 499
//     and a 504, so Canceled and DeadlineExceeded, as gRPC itself would;
//   - a gRPC status (status.Error, or an error that wraps one) without a
//     zerofault exception: that status, untouched and not logged. The
//     handler chose its code and message; a decoded zerofault exception
//     counts as an exception, not as a status.
//
// Status returns nil for a nil err.
func (h *Handler) Status(ctx context.Context, method string, err error) *status.Status {
	if err == nil {
		return nil
	}
	if _, isExc := errors.AsType[*webexc.WebException](err); !isExc {
		if st, ok := status.FromError(err); ok {
			return st
		}
		switch {
		case errors.Is(err, context.Canceled):
			err = &httpfault.StatusError{Status: StatusClientClosedRequest, Err: err}
		case errors.Is(err, context.DeadlineExceeded):
			err = &httpfault.StatusError{Status: http.StatusGatewayTimeout, Err: err}
		}
	}
	r := h.Request(ctx, method)
	debug := h.opts.Debug != nil && h.opts.Debug(r)
	a := h.faults.Describe(r, err, httpfault.Facts{Target: method, Debug: debug})
	return h.Details(&a, err)
}

// Error is [Handler.Status] as an error, what a gRPC handler returns.
func (h *Handler) Error(ctx context.Context, method string, err error) error {
	if err == nil {
		return nil
	}
	return h.Status(ctx, method, err).Err()
}

// Request returns the call to method as the HTTP request the core reads:
// method POST (gRPC runs over HTTP/2 POSTs), path the full method name,
// a header per incoming metadata key (accept-language,
// x-request-id, a debug token, traceparent, …; binary "-bin" keys and
// pseudo-headers left out) and ctx as its context. It is made only for a
// failure.
func (h *Handler) Request(ctx context.Context, method string) *http.Request {
	md, _ := metadata.FromIncomingContext(ctx)
	hdr := make(http.Header, len(md)+1)
	for k, vs := range md {
		if strings.HasPrefix(k, ":") || strings.HasSuffix(k, "-bin") {
			continue
		}
		hdr[textproto.CanonicalMIMEHeaderKey(k)] = vs
	}
	r := (&http.Request{
		Method: http.MethodPost, URL: &url.URL{Path: method}, RequestURI: method,
		Proto: "HTTP/2.0", ProtoMajor: 2, Header: hdr, Body: http.NoBody,
	}).WithContext(ctx)
	if v := md.Get(":authority"); len(v) > 0 {
		r.Host = v[0]
	}
	if h.opts.RequestID != nil {
		if id := h.opts.RequestID(r); id != "" {
			hdr[h.idKey] = []string{id}
		}
	}
	return r
}
