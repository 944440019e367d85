package httpfault

import (
	"strconv"
	"strings"
)

// A Format writes answers in one media type. The core offers Zero's JSON,
// RFC 9457 problem details in JSON and XML, and Zero's shape in XML; a
// team registers its own by adding it to Options.Formats (see the
// AWS-style example in example_format_test.go).
type Format interface {
	// MediaType is the type the format answers, e.g.
	// "application/problem+json", matched against Accept.
	MediaType() string

	// ContentType is the Content-Type header of its answers.
	ContentType() string

	// Append appends the body of a.
	Append(dst []byte, a *Answer) []byte
}

// DefaultFormats are the formats offered when Options.Formats is nil, in
// the server's order of preference: Zero's JSON first, the default for
// clients that ask for nothing, anything, application/json or only what
// is not offered.
func DefaultFormats() []Format {
	return []Format{ZeroJSON, ProblemJSON{}, ProblemXML{}, ZeroXML{Media: "application/xml"}, ZeroXML{Media: "text/xml"}}
}

// maxAccept bounds what of an Accept header is read: a real one lists a
// handful of types in a few hundred bytes.
const maxAccept = 512

// negotiate picks the format for an Accept header: the offered format
// with the highest quality the header gives it (by its most specific
// matching range: type/subtype, then type/*, then */*), earlier offers
// winning ties; the first offer when the header names nothing offered,
// never a 406: an error is answered in some form whatever the client
// asked.
func negotiate(accept string, offers []Format) Format {
	if len(offers) == 1 || accept == "" {
		return offers[0]
	}
	if len(accept) > maxAccept {
		accept = accept[:maxAccept]
		if i := strings.LastIndexByte(accept, ','); i > 0 {
			accept = accept[:i]
		}
	}
	if single(accept) {
		// One type, no parameters: the common "application/problem+json".
		media := strings.TrimSpace(accept)
		for _, f := range offers {
			if m := f.MediaType(); len(m) == len(media) && (m == media || strings.EqualFold(m, media)) {
				return f
			}
		}
		return offers[0]
	}
	best, bestQ := offers[0], 0
	for _, f := range offers {
		if q := quality(accept, f.MediaType()); q > bestQ {
			best, bestQ = f, q
		}
	}
	return best
}

// single reports whether accept names one media range without
// parameters or wildcards: none of ",;*" (strings.ContainsAny would build
// a set of them on every call).
func single(accept string) bool {
	for i := 0; i < len(accept); i++ {
		if c := accept[i]; c == ',' || c == ';' || c == '*' {
			return false
		}
	}
	return true
}

// quality returns the quality, in thousandths, that accept gives media.
// It reads the header in place, without allocating.
func quality(accept, media string) int {
	typ, _, _ := strings.Cut(media, "/")
	q, specificity := 0, -1
	for accept != "" {
		var part string
		part, accept, _ = strings.Cut(accept, ",")
		rng, params, _ := strings.Cut(part, ";")
		rng = strings.TrimSpace(rng)
		s := -1
		switch {
		case strings.EqualFold(rng, media):
			s = 2
		case len(rng) == len(typ)+2 && strings.HasSuffix(rng, "/*") && strings.EqualFold(rng[:len(typ)], typ):
			s = 1
		case rng == "*/*":
			s = 0
		}
		if s < specificity || s < 0 {
			continue
		}
		specificity, q = s, parseQ(params)
	}
	return q
}

// parseQ reads the q parameter of a range's parameters; 1000 when there
// is none, 0 when it does not parse.
func parseQ(params string) int {
	for params != "" {
		var p string
		p, params, _ = strings.Cut(params, ";")
		k, v, ok := strings.Cut(p, "=")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) > 5 {
			return 0
		}
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || !(f >= 0 && f <= 1) { // NaN is neither
			return 0
		}
		return int(f*1000 + 0.5)
	}
	return 1000
}
