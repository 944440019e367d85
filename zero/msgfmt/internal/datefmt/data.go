package datefmt

// The tables in this file are facts dumped from OpenJDK 17.0.15 (default
// CLDR locale provider) with a small Java program: Calendar.getDisplayName
// for ERA, MONTH, DAY_OF_WEEK and AM_PM in SHORT/LONG (and standalone for
// MONTH) styles, the toPattern() of DateFormat.getDateInstance and
// getTimeInstance for each style, the pattern that getDateTimeInstance
// wraps around them, TimeZone.getTimeZone("UTC").getDisplayName(false,
// SHORT/LONG, loc), and Calendar.getInstance(loc).getFirstDayOfWeek() /
// getMinimalDaysInFirstWeek() per region. JDK 17 predates CLDR 42, so no
// pattern uses U+202F (narrow no-break space).

// localeData is one locale's names and style patterns. Name arrays are
// indexed by Calendar field value: eras BC, AD; months January first;
// weekdays Sunday first; AM, PM.
type localeData struct {
	erasShort, erasLong               [2]string
	monthsShort, monthsLong           [12]string
	monthsShortAlone, monthsLongAlone [12]string
	weekdaysShort, weekdaysLong       [7]string
	ampmShort, ampmLong               [2]string
	date, time                        [4]string // by Style
	glue                              [4]string // {1} = date, {0} = time; by the shorter style
	zoneShort, zoneLong               string    // UTC's display names
}

