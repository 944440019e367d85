// Package datefmt formats instants exactly as java.text.SimpleDateFormat
// and java.text.DateFormat of JDK 17 do, so that zerofault's MessageFormat
// port prints {0,date,...} and {0,time,...} arguments byte for byte like the
// Java framework it replaces.
//
// The calendar is the one java.util.Calendar.getInstance picks for the
// locale: GregorianCalendar (Julian before the Gregorian cutover,
// 1582-10-15, eras BC/AD), BuddhistCalendar (th-TH, or a "ca-buddhist"
// keyword) or JapaneseImperialCalendar ("ca-japanese"), with week
// numbering driven by the locale's first day of week and minimal days in
// the first week.
//
// The time zone is always UTC: the JDK reference output was produced with
// -Duser.timezone=UTC, so the zone letters print UTC in the locale's
// language (z "UTC", zzzz e.g. "Coordinated Universal Time") and zero
// offsets (Z "+0000", X/XX/XXX "Z").
//
// Locale data (names, style patterns per calendar, UTC's names, week
// rules) was dumped from JDK 17 for every locale of
// Locale.getAvailableLocales() (data_gen.go, written by
// ../localegen); see resolve for how a locale finds its data.
package datefmt

import (
	"strings"
	"unicode/utf8"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// Style is a DateFormat style.
type Style int

// The DateFormat styles, numbered as in java.text.DateFormat.
const (
	Full   Style = iota // DateFormat.FULL
	Long                // DateFormat.LONG
	Medium              // DateFormat.MEDIUM (DateFormat.DEFAULT)
	Short               // DateFormat.SHORT
)

// Format is a compiled, immutable date format; safe for concurrent use.
type Format struct {
	pat  compiled
	syms symbols
}

// NewDate returns DateFormat.getDateInstance(s, loc).
func NewDate(loc jlocale.Locale, s Style) *Format {
	syms := lookup(loc)
	return mustCompile(syms, syms.date[clamp(s)])
}

// NewTime returns DateFormat.getTimeInstance(s, loc).
func NewTime(loc jlocale.Locale, s Style) *Format {
	syms := lookup(loc)
	return mustCompile(syms, syms.time[clamp(s)])
}

// NewDateTime returns DateFormat.getDateTimeInstance(date, time, loc).
func NewDateTime(loc jlocale.Locale, date, time Style) *Format {
	syms := lookup(loc)
	date, time = clamp(date), clamp(time)
	// Like the JDK, the glue comes from the shorter of the two styles and
	// is filled in textually before the result is compiled.
	return mustCompile(syms, combine(syms.glue[max(date, time)], syms.date[date], syms.time[time]))
}

// NewPattern is new SimpleDateFormat(pattern, loc). A malformed pattern
// returns a *PatternError carrying Java's message; it never panics.
func NewPattern(loc jlocale.Locale, pattern string) (*Format, error) {
	c, err := compile(pattern)
	if err != nil {
		return nil, err
	}
	return &Format{pat: c, syms: lookup(loc)}, nil
}

// combine fills a date-time glue pattern ("{1} 'at' {0}") with a date and
// a time pattern in one pass, as MessageFormat does in the JDK.
func combine(glue, date, time string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(glue, '{')
		if i < 0 || len(glue) < i+3 || glue[i+2] != '}' || glue[i+1] != '0' && glue[i+1] != '1' {
			if i < 0 {
				b.WriteString(glue)
				return b.String()
			}
			b.WriteString(glue[:i+1])
			glue = glue[i+1:]
			continue
		}
		b.WriteString(glue[:i])
		if glue[i+1] == '1' {
			b.WriteString(date)
		} else {
			b.WriteString(time)
		}
		glue = glue[i+3:]
	}
}

// clamp maps an out-of-range style to Medium, the JDK default, rather than
// indexing out of bounds (Java would throw; callers only pass constants).
func clamp(s Style) Style {
	if s < Full || s > Short {
		return Medium
	}
	return s
}

// fallbackPattern is the pattern the JDK's DateFormat factories use when
// the locale data lack one.
const fallbackPattern = "M/d/yy h:mm a"

// mustCompile compiles a pattern of the locale tables (data_gen.go), all
// of which compile (TestTablePatternsCompile); the fallback only keeps a
// bad table from becoming a panic.
func mustCompile(syms symbols, pattern string) *Format {
	c, err := compile(pattern)
	if err != nil {
		c, _ = compile(fallbackPattern)
	}
	return &Format{pat: c, syms: syms}
}

// AppendMillis appends the instant ms milliseconds after the Unix epoch
// (java.util.Date's value), formatted in UTC, to dst and returns the
// extended slice. It allocates only to grow dst.
func (f *Format) AppendMillis(dst []byte, ms int64) []byte {
	var c fields
	computeFields(&c, ms, f.syms.cal, rules{f.syms.firstDay, f.syms.minDays, f.syms.proleptic}, f.pat.weeks)
	for i := range f.pat.items {
		it := &f.pat.items[i]
		if it.letter == 0 {
			dst = append(dst, it.text...)
			continue
		}
		dst = f.appendField(dst, it.letter, it.count, &c)
	}
	return dst
}

