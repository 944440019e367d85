package datefmt

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// TestEdges spells out the edge cases the golden file covers in bulk;
// every expectation was printed by OpenJDK 17 with -Duser.timezone=UTC.
func TestEdges(t *testing.T) {
	tests := []struct {
		loc, pattern string
		ms           int64
		want         string
	}{
		// Gregorian cutover: the ms before 1582-10-15 is Julian 1582-10-04,
		// and the cutover year and month start on Julian days.
		{"en-US", "yyyy-MM-dd G", -12219292800000, "1582-10-15 AD"},
		{"en-US", "yyyy-MM-dd G", -12219292800001, "1582-10-04 AD"},
		{"en-US", "D F W w", -12219292800000, "278 1 1 40"},
		// The ends of java.util.Date.
		{"en-US", "yyyy-MM-dd G", -9223372036854775808, "292269055-12-02 BC"},
		{"en-US", "yyyy-MM-dd G HH:mm:ss.SSS", 9223372036854775807, "292278994-08-17 AD 07:12:55.807"},
		{"en-US", "yy", 9223372036854775807, "94"},
		// BC: y counts 1, 2, ... while the week year is astronomical.
		{"en-US", "y G", -62198755200000, "2 BC"},
		{"en-US", "YYYY G", -62198755200000, "-0001 BC"},
		// Week years around new year under Sunday/1 and Monday/4 rules.
		{"en-US", "YYYY-'W'ww u", 1609372800000, "2021-W01 4"},
		{"de-DE", "YYYY-'W'ww u", 1609372800000, "2020-W53 4"},
		{"en-US", "YYYY-'W'ww", 1609459200000, "2021-W01"},
		{"de-DE", "YYYY-'W'ww", 1609459200000, "2020-W53"},
		{"de-DE", "YYYY-'W'ww", 1230681600000, "2009-W01"},
		{"en-GB", "YYYY-'W'ww", 1230681600000, "2009-W01"},
		{"zh-CN", "YYYY-'W'ww", 1230681600000, "2009-W01"},
		{"ja-JP", "YYYY-'W'ww", 1230681600000, "2009-W01"},
		// Zone letters always describe UTC.
		{"en-US", "z|zzzz|Z|X|XX|XXX", 0, "UTC|Coordinated Universal Time|+0000|Z|Z|Z"},
		{"fr-FR", "z|zzzz", 0, "UTC|Temps universel coordonné"},
		{"zh-TW", "zzzz", 0, "世界標準時間"},
		{"ja-JP", "zzzz", 0, "協定世界時"},
		// Hours.
		{"en-US", "h:mm a|K|k|H", 0, "12:00 AM|0|24|0"},
		{"en-US", "h:mm a|K|k|H", 43200000, "12:00 PM|0|12|12"},
		// A pattern whose only field is MMM uses the standalone form.
		{"de-DE", "MMM", 1157641445123, "Sep"},
		{"de-DE", "MMM|LLL", 1157641445123, "Sept.|Sep"},
		{"de-DE", "MMM d", 1157641445123, "Sept. 7"},
		// Quotes; non-ASCII letters are literal.
		{"en-US", "hh 'o''clock' a", 1136214245000, "03 o'clock PM"},
		{"en-US", "''yyyy''", 0, "'1970'"},
		{"en-US", "yyyy年MM月", 0, "1970年01月"},
	}
	for _, tt := range tests {
		f, err := NewPattern(jlocale.Parse(tt.loc), tt.pattern)
		if err != nil {
			t.Errorf("%s %q: %v", tt.loc, tt.pattern, err)
			continue
		}
		if got := string(f.AppendMillis(nil, tt.ms)); got != tt.want {
			t.Errorf("%s %q at %d = %q, want %q", tt.loc, tt.pattern, tt.ms, got, tt.want)
		}
	}
}

func TestPatternError(t *testing.T) {
	tests := []struct {
		pattern string
		offset  int
		message string
	}{
		{"foo", 0, "Illegal pattern character 'f'"},
		{"short,extra", 2, "Illegal pattern character 'o'"},
		{"yyyy-MM-dd 'T", 11, "Unterminated quote"},
		{"'''", 2, "Unterminated quote"}, // '' is a quote, the third opens
		{"XXXX", 0, "invalid ISO 8601 format: length=4"},
		{"yy XXXX", 3, "invalid ISO 8601 format: length=4"},
		{"XXXXq", 4, "Illegal pattern character 'q'"}, // Java checks the letter first
	}
	for _, tt := range tests {
		_, err := NewPattern(jlocale.Root, tt.pattern)
		var pe *PatternError
		if !errors.As(err, &pe) {
			t.Errorf("%q: error %v, want a *PatternError", tt.pattern, err)
			continue
		}
		if pe.Pattern != tt.pattern || pe.Offset != tt.offset || pe.Message != tt.message {
			t.Errorf("%q: got %+v, want offset %d message %q", tt.pattern, *pe, tt.offset, tt.message)
		}
	}
}

