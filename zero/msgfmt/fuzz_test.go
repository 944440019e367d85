package msgfmt_test

import (
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/zeroport/zerofault/zero/msgfmt"
)

// FuzzCompile: Compile and Format must never panic, and must report errors
// with the documented types and without partial output; the one-off
// msgfmt.Format, which formats plain patterns by a path of its own, must
// return exactly what Compile and Message.Format return. Seeded with every
// corpus pattern.
func FuzzCompile(f *testing.F) {
	for _, c := range readCases(f, "testdata/jdk17-corpus.jsonl") {
		f.Add(c.Locale, c.Pattern)
	}
	f.Add("en-US", "{0,choice,0#'{1,choice,0#''{2,number,#.#}''|1#x}'|1<{0}}")
	f.Add("en-US", "it''s '{0}' {1}''{00}'' {2}'' '{3}")
	f.Fuzz(func(t *testing.T, locale, pattern string) {
		m, err := msgfmt.Compile(locale, pattern)
		if err != nil {
			var se *msgfmt.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Compile error %T, want *SyntaxError", err)
			}
			if out, ferr := msgfmt.Format(locale, pattern, "x"); ferr == nil || ferr.Error() != err.Error() || out != "" {
				t.Fatalf("Format = %q, %v; Compile failed with %v", out, ferr, err)
			}
			return
		}
		if m.ArgCount() > 10000 {
			t.Fatalf("ArgCount %d beyond the JDK limit", m.ArgCount())
		}
		argSets := [][]any{
			nil,
			{int64(0), "s", 1.5, time.UnixMilli(0), nil},
			{math.NaN(), int32(1), true, []any{1}, math.Inf(-1)},
			{-1, -0.5, "x", "y", "z"},
			{"a", nil, "b"},
		}
		for _, args := range argSets {
			out, err := m.Format(args...)
			if err != nil {
				var ae *msgfmt.ArgError
				if !errors.As(err, &ae) || out != "" {
					t.Fatalf("Format = %q, %T %v", out, err, err)
				}
			}
			once, onceErr := msgfmt.Format(locale, pattern, args...)
			if once != out || fmt.Sprint(onceErr) != fmt.Sprint(err) {
				t.Fatalf("msgfmt.Format(%v) = %q, %v; Compile(…).Format = %q, %v", args, once, onceErr, out, err)
			}
		}
	})
}
