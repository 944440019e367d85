package httpfault

import (
	"net/http"

	"github.com/zeroport/zerofault/internal/faultid"
)

// responseID returns the id of the response: set, the one a middleware
// already put in the response header (echo's RequestID, say), else a
// well-formed one the client sent, else the exception's own, written
// into vals.
func (h *Handler) responseID(set string, r *http.Request, f *fault, vals *headerValues) string {
	if set != "" {
		return set
	}
	if v := r.Header[h.idHeader]; len(v) > 0 && validID(v[0]) {
		return v[0]
	}
	return f.appendID(vals)
}

// MaxIDLen bounds a request id taken from a client.
const MaxIDLen = faultid.MaxLen

// validID accepts 1 to MaxIDLen bytes of printable ASCII without spaces
// (see faultid.Valid).
func validID(s string) bool { return faultid.Valid(s) }
