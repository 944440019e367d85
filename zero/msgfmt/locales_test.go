package msgfmt_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/zeroport/zerofault/zero/msgfmt"
)

// localeCasesFile holds what JDK 17's MessageFormat printed for a set of
// patterns (numbers, integers, percentages, currencies, date and time
// styles, explicit patterns, choice) in every locale of
// Locale.getAvailableLocales() and in tags that exercise the JDK's
// fallback. It is written by internal/localegen/CaseDump.java; the first
// line lists the cases, each further line gives one tag's outputs.
const localeCasesFile = "testdata/jdk17-locales.jsonl"

// localeGaps lists the outputs zerofault knowingly does not reproduce,
// by tag and case id, with the reason. A gap that starts passing fails
// the test, so that the list stays true.
var localeGaps = map[string]string{}

type localeCase struct {
	ID      string            `json:"id"`
	Pattern string            `json:"pattern"`
	Args    []json.RawMessage `json:"args"`
	args    []any
}

type localeLine struct {
	Locale    string   `json:"locale"`
	Available bool     `json:"available"`
	Out       []string `json:"out"`
}

// TestJDKLocales checks every case of localeCasesFile byte for byte.
func TestJDKLocales(t *testing.T) {
	f, err := os.Open(localeCasesFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() {
		t.Fatalf("%s: empty", localeCasesFile)
	}
	var head struct{ Cases []localeCase }
	if err := json.Unmarshal(sc.Bytes(), &head); err != nil || len(head.Cases) == 0 {
		t.Fatalf("%s:1: no cases (%v)", localeCasesFile, err)
	}
	for i := range head.Cases {
		c := &head.Cases[i]
		if c.args, err = decodeArgs(c.Args); err != nil {
			t.Fatalf("%s:1: case %s: %v", localeCasesFile, c.ID, err)
		}
	}
	var checked, failed, available int
	seenGaps := map[string]bool{}
	for n := 2; sc.Scan(); n++ {
		var l localeLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s:%d: %v", localeCasesFile, n, err)
		}
		if len(l.Out) != len(head.Cases) {
			t.Fatalf("%s:%d: %d outputs for %d cases", localeCasesFile, n, len(l.Out), len(head.Cases))
		}
		if l.Available {
			available++
		}
		for i, c := range head.Cases {
			checked++
			got, err := msgfmt.Format(l.Locale, c.Pattern, c.args...)
			key := l.Locale + "|" + c.ID
			_, gap := localeGaps[key]
			seenGaps[key] = gap
			switch {
			case err != nil:
				failed++
				t.Errorf("%s %s: %v", l.Locale, c.ID, err)
			case got != l.Out[i] && !gap:
				if failed++; failed <= 40 {
					t.Errorf("%s %s: %q\n got %q\nwant %q", l.Locale, c.ID, c.Pattern, got, l.Out[i])
				}
			case got == l.Out[i] && gap:
				t.Errorf("%s %s passes but is listed as a gap (%s)", l.Locale, c.ID, localeGaps[key])
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for key := range localeGaps {
		if _, ok := seenGaps[key]; !ok {
			t.Errorf("gap %s names no case of %s", key, localeCasesFile)
		}
	}
	// All of JDK 17's available locales are in the file (1017 of them).
	if available < 1017 {
		t.Errorf("%s covers %d available locales, want 1017", localeCasesFile, available)
	}
	if failed > 0 {
		t.Errorf("%d of %d cases differ from the JDK", failed, checked)
	}
	t.Logf("%d cases, %d locales available in JDK 17", checked, available)
}