// TestDateTimeGlue checks that getDateTimeInstance's pattern is the date
// and time patterns joined by the glue of the shorter style.
func TestDateTimeGlue(t *testing.T) {
	loc := jlocale.Parse("en-US")
	got := string(NewDateTime(loc, Full, Short).AppendMillis(nil, 0))
	if want := "Thursday, January 1, 1970, 12:00 AM"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// Out-of-range styles fall back to Medium instead of panicking.
	if got, want := string(NewDate(loc, 9).AppendMillis(nil, 0)), "Jan 1, 1970"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// FuzzNewPattern checks that no pattern makes NewPattern or AppendMillis
// panic; the seeds run as part of go test.
func FuzzNewPattern(f *testing.F) {
	for _, s := range []string{
		"", "'", "''", "'''", "yyyy'", "XXXX", "\xff\xfe", "y\x00M", "日'本", strings.Repeat("y", 1000),
		strings.Repeat("'a", 50), "GyMdkHmsSEDFwWahKzZYuXL", "EEEEEEEEEEEEEEEEEEEE", "{0}", "a'b''c'd",
	} {
		f.Add(s, int64(-1))
	}
	f.Fuzz(func(t *testing.T, pattern string, ms int64) {
		fm, err := NewPattern(jlocale.Parse("de-DE"), pattern)
		if err != nil {
			var pe *PatternError
			if !errors.As(err, &pe) {
				t.Fatalf("%q: %T is not a *PatternError", pattern, err)
			}
			return
		}
		fm.AppendMillis(nil, ms)
	})
}

func TestConcurrentUse(t *testing.T) {
	f := NewDateTime(jlocale.Parse("zh-CN"), Full, Full)
	want := string(f.AppendMillis(nil, 1136214245000))
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for i := 0; i < 200; i++ {
				if buf = f.AppendMillis(buf[:0], 1136214245000); string(buf) != want {
					t.Errorf("got %q, want %q", buf, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestAppendMillisDoesNotAllocate(t *testing.T) {
	f, err := NewPattern(jlocale.Parse("en-US-u-nu-thai"), "EEEE, MMMM d, YYYY-ww G HH:mm:ss.SSS zzzz XXX")
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, func() { buf = f.AppendMillis(buf[:0], -1) }); n != 0 {
		t.Errorf("AppendMillis allocated %v times", n)
	}
}

func BenchmarkAppendMillis(b *testing.B) {
	for _, bc := range []struct{ name, loc, pattern string }{
		{"en-US/default", "en-US", ""},
		{"de-DE/full", "de-DE", "EEEE, d. MMMM y 'um' HH:mm:ss zzzz"},
		{"en-US/weeks", "en-US", "YYYY-'W'ww-u"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			loc := jlocale.Parse(bc.loc)
			f := NewDateTime(loc, Short, Short)
			if bc.pattern != "" {
				var err error
				if f, err = NewPattern(loc, bc.pattern); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			buf := make([]byte, 0, 128)
			ms := int64(1136214245000)
			for i := 0; i < b.N; i++ {
				buf = f.AppendMillis(buf[:0], ms)
				ms += 86399999
			}
		})
	}
}

// BenchmarkNewDate measures building a date format, as msgfmt does once
// per locale and style (the locale's data are cached after the first
// call); BenchmarkResolve the uncached lookup.
func BenchmarkNewDate(b *testing.B) {
	loc := jlocale.Parse("fr-CA")
	b.ReportAllocs()
	for b.Loop() {
		NewDate(loc, Full)
	}
}

func BenchmarkResolve(b *testing.B) {
	loc := jlocale.Parse("fr-CA")
	b.ReportAllocs()
	for b.Loop() {
		resolve(loc)
	}
}

func BenchmarkAppendMillisJapanese(b *testing.B) {
	f := NewDate(jlocale.Parse("ja-JP-u-ca-japanese"), Full)
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		buf = f.AppendMillis(buf[:0], 1556683506000)
	}
}
