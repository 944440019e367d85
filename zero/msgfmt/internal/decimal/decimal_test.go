package decimal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// jdkCase is one expectation obtained from the real JDK 17; style -1 means
// NewPattern(pattern).
type jdkCase struct {
	tag     string
	style   Style
	pattern string
	value   any
	want    string
}

// D, L and B build the Java Double, Long and BigInteger arguments.
func D(s string) any {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return f
}

func L(v int64) any { return v }

func B(s string) any {
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return b
}

func TestJDKCases(t *testing.T) {
	for _, c := range jdkCases {
		loc := jlocale.Parse(c.tag)
		var f *Format
		var err error
		if c.style < 0 {
			f, err = NewPattern(loc, c.pattern)
		} else {
			f = New(loc, c.style)
		}
		var got string
		if err != nil {
			got = "ERR:" + err.Error()
		} else {
			got = string(appendValue(f, nil, c.value))
		}
		if got != c.want {
			t.Errorf("%s style=%d %q %v:\n got %q\nwant %q", c.tag, c.style, c.pattern, c.value, got, c.want)
		}
	}
}

func TestPatternErrorFields(t *testing.T) {
	_, err := NewPattern(jlocale.Root, "#,##0.0#0")
	pe, ok := err.(*PatternError)
	if !ok {
		t.Fatalf("got %T %v, want *PatternError", err, err)
	}
	if pe.Pattern != "#,##0.0#0" || pe.Offset != 8 {
		t.Errorf("got pattern %q offset %d, want %q 8", pe.Pattern, pe.Offset, "#,##0.0#0")
	}
	_, err = NewPattern(jlocale.Root, "#,")
	if pe := err.(*PatternError); pe.Offset != -1 {
		t.Errorf("offset %d, want -1 for a pattern-level error", pe.Offset)
	}
}

// TestLocaleData checks that every tabulated pattern is valid, so that New
// never needs its fallback, and that the tables agree with jlocale's.
func TestLocaleData(t *testing.T) {
	if len(localeNumbers) != jlocale.Count || len(nuStart) != jlocale.Count+1 || len(symbolStart) != jlocale.Count+1 {
		t.Fatalf("tables for %d, %d, %d locales; jlocale has %d", len(localeNumbers), len(nuStart)-1, len(symbolStart)-1, jlocale.Count)
	}
	for i, p := range patternRecs {
		for _, s := range p {
			if _, err := parsePattern(str(s)); err != nil {
				t.Errorf("patterns %d: %v", i, err)
			}
		}
	}
}

func TestLocaleFallback(t *testing.T) {
	for _, c := range []struct{ tag, want string }{
		{"de-LI", "1’234.5"},           // its own data
		{"de-XX", "1.234,5"},           // an unknown region: the language's data
		{"zh-Hant-TW", "1,234.5"},      // tabulated with script
		{"xx-YY", "1,234.5"},           // root
		{"en-US-u-nu-thai", "๑,๒๓๔.๕"}, // root Thai symbols
	} {
		got := string(New(jlocale.Parse(c.tag), Default).AppendFloat64(nil, 1234.5))
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.tag, got, c.want)
		}
	}
}

// TestNewPatternNoPanic feeds odd patterns; NewPattern must return an error
// or a usable Format, never panic.
func TestNewPatternNoPanic(t *testing.T) {
	alphabet := []string{"#", "0", ",", ".", "E", ";", "'", "%", "‰", "¤", "-", "a", " ", "\xff", "😀", "9", "E0", "''"}
	r := rand.New(rand.NewSource(1))
	loc := jlocale.Parse("ar-EG")
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.Intn(14); n > 0; n-- {
			b.WriteString(alphabet[r.Intn(len(alphabet))])
		}
		f, err := NewPattern(loc, b.String())
		if err != nil {
			continue
		}
		for _, v := range []float64{0, -1.5, 1e300, math.Inf(-1), 123456.789e-10} {
			if out := f.AppendFloat64(nil, v); !utf8.Valid(out) && utf8.ValidString(b.String()) {
				t.Fatalf("%q: invalid UTF-8 %q", b.String(), out)
			}
		}
		f.AppendInt64(nil, math.MinInt64)
		f.AppendBigInt(nil, new(big.Int).Lsh(big.NewInt(-3), 200))
	}
}

