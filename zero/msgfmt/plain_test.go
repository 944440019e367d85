package msgfmt_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zeroport/zerofault/zero/msgfmt"
)

// plainFacts are what JDK 17.0.15 printed (new MessageFormat(pattern,
// Locale.US).format(args), time zone UTC) for patterns at the edges of
// the plain path: quotes, indices, braces, and arguments that are not
// strings. err is the JDK's exception message when it threw.
var plainFacts = []struct {
	pattern string
	args    []any
	want    string
	err     string
}{
	{"it''s {0}", []any{"x"}, "it's x", ""},
	{"'{0}' is {0}", []any{"x"}, "{0} is x", ""},
	{"it's {0}", []any{"x"}, "its {0}", ""},
	{"a''b'c''d'e{0}", []any{"x"}, "a'bc'dex", ""},
	{"{00}{01}", []any{"a", "b"}, "ab", ""},
	{"{0000000000005}", []any{"x"}, "{5}", ""},
	{"{9999}", nil, "{9999}", ""},
	{"{0}{1}{2}", []any{"a"}, "a{1}{2}", ""},
	{"x}y{0}", []any{"A"}, "x}yA", ""},
	{"{0}}", []any{"x"}, "x}", ""},
	{"''''", nil, "''", ""},
	{"'''{0}'''", []any{"x"}, "'{0}'", ""},
	{"", nil, "", ""},
	{"{0}", []any{nil}, "null", ""},
	{"{0} {1}", []any{int64(1234), 1.5}, "1,234 1.5", ""},
	{"{0}{1}", []any{"a", time.UnixMilli(0)}, "a1/1/70, 12:00 AM", ""},
	{"{0}'", []any{"x"}, "x", ""},
	{"'{0", []any{"x"}, "{0", ""},
	{"'{'{0}'}'", []any{"x"}, "{x}", ""},
	{"{0,number}x''{1}", []any{int64(5), "y"}, "5x'y", ""},
	{"{\u0663}", []any{"x"}, "{3}", ""},
	{"{0}{}", []any{"x"}, "", "can't parse argument number: "},
	{"{ 0}", []any{"x"}, "", "can't parse argument number:  0"},
	{"{-1}", []any{"x"}, "", "negative argument number: -1"},
	{"{10000}", []any{"x"}, "", "10000 exceeds the ArgumentIndex implementation limit"},
	{"{0", []any{"x"}, "", "Unmatched braces in the pattern."},
	{"{0}{1", []any{"x"}, "", "Unmatched braces in the pattern."},
}