// appendField formats one letter run as SimpleDateFormat.subFormat does
// for a GregorianCalendar with locale data (not explicit
// DateFormatSymbols): names come from Calendar.getDisplayName, SHORT below
// four letters and LONG from four on; there is no narrow form.
func (f *Format) appendField(dst []byte, letter byte, count int, c *fields) []byte {
	d := f.syms.localeData
	long := count >= 4
	pick := func(short, long_ []string, long bool, i int) string {
		if long {
			return long_[i]
		}
		return short[i]
	}
	hour := c.msOfDay / 3600000
	switch letter {
	case 'G':
		if c.era >= len(d.erasShort) {
			return dst
		}
		return append(dst, pick(d.erasShort, d.erasLong, long, c.era)...)
	case 'y':
		return f.appendYear(dst, c, c.yearOfEra, count)
	case 'Y':
		if f.syms.cal == japanese {
			// No week dates in this calendar: Y is the year.
			return f.appendYear(dst, c, c.yearOfEra, count)
		}
		return f.appendYear(dst, c, c.weekYear, count)
	case 'M':
		if count < 3 {
			return f.appendNumber(dst, int64(c.month), count, 0)
		}
		if f.pat.standalone {
			return append(dst, pick(d.monthsShortAlone[:], d.monthsLongAlone[:], long, c.month-1)...)
		}
		return append(dst, pick(d.monthsShort[:], d.monthsLong[:], long, c.month-1)...)
	case 'L':
		if count < 3 {
			return f.appendNumber(dst, int64(c.month), count, 0)
		}
		return append(dst, pick(d.monthsShortAlone[:], d.monthsLongAlone[:], long, c.month-1)...)
	case 'd':
		return f.appendNumber(dst, int64(c.day), count, 0)
	case 'k':
		if hour == 0 {
			hour = 24
		}
		return f.appendNumber(dst, int64(hour), count, 0)
	case 'H':
		return f.appendNumber(dst, int64(hour), count, 0)
	case 'm':
		return f.appendNumber(dst, int64(c.msOfDay/60000%60), count, 0)
	case 's':
		return f.appendNumber(dst, int64(c.msOfDay/1000%60), count, 0)
	case 'S':
		return f.appendNumber(dst, int64(c.msOfDay%1000), count, 0)
	case 'E':
		return append(dst, pick(d.weekdaysShort[:], d.weekdaysLong[:], long, c.weekday-1)...)
	case 'D':
		return f.appendNumber(dst, int64(c.dayOfYear), count, 0)
	case 'F':
		return f.appendNumber(dst, int64(c.dowInMonth), count, 0)
	case 'w':
		return f.appendNumber(dst, int64(c.weekOfYear), count, 0)
	case 'W':
		return f.appendNumber(dst, int64(c.weekOfMonth), count, 0)
	case 'a':
		return append(dst, pick(d.ampmShort[:], d.ampmLong[:], long, hour/12)...)
	case 'h':
		if hour%12 == 0 {
			return f.appendNumber(dst, 12, count, 0)
		}
		return f.appendNumber(dst, int64(hour%12), count, 0)
	case 'K':
		return f.appendNumber(dst, int64(hour%12), count, 0)
	case 'u':
		// ISO day of week: Monday = 1 ... Sunday = 7.
		return f.appendNumber(dst, int64((c.weekday+5)%7+1), count, 0)
	case 'z':
		if long {
			return append(dst, f.syms.zoneLong...)
		}
		return append(dst, f.syms.zoneShort...)
	case 'Z':
		// RFC 822 offset, always ASCII digits in the JDK.
		return append(dst, "+0000"...)
	case 'X':
		// ISO 8601 prints a zero offset as "Z" at every width.
		return append(dst, 'Z')
	}
	return dst
}

// appendYear formats y and Y. In the Gregorian and Buddhist calendars two
// letters keep the last two digits and any other count is a minimum
// width. In the Japanese calendar four letters or more print the first
// year of an era by its name (元) if the locale has one, and otherwise
// mean one digit at least.
func (f *Format) appendYear(dst []byte, c *fields, v int64, count int) []byte {
	if f.syms.cal == japanese {
		if count < 4 {
			return f.appendNumber(dst, v, count, 0)
		}
		if v == 1 && c.era > 0 && f.syms.firstYear != "" {
			return append(dst, f.syms.firstYear...)
		}
		return f.appendNumber(dst, v, 1, 0)
	}
	if count == 2 {
		return f.appendNumber(dst, v, 2, 2)
	}
	return f.appendNumber(dst, v, count, 0)
}

// appendNumber is SimpleDateFormat.zeroPaddingNumber: v in the locale's
// digits, padded with zeros to minDigits (capped as DecimalFormat caps it),
// keeping only the last maxDigits digits when maxDigits > 0.
func (f *Format) appendNumber(dst []byte, v int64, minDigits, maxDigits int) []byte {
	if v >= 0 && v < 100 && minDigits <= 2 && f.syms.zero == '0' {
		// Fast path for the common one- and two-digit fields.
		if v >= 10 || minDigits == 2 {
			dst = append(dst, byte('0'+v/10))
		}
		return append(dst, byte('0'+v%10))
	}
	minDigits = min(minDigits, maxIntegerDigits)
	u := uint64(v)
	if v < 0 {
		dst = append(dst, f.syms.minus...)
		u = -u
	}
	var buf [20]byte
	n := 0
	for u > 0 || n == 0 {
		buf[len(buf)-1-n] = byte('0' + u%10)
		u /= 10
		n++
	}
	digits := buf[len(buf)-n:]
	if maxDigits > 0 && n > maxDigits {
		digits = digits[n-maxDigits:]
		n = maxDigits
	}
	for ; minDigits > n; minDigits-- {
		dst = f.appendDigit(dst, 0)
	}
	for _, b := range digits {
		dst = f.appendDigit(dst, b-'0')
	}
	if v < 0 {
		dst = append(dst, f.syms.minusEnd...)
	}
	return dst
}

// appendDigit appends one digit in the locale's numbering system.
func (f *Format) appendDigit(dst []byte, d byte) []byte {
	if f.syms.zero == '0' {
		return append(dst, '0'+d)
	}
	return utf8.AppendRune(dst, f.syms.zero+rune(d))
}
