package msgfmt_test

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeroport/zerofault/zero/msgfmt"
)

// jdkFacts are cases the corpus leaves open, with what JDK 17.0.15 printed
// (java.text.MessageFormat, default time zone UTC).
var jdkFacts = []struct {
	pattern string
	args    []any
	want    string // "" with err set: an error
	err     string // "parse" or "format"
}{
	// Choice limits are read by Double.parseDouble.
	{"{0,choice,0#a|0x1.8p1#b}", []any{3.0}, "b", ""},
	{"{0,choice,0#a|+1#b}", []any{3.0}, "b", ""},
	{"{0,choice,0#a|1e0d#b}", []any{3.0}, "b", ""},
	{"{0,choice,0#a|.5#b}", []any{0.5}, "b", ""},
	{"{0,choice,0#a|1.#b}", []any{1.0}, "b", ""},
	{"{0,choice,0#a| ∞#b}", []any{3.0}, "", "parse"},
	{"{0,choice,0#a|1e#b}", []any{1.0}, "", "parse"},
	{"{0,choice,0#a|0x1#b}", []any{1.0}, "", "parse"},
	{"{0,choice,0#a|1_0#b}", []any{1.0}, "", "parse"},
	{"{0,choice,0#a|inf#b}", []any{1.0}, "", "parse"},
	{"{0,choice,0#a|-∞#b}", []any{1.0}, "", "parse"}, // -∞ after 0: not ascending
	{"{0,choice,x|0#a|1#b}", []any{1.0}, "", "parse"},
	{"{0,choice,-∞#a|0#b}", []any{-1.0}, "a", ""},
	{"{0,choice,0#a|1≤b|2<c}", []any{2.0}, "b", ""},
	{"{0,choice,0#a|1≤b|2<c}", []any{2.5}, "c", ""},
	{"{0,choice,0#a|0<b}", []any{math.Copysign(0, -1)}, "a", ""},
	{"{0,choice,1<a|2<b}", []any{1.0}, "a", ""},
	{"{0,choice,0#zero|1#one|2#two}", []any{1.9999999999999998}, "one", ""},
	{"{0,choice,0#a|1#b}", []any{bigInt("-99999999999999999999")}, "a", ""},
	{"{0,choice,0#a|1#b|1.8446744073709552E19#c}", []any{uint64(math.MaxUint64)}, "c", ""},
	{"{0,choice,0#a|1#b}{1}", []any{0}, "a{1}", ""},
	// Nested choice sub-messages, three levels deep.
	{"{0,choice,0#{1}|1#'{0,choice,0#x|1#''{1} {2}''}'}", []any{1, "A", "B"}, "A B", ""},
	{"{0,choice,0#{1}|1#'{0,choice,0#x|1#''{1} '''{2}'''''}'}", []any{1, "A", "B"}, "A B", ""},
	{"{0,choice,0#{1}|1#'{0,choice,0#x|1#''{1} {2,number}''}'}", []any{1, "A", "B"}, "", "format"},
	{"{0,choice,0#a|1#'{1,number}'}", []any{1, "x"}, "", "format"},
	{"{0,choice,0#a|1#'{2}'}", []any{1, "x"}, "{2}", ""},
	// Keywords: only chars <= U+0020 are trimmed, and only ASCII folds.
	{"{0,\u00a0number}", []any{5}, "", "parse"},
	{"{0,\u3000number}", []any{5}, "", "parse"},
	{"{0,\u212aNUMBER}", []any{5}, "", "parse"},
	{"{0,date,\u000bshort\u001f}", []any{time.UnixMilli(0)}, "1/1/70", ""},
	{"{0,number\u0001}", []any{5}, "5", ""},
	// Argument indices: Integer.parseInt, BMP digits only.
	{"{٣٠}", []any{"x"}, "{30}", ""},
	{"{\U0001D7CE}", []any{"x"}, "", "parse"},
	// Quotes.
	{"'{0}'{0}''{0}", []any{"a"}, "{0}a'a", ""},
	{"{1,number}{0}", []any{"x"}, "{1}x", ""},
	// Go argument types.
	{"{0}", []any{uint64(math.MaxUint64)}, "18,446,744,073,709,551,615", ""},
	{"{0,number,integer}", []any{bigInt("-9223372036854775809")}, "-9,223,372,036,854,775,809", ""},
	{"{0,date,yyyy}", []any{bigInt("-18446744073709551617")}, "1969", ""}, // longValue: low 64 bits
	{"{0,time,HH:mm:ss.SSS}", []any{-1.5}, "23:59:59.999", ""},            // (long)-1.5 == -1
	{"{0,date,yyyy}", []any{1e300}, "292278994", ""},                      // saturates at Long.MAX_VALUE
	{"{0,date}", []any{math.NaN()}, "Jan 1, 1970", ""},
	{"{0} {0,number,#.##} {0,choice,1#one|1<more}", []any{float32(1.1)}, "1.1 1.1 more", ""},
	{"{0}", []any{time.UnixMilli(1136214245123)}, "1/2/06, 3:04 PM", ""},
	{"{0}", []any{[]any{true, int64(-5), float32(1.1), 100.0, 0.001, 1e7, 9999999.5, 1.0e-3, 123456789.25}},
		"[true, -5, 1.1, 100.0, 0.001, 1.0E7, 9999999.5, 0.001, 1.2345678925E8]", ""},
	{"{0}", []any{[]any{1, 1.5, "x", nil, 1e10, time.UnixMilli(0), 0.0001}},
		"[1, 1.5, x, null, 1.0E10, Thu Jan 01 00:00:00 UTC 1970, 1.0E-4]", ""},
}

