package readable

import (
	"slices"
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
// Empty preferences are skipped. An Accept-Language entry that does not
// parse is ignored, not the whole header.
//
// "Can serve" is golang.org/x/text/language's judgement, with any
// confidence above none. It compares languages by their likely script
// and region, so with the framework's ten languages loaded:
//
//   - zh-Hant, zh-TW, zh-HK and zh-MO get zh-TW; zh, zh-Hans, zh-CN and
//     zh-SG get zh-CN. Script decides before region: zh-Hans-TW gets
//     zh-CN. "zh-HK, zh;q=0.9" gets zh-TW: the first preference served
//     with high confidence decides, before a later exact one.
//   - pt-PT (and pt-AO, pt-MZ) get pt-BR, the Portuguese there is, while
//     no pt-PT overlay is loaded; once a team adds one, they get it.
//   - a region gets its language: de-AT de, es-MX es, fr-CA fr, en-GB en.
//
// A bundle without a Traditional Chinese overlay serves zh-TW alone with
// zh-CN, a low-confidence match, but "zh-TW, en;q=0.9" with en. Ask
// Match for a language it does not know (nb, or ja without a Japanese
// overlay) and the default answers.
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
	// Over a whole list, x/text weighs confidence against order: for
	// "zh-HK, zh;q=0.9" it prefers zh's exact match, zh-CN, to zh-HK's
	// high-confidence one, zh-TW, though the reader put Hong Kong first.
	// So the first preference the bundle serves with high confidence or
	// better decides; only when none does, x/text's judgement over the
	// list, which also takes low-confidence matches, decides.
	for _, t := range tags {
		if _, i, conf := b.matcher.Match(t); conf >= language.High {
			return i, true
		}
	}
	_, i, conf := b.matcher.Match(tags...)
	if conf == language.No {
		return 0, false
	}
	return i, true
}

// fallbackOf lists the languages a lookup in language i tries after it,
// nearest first, so that a reader whose language lacks a text gets the
// closest one the bundle has:
//
//  1. its CLDR parents that the bundle has: de-CH falls back to de, pt-AO
//     to pt-PT. A parent is found by its likely script and region, since
//     CLDR names parents fully: zh-MO's parent zh-Hant-HK is a zh-HK
//     overlay, pt-PT's parent pt (Brazilian in CLDR) is pt-BR.
//  2. the bundle's other languages of the same language and script, in
//     bundle order: a team's pt-PT overlay falls back to pt-BR, zh-HK to
//     zh-TW. Never across scripts: Traditional Chinese does not fall back
//     to Simplified, a reader of zh-TW gets the default language instead.
//  3. the default language.
func (b *Bundle) fallbackOf(i int) []int {
	var out []int
	add := func(j int) {
		if j != i && j != 0 && !slices.Contains(out, j) {
			out = append(out, j)
		}
	}
	self := b.langs[i].tag
	for p := self.Parent(); !p.IsRoot(); p = p.Parent() {
		if j, ok := b.index[p]; ok {
			add(j)
		} else if j, ok := b.likelyIndex(p); ok {
			add(j)
		}
	}
	base, script, _ := likely(self)
	for j, l := range b.langs {
		if lb, ls, _ := likely(l.tag); lb == base && ls == script {
			add(j)
		}
	}
	if i != 0 {
		out = append(out, 0)
	}
	return out
}

// likelyIndex finds the first of the bundle's languages that has t's
// likely language, script and region: zh-HK for zh-Hant-HK.
func (b *Bundle) likelyIndex(t language.Tag) (int, bool) {
	base, script, region := likely(t)
	for j, l := range b.langs {
		if lb, ls, lr := likely(l.tag); lb == base && ls == script && lr == region {
			return j, true
		}
	}
	return 0, false
}

// likely returns a tag's language, script and region, each the likely one
// where the tag leaves it out (zh-HK is zh-Hant-HK, pt is pt-Latn-BR).
func likely(t language.Tag) (language.Base, language.Script, language.Region) {
	base, _ := t.Base()
	script, _ := t.Script()
	region, _ := t.Region()
	return base, script, region
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
