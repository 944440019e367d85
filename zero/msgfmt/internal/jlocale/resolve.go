package jlocale

import (
	"sort"
	"strings"
)

// ID identifies one of JDK 17's available locales: an index into the
// tables of locales_gen.go, and into the locale tables of the formatter
// packages, which are generated in the same order.
type ID uint16

// RootID is the ID of the root locale.
const RootID ID = 0

// Count is the number of available locales; IDs run from 0 to Count-1.
const Count = numLocales

// Bits of localeServed.
const (
	cldrBundles = 1 << iota // the CLDR provider has bundles for the locale
	cldrServes              // CLDR serves it (isSupportedProviderLocale), maybe through an alias
	jreServes               // the COMPAT (JRE) provider serves it
	dataFromJRE             // the tabulated data are COMPAT's
)

// String returns the available locale's parts joined by "-" ("" for the
// root locale), e.g. "sr-Latn-BA" or "ja-JP-JP".
func (id ID) String() string {
	var parts []string
	for _, p := range localeParts[id] {
		if s := part(p); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "-")
}

// Chain returns the other available locales the JDK reads id's data from,
// nearest first, ending with the root locale (empty for the root itself).
// The slice is shared: callers must not modify it.
func (id ID) Chain() []ID {
	return chainIDs[chainStart[id]:chainStart[id+1]]
}

// Region returns the region of the available locale id.
func (id ID) Region() string { return part(localeParts[id][2]) }

// part returns string i of partStrings (shorter than 64 KiB, so partPages
// is empty).
func part(i uint16) string { return partStrings[partOffsets[i]:partOffsets[i+1]] }

var _ = [1]struct{}{}[len(partPages)] // fails to compile once the strings outgrow uint16 offsets

// find returns the ID of the available locale with exactly these parts.
func find(lang, script, region, variant string) (ID, bool) {
	want := [4]string{lang, script, region, variant}
	i := sort.Search(numLocales, func(i int) bool {
		p := &localeParts[i]
		for k, w := range want {
			if s := part(p[k]); s != w {
				return s > w
			}
		}
		return true
	})
	if i == numLocales {
		return 0, false
	}
	p := &localeParts[i]
	for k, w := range want {
		if part(p[k]) != w {
			return 0, false
		}
	}
	return ID(i), true
}

// has reports whether c's language, script, region and variant are an
// available locale with all the given localeServed bits.
func has(c Locale, bits uint8) (ID, bool) {
	id, ok := find(c.Language, c.Script, c.Region, c.Variant)
	return id, ok && localeServed[id]&bits == bits
}

// Resolve returns the available locale whose data the JDK's formatters use
// for l, following LocaleProviderAdapter.getAdapter and the resource bundle
// lookup of the chosen adapter:
//
//   - l itself, then its candidates (ResourceBundle.Control's list: l, then
//     without variant, region and script; with Norwegian and Chinese
//     special cases) are tried in order; the first one a provider serves
//     picks it, CLDR before COMPAT. CLDR also serves a locale through its
//     aliases (no and no-NO are nb; sh is sr-Latn).
//   - CLDR then reads the bundles of l's CLDR candidates: the list above
//     for l's alias, cut at an irregular parent (en-AU continues with
//     en-001, en; es-AR with es-419, es). COMPAT reads the list itself.
//     The first candidate with data is the answer.
//
// The root locale is the last resort, as in the JDK. Only the language,
// script, region and variant of l count here; its extension keywords are
// applied by the formatters.
func Resolve(l Locale) ID {
	id, _, _ := resolve(l)
	return id
}

