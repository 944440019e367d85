package datefmt

import (
	"strings"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// symbols is everything a Format needs from its locale.
type symbols struct {
	*localeData
	firstDay int    // Calendar.getFirstDayOfWeek: 1 = Sunday
	minDays  int    // Calendar.getMinimalDaysInFirstWeek
	zero     rune   // DecimalFormatSymbols.getZeroDigit
	minus    string // DecimalFormat's negative prefix (only BC week years are negative)
}

// lookup resolves loc to the carried locale data. The data follows the
// language (Chinese also the script, with Hant implied by TW, HK and MO;
// English the GB region), falling back to the root locale; week rules
// follow the region and digits the "nu" extension, as in the JDK.
func lookup(loc jlocale.Locale) symbols {
	key := "und"
	switch loc.Language {
	case "en":
		key = "en-US"
		if loc.Region == "GB" {
			key = "en-GB"
		}
	case "zh":
		key = "zh-CN"
		if loc.Script == "Hant" || loc.Script == "" && (loc.Region == "TW" || loc.Region == "HK" || loc.Region == "MO") {
			key = "zh-TW"
		}
	case "ja":
		key = "ja-JP"
	case "de":
		key = "de-DE"
	case "fr":
		key = "fr-FR"
	}
	s := symbols{localeData: locales[key], zero: '0', minus: "-"}
	s.firstDay, s.minDays = weekRules(loc.Region)
	if z, ok := zeroDigits[loc.NumberingSystem]; ok {
		s.zero = z
	}
	// The JDK marks the minus sign with bidi controls in these numbering
	// systems, except for Traditional Chinese with Arabic-Indic digits.
	switch loc.NumberingSystem {
	case "arab":
		if key != "zh-TW" {
			s.minus = "\u061c-"
		}
	case "arabext":
		s.minus = "\u200e-\u200e"
	}
	return s
}

// weekRules returns the first day of week and minimal days in the first
// week for a region.
func weekRules(region string) (firstDay, minDays int) {
	has := func(list string) bool {
		return len(region) == 2 && strings.Contains(list, region)
	}
	switch {
	case region == "" || has(weekSunday1):
		return 1, 1
	case has(weekMonday4):
		return 2, 4
	case has(weekSaturday1):
		return 7, 1
	case has(weekSunday4):
		return 1, 4
	case has(weekFriday1):
		return 6, 1
	}
	return 2, 1
}

// zeroDigits maps the decimal numbering systems a "-u-nu-" extension can
// select to their zero digits; the JDK ignores others (e.g. hanidec) and
// keeps ASCII digits.
var zeroDigits = map[string]rune{
	"latn": '0', "arab": '\u0660', "arabext": '\u06f0', "beng": '\u09e6',
	"deva": '\u0966', "fullwide": '\uff10', "gujr": '\u0ae6', "guru": '\u0a66',
	"khmr": '\u17e0', "knda": '\u0ce6', "laoo": '\u0ed0', "mlym": '\u0d66',
	"mymr": '\u1040', "orya": '\u0b66', "tamldec": '\u0be6', "telu": '\u0c66',
	"thai": '\u0e50', "tibt": '\u0f20', "bali": '\u1b50', "mong": '\u1810',
}
