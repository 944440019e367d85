package remote

import (
	"context"
	"net/http"

	"github.com/zeroport/zerofault/internal/faultid"
)

// HeaderRequestID is the header a request id travels in, as httpfault
// reads and answers it.
const HeaderRequestID = "X-Request-Id"

// validID is httpfault's rule for ids taken from a peer (faultid.Valid):
// an id can neither forge log lines nor bloat every record.
func validID(s string) bool { return faultid.Valid(s) }

type requestIDKey struct{}

// WithRequestID returns a context that carries id as the request id: a
// [Transport] sends it on every call made with the context, so that
// the services called answer, and log, under the same id. An id that
// httpfault would not accept from a peer (see [HeaderRequestID]; over
// 128 bytes, spaces, control characters) is not carried.
func WithRequestID(ctx context.Context, id string) context.Context {
	if !validID(id) {
		return ctx
	}
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the request id ctx carries.
func RequestID(ctx context.Context) (string, bool) {
	id, ok := ctx.Value(requestIDKey{}).(string)
	return id, ok
}

// Middleware gives every request a request id and puts it in the
// request's context (see [RequestID]), so that calls made with that
// context through a [Transport] forward it: the id a client sent in
// X-Request-Id when it is well-formed, else a new random one, which is
// then also set on the request's header, so that the handlers, Echo's
// RequestID middleware and httpfault's answers all see the one id. The
// response carries it in X-Request-Id.
//
// Wrap the whole server with it, whatever the framework:
//
//	http.ListenAndServe(addr, remote.Middleware(e)) // e an *echo.Echo, a ServeMux, …
//
// It costs a request four allocations (the context, its value, the
// request's shallow copy, the response header's value), six when it
// makes the id.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get(HeaderRequestID)
		if !validID(id) {
			id = faultid.String(faultid.Next())
			r.Header.Set(HeaderRequestID, id)
		}
		w.Header().Set(HeaderRequestID, id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
	})
}

// Transport is an http.RoundTripper for calling zerofault services: it
// forwards the request id of the call's context, and turns every failed
// response (status 400 or more) into the error it describes, as
// [Check] does:
//
//	client := &http.Client{Transport: &remote.Transport{}}
//	resp, err := client.Do(req.WithContext(ctx))
//	if shoperr.IsOutOfStock(err) { … }          // a 409 of the shop, typed
//	if fe, ok := errors.AsType[remote.FieldErrors](err); ok { … }
//
// http.Client returns the error wrapped in a *url.Error, which unwraps
// to it: errors.Is, errors.As and the IsXxx predicates see through it,
// and err.Error() names the method and URL first. The response itself is
// consumed (its body read, at most MaxBody bytes, and closed); code that
// needs a failed response's headers (Retry-After, say) sets
// DisableDecode and calls [Check], which keeps http.Client's own
// behaviour: a 404 is a response, not an error. Responses below 400
// (redirects included, which http.Client then follows) pass untouched.
//
// The request id is sent in X-Request-Id when the request has none of
// its own; the request is cloned for it, never modified.
type Transport struct {
	// Base makes the calls; nil means http.DefaultTransport.
	Base http.RoundTripper

	// DisableDecode leaves failed responses to the caller: the
	// Transport then only forwards the request id.
	DisableDecode bool
}

// RoundTrip forwards the request id, makes the call and decodes a
// failed response.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if id, ok := RequestID(req.Context()); ok && req.Header.Get(HeaderRequestID) == "" {
		req = req.Clone(req.Context())
		if req.Header == nil {
			req.Header = make(http.Header)
		}
		req.Header.Set(HeaderRequestID, id)
	}
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(req)
	if err != nil || resp == nil || t.DisableDecode || resp.StatusCode < 400 {
		return resp, err // http.Client reports a nil response without an error itself
	}
	derr, _ := FromResponse(resp)
	return nil, derr
}
