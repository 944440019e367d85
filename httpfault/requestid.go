package httpfault

import (
	"net/http"

	"github.com/zeroport/zerofault/internal/faultid"
)

// requestID returns the id of the response: the one a middleware already
// put in the response header (echo's RequestID, say), else a well-formed
// one the client sent, else the exception's own.
func (h *Handler) requestID(res http.Header, r *http.Request, f *fault) string {
	if v := res[h.idHeader]; len(v) > 0 && validID(v[0]) {
		return v[0]
	}
	if v := r.Header[h.idHeader]; len(v) > 0 && validID(v[0]) {
		return v[0]
	}
	return f.ID()
}

// MaxIDLen bounds a request id taken from a client.
const MaxIDLen = faultid.MaxLen

// validID accepts 1 to MaxIDLen bytes of printable ASCII without spaces
// (see faultid.Valid).
func validID(s string) bool { return faultid.Valid(s) }
