package readable

import (
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"
)

// Match returns the best of the bundle's languages for a list of
// preferences, most important first, e.g.
//
//	b.Match(c.QueryParam("lang"), c.Request().Header.Get("Accept-Language"))
//
// Each preference is a language tag ("zh-CN", also "zh_CN") or an
// Accept-Language value ("fr-CH, fr;q=0.9, en;q=0.8"). The first
// preference that the bundle can serve decides, so an explicit ?lang=
// wins over the header, and a ?lang= the bundle cannot serve gives way to
// it; when none can be served, Match returns the default language.
// Empty preferences are skipped.
//
// "Can serve" is golang.org/x/text/language's judgement, with any
// confidence above none: en-GB is served by en and zh by zh-CN; zh-TW
// alone is served by zh-CN too, as a low-confidence match, but
// "zh-TW, en;q=0.9" gets en; ja is served by nothing but ja. An
// Accept-Language entry that does not parse is ignored, not the whole
// header.
//
// Parsing a header costs microseconds and allocations, and a service sees
// the same few headers over and over: the outcome is cached per distinct
// preference string, in a cache of bounded size, so a repeated header
// costs a lookup.
func (b *Bundle) Match(prefs ...string) Language {
	for _, p := range prefs {
		if p == "" {
			continue
		}
		if i, ok := b.matchOne(p); ok {
			return b.language(i)
		}
	}
	return b.language(0)
}

// matchOne matches one preference, through the cache.
func (b *Bundle) matchOne(p string) (int, bool) {
	gen := b.cache.gen.Load()
	if v, ok := gen.m.Load(p); ok {
		i := v.(int)
		return i - 1, i > 0
	}
	i, ok := b.parseAndMatch(p)
	if len(p) <= maxCachedPref {
		b.cache.store(gen, p, i, ok)
	}
	return i, ok
}

// parseAndMatch does the work the cache saves.
func (b *Bundle) parseAndMatch(p string) (int, bool) {
	tags, _, err := language.ParseAcceptLanguage(p)
	if err != nil {
		// One malformed entry fails the whole parse; keep the others.
		tags = tags[:0]
		for entry := range strings.SplitSeq(p, ",") {
			if t, _, err := language.ParseAcceptLanguage(entry); err == nil {
				tags = append(tags, t...)
			}
		}
	}
	if len(tags) == 0 {
		return 0, false
	}
	_, i, conf := b.matcher.Match(tags...)
	if conf == language.No {
		return 0, false
	}
	return i, true
}

// The preference cache. It holds at most maxCachedPrefs strings of at
// most maxCachedPref bytes; when full it starts afresh, which keeps the
// strings in use (they come right back) and drops the ones a client sent
// once, so junk headers cannot grow memory or freeze the cache.
const (
	maxCachedPrefs = 1024
	maxCachedPref  = 256
)

type prefCache struct {
	gen atomic.Pointer[prefGen]
}

type prefGen struct {
	m sync.Map // string → int: 1 + language index, 0 for no match
	n atomic.Int32
}

func (c *prefCache) init() { c.gen.Store(&prefGen{}) }

func (c *prefCache) store(gen *prefGen, p string, i int, ok bool) {
	v := 0
	if ok {
		v = i + 1
	}
	if gen.n.Add(1) > maxCachedPrefs {
		fresh := &prefGen{}
		if !c.gen.CompareAndSwap(gen, fresh) {
			return // another goroutine started afresh; skip this one
		}
		gen = fresh
		gen.n.Add(1)
	}
	gen.m.Store(strings.Clone(p), v)
}
