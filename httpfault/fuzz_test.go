package httpfault

import (
	"strings"
	"testing"
)

// negotiate with any Accept header: no panic; always one of the offers;
// the offer of the highest quality, the first among equals and when
// none is acceptable; qualities within 0 to 1000; nothing past the
// first maxAccept bytes counts.
func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{
		"", "*/*", "application/json", "application/problem+json", "Application/Problem+JSON;q=0.9",
		"text/html, application/problem+json;q=0.9, */*;q=0.1", "application/*;q=0.2, text/*",
		"application/problem+json;q=nope", "application/problem+json;q=NaN", "application/problem+xml;q=1.0000",
		"text/xml;Q=0.5;charset=utf-8, application/xml;q=0.6", ",,;;==", "*/*;q=0, text/xml;q=0.001",
		strings.Repeat("x/y, ", 120) + "application/problem+json",
		"a/b, c/d, e/f, g/h, i/j, k/l, m/n, o/p, q/r, application/problem+xml;q=0.5, */*;q=0.4",
	} {
		f.Add(s, "")
	}
	offers := DefaultFormats()
	f.Fuzz(func(t *testing.T, accept, tail string) {
		got := negotiate(accept, offers)
		at, best := -1, 0
		for i, o := range offers {
			if o == got {
				at = i
			}
			q := referenceQuality(bounded(accept), o.MediaType())
			if q < 0 || q > 1000 {
				t.Fatalf("quality %d for %s in %q", q, o.MediaType(), accept)
			}
			if parsed := quality(parseAccept(bounded(accept), nil), o.MediaType()); parsed != q {
				t.Fatalf("%q: %s has quality %d read once, %d read for itself", accept, o.MediaType(), parsed, q)
			}
			if q > best {
				best = q
			}
		}
		if at < 0 {
			t.Fatalf("%q: %v is not an offer", accept, got)
		}
		q := referenceQuality(bounded(accept), got.MediaType())
		if q != best && !(best == 0 && at == 0) {
			t.Fatalf("%q: chose %s (q %d), an offer has q %d", accept, got.MediaType(), q, best)
		}
		for i := 0; i < at; i++ {
			if referenceQuality(bounded(accept), offers[i].MediaType()) == q {
				t.Fatalf("%q: chose %s over %s, an earlier offer of equal quality", accept, got.MediaType(), offers[i].MediaType())
			}
		}
		if len(accept) > maxAccept {
			if again := negotiate(accept[:maxAccept+1]+tail, offers); again != got {
				t.Fatalf("%q: what follows byte %d changed the choice", accept, maxAccept)
			}
		}
	})
}

// referenceQuality is quality as negotiate first computed it, reading
// the header again for each offer: the fuzz target's independent account
// of what the parsed ranges must give. Equal lengths and strings.EqualFold
// are equalFoldASCII for the ASCII media types offered: the only other
// runes that fold to ASCII letters (ſ, K) take more than one byte.
func referenceQuality(accept, media string) int {
	typ, _, _ := strings.Cut(media, "/")
	q, specificity := 0, -1
	for accept != "" {
		var part string
		part, accept, _ = strings.Cut(accept, ",")
		rng, params, _ := strings.Cut(part, ";")
		rng = strings.TrimSpace(rng)
		s := -1
		switch {
		case len(rng) == len(media) && strings.EqualFold(rng, media):
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

// bounded is what negotiate reads of accept.
func bounded(accept string) string {
	if len(accept) > maxAccept {
		accept = accept[:maxAccept]
		if i := strings.LastIndexByte(accept, ','); i > 0 {
			accept = accept[:i]
		}
	}
	return accept
}
