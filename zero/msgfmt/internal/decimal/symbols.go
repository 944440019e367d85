package decimal

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// symbols is the slice of java.text.DecimalFormatSymbols (plus the locale's
// NumberFormat patterns and currency fraction digits) that formatting needs.
// The string-valued symbols are the JDK 17 "...Text" variants, which may
// carry bidi marks (e.g. ar-EG's minus is U+061C followed by '-').
type symbols struct {
	zero                                             rune // first of ten consecutive digit code points
	group, decimal                                   rune
	monGroup, monDecimal                             rune // used when the pattern contains ¤
	minus, percent, perMill, exponent, infinity, nan string
	currency, intlCurrency                           string
	currencyDigits                                   int // -1: the currency has none (XXX)

	numberPattern, currencyPattern, percentPattern string
}

// The shapes of the generated tables (data_gen.go).
type (
	// symbolRec is one DecimalFormatSymbols: characters as UTF-16 code
	// units (all of them are in the BMP), strings as decimalStrings
	// indexes.
	symbolRec struct {
		zero, group, decimal, monGroup, monDecimal       uint16
		minus, percent, perMill, exponent, infinity, nan uint16
	}
	// numbersRef is a locale's own symbols and patterns, and the
	// numbering system they belong to (1 + nuNames index, 0 for none).
	numbersRef struct {
		symbols, patterns uint16
		nu                uint8
	}
	// nuEntry is what a locale lists for another numbering system: a
	// symbols record, a patterns record, or noRec for "not listed".
	nuEntry struct {
		nu                uint8
		symbols, patterns uint16
	}
	// currencyName is a currency symbol a locale lists: currencyCodes
	// index and decimalStrings index.
	currencyName struct {
		currency uint8
		symbol   uint16
	}
)

// noRec marks an nuEntry half that is not listed.
const noRec = 0xffff

// str returns string i of decimalStrings (shorter than 64 KiB, so
// decimalPages is empty).
func str(i uint16) string { return decimalStrings[decimalOffsets[i]:decimalOffsets[i+1]] }

var _ = [1]struct{}{}[len(decimalPages)] // fails to compile once the strings outgrow uint16 offsets

// symbolsKey keys the cache: the symbols of a factory format and of an
// explicit pattern differ under a region override.
type symbolsKey struct {
	loc     jlocale.Locale
	factory bool
}

// The cache of lookupSymbols: symbolsKey → *symbols. Locales may come
// from outside (an Accept-Language header), so it stops growing at
// maxCached entries; beyond that a lookup is recomputed, which is correct,
// only slower.
const maxCached = 1024

var (
	cache       sync.Map
	cachedCount atomic.Int64
)

// lookupSymbols returns the symbols and patterns JDK 17 uses for loc, in a
// NumberFormat factory instance (factory) or in new DecimalFormat(pattern,
// DecimalFormatSymbols.getInstance(loc)). The result is shared and must
// not be modified.
func lookupSymbols(loc jlocale.Locale, factory bool) *symbols {
	key := symbolsKey{loc, factory}
	if s, ok := cache.Load(key); ok {
		return s.(*symbols)
	}
	s := resolveSymbols(loc, factory)
	if cachedCount.Load() < maxCached {
		if v, loaded := cache.LoadOrStore(key, s); loaded {
			return v.(*symbols)
		}
		cachedCount.Add(1)
	}
	return s
}

