package decimal

import "github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"

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

// zeroDigits maps Unicode numbering systems ("nu" extension values) with
// decimal digits to their zero digit.
var zeroDigits = map[string]rune{
	"latn": '0', "arab": '\u0660', "arabext": '\u06f0', "beng": '\u09e6',
	"deva": '\u0966', "fullwide": '\uff10', "gujr": '\u0ae6', "guru": '\u0a66',
	"khmr": '\u17e0', "knda": '\u0ce6', "laoo": '\u0ed0', "mlym": '\u0d66',
	"mymr": '\u1040', "orya": '\u0b66', "tamldec": '\u0be6', "telu": '\u0c66',
	"thai": '\u0e50', "tibt": '\u0f20',
}

// lookupSymbols finds the data Java would use for loc: the most specific
// tabulated tag (language-script-region, language-region, language-script,
// language), else the root locale. A "nu" extension swaps in the symbols of
// that numbering system: the locale's own when tabulated, else those of the
// root locale for it (which is what the JDK falls back to). Locales missing
// from the table therefore get their language's symbols and the generic
// currency "¤"; see data.go for the tabulated ones.
func lookupSymbols(loc jlocale.Locale) *symbols {
	var keys []string
	lang := loc.Language
	if lang != "" {
		if loc.Script != "" && loc.Region != "" {
			keys = append(keys, lang+"-"+loc.Script+"-"+loc.Region)
		}
		if loc.Region != "" {
			keys = append(keys, lang+"-"+loc.Region)
		}
		if loc.Script != "" {
			keys = append(keys, lang+"-"+loc.Script)
		}
		keys = append(keys, lang)
	}
	keys = append(keys, "und")

	base := localeData["und"]
	for _, k := range keys {
		if s, ok := localeData[k]; ok {
			base = s
			break
		}
	}
	nu := loc.NumberingSystem
	if nu == "" {
		return base
	}
	for _, k := range keys[:len(keys)-1] { // the locale's own data first
		if s, ok := localeData[k+"-u-nu-"+nu]; ok {
			return withNumbers(base, s)
		}
	}
	zero, ok := zeroDigits[nu]
	if !ok || zero == base.zero {
		return base // unknown, or already the locale's numbering system
	}
	if s, ok := localeData["und-u-nu-"+nu]; ok {
		return withNumbers(base, s)
	}
	// Other decimal numbering systems inherit the root's Latin symbols.
	s := withNumbers(base, localeData["und"])
	s.zero = zero
	return s
}

// withNumbers returns base with the numeric symbols and patterns of num: in
// CLDR all of them, NaN and infinity texts included, belong to the numbering
// system; only the currency comes from the locale itself.
func withNumbers(base, num *symbols) *symbols {
	s := *base
	s.zero = num.zero
	s.group, s.decimal = num.group, num.decimal
	s.monGroup, s.monDecimal = num.monGroup, num.monDecimal
	s.minus, s.percent, s.perMill, s.exponent = num.minus, num.percent, num.perMill, num.exponent
	s.infinity, s.nan = num.infinity, num.nan
	s.numberPattern, s.currencyPattern, s.percentPattern = num.numberPattern, num.currencyPattern, num.percentPattern
	return &s
}
