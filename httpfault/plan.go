package httpfault

import (
	"sync/atomic"

	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
)

// A plan holds what answering the standard exceptions takes from one
// catalog snapshot and one readable bundle, looked up once instead of on
// every answer: each standard exception's E<code> entry, and its
// readable text in each language when that text reads the same whatever
// the params (a router 404's does). An answer then touches one small
// table instead of two catalogs' maps and a fallback walk: on the error
// path, the memory an answer touches costs more than the instructions
// it runs.
//
// A Handler keeps the plan of the snapshots in force and builds a new
// one on the first answer after either is swapped.
type plan struct {
	cat    *catalog.Catalog
	bundle *readable.Bundle

	entries [numStandard]catalog.Entry // a zero Entry where the catalog has none

	langs int                         // len(bundle.Languages())
	infos []atomic.Pointer[fixedInfo] // [kind*langs + language index], filled on first use
}

// fixedInfo is the readable text of one standard exception in one
// language, as appendInfo would write it, when no param changes it.
type fixedInfo struct {
	fixed bool   // false: the text depends on the params, format it per answer
	text  string // cut to maxText; "" when blank
	lang  string // its Content-Language; "" when the text is blank
	safe  bool   // text needs no escaping in JSON
}

// plan returns the plan of the catalog snapshot cat and the bundle in
// force.
func (h *Handler) plan(cat *catalog.Catalog) *plan {
	b := h.bundle()
	if p := h.plans.Load(); p != nil && p.cat == cat && p.bundle == b {
		return p
	}
	p := newPlan(cat, b)
	h.plans.Store(p)
	return p
}

func newPlan(cat *catalog.Catalog, b *readable.Bundle) *plan {
	p := &plan{cat: cat, bundle: b, langs: len(b.Languages())}
	for k := range numStandard {
		p.entries[k], _ = cat.Lookup(k.class().Code)
	}
	p.infos = make([]atomic.Pointer[fixedInfo], int(numStandard)*p.langs)
	return p
}

// entry returns the E<code> entry of standard exception k, nil when the
// catalog has none (an application loaded catalogs WithoutFramework).
func (p *plan) entry(k standard) *catalog.Entry {
	if p.entries[k].Template == nil {
		return nil
	}
	return &p.entries[k]
}

// info returns the readable text of standard exception k in lang, a
// Language of p.bundle, when it reads the same whatever the params; nil
// when it does not.
func (p *plan) info(k standard, lang readable.Language) *fixedInfo {
	i := lang.Index()
	if i >= p.langs {
		return nil
	}
	slot := &p.infos[int(k)*p.langs+i]
	fi := slot.Load()
	if fi == nil {
		fi = p.fixInfo(k, lang)
		slot.Store(fi) // racing builders store equal values
	}
	if !fi.fixed {
		return nil
	}
	return fi
}

// fixInfo works out what appendInfo writes for standard exception k in
// lang, when no param can change it: when every text appendInfo may
// choose takes none (the bundle's in lang or a language it falls back
// to, the catalog's own, the bundle's in the default language). Then
// appendInfo itself writes it, once, so that the order of the choice is
// written in one place.
func (p *plan) fixInfo(k standard, lang readable.Language) *fixedInfo {
	b, code := p.bundle, k.class().Code
	for _, l := range [...]readable.Language{lang, b.Default()} {
		if _, found, fixed := b.FixedText(l, code); found && !fixed {
			return &fixedInfo{}
		}
	}
	f := fault{plan: p, cat: p.cat}
	if !f.standard(k, 0) {
		return &fixedInfo{}
	}
	if own := f.entry.Readable(); own != nil {
		if _, fixed := own.Fixed(); !fixed {
			return &fixedInfo{}
		}
	}
	text, from, safe := appendInfo(nil, b, lang, &f)
	return newFixedInfo(text, from, safe)
}

// newFixedInfo keeps text as the answer keeps it: cut to maxText, and
// without a language when blank.
func newFixedInfo(text []byte, from readable.Language, safe bool) *fixedInfo {
	text = clipBytes(text, maxText)
	if isBlank(text) {
		return &fixedInfo{fixed: true}
	}
	return &fixedInfo{fixed: true, text: string(text), lang: from.String(), safe: safe}
}