// resolveSymbols finds the data as JDK 17's DecimalFormatSymbols and
// NumberFormat factories do:
//
//   - The locale's data come from the available locale jlocale.Resolve
//     picks; under a region override ("rg") and no "nu" keyword, from the
//     locale with that region. A factory then uses that locale for the
//     currency too; an explicit pattern keeps the locale's own (so a
//     locale without region keeps having no currency).
//   - A "nu" keyword selects the symbols and the patterns of that
//     numbering system, each from the nearest locale on the chain that
//     lists them (the root lists every system it has data for), else the
//     locale's own: the JDK looks up "<nu>.NumberElements" and
//     "<nu>.NumberPatterns" through the bundle chain, then falls back to
//     the default numbering system.
//   - The currency is that of the locale's region (or of its "cu"
//     keyword, or "rg" region); a locale without region has none (XXX,
//     "¤"). Its symbol is the nearest one listed on the chain, else its
//     code.
func resolveSymbols(loc jlocale.Locale, factory bool) *symbols {
	data := loc
	if r, ok := loc.RegionOverride(); ok && loc.NumberingSystem() == "" {
		data.Region = r
		if factory {
			loc = data
		}
	}
	id := jlocale.Resolve(data)
	ref := localeNumbers[id]
	symID, patID := ref.symbols, ref.patterns
	if nu := loc.NumberingSystem(); nu != "" && (ref.nu == 0 || nuNames[ref.nu-1] != nu) {
		if k := sort.SearchStrings(nuNames[:], nu); k < len(nuNames) && nuNames[k] == nu {
			if e, ok := findNu(id, uint8(k), func(e nuEntry) uint16 { return e.symbols }); ok {
				symID = e
			}
			if e, ok := findNu(id, uint8(k), func(e nuEntry) uint16 { return e.patterns }); ok {
				patID = e
			}
		}
	}
	r := &symbolRecs[symID]
	p := &patternRecs[patID]
	s := &symbols{
		zero: rune(r.zero), group: rune(r.group), decimal: rune(r.decimal),
		monGroup: rune(r.monGroup), monDecimal: rune(r.monDecimal),
		minus: str(r.minus), percent: str(r.percent), perMill: str(r.perMill),
		exponent: str(r.exponent), infinity: str(r.infinity), nan: str(r.nan),
		numberPattern: str(p[0]), currencyPattern: str(p[1]), percentPattern: str(p[2]),
	}
	s.intlCurrency, s.currency, s.currencyDigits = "XXX", "\u00a4", -1
	if c, ok := currencyOf(loc); ok {
		s.intlCurrency = currencyCodes[3*c : 3*c+3]
		s.currencyDigits = int(currencyDigits[c])
		names := id
		if loc != data {
			names = jlocale.Resolve(loc)
		}
		s.currency = currencySymbol(names, c)
	}
	return s
}

// findNu returns what the nearest locale on id's chain (id first) lists
// for numbering system nu, as picked by half.
func findNu(id jlocale.ID, nu uint8, half func(nuEntry) uint16) (uint16, bool) {
	for _, x := range append([]jlocale.ID{id}, id.Chain()...) {
		for _, e := range nuEntries[nuStart[x]:nuStart[x+1]] {
			if e.nu == nu && half(e) != noRec {
				return half(e), true
			}
		}
	}
	return 0, false
}

// currencyOf is Currency.getInstance as DecimalFormatSymbols calls it: only
// for a locale with a region; the "cu" keyword if it names a currency,
// else the currency of the region (or of the "rg" override). The result
// indexes currencyCodes.
func currencyOf(loc jlocale.Locale) (int, bool) {
	if loc.Region == "" {
		return 0, false
	}
	if cu := loc.Currency(); len(cu) == 3 {
		if i, ok := currencyIndex(strings.ToUpper(cu)); ok {
			return i, true
		}
	}
	region := loc.Region
	if r, ok := loc.RegionOverride(); ok {
		region = r
	}
	if len(region) != 2 || !isUpper(region[0]) || !isUpper(region[1]) {
		return 0, false
	}
	n := len(currencyRegions) / 2
	i := sort.Search(n, func(i int) bool { return currencyRegions[2*i:2*i+2] >= region })
	if i == n || currencyRegions[2*i:2*i+2] != region || regionCurrency[i] == 255 {
		return 0, false
	}
	return int(regionCurrency[i]), true
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func currencyIndex(code string) (int, bool) {
	n := len(currencyCodes) / 3
	i := sort.Search(n, func(i int) bool { return currencyCodes[3*i:3*i+3] >= code })
	return i, i < n && currencyCodes[3*i:3*i+3] == code
}

// currencySymbol is Currency.getSymbol(locale): the nearest symbol listed
// on id's chain (id first), else the code.
func currencySymbol(id jlocale.ID, c int) string {
	for _, x := range append([]jlocale.ID{id}, id.Chain()...) {
		for _, e := range symbolEntries[symbolStart[x]:symbolStart[x+1]] {
			if int(e.currency) == c {
				return str(e.symbol)
			}
		}
	}
	return currencyCodes[3*c : 3*c+3]
}
