package datefmt

// This file reproduces the calendar fields java.util.GregorianCalendar
// computes (computeFields and getWeekYear) for an instant in UTC, with the
// default Gregorian cutover, and those of the two other calendars
// java.util.Calendar implements: BuddhistCalendar (GregorianCalendar with
// years counted from 543 BC) and JapaneseImperialCalendar (proleptic
// Gregorian with the imperial eras). Days are counted from 1970-01-01
// ("epoch days"); Java counts from 0001-01-01, which only shifts the
// arithmetic.

const (
	msPerDay = 86400000
	// cutoverDay is the epoch day of 1582-10-15, the first Gregorian day;
	// the day before it is the Julian 1582-10-04.
	cutoverDay = -141427
	// cutoverYear is the year of the cutover in both calendars.
	cutoverYear = 1582
	// buddhistOffset is BuddhistCalendar's BUDDHIST_YEAR_OFFSET.
	buddhistOffset = 543
)

// fields holds the calendar fields SimpleDateFormat reads. Years are
// "normalized" (astronomical: 1 BC is 0) unless named otherwise.
type fields struct {
	year        int64 // normalized (Gregorian) year
	month       int   // 1..12
	day         int   // day of month
	weekday     int   // Calendar.DAY_OF_WEEK: 1 = Sunday ... 7 = Saturday
	dayOfYear   int
	dowInMonth  int // Calendar.DAY_OF_WEEK_IN_MONTH
	weekOfYear  int
	weekOfMonth int
	weekYear    int64 // normalized week-based year
	msOfDay     int
	era         int   // Calendar.ERA: 0 BC, 1 AD; Japanese 0 before Meiji … 5 Reiwa
	yearOfEra   int64 // Calendar.YEAR: 1, 2, ... in both Gregorian eras
}

// rules are the calendar settings that change the fields.
type rules struct {
	firstDay, minDays int
	// proleptic is the ISO 8601 calendar: Gregorian rules before the
	// cutover too (GregorianCalendar.setGregorianChange(new Date(Long.MIN_VALUE))).
	proleptic bool
}

// computeFields fills c for the instant ms in calendar cal. Week fields
// depend on the locale's week rules and are only computed when weeks is
// set, because most patterns do not need them.
func computeFields(c *fields, ms int64, cal calendar, r rules, weeks bool) {
	if cal == japanese {
		computeJapanese(c, ms, r, weeks)
		return
	}
	if r.proleptic {
		computeProleptic(c, ms, r, weeks)
	} else {
		computeGregorian(c, ms, r.firstDay, r.minDays, weeks)
	}
	c.era, c.yearOfEra = 1, c.year
	if c.year <= 0 {
		c.era, c.yearOfEra = 0, 1-c.year
	}
	if cal == buddhist {
		c.yearOfEra += buddhistOffset
		if weeks {
			c.weekYear = buddhistWeekYear(c, r.firstDay, r.minDays)
		}
	}
}

// buddhistWeekYear is GregorianCalendar.getWeekYear as BuddhistCalendar
// inherits it: it starts from get(YEAR), the Buddhist year, and compares it
// with the Gregorian cutover year as if it were Gregorian. Up to the
// Buddhist year 1583 (1040 CE) that takes Java's slow path, whose "next
// year" is set through BuddhistCalendar.set(YEAR): for a BC date, with the
// era left BC, that lands on the AD year 1085 + the BC year.
func buddhistWeekYear(c *fields, firstDay, minDays int) int64 {
	yb := c.yearOfEra
	if c.era == 0 {
		yb = 1 - yb
	}
	if yb > cutoverYear+1 {
		if c.month == 1 && c.weekOfYear >= 52 {
			return yb - 1
		}
		if c.month != 1 && c.weekOfYear == 1 {
			return yb + 1
		}
		return yb
	}
	maxDoy := yearLength(c.year)
	doy := c.dayOfYear
	if doy > minDays && doy < maxDoy-6 {
		return yb
	}
	delta := firstDay - weekday(jan1Of(c.year))
	if delta < 0 {
		delta += 7
	}
	if minDoy := 1 + delta; doy < minDoy {
		if minDoy <= minDays {
			yb--
		}
		return yb
	}
	next := c.year + 1
	if c.era == 0 {
		next = 1086 - c.year
	}
	del := firstDay - weekday(jan1Of(next))
	if del < 0 {
		del += 7
	}
	if del == 0 {
		del = 7
	}
	if del >= minDays && maxDoy-doy+1 <= 7-del {
		yb++
	}
	return yb
}

