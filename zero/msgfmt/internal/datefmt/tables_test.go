package datefmt

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// TestEveryLocaleDump checks, for every available locale of the dump
// ../localegen read from JDK 17, the week rules resolve derives from its
// region against Calendar's, and that its tag finds the calendar type
// Calendar.getInstance picked.
func TestEveryLocaleDump(t *testing.T) {
	if len(localeDates) != jlocale.Count {
		t.Fatalf("tables for %d locales; jlocale has %d", len(localeDates), jlocale.Count)
	}
	f, err := os.Open("../localegen/jdk17-locales.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	cals := map[string]calendar{"gregory": gregorian, "buddhist": buddhist, "japanese": japanese}
	for sc.Scan() {
		if !bytes.HasPrefix(sc.Bytes(), []byte(`{"k":"locale",`)) {
			continue
		}
		var l struct {
			Tag      string
			Calendar string
			Week     [2]int
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		n++
		s := resolve(jlocale.Parse(l.Tag))
		if [2]int{s.firstDay, s.minDays} != l.Week {
			t.Errorf("%s: weeks %d/%d, JDK %d/%d", l.Tag, s.firstDay, s.minDays, l.Week[0], l.Week[1])
		}
		if want, ok := cals[l.Calendar]; !ok || s.cal != want {
			t.Errorf("%s: calendar %d, JDK %s", l.Tag, s.cal, l.Calendar)
		}
	}
	if n != jlocale.Count {
		t.Errorf("%d locales in the dump, %d in the tables", n, jlocale.Count)
	}
}

// TestTablePatternsCompile compiles every date, time and date-time pattern
// of the tables, as NewDate, NewTime and NewDateTime build them.
func TestTablePatternsCompile(t *testing.T) {
	for i, r := range calendarRecs {
		var date, time, glue [4]string
		for s := range 4 {
			date[s] = str(patternSets[r.date][s])
			time[s] = str(patternSets[r.time][s])
			glue[s] = str(patternSets[r.glue][s])
		}
		for ds := range 4 {
			for ts := range 4 {
				for _, p := range []string{date[ds], time[ts], combine(glue[max(ds, ts)], date[ds], time[ts])} {
					if _, err := compile(p); err != nil {
						t.Errorf("calendar record %d: %v", i, err)
					}
				}
			}
		}
	}
}
