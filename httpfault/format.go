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
			if equalFoldASCII(f.MediaType(), media) {
				return f
			}
		}
		return offers[0]
	}
	// The header is read once, into ranges on the stack, and each offer
	// is scored against them.
	var store [8]acceptRange
	ranges := parseAccept(accept, store[:0])
	best, bestQ := offers[0], 0
	for _, f := range offers {
		if q := quality(ranges, f.MediaType()); q > bestQ {
			best, bestQ = f, q
			if q == 1000 {
				break // no later offer can beat it: earlier offers win ties
			}
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

// acceptRange is one media range of an Accept header: the range as
// written ("type/subtype", "type/*" or "*/*"), in place, and its quality
// in thousandths.
type acceptRange struct {
	media string
	q     int
}

// parseAccept appends the media ranges of accept to dst, skipping empty
// ones, without allocating while dst has room.
func parseAccept(accept string, dst []acceptRange) []acceptRange {
	for accept != "" {
		part := accept
		if i := strings.IndexByte(accept, ','); i >= 0 {
			part, accept = accept[:i], accept[i+1:]
		} else {
			accept = ""
		}
		rng, params := part, ""
		if i := strings.IndexByte(part, ';'); i >= 0 {
			rng, params = part[:i], part[i+1:]
		}
		if rng = strings.TrimSpace(rng); rng != "" {
			dst = append(dst, acceptRange{media: rng, q: parseQ(params)})
		}
	}
	return dst
}

// quality returns the quality, in thousandths, that ranges give media:
// that of the most specific range matching it (the last of those, if
// several are as specific), 0 if none does.
func quality(ranges []acceptRange, media string) int {
	typ := media
	if i := strings.IndexByte(media, '/'); i >= 0 {
		typ = media[:i]
	}
	q, specificity := 0, -1
	for _, r := range ranges {
		s := -1
		switch {
		case equalFoldASCII(r.media, media):
			s = 2
		case len(r.media) == len(typ)+2 && strings.HasSuffix(r.media, "/*") && equalFoldASCII(r.media[:len(typ)], typ):
			s = 1
		case r.media == "*/*":
			s = 0
		}
		if s < specificity || s < 0 {
			continue
		}
		specificity, q = s, r.q
	}
	return q
}

// equalFoldASCII reports whether a and b are equal but for the case of
// ASCII letters. Media types are ASCII tokens (RFC 9110, section 8.3.1):
// a range spelled with other characters names nothing offered, and the
// length tells most ranges apart at once.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
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