func bigInt(s string) *big.Int {
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return b
}

func TestJDKFacts(t *testing.T) {
	for _, c := range jdkFacts {
		got, err := msgfmt.Format("en-US", c.pattern, c.args...)
		_, cerr := msgfmt.Compile("en-US", c.pattern)
		switch c.err {
		case "":
			if err != nil || got != c.want {
				t.Errorf("Format(%q, %v) = %q, %v; want %q", c.pattern, c.args, got, err, c.want)
			}
		case "parse":
			var se *msgfmt.SyntaxError
			if !errors.As(cerr, &se) || err == nil {
				t.Errorf("Compile(%q) = %v, Format = %q, %v; want a *SyntaxError", c.pattern, cerr, got, err)
			}
		case "format":
			var ae *msgfmt.ArgError
			if cerr != nil || !errors.As(err, &ae) {
				t.Errorf("Format(%q, %v) = %q, %v (Compile: %v); want an *ArgError", c.pattern, c.args, got, err, cerr)
			}
		}
	}
}

type stringer struct{ s string }

func (s *stringer) String() string { return s.s }

type failure struct{}

func (*failure) Error() string { return "it failed" }

type code int

type named struct {
	A int
	B string
}

// TestGoArguments covers the mapping of Go values to Java objects that the
// JDK cannot show: what each Go type prints as in a plain {0}.
func TestGoArguments(t *testing.T) {
	var nilStringer *stringer
	var nilErr *failure
	var nilMap map[string]int
	n := int64(-42)
	s := "pointed"
	tm := time.UnixMilli(0).UTC()
	self := make([]any, 1)
	self[0] = self
	tests := []struct {
		arg  any
		want string
	}{
		{nil, "null"},
		{"text", "text"},
		{true, "true"},
		{false, "false"},
		{int8(-8), "-8"},
		{int16(16), "16"},
		{int32(-32), "-32"},
		{int64(64), "64"},
		{int(1234), "1,234"},
		{uint8(8), "8"},
		{uint16(16), "16"},
		{uint32(4000000000), "4,000,000,000"},
		{uint(7), "7"},
		{uintptr(9), "9"},
		{code(1234), "1,234"}, // a named integer type is a Number
		{&n, "-42"},           // pointers stand for what they point to
		{&s, "pointed"},
		{&tm, "1/1/70, 12:00 AM"},
		{(*int)(nil), "null"},
		{(*time.Time)(nil), "null"},
		{(*big.Int)(nil), "null"},
		{nilStringer, "null"},
		{nilErr, "null"},
		{error(nilErr), "null"},
		{&stringer{"via String"}, "via String"},
		{errors.New("boom"), "boom"},
		{&failure{}, "it failed"},
		{*bigInt("12345678901234567890"), "12,345,678,901,234,567,890"},
		{[]string{"a", "b"}, "[a, b]"},
		{[2]int{1, 2}, "[1, 2]"},
		{[]any{}, "[]"},
		// List.toString of Doubles, as JDK 17 prints them (not shortest).
		{[]float64{-5.5581852745535752e16, 1e10, 0.5}, "[-5.5581852745535752E16, 1.0E10, 0.5]"},
		{[]float32{0.1, 1e10}, "[0.1, 1.0E10]"},
		{[]float32{0, float32(math.Copysign(0, -1)), float32(math.NaN()), float32(math.Inf(-1))}, "[0.0, -0.0, NaN, -Infinity]"},
		{[]int(nil), "[]"},
		{[]any{[]any{1, "x"}, map[string]int{"k": 1}}, "[[1, x], {k=1}]"},
		{map[string]int{"b": 2, "a": 1, "c": 3}, "{a=1, b=2, c=3}"},
		{map[int]string{10: "ten", 9: "nine", -1: "minus"}, "{-1=minus, 9=nine, 10=ten}"},
		{nilMap, "{}"},
		{[]any{nil, errors.New("e"), &stringer{"s"}, nilStringer}, "[null, e, s, null]"},
		{named{1, "x"}, "{1 x}"},
		{complex(1, 2), "(1+2i)"},
		{self, "[" + strings.Repeat("[", 15) + "..." + strings.Repeat("]", 16)},
	}
	for _, tt := range tests {
		got, err := msgfmt.Format("en-US", "{0}", tt.arg)
		if err != nil || got != tt.want {
			t.Errorf("Format({0}, %T %v) = %q, %v; want %q", tt.arg, tt.arg, got, err, tt.want)
		}
	}
}

