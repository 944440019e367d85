package httpfault

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/zeroport/zerofault/readable"
)

// language chooses the response language: the LangParam query parameter
// first, then Accept-Language, then the bundle's default.
func (h *Handler) language(r *http.Request, b *readable.Bundle) readable.Language {
	q := ""
	if h.langKey != "" {
		q = queryValue(r.URL.RawQuery, h.langKey)
	}
	var al string
	if v := r.Header[headerAcceptLanguage]; len(v) > 0 {
		al = boundPreference(v[0])
	}
	return b.Match(q, al)
}

// maxPreference bounds what of an Accept-Language header (or a ?lang=)
// is matched. A real header names a few languages in a few dozen bytes;
// matching a huge or hostile one in full would cost more than the whole
// answer.
const maxPreference = 128

// boundPreference cuts a preference list to maxPreference bytes, at the
// last whole entry.
func boundPreference(s string) string {
	if len(s) <= maxPreference {
		return s
	}
	s = s[:maxPreference]
	if i := strings.LastIndexByte(s, ','); i > 0 {
		return s[:i]
	}
	return ""
}

// queryValue returns the first value of the parameter that key ("lang=")
// starts, unescaped, "" when there is none. It reads the raw query in
// place: parsing it whole into url.Values would allocate a map for a
// parameter that is rarely there.
func queryValue(raw, key string) string {
	for raw != "" {
		var part string
		part, raw, _ = strings.Cut(raw, "&")
		if v, ok := strings.CutPrefix(part, key); ok {
			if len(v) > maxPreference {
				return ""
			}
			if s, err := url.QueryUnescape(v); err == nil {
				return s
			}
			return ""
		}
	}
	return ""
}
