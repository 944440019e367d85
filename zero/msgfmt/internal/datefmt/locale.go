package datefmt

import (
	"sort"
	"sync"
	"sync/atomic"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/decimal"
	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// calendar is a calendar type of java.util.Calendar.
type calendar uint8

const (
	gregorian calendar = iota // GregorianCalendar: Julian before 1582-10-15
	buddhist                  // BuddhistCalendar: Gregorian, years counted from 543 BC
	japanese                  // JapaneseImperialCalendar: proleptic Gregorian, imperial eras
)

// localeData is one calendar record's names and style patterns, expanded
// from the generated tables. Name arrays are indexed by Calendar field
// value: eras BC, AD (Japanese: before Meiji, Meiji … Reiwa); months
// January first; weekdays Sunday first; AM, PM.
type localeData struct {
	erasShort, erasLong               []string
	monthsShort, monthsLong           [12]string
	monthsShortAlone, monthsLongAlone [12]string
	weekdaysShort, weekdaysLong       [7]string
	ampmShort, ampmLong               [2]string
	date, time                        [4]string // by Style
	glue                              [4]string // {1} = date, {0} = time; by the shorter style
	firstYear                         string    // the LONG name of an era's first year (Japanese 元), or ""
}

// The shapes of the generated tables (data_gen.go): indexes into the name
// and pattern sets and into dateStrings.
type (
	nameRec struct {
		months   [4]uint16 // short, long, standalone short, standalone long: nameSets12
		weekdays [2]uint16 // nameSets7
		ampm     [2]uint16 // nameSets2
	}
	calendarRec struct {
		eras             [2]uint16 // short, long: nameSets2, or nameSets6 in a Japanese record
		date, time, glue uint16    // patternSets
		firstYear        uint16    // dateStrings, 0 for none
	}
)

func str(i uint16) string { return dateStrings[offset(int(i)):offset(int(i)+1)] }

// offset returns where string i of dateStrings starts (see datePages).
func offset(i int) int {
	o := int(dateOffsets[i])
	for _, p := range datePages {
		if i >= p {
			o += 1 << 16
		}
	}
	return o
}

// expanded holds each calendar record once expanded, so that the locales
// sharing a record share its strings' headers too.
var expanded [len(dateRecs)]atomic.Pointer[localeData]

// record returns the expanded calendar record i.
func record(i uint16, cal calendar) *localeData {
	if d := expanded[i].Load(); d != nil {
		return d
	}
	n, r := &nameRecs[dateRecs[i][0]], &calendarRecs[dateRecs[i][1]]
	d := &localeData{firstYear: str(r.firstYear)}
	names := func(dst []string, set []uint16) {
		for j, s := range set {
			dst[j] = str(s)
		}
	}
	if cal == japanese {
		d.erasShort, d.erasLong = make([]string, 6), make([]string, 6)
		names(d.erasShort, nameSets6[r.eras[0]][:])
		names(d.erasLong, nameSets6[r.eras[1]][:])
	} else {
		d.erasShort, d.erasLong = make([]string, 2), make([]string, 2)
		names(d.erasShort, nameSets2[r.eras[0]][:])
		names(d.erasLong, nameSets2[r.eras[1]][:])
	}
	names(d.monthsShort[:], nameSets12[n.months[0]][:])
	names(d.monthsLong[:], nameSets12[n.months[1]][:])
	names(d.monthsShortAlone[:], nameSets12[n.months[2]][:])
	names(d.monthsLongAlone[:], nameSets12[n.months[3]][:])
	names(d.weekdaysShort[:], nameSets7[n.weekdays[0]][:])
	names(d.weekdaysLong[:], nameSets7[n.weekdays[1]][:])
	names(d.ampmShort[:], nameSets2[n.ampm[0]][:])
	names(d.ampmLong[:], nameSets2[n.ampm[1]][:])
	names(d.date[:], patternSets[r.date][:])
	names(d.time[:], patternSets[r.time][:])
	names(d.glue[:], patternSets[r.glue][:])
	expanded[i].CompareAndSwap(nil, d)
	return expanded[i].Load()
}

// symbols is everything a Format needs from its locale.
type symbols struct {
	*localeData
	cal       calendar
	proleptic bool   // ISO 8601 calendar: Gregorian rules before 1582 too
	firstDay  int    // Calendar.getFirstDayOfWeek: 1 = Sunday
	minDays   int    // Calendar.getMinimalDaysInFirstWeek
	zero      rune   // DecimalFormatSymbols.getZeroDigit
	minus     string // negative prefix of the locale's integer format (only BC week years are negative)
	minusEnd  string // its negative suffix, usually ""
	zoneShort string // UTC's display names
	zoneLong  string
}

// The cache of lookup, bounded as the formatters' caches are: locales may
// come from outside (an Accept-Language header).
const maxCached = 1024

var (
	cache       sync.Map
	cachedCount atomic.Int64
)

// lookup resolves loc to the locale data the JDK uses; see resolve.
func lookup(loc jlocale.Locale) symbols {
	if s, ok := cache.Load(loc); ok {
		return *s.(*symbols)
	}
	s := resolve(loc)
	if cachedCount.Load() < maxCached {
		if _, loaded := cache.LoadOrStore(loc, &s); !loaded {
			cachedCount.Add(1)
		}
	}
	return s
}

// resolve finds loc's data as JDK 17 does:
//
//   - names and patterns come from the available locale jlocale.Resolve
//     picks (UTC's names from jlocale.ResolveZoneNames), for the calendar
//     Calendar.getInstance(loc)
//     creates: the "ca" keyword if it is gregory, iso8601, buddhist or
//     japanese; else Buddhist for Thai in Thailand and the Japanese
//     calendar for ja-JP-x-lvariant-JP (as Calendar falls back), else
//     Gregorian;
//   - week rules come from the region (or the "rg" override), the first
//     day also from an "fw" keyword; the ISO 8601 calendar always has
//     Monday/4 weeks;
//   - digits and the minus sign come from the locale's integer format.
func resolve(loc jlocale.Locale) symbols {
	cal, iso := gregorian, false
	switch loc.Calendar() {
	case "gregory":
	case "iso8601":
		iso = true
	case "buddhist":
		cal = buddhist
	case "japanese":
		cal = japanese
	default:
		switch {
		case loc.Language == "th" && loc.Region == "TH":
			cal = buddhist
		case loc.Calendar() != "" && loc.Language == "ja" && loc.Region == "JP" && loc.Variant == "JP":
			// An unknown calendar type makes Calendar.Builder fail; the
			// fallback path still honors the JDK 1.x locale.
			cal = japanese
		}
	}
	// A region override ("rg") stands for the locale's region in every
	// lookup but that of UTC's names.
	data := loc
	if r, ok := loc.RegionOverride(); ok {
		data.Region = r
	}
	zone := zoneSets[localeDates[jlocale.ResolveZoneNames(loc)][1]]
	s := symbols{
		localeData: record(calendarSets[localeDates[jlocale.Resolve(data)][0]][cal], cal),
		cal:        cal,
		proleptic:  iso,
		zoneShort:  str(zone[0]),
		zoneLong:   str(zone[1]),
	}
	s.firstDay, s.minDays = weekRulesOf(data.Region)
	if d, ok := firstDays[loc.FirstDay()]; ok {
		s.firstDay = d
	}
	if iso {
		s.firstDay, s.minDays = 2, 4
	}
	s.zero, s.minus, s.minusEnd = decimal.IntegerSigns(loc)
	return s
}

// firstDays are the values of the "fw" keyword.
var firstDays = map[string]int{"sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7}

// weekRulesOf returns the first day of week and minimal days in the first
// week of a region: Sunday/1 for no region (the JDK's choice), the
// tabulated rules, else the world's Monday/1.
func weekRulesOf(region string) (firstDay, minDays int) {
	if region == "" {
		return 1, 1
	}
	i := sort.SearchStrings(weekRegions[:], region)
	if i < len(weekRegions) && weekRegions[i] == region {
		return int(weekRules[i] >> 4), int(weekRules[i] & 15)
	}
	return 2, 1
}
