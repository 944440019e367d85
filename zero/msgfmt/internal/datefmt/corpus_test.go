package datefmt

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// corpusCase is one line of the shared MessageFormat corpus.
type corpusCase struct {
	ID      string            `json:"id"`
	Pattern string            `json:"pattern"`
	Args    []json.RawMessage `json:"args"`
	Locale  string            `json:"locale"`
	Out     *string           `json:"out"`
	Error   string            `json:"error"`
	Phase   string            `json:"phase"`
}

// TestCorpusDates runs the corpus's date-* cases through this package's API
// directly, doing the small part of MessageFormat's work needed to get
// there: splitting {n,type,style} elements and choosing the DateFormat the
// way MessageFormat.makeFormat does. Cases whose outcome is decided by
// MessageFormat itself (null or non-date arguments) are skipped.
func TestCorpusDates(t *testing.T) {
	f, err := os.Open("../../testdata/jdk17-corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var c corpusCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(c.ID, "date-") {
			continue
		}
		n++
		t.Run(c.ID, func(t *testing.T) { runCorpusCase(t, c) })
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 54 {
		t.Errorf("found %d date cases, want 54", n)
	}
}

func runCorpusCase(t *testing.T, c corpusCase) {
	loc := jlocale.Parse(c.Locale)
	var out []byte
	rest := c.Pattern
	for rest != "" {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			out = append(out, rest...)
			break
		}
		end := strings.IndexByte(rest, '}')
		if end < open {
			t.Fatalf("unsupported pattern %q", c.Pattern)
		}
		out = append(out, rest[:open]...)
		elem := strings.SplitN(rest[open+1:end], ",", 3)
		rest = rest[end+1:]

		idx := int(elem[0][0] - '0')
		ms, ok := epochMillis(c.Args[idx])
		if !ok {
			t.Skipf("argument %s is MessageFormat's business", c.Args[idx])
		}
		fm, err := makeFormat(loc, elem)
		if c.Phase == "parse" {
			if err == nil {
				t.Fatalf("%q: no error, want %s", c.Pattern, c.Error)
			}
			if want := strings.TrimPrefix(c.Error, "java.lang.IllegalArgumentException: "); !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not carry Java's %q", err, want)
			}
			return
		}
		if err != nil {
			t.Fatalf("%q: %v", c.Pattern, err)
		}
		out = fm.AppendMillis(out, ms)
	}
	if c.Out == nil {
		t.Fatalf("formatted %q, want error %s", out, c.Error)
	}
	if string(out) != *c.Out {
		t.Errorf("%s %q\n got %q\nwant %q", c.Locale, c.Pattern, out, *c.Out)
	}
}

// makeFormat picks the format MessageFormat would build for an element
// split into index, type and style.
func makeFormat(loc jlocale.Locale, elem []string) (*Format, error) {
	if len(elem) == 1 {
		// A bare {n} with a Date argument.
		return NewDateTime(loc, Short, Short), nil
	}
	style := Medium
	if len(elem) == 3 {
		switch strings.ToLower(strings.TrimSpace(elem[2])) {
		case "", "medium":
		case "short":
			style = Short
		case "long":
			style = Long
		case "full":
			style = Full
		default:
			return NewPattern(loc, elem[2])
		}
	}
	if strings.TrimSpace(elem[1]) == "time" {
		return NewTime(loc, style), nil
	}
	return NewDate(loc, style), nil
}

// epochMillis reads a Date argument ({"date": ms}) or a Number, which
// DateFormat takes as epoch milliseconds.
func epochMillis(raw json.RawMessage) (int64, bool) {
	var d struct {
		Date *int64 `json:"date"`
	}
	if json.Unmarshal(raw, &d) == nil && d.Date != nil {
		return *d.Date, true
	}
	var num json.Number
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if dec.Decode(&num) != nil {
		return 0, false
	}
	if i, err := num.Int64(); err == nil {
		return i, true
	}
	if fl, err := num.Float64(); err == nil {
		return int64(fl), true
	}
	return 0, false
}