func FuzzNewPattern(f *testing.F) {
	for _, s := range []string{"#,##0.###", "0.###E0", "'#'#;(#)", "¤¤ #,##0.00", "#.#.#", "##0.#####E0 ‰"} {
		f.Add(s, 1234.5)
	}
	f.Fuzz(func(t *testing.T, pattern string, v float64) {
		fm, err := NewPattern(jlocale.Root, pattern)
		if err != nil {
			if _, ok := err.(*PatternError); !ok {
				t.Fatalf("error type %T", err)
			}
			return
		}
		fm.AppendFloat64(nil, v)
		fm.AppendInt64(nil, int64(v))
	})
}

func TestAppendKeepsDst(t *testing.T) {
	f := New(jlocale.Parse("de-DE"), Currency)
	got := f.AppendInt64([]byte("x="), -5)
	if string(got) != "x=-5,00\u00a0€" {
		t.Errorf("got %q", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	f := New(jlocale.Parse("fr-FR"), Default)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				if got := string(f.AppendFloat64(nil, 1234.5)); got != "1\u202f234,5" {
					t.Errorf("got %q", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestAppendAllocs(t *testing.T) {
	f := New(jlocale.Parse("en-US"), Default)
	sci, _ := NewPattern(jlocale.Parse("ar-EG"), "##0.###E0%")
	buf := make([]byte, 0, 128)
	if n := testing.AllocsPerRun(100, func() {
		buf = f.AppendFloat64(buf[:0], -1234567.891)
		buf = f.AppendFloat64(buf[:0], 4.9e-324) // FloatingDecimal's big-number path
		buf = sci.AppendFloat64(buf[:0], 1.7976931348623157e308)
		buf = f.AppendInt64(buf[:0], math.MinInt64)
		buf = sci.AppendInt64(buf[:0], math.MinInt64) // beyond the long range
	}); n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}

func BenchmarkAppendFloat64(b *testing.B) {
	f := New(jlocale.Parse("en-US"), Default)
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = f.AppendFloat64(buf[:0], 1234567.891)
	}
}

func BenchmarkAppendInt64(b *testing.B) {
	f := New(jlocale.Parse("en-US"), Default)
	buf := make([]byte, 0, 64)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = f.AppendInt64(buf[:0], 1234567891)
	}
}

// BenchmarkNew measures building a factory format, as msgfmt does once per
// locale and style: the locale's symbols come from a cache after the first
// call, which BenchmarkResolveSymbols measures.
func BenchmarkNew(b *testing.B) {
	loc := jlocale.Parse("de-CH")
	b.ReportAllocs()
	for b.Loop() {
		New(loc, Currency)
	}
}

func BenchmarkResolveSymbols(b *testing.B) {
	loc := jlocale.Parse("de-CH-u-nu-thai")
	b.ReportAllocs()
	for b.Loop() {
		resolveSymbols(loc, true)
	}
}

// TestCurrencyOfEveryLocale compares the currency the tables derive for
// each available locale (its region's, and the symbol found on its chain)
// with what JDK 17's DecimalFormatSymbols reported in the dump.
func TestCurrencyOfEveryLocale(t *testing.T) {
	f, err := os.Open("../localegen/jdk17-locales.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var l struct {
			K        string
			Tag      string
			Currency [3]any
		}
		if !bytes.HasPrefix(sc.Bytes(), []byte(`{"k":"locale",`)) {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		n++
		s := lookupSymbols(jlocale.Parse(l.Tag), true)
		got := [3]any{s.intlCurrency, s.currency, float64(s.currencyDigits)}
		if got != l.Currency {
			t.Errorf("%s: currency %v, JDK %v", l.Tag, got, l.Currency)
		}
	}
	if n != jlocale.Count {
		t.Errorf("%d locales in the dump, %d in the tables", n, jlocale.Count)
	}
}
