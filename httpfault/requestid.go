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
	if id := idIn(r.Header[h.idHeader]); id != "" {
		return id
	}
	return f.appendID(vals)
}

// idIn returns the request id a header's values hold: the first value
// when it is well-formed, else "".
func idIn(values []string) string {
	if len(values) > 0 && validID(values[0]) {
		return values[0]
	}
	return ""
}

// MaxIDLen bounds a request id taken from a client.
const MaxIDLen = faultid.MaxLen

// validID accepts 1 to MaxIDLen bytes of printable ASCII without spaces
// (see faultid.Valid).
func validID(s string) bool { return faultid.Valid(s) }