// TestPlainFacts checks the one-off Format, which formats plain patterns
// straight from their text, and Compile + Message.Format, which sizes
// plain messages ahead, against the JDK.
func TestPlainFacts(t *testing.T) {
	for _, c := range plainFacts {
		got, err := msgfmt.Format("en-US", c.pattern, c.args...)
		m, cerr := msgfmt.Compile("en-US", c.pattern)
		if c.err != "" {
			var se *msgfmt.SyntaxError
			if !errors.As(err, &se) || se.Msg != c.err || got != "" {
				t.Errorf("Format(%q) = %q, %v; want the JDK's error %q", c.pattern, got, err, c.err)
			}
			if cerr == nil || cerr.Error() != err.Error() {
				t.Errorf("Compile(%q) error %v, Format error %v", c.pattern, cerr, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("Format(%q, %v) = %q, %v; want %q", c.pattern, c.args, got, err, c.want)
		}
		if cerr != nil {
			t.Errorf("Compile(%q): %v", c.pattern, cerr)
			continue
		}
		if got, err := m.Format(c.args...); err != nil || got != c.want {
			t.Errorf("Compile(%q).Format(%v) = %q, %v; want %q", c.pattern, c.args, got, err, c.want)
		}
	}
}

// TestPlainManyElements: a plain pattern with more pieces than Format
// keeps on the stack is compiled instead, with the same result.
func TestPlainManyElements(t *testing.T) {
	pattern := strings.Repeat("{0}-{1}''", 20)
	want := strings.Repeat("a-b'", 20)
	if got, err := msgfmt.Format("en-US", pattern, "a", "b"); err != nil || got != want {
		t.Errorf("Format = %q, %v; want %q", got, err, want)
	}
	if got, err := msgfmt.Format("en-US", pattern, "a", 7); err != nil || got != strings.ReplaceAll(want, "b", "7") {
		t.Errorf("Format with a number = %q, %v", got, err)
	}
}

type countingStringer struct{ calls *int }

func (s countingStringer) String() string { *s.calls++; return "s" }

// TestPlainCallsStringOnce: an argument's String method runs once per
// element that prints it, whichever path formats the pattern, also when
// the plain path gives up on a pattern halfway through its text.
func TestPlainCallsStringOnce(t *testing.T) {
	for _, c := range []struct {
		pattern string
		calls   int
	}{
		{"{0} {0}", 2},
		{"{0} {0} {1,number}", 2}, // not plain: compiled, then formatted
		{"{0} {0} {1", 0},         // does not compile: nothing is formatted
	} {
		calls := 0
		msgfmt.Format("en-US", c.pattern, countingStringer{&calls}, 1)
		if calls != c.calls {
			t.Errorf("%q: String called %d times, want %d", c.pattern, calls, c.calls)
		}
	}
}

// TestFormatAllocations pins the cost of the paths Zero's exceptions
// take: a plain template with string arguments costs one allocation, the
// result, whether it is compiled or formatted once; an argument that
// needs formatting adds none; a template without elements costs none.
func TestFormatAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	const pattern = "(Boot) Application `{1}` in namespace `{0}` can''t be merged: {2}"
	const fixed = "(Boot) The container could not reach HArk"
	m := msgfmt.MustCompile("en-US", pattern)
	quoted := msgfmt.MustCompile("en-US", "(Boot) It''s fixed")
	strs := []any{"ns-app", "app-name", "details"}
	mixed := []any{"ns-app", nil, int64(40101)}
	cases := []struct {
		name string
		f    func()
		want float64
	}{
		{"Format, strings", func() { msgfmt.Format("en-US", pattern, strs...) }, 1},
		{"Format, string, nil, number", func() { msgfmt.Format("en-US", pattern, mixed...) }, 1},
		{"Format, a missing argument", func() { msgfmt.Format("en-US", pattern, strs[:2]...) }, 1},
		{"Format, no element", func() { msgfmt.Format("en-US", fixed, strs...) }, 0},
		{"Message.Format, strings", func() { m.Format(strs...) }, 1},
		{"Message.Format, string, nil, number", func() { m.Format(mixed...) }, 1},
		{"Message.Format, no element", func() { quoted.Format(strs...) }, 0},
	}
	for _, c := range cases {
		c.f() // warm the locale and buffer caches
		if n := testing.AllocsPerRun(100, c.f); n != c.want {
			t.Errorf("%s: %v allocations, want %v", c.name, n, c.want)
		}
	}
}

// TestZeroCatalogAllocations pins the allocations per call for every
// template of Zero's catalog, one-off and compiled: one, the result, or
// none for a template without elements, which is its own result (for
// Format, only when it has no quotes to resolve either).
func TestZeroCatalogAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	for _, p := range zeroCatalogTemplates(t) {
		m := msgfmt.MustCompile("en-US", p)
		wantCompiled, wantOnce := 1.0, 1.0
		if m.ArgCount() == 0 {
			wantCompiled = 0
			if !strings.Contains(p, "'") {
				wantOnce = 0
			}
		}
		if n := testing.AllocsPerRun(20, func() { msgfmt.Format("en-US", p, zeroArgs...) }); n != wantOnce {
			t.Errorf("Format(%q): %v allocations, want %v", p, n, wantOnce)
		}
		if n := testing.AllocsPerRun(20, func() { m.Format(zeroArgs...) }); n != wantCompiled {
			t.Errorf("Compile(%q).Format: %v allocations, want %v", p, n, wantCompiled)
		}
	}
}
