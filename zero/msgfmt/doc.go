// Package msgfmt formats messages exactly as JDK 17's java.text.MessageFormat
// does, byte for byte, so that zerofault prints the same error messages as
// Zero (vertx-zero), whose catalogs are written in MessageFormat syntax.
//
// # Patterns
//
// A pattern is literal text with format elements in braces:
//
//	{index}
//	{index,type}
//	{index,type,style}
//
// index is the position of the argument (0 to 9999). type is number, date,
// time or choice; style refines it:
//
//	{0}                    by the argument's type (see Arguments)
//	{0,number}             NumberFormat.getInstance: "1,234.5"
//	{0,number,integer}     also percent, currency
//	{0,number,#,##0.00}    any other style is a DecimalFormat pattern
//	{0,date} {0,time}      also short, medium, long, full
//	{0,date,yyyy-MM-dd}    any other style is a SimpleDateFormat pattern
//	{0,choice,0#none|1#one|1<{0} items}
//
// Keywords match exactly, or after trimming and lower-casing: {0, Number,
// INTEGER } is {0,number,integer}. An empty type, as in {0,}, is a plain
// element. Spaces around the index are an error ({ 0 }), as in Java. Leading spaces of a style that is not a
// keyword are part of the pattern: {0,number, #} prints " 5".
//
// Single quotes quote. Two of them stand for one quote, text between single
// quotes is literal (braces included), and a lone quote quotes to the end of
// the pattern; with "x" as argument 0:
//
//	it''s {0}       it's x
//	'{0}' is {0}    {0} is x
//	it's {0}        its {0}
//
// Inside an element the quotes are kept for the sub-format (DecimalFormat,
// SimpleDateFormat, ChoiceFormat), which reads them itself, and braces may
// nest in a style.
//
// A choice element selects a text by the numeric argument: "n#text" from n
// on, "n<text" above n, ≤ like #; limits are read as Java's
// Double.parseDouble reads them, plus ∞ and -∞. If the selected text
// contains '{', it is formatted again as a pattern with the same arguments,
// which is how a choice branch includes a value. That nested pattern is
// compiled by Compile, but as in the JDK a nested pattern that does not
// parse fails only when its branch is selected, with an *ArgError.
//
// An element whose argument is missing (index >= len(args)) prints as
// "{index}"; a nil argument prints as "null", whatever the format.
//
// # Arguments
//
// Go values stand for the Java objects Zero passes:
//
//	int, int8 … int64, uint …      Long/Integer: NumberFormat
//	uint64 above MaxInt64, *big.Int BigInteger: NumberFormat
//	float64, float32               Double (float32 widened): NumberFormat
//	time.Time, *time.Time          Date: DateFormat SHORT/SHORT, in UTC
//	string                         as is
//	nil, nil pointers              "null"
//	bool                           "true", "false"
//	error, fmt.Stringer            Error(), String()
//	slices, arrays                 List.toString: "[a, b]"
//	maps                           Map.toString, keys sorted: "{k=v, k2=v2}"
//	other pointers                 what they point to
//	anything else                  fmt's %v
//
// Named types of a basic kind (type Code int) count as their kind unless
// they implement error or fmt.Stringer. Inside slices and maps, elements
// print as Java's toString would: 1.0E10 for a float, the unformatted
// digits for an integer, Date.toString for a time. A number given to a
// date element is epoch milliseconds; anything but a number given to a
// number or choice element, and anything but a time or number given to a
// date element, is an error ("Cannot format given Object as a Number").
//
// A float64 inside a slice or map prints exactly as JDK 17's
// Double.toString, including the extra digit it sometimes gives
// (-5.5581852745535752E16); a float32 prints with the shortest digits that
// round-trip as a float32.
//
// # Locales
//
// A locale is a BCP 47 tag read as Java's Locale.forLanguageTag reads it;
// an ill-formed tag means the root locale, as in Java. Numbers and dates use
// JDK 17's data: every one of the 1017 locales of its
// Locale.getAvailableLocales() has its own (CLDR's, and COMPAT's for the
// few only COMPAT has: ja-JP-x-lvariant-JP, th-TH-x-lvariant-TH, zh-SG,
// sr-BA, sr-CS), and any other tag finds the data the JDK would: de-XX
// reads de, en-AU reads en-001 then en, sh reads sr-Latn, a region without
// data keeps its own currency (en-FR prints €) and week rules.
//
// Of a tag's Unicode extension keywords, nu (digits and symbols), ca
// (gregory, iso8601, buddhist, japanese; others mean Gregorian, as in the
// JDK), fw (first day of the week), cu (currency) and rg (region override)
// work as in the JDK; th-TH uses the Buddhist calendar as in the JDK.
//
// One known difference: the currency of a region that changes it after
// the JDK update the tables were taken from (the JDK switches on the
// cutover date, the tables keep the currency of the day they were made).
//
// # Errors
//
// Compile returns a *SyntaxError for every pattern the JDK refuses to
// parse; formatting returns an *ArgError for every argument the JDK refuses
// to format. Messages are the JDK's. Nothing is ever partially written, and
// nothing panics, short of an argument's own String or Error method.
//
// # Performance
//
// A Message is compiled once and formatted many times, concurrently if
// need be: formatting never parses. Format formats a plain pattern —
// literal text and {n} elements, the shape of every template of Zero's
// catalog — straight from its text, without compiling it and without
// keeping anything; any other pattern is compiled on every call. For a
// plain pattern whose arguments are strings, the result is sized ahead
// and is the only allocation of Format and of Message.Format; a message
// without elements allocates nothing, its text being the result.
package msgfmt