// TestArgumentTypeErrors: non-numbers for number and choice, non-dates for
// date; error values, Stringers and bools are not numbers either.
func TestArgumentTypeErrors(t *testing.T) {
	for _, p := range []string{"{0,number}", "{0,choice,0#a}", "{0,date}", "{0,time,short}"} {
		for _, a := range []any{"1", true, errors.New("1"), &stringer{"1"}, []int{1}, struct{}{}} {
			got, err := msgfmt.Format("en-US", "x "+p, a)
			var ae *msgfmt.ArgError
			if !errors.As(err, &ae) || got != "" {
				t.Errorf("Format(%q, %#v) = %q, %v; want an *ArgError", p, a, got, err)
				continue
			}
			if ae.Index != 0 || !strings.HasPrefix(ae.Msg, "Cannot format given Object as a ") {
				t.Errorf("Format(%q, %#v): %+v", p, a, ae)
			}
		}
	}
}

func TestSyntaxErrorDetails(t *testing.T) {
	tests := []struct {
		pattern string
		offset  int
		msg     string
	}{
		{"abc {0", 4, "Unmatched braces in the pattern."},
		{"ok {0} then {1,foo}", 12, "unknown format type: foo"},
		{"xy{a}", 2, "can't parse argument number: a"},
		{"{-3}", 0, "negative argument number: -3"},
		{"{12345}", 0, "12345 exceeds the ArgumentIndex implementation limit"},
		{"é{0,choice,1#a|0#b}", 2, "Choice Pattern incorrect: 1#a|0#b"},
		{"at {1,date,yyyy-qq}", 16, "Illegal pattern character 'q'"},
		{"{0,number,#.#.#}", -2, `Multiple decimal separators in pattern "#.#.#"`},
	}
	for _, tt := range tests {
		_, err := msgfmt.Compile("en-US", tt.pattern)
		var se *msgfmt.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Compile(%q) = %v, want *SyntaxError", tt.pattern, err)
			continue
		}
		if tt.offset == -2 { // the exact character is the sub-format's business
			tt.offset = se.Offset
		}
		if se.Offset != tt.offset || se.Msg != tt.msg || se.Pattern != tt.pattern {
			t.Errorf("Compile(%q): %+v, want offset %d, msg %q", tt.pattern, se, tt.offset, tt.msg)
		}
		if want := fmt.Sprintf("msgfmt: offset %d: %s", tt.offset, tt.msg); se.Error() != want {
			t.Errorf("Error() = %q, want %q", se.Error(), want)
		}
	}
}