// computeGregorian fills c as GregorianCalendar does with the default
// cutover.
func computeGregorian(c *fields, ms int64, firstDay, minDays int, weeks bool) {
	days := floorDiv(ms, msPerDay)
	c.msOfDay = int(ms - days*msPerDay)
	julian := days < cutoverDay
	if julian {
		c.year, c.month, c.day = julianFromDays(days)
	} else {
		c.year, c.month, c.day = gregorianFromDays(days)
	}
	c.weekday = weekday(days)

	// In the cutover year the year and October begin on Julian days, so
	// 1582-10-15 is day 278 of its year and day 5 of its month.
	jan1 := jan1Of(c.year)
	c.dayOfYear = int(days-jan1) + 1
	month1 := days - int64(c.day) + 1
	if !julian && c.year == cutoverYear && c.month == 10 {
		month1 = daysFromJulian(cutoverYear, 10, 1)
	}
	c.dowInMonth = int(days-month1)/7 + 1
	if !weeks {
		return
	}

	woy := weekNumber(jan1, days, firstDay, minDays)
	if woy == 0 {
		// The day belongs to the last week of the previous year.
		woy = weekNumber(jan1Of(c.year-1), jan1-1, firstDay, minDays)
	} else if woy >= 52 || c.year == cutoverYear || c.year == cutoverYear-1 {
		// The day may belong to week 1 of the next year.
		next := jan1Of(c.year + 1)
		nextFirst := onOrBefore(next+6, firstDay)
		if int(nextFirst-next) >= minDays && days >= nextFirst-7 {
			woy = 1
		}
	}
	c.weekOfYear = woy
	c.weekOfMonth = weekNumber(month1, days, firstDay, minDays)
	c.weekYear = weekYear(c, firstDay, minDays)
}

// computeProleptic fills c as a GregorianCalendar without cutover does:
// every year is Gregorian, and getWeekYear always takes its fast path.
func computeProleptic(c *fields, ms int64, r rules, weeks bool) {
	days := floorDiv(ms, msPerDay)
	c.msOfDay = int(ms - days*msPerDay)
	c.year, c.month, c.day = gregorianFromDays(days)
	c.weekday = weekday(days)
	jan1 := daysFromGregorian(c.year, 1, 1)
	c.dayOfYear = int(days-jan1) + 1
	month1 := days - int64(c.day) + 1
	c.dowInMonth = (c.day-1)/7 + 1
	if !weeks {
		return
	}
	woy := weekNumber(jan1, days, r.firstDay, r.minDays)
	if woy == 0 {
		woy = weekNumber(daysFromGregorian(c.year-1, 1, 1), jan1-1, r.firstDay, r.minDays)
	} else if woy >= 52 {
		next := daysFromGregorian(c.year+1, 1, 1)
		nextFirst := onOrBefore(next+6, r.firstDay)
		if int(nextFirst-next) >= r.minDays && days >= nextFirst-7 {
			woy = 1
		}
	}
	c.weekOfYear = woy
	c.weekOfMonth = weekNumber(month1, days, r.firstDay, r.minDays)
	c.weekYear = c.year
	if c.month == 1 && woy >= 52 {
		c.weekYear--
	} else if c.month != 1 && woy == 1 {
		c.weekYear++
	}
}

// japaneseEras are the epoch days on which the eras Meiji, Taisho, Showa,
// Heisei and Reiwa begin (sun.util.calendar.LocalGregorianCalendar; the
// eras change at local midnight, which is UTC midnight here). Dates before
// Meiji are in era 0 and keep their Gregorian year.
var japaneseEras = [...]int64{-37255, -20974, -15713, 6947, 18017}

// japaneseEraStart returns the epoch day era (1-5) begins on.
func japaneseEraStart(era int) int64 { return japaneseEras[era-1] }