// resolve is Resolve, also returning the candidate that chose the
// provider and whether that is CLDR.
func resolve(l Locale) (id ID, chooser Locale, cldr bool) {
	base := baseOf(l)
	cands := candidates(base)
	// The JDK asks about l itself, extensions included, then about each
	// candidate that differs from it (without extensions).
	for i := -1; i < len(cands); i++ {
		c, extended := base, l.Extended
		if i >= 0 {
			if c, extended = cands[i], false; c == base && !l.Extended {
				continue
			}
		}
		if cldrSupports(c, extended) {
			// The data of the first candidate with CLDR bundles.
			for _, b := range cldrCandidates(base, l.Extended) {
				if id, ok := has(b, cldrBundles); ok && localeServed[id]&dataFromJRE == 0 {
					return id, c, true
				}
			}
			return RootID, c, true
		}
		if _, ok := has(c, jreServes); ok || jreOldName(c) {
			// COMPAT's data: only those of the locales COMPAT alone
			// serves are tabulated (zh-SG, sr-BA, ja-JP-JP…); its
			// zh-Hans-SG bundle is zh-SG's.
			for _, b := range cands {
				if id, ok := has(b, dataFromJRE); ok {
					return id, c, false
				}
			}
			return RootID, c, false
		}
	}
	return RootID, Root, true
}

// ResolveZoneNames returns the available locale whose time zone names
// the JDK shows for l. They are looked up per candidate of l: a candidate
// CLDR serves only through an alias (cnr for sr-ME, sh for sr-Latn) gives
// the names of its alias, even where l's other data fall back to the root.
//
// A locale with extensions does not get its candidates' aliases (the JDK
// compares the whole tag with the aliases).
func ResolveZoneNames(l Locale) ID {
	id, c, _ := resolve(l)
	if _, ok := has(c, cldrBundles); ok || c == Root || l.Extended {
		return id
	}
	if c.Language == "no" && c.Script == "" && c.Variant == "" && (c.Region == "" || c.Region == "NO") {
		return Resolve(Locale{Language: "nb"})
	}
	if a, ok := alias(c); ok {
		return Resolve(a)
	}
	return id
}

// cldrSupports is CLDRLocaleProviderAdapter.isSupportedProviderLocale: c is
// the root, or CLDR has c or its equivalent (no and no-NO stand for nb; an
// aliased tag, sh for sr-Latn, for its alias). The equivalents are found
// by Java's spelling of the whole locale, so a locale with extensions has
// none.
func cldrSupports(c Locale, extended bool) bool {
	if c == Root {
		return true
	}
	if id, ok := find(c.Language, c.Script, c.Region, c.Variant); ok {
		if extended {
			return localeServed[id]&cldrBundles != 0
		}
		return localeServed[id]&cldrServes != 0
	}
	if extended {
		return false
	}
	eq := c
	if c.Language == "no" && c.Script == "" && c.Variant == "" && (c.Region == "" || c.Region == "NO") {
		eq = Locale{Language: "nb"}
	} else if a, ok := alias(c); ok {
		eq = a
	}
	_, ok := has(eq, cldrBundles)
	return ok
}

// jreOldName is the COMPAT provider's acceptance of the three JDK 1.x
// locales by their old names.
func jreOldName(c Locale) bool {
	if c.Script != "" {
		return false
	}
	switch c.Language + "_" + c.Region + "_" + c.Variant {
	case "ja_JP_JP", "th_TH_TH", "no_NO_NY":
		return true
	}
	return false
}

// alias applies CLDR's language aliases to c, by its language tag.
func alias(c Locale) (Locale, bool) {
	tag := c.base()
	i := sort.SearchStrings(aliasFrom[:], tag)
	if i < len(aliasFrom) && aliasFrom[i] == tag {
		return baseOf(Parse(aliasTo[i])), true
	}
	return c, false
}

// baseOf returns the language, script, region and variant of l.
func baseOf(l Locale) Locale {
	return Locale{Language: l.Language, Script: l.Script, Region: l.Region, Variant: l.Variant}
}

// cldrCandidates is CLDRLocaleProviderAdapter.getCandidateLocales: the
// candidates of l's alias, then applyParentLocales. The JDK compares the
// whole tag with the aliases, so a locale with extensions keeps its own
// language: sh-u-nu-thai reads sh, then the root.
func cldrCandidates(l Locale, extended bool) []Locale {
	if !extended {
		if a, ok := alias(l); ok {
			l = a
		}
	}
	return applyParents(candidates(l))
}

