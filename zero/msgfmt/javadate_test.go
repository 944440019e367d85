package msgfmt

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

// TestDateRangeEdges formats the first and last instants a java.util.Date
// can hold, and two inside the Julian part of its calendar, as JDK 17
// prints them (java.text.MessageFormat and Date.toString, default time
// zone UTC).
func TestDateRangeEdges(t *testing.T) {
	tests := []struct {
		locale  string
		ms      int64
		pattern string
		want    string
	}{
		{"en-US", math.MaxInt64, "{0}", "8/17/94, 7:12 AM"},
		{"en-US", math.MaxInt64, "{0,date}", "Aug 17, 292278994"},
		{"en-US", math.MaxInt64, "{0,date,full}", "Sunday, August 17, 292278994"},
		{"en-US", math.MaxInt64, "{0,time,full}", "7:12:55 AM Coordinated Universal Time"},
		{"en-US", math.MaxInt64, "{0,date,yyyy-MM-dd HH:mm:ss.SSS G}", "292278994-08-17 07:12:55.807 AD"},
		{"en-US", math.MinInt64, "{0}", "12/2/55, 4:47 PM"},
		{"en-US", math.MinInt64, "{0,date,full}", "Sunday, December 2, 292269055"},
		{"en-US", math.MinInt64, "{0,date,yyyy-MM-dd HH:mm:ss.SSS G}", "292269055-12-02 16:47:04.192 BC"},
		{"en-US", math.MinInt64 + 1, "{0,date,yyyy-MM-dd HH:mm:ss.SSS G}", "292269055-12-02 16:47:04.193 BC"},
		{"zh-CN", math.MaxInt64, "{0}", "292278994/8/17 上午7:12"},
		{"zh-CN", math.MinInt64, "{0,date,full}", "292269055年12月2日星期日"},
		{"de-DE", math.MaxInt64, "{0,date,full}", "Sonntag, 17. August 292278994"},
		{"de-DE", math.MinInt64, "{0,date,yyyy-MM-dd HH:mm:ss.SSS G}", "292269055-12-02 16:47:04.192 v. Chr."},
		// Go's zero Time: 1 January of year 1, proleptic Gregorian, which
		// the JDK's Julian calendar calls 3 January.
		{"en-US", -62135596800000, "{0,date,full}", "Monday, January 3, 1"},
		{"de-DE", -62135596800000, "{0}", "03.01.01, 00:00"},
	}
	for _, tt := range tests {
		for name, arg := range map[string]any{"time.Time": time.UnixMilli(tt.ms), "*time.Time": new(time.UnixMilli(tt.ms))} {
			got, err := Format(tt.locale, tt.pattern, arg)
			if err != nil || got != tt.want {
				t.Errorf("Format(%s, %q, %s of %d ms) = %q, %v; want %q", tt.locale, tt.pattern, name, tt.ms, got, err, tt.want)
			}
		}
	}
}

// TestDateToString checks Date.toString, which prints the year of its era
// unpadded.
func TestDateToString(t *testing.T) {
	for ms, want := range map[int64]string{
		math.MaxInt64:   "Sun Aug 17 07:12:55 UTC 292278994",
		math.MinInt64:   "Sun Dec 02 16:47:04 UTC 292269055",
		-62135596800000: "Mon Jan 03 00:00:00 UTC 1",
		-62170156800000: "Sun Nov 30 00:00:00 UTC 2", // 2 BC
		-59000000000000: "Thu May 14 15:06:40 UTC 100",
		-30000000000000: "Tue Apr 28 18:40:00 UTC 1019",
		0:               "Thu Jan 01 00:00:00 UTC 1970",
	} {
		if got := string(AppendValue(nil, time.UnixMilli(ms))); got != want {
			t.Errorf("AppendValue(%d ms) = %q, want %q", ms, got, want)
		}
	}
}

// TestDateOutOfRange: a time no java.util.Date can hold fails to format,
// whatever the element, instead of printing a wrapped date near 1970.
func TestDateOutOfRange(t *testing.T) {
	times := map[string]time.Time{
		"one ms past Long.MAX_VALUE":   time.UnixMilli(math.MaxInt64).Add(time.Millisecond),
		"one ms before Long.MIN_VALUE": time.UnixMilli(math.MinInt64).Add(-time.Millisecond),
		"year 300000000":               time.Date(300_000_000, 1, 1, 0, 0, 0, 0, time.UTC),
		"year -300000000":              time.Date(-300_000_000, 1, 1, 0, 0, 0, 0, time.UTC),
		"Unix(MaxInt64/1000+1)":        time.Unix(math.MaxInt64/1000+1, 0),
		"Unix(MinInt64, 0)":            time.Unix(math.MinInt64, 0),
		"Unix(MaxInt64, 999999999)":    time.Unix(math.MaxInt64, 999_999_999),
	}
	patterns := []string{"{0}", "{0,date}", "{0,time,short}", "{0,date,yyyy-MM-dd}", "{0,number}", "{0,choice,0#a|1#b}", "x {0} y"}
	for name, tm := range times {
		if _, ok := javaMillis(tm); ok {
			t.Errorf("%s: javaMillis accepts it", name)
		}
		for _, p := range patterns {
			for _, arg := range []any{tm, &tm} {
				got, err := Format("en-US", p, arg)
				var ae *ArgError
				if !errors.As(err, &ae) || ae.Index != 0 || !strings.Contains(err.Error(), "outside the range of java.util.Date") {
					t.Errorf("Format(%q, %s) = %q, %v; want an ArgError about the range", p, name, got, err)
				}
			}
		}
		// String.valueOf cannot fail: the true instant, in RFC 3339.
		if got, want := string(AppendValue(nil, tm)), tm.UTC().Format(time.RFC3339Nano); got != want {
			t.Errorf("AppendValue(%s) = %q, want %q", name, got, want)
		}
	}
}

// TestJavaMillis pins the conversion at and next to both ends of the range.
func TestJavaMillis(t *testing.T) {
	for _, ms := range []int64{math.MaxInt64, math.MaxInt64 - 1, math.MinInt64, math.MinInt64 + 1, -1, 0, 1, -62135596800000} {
		if got, ok := javaMillis(time.UnixMilli(ms)); !ok || got != ms {
			t.Errorf("javaMillis(UnixMilli(%d)) = %d, %v", ms, got, ok)
		}
	}
	// Sub-millisecond parts round toward the past, as Instant.toEpochMilli.
	if got, _ := javaMillis(time.Unix(-1, 999_999_999)); got != -1 {
		t.Errorf("javaMillis(-1 ns) = %d, want -1", got)
	}
	if got, _ := javaMillis(time.Unix(0, 999_999)); got != 0 {
		t.Errorf("javaMillis(+999 µs) = %d, want 0", got)
	}
}
