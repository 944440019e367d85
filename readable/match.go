package readable

import (
	"hash/maphash"
	"slices"
	"strings"
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
// A header seen twice is cached whole (one lookup afterwards); any other
// is read in place, to its eighth range, and each language tag matched
// through a cache of tags. Both caches are bounded. Browsers combine few
// tags in many ways, so thousands of distinct headers cost little more
// than one.
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

// matchOne matches one preference: a header seen before costs one lookup
// in the header cache; a new one has its ranges read in place, in order
// of quality, and each tag matched through the tag cache. The
// first range the bundle serves with high confidence or better decides
// (over a whole list x/text would weigh confidence against order: for
// "zh-HK, zh;q=0.9" it would prefer zh's exact match, zh-CN, to zh-HK's
// high-confidence zh-TW, though the reader put Hong Kong first); when
// none does, the first one served at all. Caching tags rather than
// whole headers keeps the cost flat however many distinct headers come:
// browsers combine few tags in many ways.
func (b *Bundle) matchOne(p string) (int, bool) {
	gen := b.prefs.gen.Load()
	if packed, ok := gen.load(p); ok {
		return packed >> 1, packed&1 == 1
	}
	i, ok := b.matchEntries(p)
	if len(p) <= maxCachedPref && b.seenBefore(p) {
		packed := i << 1
		if ok {
			packed |= 1
		}
		b.prefs.store(gen, p, packed)
	}
	return i, ok
}

// seenBefore admits a header to the header cache on its second sighting
// only: a service's few real headers come back at once and are cached,
// while thousands of distinct ones cycling through would each cost a
// copy and push the real ones out. One hashed slot per header, no lock:
// a collision costs at most a lookup's worth of work.
func (b *Bundle) seenBefore(p string) bool {
	h := maphash.String(prefSeed, p)
	slot := &b.sightings[h%uint64(len(b.sightings))]
	mark := uint32(h>>32) | 1
	if slot.Load() == mark {
		return true
	}
	slot.Store(mark)
	return false
}

// prefSeed seeds seenBefore's hash.
var prefSeed = maphash.MakeSeed()

// maxCachedPref bounds the headers the header cache keeps: a real one
// is a few dozen bytes.
const maxCachedPref = 128

// matchEntries matches a preference not seen before, range by range.
func (b *Bundle) matchEntries(p string) (int, bool) {
	var buf [maxEntries]entry
	low, lowOK := 0, false
	for _, e := range parseEntries(p, &buf) {
		i, conf := b.matchTag(e.tag)
		if conf >= language.High {
			return i, true
		}
		if conf > language.No && !lowOK {
			low, lowOK = i, true
		}
	}
	return low, lowOK
}

// entry is one range of an Accept-Language value.
type entry struct {
	tag string
	q   int // in thousandths
}

// maxEntries bounds the ranges read from one value: a real header names
// a handful.
const maxEntries = 8

// parseEntries reads the ranges of an Accept-Language value in place,
// without allocating, ordered by quality (stable, as x/text orders them),
// leaving out "*" and ranges of quality 0.
func parseEntries(p string, buf *[maxEntries]entry) []entry {
	out := buf[:0]
	for p != "" && len(out) < maxEntries {
		var part string
		part, p, _ = strings.Cut(p, ",")
		tag, params, _ := strings.Cut(part, ";")
		tag = strings.TrimSpace(tag)
		if tag == "" || tag == "*" || len(tag) > 64 {
			continue
		}
		q := 1000
		if k, v, ok := strings.Cut(params, "="); ok && strings.TrimSpace(k) == "q" {
			q = parseQ(strings.TrimSpace(v))
		}
		if q <= 0 {
			continue
		}
		out = append(out, entry{tag, q})
	}
	slices.SortStableFunc(out, func(a, b entry) int { return b.q - a.q })
	return out
}

// parseQ reads a quality value ("0.8", "1", "0.125") in thousandths; -1
// when it does not parse.
func parseQ(v string) int {
	if v == "1" || v == "1.0" || v == "1.00" || v == "1.000" {
		return 1000
	}
	if len(v) < 1 || len(v) > 5 || v[0] != '0' {
		return -1
	}
	if len(v) == 1 {
		return 0
	}
	if v[1] != '.' {
		return -1
	}
	q, scale := 0, 100
	for _, c := range []byte(v[2:]) {
		if c < '0' || c > '9' {
			return -1
		}
		q += int(c-'0') * scale
		scale /= 10
	}
	return q
}

// matchTag matches one language tag through the tag cache: the bundle
// language it gets and x/text's confidence in that.
func (b *Bundle) matchTag(tag string) (int, language.Confidence) {
	gen := b.tags.gen.Load()
	if packed, ok := gen.load(tag); ok {
		return packed >> 2, language.Confidence(packed & 3)
	}
	i, conf := 0, language.No
	if t, err := language.Parse(tag); err == nil {
		_, i, conf = b.matcher.Match(t)
	}
	b.tags.store(gen, tag, i<<2|int(conf))
	return i, conf
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

// The tag cache. It holds at most maxCachedTags tags; when full it
// starts afresh, which keeps the tags in use (they come right back) and
// drops the ones a client sent once, so junk headers cannot grow memory
// or freeze the cache.
const maxCachedTags = 1024

type tagCache struct {
	gen atomic.Pointer[tagGen]
}

// tagGen is one generation of the cache: a fixed table of entries, found
// by hashing the key and probing a few slots on, read and filled without
// a lock. A lookup costs one hash and a string comparison.
type tagGen struct {
	slots [cacheSlots]atomic.Pointer[cacheEntry]
	n     atomic.Int32
}

type cacheEntry struct {
	key    string
	packed int
}

// cacheSlots is twice maxCachedTags, so that a full generation is half
// empty and probes stay short; cacheProbes bounds them.
const (
	cacheSlots  = 2 * maxCachedTags
	cacheProbes = 8
)

// cacheSeed seeds the cache's hash: chosen per process, so that no client
// can aim its headers at one run of slots.
var cacheSeed = maphash.MakeSeed()

func (c *tagCache) init() { c.gen.Store(&tagGen{}) }

// load returns what key was stored with.
func (g *tagGen) load(key string) (int, bool) {
	h := maphash.String(cacheSeed, key)
	for i := range uint64(cacheProbes) {
		e := g.slots[(h+i)%cacheSlots].Load()
		if e == nil {
			return 0, false
		}
		if e.key == key {
			return e.packed, true
		}
	}
	return 0, false
}

// put records key in the first free slot of its run; false when the run
// is full.
func (g *tagGen) put(key string, packed int) bool {
	h := maphash.String(cacheSeed, key)
	e := &cacheEntry{key: strings.Clone(key), packed: packed}
	for i := range uint64(cacheProbes) {
		slot := &g.slots[(h+i)%cacheSlots]
		if slot.CompareAndSwap(nil, e) {
			return true
		}
		if slot.Load().key == key {
			return true // another goroutine was first
		}
	}
	return false
}

// store records a tag's match, starting afresh when the generation is
// full, or when the run of slots the tag hashes to is.
func (c *tagCache) store(gen *tagGen, tag string, packed int) {
	if gen.n.Add(1) <= maxCachedTags && gen.put(tag, packed) {
		return
	}
	fresh := &tagGen{}
	if !c.gen.CompareAndSwap(gen, fresh) {
		return // another goroutine started afresh; skip this one
	}
	fresh.n.Add(1)
	fresh.put(tag, packed)
}