// locales holds the locales whose data zerofault carries, keyed by the tag
// the data was dumped for; see lookup for how other locales map to them.
var locales = map[string]*localeData{
	"en-US": {
		erasShort:        [2]string{"BC", "AD"},
		erasLong:         [2]string{"BC", "AD"},
		monthsShort:      [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		monthsLong:       [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		monthsShortAlone: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		monthsLongAlone:  [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		weekdaysShort:    [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		weekdaysLong:     [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		ampmShort:        [2]string{"AM", "PM"},
		ampmLong:         [2]string{"AM", "PM"},
		date:             [4]string{"EEEE, MMMM d, y", "MMMM d, y", "MMM d, y", "M/d/yy"},
		time:             [4]string{"h:mm:ss a zzzz", "h:mm:ss a z", "h:mm:ss a", "h:mm a"},
		glue:             [4]string{"{1} 'at' {0}", "{1} 'at' {0}", "{1}, {0}", "{1}, {0}"},
		zoneShort:        "UTC",
		zoneLong:         "Coordinated Universal Time",
	},
	"en-GB": {
		erasShort:        [2]string{"BC", "AD"},
		erasLong:         [2]string{"BC", "AD"},
		monthsShort:      [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"},
		monthsLong:       [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		monthsShortAlone: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"},
		monthsLongAlone:  [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		weekdaysShort:    [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		weekdaysLong:     [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		ampmShort:        [2]string{"am", "pm"},
		ampmLong:         [2]string{"am", "pm"},
		date:             [4]string{"EEEE, d MMMM y", "d MMMM y", "d MMM y", "dd/MM/y"},
		time:             [4]string{"HH:mm:ss zzzz", "HH:mm:ss z", "HH:mm:ss", "HH:mm"},
		glue:             [4]string{"{1} 'at' {0}", "{1} 'at' {0}", "{1}, {0}", "{1}, {0}"},
		zoneShort:        "UTC",
		zoneLong:         "Coordinated Universal Time",
	},
	"zh-CN": {
		erasShort:        [2]string{"公元前", "公元"},
		erasLong:         [2]string{"公元前", "公元"},
		monthsShort:      [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthsLong:       [12]string{"一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"},
		monthsShortAlone: [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthsLongAlone:  [12]string{"一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"},
		weekdaysShort:    [7]string{"周日", "周一", "周二", "周三", "周四", "周五", "周六"},
		weekdaysLong:     [7]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
		ampmShort:        [2]string{"上午", "下午"},
		ampmLong:         [2]string{"上午", "下午"},
		date:             [4]string{"y年M月d日EEEE", "y年M月d日", "y年M月d日", "y/M/d"},
		time:             [4]string{"zzzz ah:mm:ss", "z ah:mm:ss", "ah:mm:ss", "ah:mm"},
		glue:             [4]string{"{1} {0}", "{1} {0}", "{1} {0}", "{1} {0}"},
		zoneShort:        "UTC",
		zoneLong:         "协调世界时",
	},
	"zh-TW": {
		erasShort:        [2]string{"西元前", "西元"},
		erasLong:         [2]string{"西元前", "西元"},
		monthsShort:      [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthsLong:       [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthsShortAlone: [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthsLongAlone:  [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		weekdaysShort:    [7]string{"週日", "週一", "週二", "週三", "週四", "週五", "週六"},
		weekdaysLong:     [7]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"},
		ampmShort:        [2]string{"上午", "下午"},
		ampmLong:         [2]string{"上午", "下午"},
		date:             [4]string{"y年M月d日 EEEE", "y年M月d日", "y年M月d日", "y/M/d"},
		time:             [4]string{"ah:mm:ss [zzzz]", "ah:mm:ss [z]", "ah:mm:ss", "ah:mm"},
		glue:             [4]string{"{1} {0}", "{1} {0}", "{1} {0}", "{1} {0}"},
		zoneShort:        "UTC",
		zoneLong:         "世界標準時間",
	},
	"ja-JP": {
		erasShort:        [2]string{"紀元前", "西暦"},
		erasLong:         [2]string{"紀元前", "西暦"},
		monthsShort:      [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthsLong:       [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthsShortAlone: [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		monthsLongAlone:  [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		weekdaysShort:    [7]string{"日", "月", "火", "水", "木", "金", "土"},
		weekdaysLong:     [7]string{"日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"},
		ampmShort:        [2]string{"午前", "午後"},
		ampmLong:         [2]string{"午前", "午後"},
		date:             [4]string{"y年M月d日EEEE", "y年M月d日", "y/MM/dd", "y/MM/dd"},
		time:             [4]string{"H時mm分ss秒 zzzz", "H:mm:ss z", "H:mm:ss", "H:mm"},
		glue:             [4]string{"{1} {0}", "{1} {0}", "{1} {0}", "{1} {0}"},
		zoneShort:        "UTC",
		zoneLong:         "協定世界時",
	},
	"de-DE": {
		erasShort:        [2]string{"v. Chr.", "n. Chr."},
		erasLong:         [2]string{"v. Chr.", "n. Chr."},
		monthsShort:      [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
		monthsLong:       [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		monthsShortAlone: [12]string{"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"},
		monthsLongAlone:  [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		weekdaysShort:    [7]string{"So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."},
		weekdaysLong:     [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		ampmShort:        [2]string{"AM", "PM"},
		ampmLong:         [2]string{"AM", "PM"},
		date:             [4]string{"EEEE, d. MMMM y", "d. MMMM y", "dd.MM.y", "dd.MM.yy"},
		time:             [4]string{"HH:mm:ss zzzz", "HH:mm:ss z", "HH:mm:ss", "HH:mm"},
		glue:             [4]string{"{1} 'um' {0}", "{1} 'um' {0}", "{1}, {0}", "{1}, {0}"},
		zoneShort:        "UTC",
		zoneLong:         "Koordinierte Weltzeit",
	},
	"fr-FR": {
		erasShort:        [2]string{"av. J.-C.", "ap. J.-C."},
		erasLong:         [2]string{"av. J.-C.", "ap. J.-C."},
		monthsShort:      [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		monthsLong:       [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		monthsShortAlone: [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		monthsLongAlone:  [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		weekdaysShort:    [7]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."},
		weekdaysLong:     [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		ampmShort:        [2]string{"AM", "PM"},
		ampmLong:         [2]string{"AM", "PM"},
		date:             [4]string{"EEEE d MMMM y", "d MMMM y", "d MMM y", "dd/MM/y"},
		time:             [4]string{"HH:mm:ss zzzz", "HH:mm:ss z", "HH:mm:ss", "HH:mm"},
		glue:             [4]string{"{1} 'à' {0}", "{1} 'à' {0}", "{1}, {0}", "{1} {0}"},
		zoneShort:        "UTC",
		zoneLong:         "Temps universel coordonné",
	},
	"und": {
		erasShort:        [2]string{"BCE", "CE"},
		erasLong:         [2]string{"BCE", "CE"},
		monthsShort:      [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		monthsLong:       [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		monthsShortAlone: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		monthsLongAlone:  [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		weekdaysShort:    [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		weekdaysLong:     [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
		ampmShort:        [2]string{"AM", "PM"},
		ampmLong:         [2]string{"AM", "PM"},
		date:             [4]string{"y MMMM d, EEEE", "y MMMM d", "y MMM d", "y-MM-dd"},
		time:             [4]string{"HH:mm:ss zzzz", "HH:mm:ss z", "HH:mm:ss", "HH:mm"},
		glue:             [4]string{"{1} {0}", "{1} {0}", "{1} {0}", "{1} {0}"},
		zoneShort:        "UTC",
		zoneLong:         "Coordinated Universal Time",
	},
}

// Week data is per region (Calendar.getInstance(loc) ignores the language).
// A locale without a region gets Sunday/1; an unlisted region gets the
// world default Monday/1.
var (
	// weekSunday1 lists regions whose weeks start on Sunday, one day in
	// the first week.
	weekSunday1 = "AG AS AU BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW"
	// weekMonday4 lists regions with ISO 8601 weeks: Monday, four days.
	weekMonday4 = "AD AT AX BE BG CH CZ DE DK EE ES FI FJ FO FR GB GF GG GI GP GR HU IE IM IS IT JE LI LT LU MC MQ NL NO PL RE RU SE SJ SK SM VA"
	// weekSaturday1 lists regions whose weeks start on Saturday.
	weekSaturday1 = "AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY"
	// weekSunday4 and weekFriday1 are the two single-region oddities.
	weekSunday4 = "PT"
	weekFriday1 = "MV"
)
