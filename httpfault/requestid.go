package httpfault

import "net/http"

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
const MaxIDLen = 128

// validID accepts 1 to MaxIDLen bytes of printable ASCII without spaces:
// anything else could forge log lines or bloat every record.
func validID(s string) bool {
	if s == "" || len(s) > MaxIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}