// japaneseEraOf returns the era of an epoch day.
func japaneseEraOf(days int64) int {
	era := 0
	for i, start := range japaneseEras {
		if days >= start {
			era = i + 1
		}
	}
	return era
}

// isTransitionYear tells whether an era begins in the Gregorian year y.
func isTransitionYear(y int64) bool {
	switch y {
	case 1868, 1912, 1926, 1989, 2019: // the years of japaneseEras
		return true
	}
	return false
}

// computeJapanese fills c as JapaneseImperialCalendar.computeFields does:
// proleptic Gregorian dates, the year counted within the era, and in the
// Gregorian year of an era change, days of year and weeks counted from the
// era's first day (and the month of the change from that day too).
// Japanese dates have no week year (SimpleDateFormat prints the year for
// Y).
func computeJapanese(c *fields, ms int64, r rules, weeks bool) {
	days := floorDiv(ms, msPerDay)
	c.msOfDay = int(ms - days*msPerDay)
	c.year, c.month, c.day = gregorianFromDays(days)
	c.weekday = weekday(days)
	c.era = japaneseEraOf(days)
	c.yearOfEra = c.year
	if c.era > 0 {
		sy, _, _ := gregorianFromDays(japaneseEraStart(c.era))
		c.yearOfEra = c.year - sy + 1
	}
	c.weekYear = c.yearOfEra
	transition := isTransitionYear(c.year)
	jan1 := daysFromGregorian(c.year, 1, 1)
	if transition && c.era > 0 && c.yearOfEra == 1 {
		jan1 = japaneseEraStart(c.era) // getFixedDateJan1
	}
	c.dayOfYear = int(days-jan1) + 1
	c.dowInMonth = (c.day-1)/7 + 1
	month1 := days - int64(c.day) + 1
	if transition {
		// getFixedDateMonth1: the first day of the era starting in this
		// month, once it has begun.
		for era := c.era; era <= c.era+1 && era <= len(japaneseEras); era++ {
			if era == 0 {
				continue
			}
			start := japaneseEraStart(era)
			if sy, sm, _ := gregorianFromDays(start); sy == c.year && sm == c.month {
				if start <= days {
					month1 = start
				}
				break
			}
		}
	}
	if !weeks {
		return
	}
	leap := func(y int64) int64 {
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 1
		}
		return 0
	}
	woy := weekNumber(jan1, days, r.firstDay, r.minDays)
	if woy == 0 {
		dec31 := jan1 - 1
		py, _, _ := gregorianFromDays(dec31)
		var prevJan1 int64
		switch {
		case !transition && !isTransitionYear(py):
			prevJan1 = jan1 - 365 - leap(py)
		case transition && c.yearOfEra == 1:
			prevJan1 = daysFromGregorian(py, 1, 1)
		case transition:
			prevJan1 = jan1 - 365 - leap(py)
		default:
			// The previous year saw this era begin.
			_, sm, sd := gregorianFromDays(japaneseEraStart(c.era))
			prevJan1 = daysFromGregorian(py, sm, sd)
		}
		woy = weekNumber(prevJan1, dec31, r.firstDay, r.minDays)
	} else {
		// The day may belong to week 1 of the next year, which begins
		// on January 1 or when the next era does.
		next, check := int64(0), true
		switch {
		case !transition:
			next, check = jan1+365+leap(c.year), woy >= 52
		case c.yearOfEra == 1:
			next = daysFromGregorian(c.year+1, 1, 1)
		case c.era < len(japaneseEras):
			next = japaneseEraStart(c.era + 1)
		default:
			check = false
		}
		if check {
			nextFirst := onOrBefore(next+6, r.firstDay)
			if int(nextFirst-next) >= r.minDays && days >= nextFirst-7 {
				woy = 1
			}
		}
	}
	c.weekOfYear = woy
	c.weekOfMonth = weekNumber(month1, days, r.firstDay, r.minDays)
}

