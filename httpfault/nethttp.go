package httpfault

import (
	"net/http"
	"sync"
)

// HandlerFunc is an HTTP handler that returns its failure instead of
// writing it, for Go's http.ServeMux, chi or any router of http.Handlers:
//
//	mux.Handle("GET /users/{id}", faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
//		u, ok := users[r.PathValue("id")]
//		if !ok {
//			return webexc.NewRecordNotFound("UserHandler")
//		}
//		return json.NewEncoder(w).Encode(u)
//	}))
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// HandlerFunc returns an http.Handler that runs fn and answers its error,
// or its panic, as [Handler.ServeError] does. The route pattern that
// matched (r.Pattern) is the target of the exceptions it builds.
func (h *Handler) HandlerFunc(fn HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t, own := track(w, r, false)
		if own {
			defer t.release()
		}
		defer h.recoverPanic(t, r)
		if err := fn(t, r); err != nil {
			h.ServeError(t, r, err)
		}
	})
}

// Middleware returns a middleware that answers the panics of next (and
// zero.Throw's exceptions) as [Handler.ServeError] does:
//
//	http.ListenAndServe(addr, faults.Middleware(mux))
//
// When next is an *http.ServeMux, the mux's own 404 and 405 (a path no
// pattern matches, a method none allows) are answered too, as -60010 and
// -60014; a 405 keeps the Allow header the mux set. A 404 or 405 a
// handler writes itself is left alone. For other routers, install
// [Handler.NotFoundHandler] and [Handler.MethodNotAllowedHandler] where
// the router takes them.
//
// A request that neither fails nor panics costs no allocation: the
// writer that notes whether the response was sent is pooled.
func (h *Handler) Middleware(next http.Handler) http.Handler {
	_, isMux := next.(*http.ServeMux)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t, own := track(w, r, isMux)
		if own {
			defer t.release()
		}
		defer h.recoverPanic(t, r)
		next.ServeHTTP(t, r)
		if t.routed != 0 {
			status := t.routed
			t.routed, t.intercept = 0, false
			err := ErrNotFound
			if status == http.StatusMethodNotAllowed {
				err = ErrMethodNotAllowed
				if allow, ok := t.muxHeader["Allow"]; ok {
					t.ResponseWriter.Header()["Allow"] = allow
				}
			}
			h.ServeError(t, r, err)
		}
	})
}

// NotFoundHandler answers every request with the router's 404, -60010.
func (h *Handler) NotFoundHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeError(w, r, ErrNotFound) })
}

// MethodNotAllowedHandler answers every request with the router's 405,
// -60014. Set the Allow header before, as routers do.
func (h *Handler) MethodNotAllowedHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeError(w, r, ErrMethodNotAllowed) })
}

// recoverPanic answers a panic of the handler, deferred.
func (h *Handler) recoverPanic(w http.ResponseWriter, r *http.Request) {
	p := recover()
	if p == nil {
		return
	}
	err, abort := Recovered(p, DefaultStackSize)
	if abort {
		panic(p)
	}
	h.ServeError(w, r, err)
}

// StatusError is an error that stands for an HTTP status, as a router's
// 404 does, with the error that caused it, if any. Its StatusCode method
// is how the handler reads it.
type StatusError struct {
	Status int
	Err    error
}

// Error returns the status text, and the cause's.
func (e *StatusError) Error() string {
	if e.Err != nil {
		return http.StatusText(e.Status) + ": " + e.Err.Error()
	}
	return http.StatusText(e.Status)
}

// StatusCode returns the status.
func (e *StatusError) StatusCode() int { return e.Status }

// Unwrap returns the cause.
func (e *StatusError) Unwrap() error { return e.Err }

// The router's failures, answered -60010 and -60014.
var (
	ErrNotFound         error = &StatusError{Status: http.StatusNotFound}
	ErrMethodNotAllowed error = &StatusError{Status: http.StatusMethodNotAllowed}
)

// tracker is the response writer of Middleware and HandlerFunc: it notes
// whether the response was sent, so that a failure after that is only
// logged, and, under a ServeMux, holds back the mux's own 404 and 405.
type tracker struct {
	http.ResponseWriter
	req       *http.Request
	status    int
	written   bool
	intercept bool // next is a ServeMux: hold back its own 404 and 405
	routed    int  // the status held back

	// muxHeader takes the headers the mux sets while it writes its own
	// 404 or 405, which the answer replaces (but for a 405's Allow): set
	// on the response, they would cost allocations and then a sweep. It
	// stays with the pooled tracker.
	muxHeader http.Header
}

var trackers = sync.Pool{New: func() any { return new(tracker) }}

// track returns w's tracker: w itself when an outer Middleware made it
// (own false), else a pooled one the caller releases.
func track(w http.ResponseWriter, r *http.Request, intercept bool) (t *tracker, own bool) {
	if t, ok := w.(*tracker); ok {
		t.intercept = t.intercept || intercept
		return t, false
	}
	t = trackers.Get().(*tracker)
	*t = tracker{ResponseWriter: w, req: r, intercept: intercept, muxHeader: t.muxHeader}
	return t, true
}

func (t *tracker) release() {
	clear(t.muxHeader)
	*t = tracker{muxHeader: t.muxHeader}
	trackers.Put(t)
}

// Header returns the response's header, but to the mux when it found no
// route: the mux then sets headers only for the 404 or 405 it is about
// to write, which WriteHeader holds back (it sets r.Pattern before it
// calls any handler of a route).
func (t *tracker) Header() http.Header {
	if t.intercept && !t.written && t.req.Pattern == "" {
		if t.muxHeader == nil {
			t.muxHeader = make(http.Header)
		}
		return t.muxHeader
	}
	return t.ResponseWriter.Header()
}

// findTracker finds the tracker in w or the writers it wraps.
func findTracker(w http.ResponseWriter) *tracker {
	for {
		switch v := w.(type) {
		case *tracker:
			return v
		case interface{ Unwrap() http.ResponseWriter }:
			w = v.Unwrap()
		default:
			return nil
		}
	}
}

// WriteHeader notes the status; informational ones do not commit.
func (t *tracker) WriteHeader(status int) {
	if t.routed != 0 || t.written {
		return
	}
	if t.intercept && t.req.Pattern == "" && (status == http.StatusNotFound || status == http.StatusMethodNotAllowed) {
		t.routed = status // the mux found no route: answered after it returns
		return
	}
	if status >= 200 {
		t.written, t.status = true, status
	}
	t.ResponseWriter.WriteHeader(status)
}

// Write writes, unless the mux's own 404 or 405 is held back.
func (t *tracker) Write(b []byte) (int, error) {
	if t.routed != 0 {
		return len(b), nil
	}
	if !t.written {
		t.written, t.status = true, http.StatusOK
	}
	return t.ResponseWriter.Write(b)
}

// Flush sends what was written, for handlers that stream.
func (t *tracker) Flush() {
	if t.routed != 0 {
		return
	}
	if !t.written {
		t.written, t.status = true, http.StatusOK
	}
	_ = http.NewResponseController(t.ResponseWriter).Flush()
}

// Unwrap gives http.ResponseController the writer beneath.
func (t *tracker) Unwrap() http.ResponseWriter { return t.ResponseWriter }
