package httpfault

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"net/textproto"
)

// DebugToken returns a Debug predicate that is true for requests whose
// header carries token, e.g.
//
//	opts.Debug = httpfault.DebugToken("X-Debug-Token", os.Getenv("DEBUG_TOKEN"))
//
// The comparison takes the same time whatever the header holds (both
// sides are hashed first, so not even the token's length shows), since
// the header comes from anyone. An empty token never matches: a missing
// setting does not open debug output to everyone.
func DebugToken(header, token string) func(*http.Request) bool {
	if token == "" {
		return func(*http.Request) bool { return false }
	}
	key := textproto.CanonicalMIMEHeaderKey(header)
	want := sha256.Sum256([]byte(token))
	return func(r *http.Request) bool {
		v := r.Header[key]
		if len(v) == 0 || v[0] == "" {
			return false
		}
		got := sha256.Sum256([]byte(v[0]))
		return subtle.ConstantTimeCompare(got[:], want[:]) == 1
	}
}