// weekYear mirrors GregorianCalendar.getWeekYear: a fast path for years
// after the cutover, and for earlier ones a slow path whose quirks (it
// looks at the wrong "next year" for BC dates) are part of the output.
func weekYear(c *fields, firstDay, minDays int) int64 {
	y := c.year
	if y > cutoverYear+1 {
		if c.month == 1 && c.weekOfYear >= 52 {
			return y - 1
		}
		if c.month != 1 && c.weekOfYear == 1 {
			return y + 1
		}
		return y
	}
	maxDoy := yearLength(y)
	doy := c.dayOfYear
	if doy > minDays && doy < maxDoy-6 {
		return y
	}
	delta := firstDay - weekday(jan1Of(y))
	if delta < 0 {
		delta += 7
	}
	if minDoy := 1 + delta; doy < minDoy {
		if minDoy <= minDays {
			y--
		}
		return y
	}
	// Java sets YEAR to y+1 while ERA stays BC, which selects the
	// normalized year -y instead of y+1.
	next := y + 1
	if y <= 0 {
		next = -y
	}
	del := firstDay - weekday(jan1Of(next))
	if del < 0 {
		del += 7
	}
	if del == 0 {
		del = 7
	}
	if del >= minDays && maxDoy-doy+1 <= 7-del {
		y++
	}
	return y
}

// yearLength is getActualMaximum(DAY_OF_YEAR): the cutover year lost ten
// days.
func yearLength(y int64) int {
	switch {
	case y == cutoverYear:
		return 355
	case y < cutoverYear && floorMod(y, 4) == 0,
		y > cutoverYear && y%4 == 0 && (y%100 != 0 || y%400 == 0):
		return 366
	}
	return 365
}

// weekNumber is GregorianCalendar.getWeekNumber: the week of the period
// starting on day1 that contains day.
func weekNumber(day1, day int64, firstDay, minDays int) int {
	first := onOrBefore(day1+6, firstDay)
	if int(first-day1) >= minDays {
		first -= 7
	}
	return int(floorDiv(day-first, 7)) + 1
}

// jan1Of returns the epoch day of January 1 of year y in the calendar
// GregorianCalendar uses for that year (Julian up to the cutover year).
func jan1Of(y int64) int64 {
	if y <= cutoverYear {
		return daysFromJulian(y, 1, 1)
	}
	return daysFromGregorian(y, 1, 1)
}

// weekday returns the Calendar.DAY_OF_WEEK of an epoch day; 1970-01-01 was
// a Thursday (5).
func weekday(days int64) int {
	return int(floorMod(days+4, 7)) + 1
}

// onOrBefore returns the latest epoch day not after days that falls on
// weekday dow.
func onOrBefore(days int64, dow int) int64 {
	return days - floorMod(int64(weekday(days)-dow), 7)
}

// The conversions below count years from March so that the leap day ends
// the year; 719468 and 719470 are the epoch days of March 1 of year 0 in
// the Gregorian and Julian calendars, negated.

func gregorianFromDays(days int64) (y int64, m, d int) {
	z := days + 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	return civilFromMarch(yoe+era*400, doy)
}

func julianFromDays(days int64) (y int64, m, d int) {
	z := days + 719470
	era := floorDiv(z, 1461)
	doe := z - era*1461
	yoe := (doe - doe/1460) / 365
	doy := doe - 365*yoe
	return civilFromMarch(yoe+era*4, doy)
}

// civilFromMarch turns a March-based year and day of year into a civil
// date.
func civilFromMarch(y, doy int64) (int64, int, int) {
	mp := (5*doy + 2) / 153
	d := int(doy - (153*mp+2)/5 + 1)
	m := int(mp) + 3
	if m > 12 {
		m -= 12
		y++
	}
	return y, m, d
}

func daysFromGregorian(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	doe := yoe*365 + yoe/4 - yoe/100 + marchDay(m, d)
	return era*146097 + doe - 719468
}

func daysFromJulian(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 4)
	yoe := y - era*4
	return era*1461 + yoe*365 + marchDay(m, d) - 719470
}

// marchDay is the 0-based day of a March-based year.
func marchDay(m, d int) int64 {
	mp := m - 3
	if mp < 0 {
		mp += 12
	}
	return int64((153*mp+2)/5 + d - 1)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 {
	return a - floorDiv(a, b)*b
}