// applyParents is CLDRLocaleProviderAdapter.applyParentLocales: at the
// first candidate with an irregular parent that does not follow it, the
// list continues with the parent's own candidates (Norwegian: with no,
// then the root).
func applyParents(list []Locale) []Locale {
	for i, c := range list {
		if c == Root {
			continue
		}
		p, ok := irregularParent(c)
		if !ok || i+1 < len(list) && list[i+1] == p {
			continue
		}
		out := append([]Locale(nil), list[:i+1]...)
		if p == (Locale{Language: "nb"}) || p == (Locale{Language: "no"}) {
			return append(out, Locale{Language: "no"}, Root)
		}
		return append(out, applyParents(candidates(p))...)
	}
	return list
}

// irregularParent looks c up in CLDR's parent locales.
func irregularParent(c Locale) (Locale, bool) {
	tag := c.base()
	i := sort.SearchStrings(parentChild[:], tag)
	if i < len(parentChild) && parentChild[i] == tag {
		return baseOf(Parse(parentOf[i])), true
	}
	return Locale{}, false
}

// candidates is ResourceBundle.Control.getCandidateLocales for a locale's
// language, script, region and variant.
func candidates(l Locale) []Locale {
	lang, script, region, variant := l.Language, l.Script, l.Region, l.Variant
	switch {
	case lang == "no" && region == "NO" && variant == "NY":
		// Norwegian Nynorsk by its JDK 1.x name.
		list := defaultList("nn", script, region, "")
		return insertBeforeRoot(list, Locale{Language: "no", Region: "NO", Variant: "NY"}, Locale{Language: "no", Region: "NO"}, Locale{Language: "no"})
	case lang == "nn":
		list := defaultList("nn", script, region, variant)
		return insertBeforeRoot(list, Locale{Language: "no", Region: "NO", Variant: "NY"}, Locale{Language: "no", Region: "NO"}, Locale{Language: "no"})
	case lang == "nb" || lang == "no":
		// Bokmål: every entry twice, as nb and as no, the requested
		// language first.
		var out []Locale
		for _, c := range defaultList("nb", script, region, variant) {
			if c.IsRoot() {
				return append(out, c)
			}
			no := c
			no.Language = "no"
			if lang == "no" {
				out = append(out, no, c)
			} else {
				out = append(out, c, no)
			}
		}
		return out
	case lang == "zh" && script == "" && region != "":
		switch region {
		case "TW", "HK", "MO":
			script = "Hant"
		case "CN", "SG":
			script = "Hans"
		}
	}
	return defaultList(lang, script, region, variant)
}

func insertBeforeRoot(list []Locale, extra ...Locale) []Locale {
	n := len(list) - 1
	out := append(append(append([]Locale(nil), list[:n]...), extra...), list[n:]...)
	return out
}

// defaultList is ResourceBundle.Control.getDefaultList.
func defaultList(lang, script, region, variant string) []Locale {
	var variants []string
	for v := variant; v != ""; {
		variants = append(variants, v)
		i := strings.LastIndexByte(v, '_')
		if i < 0 {
			break
		}
		v = v[:i]
	}
	var list []Locale
	for _, v := range variants {
		list = append(list, Locale{Language: lang, Script: script, Region: region, Variant: v})
	}
	if region != "" {
		list = append(list, Locale{Language: lang, Script: script, Region: region})
	}
	if script != "" {
		list = append(list, Locale{Language: lang, Script: script})
		if lang == "zh" && region == "" {
			// Old-style Chinese bundles are named by region.
			switch script {
			case "Hans":
				region = "CN"
			case "Hant":
				region = "TW"
			}
		}
		for _, v := range variants {
			list = append(list, Locale{Language: lang, Region: region, Variant: v})
		}
		if region != "" {
			list = append(list, Locale{Language: lang, Region: region})
		}
	}
	if lang != "" {
		list = append(list, Locale{Language: lang})
	}
	return append(list, Root)
}