// TestChoiceSubMessageError: a selected text that does not parse fails
// formatting with an *ArgError wrapping the *SyntaxError.
func TestChoiceSubMessageError(t *testing.T) {
	m, err := msgfmt.Compile("en-US", "{0,choice,0#{1,foo}|1#ok}")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := m.Format(1); err != nil || got != "ok" {
		t.Errorf("Format(1) = %q, %v", got, err)
	}
	_, err = m.Format(0)
	var ae *msgfmt.ArgError
	var se *msgfmt.SyntaxError
	if !errors.As(err, &ae) || ae.Index != 0 || !errors.As(err, &se) || se.Msg != "unknown format type: foo" {
		t.Errorf("Format(0) error = %v", err)
	}
}

func TestArgCount(t *testing.T) {
	tests := map[string]int{
		"":                            0,
		"no elements":                 0,
		"'{5}' quoted":                0,
		"{0}":                         1,
		"{2}":                         3,
		"{1} {0} {1}":                 2,
		"{0,choice,0#'{7}'}":          1, // choice texts do not count
		"{3,number} {1,date,short}":   4,
		"a {9999}":                    10000,
		"{0,choice,0#a|1#{1}|2#{4}}x": 1,
	}
	for p, want := range tests {
		m, err := msgfmt.Compile("en-US", p)
		if err != nil {
			t.Errorf("Compile(%q): %v", p, err)
			continue
		}
		if got := m.ArgCount(); got != want {
			t.Errorf("ArgCount(%q) = %d, want %d", p, got, want)
		}
	}
}

func TestMessageAccessors(t *testing.T) {
	m := msgfmt.MustCompile("de-DE", "x {0}")
	if m.Pattern() != "x {0}" || m.Locale() != "de-DE" {
		t.Errorf("Pattern, Locale = %q, %q", m.Pattern(), m.Locale())
	}
	defer func() {
		if recover() == nil {
			t.Error("MustCompile did not panic on a bad pattern")
		}
	}()
	msgfmt.MustCompile("en-US", "{0")
}

// TestAppendFormat: output is appended; on error dst comes back unchanged.
func TestAppendFormat(t *testing.T) {
	m := msgfmt.MustCompile("en-US", "a {0} b {1,number}")
	dst := []byte("prefix: ")
	out, err := m.AppendFormat(dst, "x", 5)
	if err != nil || string(out) != "prefix: a x b 5" {
		t.Errorf("AppendFormat = %q, %v", out, err)
	}
	out, err = m.AppendFormat(dst, "x", "not a number")
	if err == nil || string(out) != "prefix: " {
		t.Errorf("AppendFormat on error = %q, %v; want dst unchanged", out, err)
	}
	if got, err := m.Format("x", "y"); err == nil || got != "" {
		t.Errorf("Format on error = %q, %v", got, err)
	}
}

// TestConcurrentUse formats one Message from many goroutines; run with
// -race.
func TestConcurrentUse(t *testing.T) {
	m := msgfmt.MustCompile("de-DE", "{0}: {1,number,#,##0.00} {2,date,yyyy-MM-dd} {3,choice,0#none|1#one|1<'{3,number,integer}' items} {4}")
	when := time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)
	want, err := m.Format("k", 1234.5, when, 7, []int{1})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for i := 0; i < 200; i++ {
				var err error
				buf, err = m.AppendFormat(buf[:0], "k", 1234.5, when, 7, []int{1})
				if err != nil || string(buf) != want {
					t.Errorf("concurrent Format = %q, %v; want %q", buf, err, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
