package msgfmt

import (
	"math"
	"time"
)

// A java.util.Date is a signed 64-bit count of milliseconds since the
// epoch, so it spans about 292 million years either side of 1970
// (Long.MIN_VALUE ms is 2 December 292269055 BC, Long.MAX_VALUE ms is
// 17 August 292278994 AD). A time.Time reaches far beyond, and
// Time.UnixMilli leaves the result undefined there: in practice it wraps
// and such a time printed as a date near 1970. Such a time has no Java
// counterpart to format, so it is an error.

// javaMillis returns t as java.util.Date's epoch milliseconds (rounded
// toward the past, as Instant.toEpochMilli does), or false when t lies
// outside the range a Date can hold.
func javaMillis(t time.Time) (int64, bool) {
	const (
		maxSec = math.MaxInt64 / 1000 // whole seconds of Long.MAX_VALUE ms
		minSec = math.MinInt64/1000 - 1
	)
	sec, ms := t.Unix(), int64(t.Nanosecond()/1e6)
	switch {
	case sec > maxSec || sec < minSec,
		sec == maxSec && ms > math.MaxInt64%1000,
		sec == minSec && ms < 1000+math.MinInt64%1000:
		return 0, false
	case sec < 0:
		// (sec+1)*1000 cannot overflow where sec*1000 could, at minSec.
		return (sec+1)*1000 + ms - 1000, true
	}
	return sec*1000 + ms, true
}

// dateValue classifies a time.Time: a Date when java.util.Date can hold
// it, else a value that fails to format (see dateRangeError).
func dateValue(t time.Time) value {
	if ms, ok := javaMillis(t); ok {
		return value{kind: vDate, i: ms}
	}
	return value{kind: vNoDate, x: t}
}

// dateRangeError is the error of formatting a time no java.util.Date can
// hold. The JDK has no message for it: a Java caller could not make such
// a Date.
func (v *value) dateRangeError(index int) error {
	t, _ := v.x.(time.Time)
	return &ArgError{Index: index, Msg: "the time " + t.UTC().Format(time.RFC3339Nano) +
		" lies outside the range of java.util.Date (292269055 BC to 292278994 AD)"}
}

// appendJavaDate appends Date.toString of t. A time no Date can hold has
// no Java text, and String.valueOf cannot fail, so it is printed in
// RFC 3339 form instead: the true instant, never a wrapped date.
func appendJavaDate(dst []byte, t time.Time) []byte {
	if ms, ok := javaMillis(t); ok {
		return dateToString().AppendMillis(dst, ms)
	}
	return t.UTC().AppendFormat(dst, time.RFC3339Nano)
}
