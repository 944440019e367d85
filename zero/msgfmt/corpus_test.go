package msgfmt_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/zeroport/zerofault/zero/msgfmt"
)

// jdkCase is one line of a JDK reference file (see testdata and
// /work/shared/msgfmt/README.md): a pattern, its arguments, and what
// OpenJDK 17's MessageFormat printed or threw.
type jdkCase struct {
	ID      string            `json:"id"`
	Pattern string            `json:"pattern"`
	Args    []json.RawMessage `json:"args"`
	Locale  string            `json:"locale"`
	Note    string            `json:"note"`
	Out     *string           `json:"out"`
	Error   string            `json:"error"`
	Phase   string            `json:"phase"`
}

// readCases reads a JSON-lines reference file.
func readCases(t testing.TB, path string) []jdkCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []jdkCase
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var c jdkCase
		if err := json.Unmarshal(line, &c); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		if (c.Out == nil) == (c.Error == "") {
			t.Fatalf("%s:%d: case %s needs exactly one of out and error", path, n, c.ID)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// errSkip marks an argument without a Go counterpart (BigDecimal).
var errSkip = errors.New("no Go counterpart")

// decodeArgs maps the JSON arguments to the Go values standing for the Java
// ones (README): integer tokens are Long (int64, or *big.Int when they
// overflow), other numbers Double (float64), and tagged objects Date
// (time.Time), Double specials, Integer (int32) and BigInteger (*big.Int).
func decodeArgs(raw []json.RawMessage) ([]any, error) {
	args := make([]any, len(raw))
	for i, r := range raw {
		d := json.NewDecoder(bytes.NewReader(r))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			return nil, err
		}
		a, err := decodeArg(v)
		if err != nil {
			return nil, err
		}
		args[i] = a
	}
	return args, nil
}

func decodeArg(v any) (any, error) {
	switch v := v.(type) {
	case nil, string, bool:
		return v, nil
	case json.Number:
		s := v.String()
		if strings.ContainsAny(s, ".eE") {
			return v.Float64()
		}
		if i, err := v.Int64(); err == nil {
			return i, nil
		}
		b, ok := new(big.Int).SetString(s, 10)
		if !ok {
			return nil, fmt.Errorf("bad integer %s", s)
		}
		return b, nil
	case map[string]any:
		if len(v) != 1 {
			return nil, fmt.Errorf("tagged argument %v: want one key", v)
		}
		for tag, x := range v {
			switch tag {
			case "date":
				ms, err := x.(json.Number).Int64()
				if err != nil {
					return nil, err
				}
				return time.UnixMilli(ms).UTC(), nil
			case "double":
				switch x.(string) {
				case "NaN":
					return math.NaN(), nil
				case "Infinity":
					return math.Inf(1), nil
				case "-Infinity":
					return math.Inf(-1), nil
				case "-0.0":
					return math.Copysign(0, -1), nil
				}
			case "int":
				n, err := x.(json.Number).Int64()
				if err != nil || n != int64(int32(n)) {
					return nil, fmt.Errorf("bad int %v", x)
				}
				return int32(n), nil
			case "bigint":
				b, ok := new(big.Int).SetString(x.(string), 10)
				if !ok {
					return nil, fmt.Errorf("bad bigint %v", x)
				}
				return b, nil
			case "bigdecimal":
				return nil, errSkip
			}
		}
	}
	return nil, fmt.Errorf("unknown argument %#v", v)
}

// ownMessages are the JDK messages msgfmt itself reproduces; for those the
// error text must match too (sub-format messages come from the internal
// packages and are only logged).
var ownMessages = []string{
	"Unmatched braces in the pattern.",
	"can't parse argument number: ",
	"negative argument number: ",
	"exceeds the ArgumentIndex implementation limit",
	"unknown format type: ",
	"Choice Pattern incorrect: ",
	"Cannot format given Object as a",
	"Index 0 out of bounds for length 0",
}

// runCase checks one reference case against msgfmt.Format and against
// Compile followed by Message.Format: Format takes a path of its own for
// plain patterns, and both must print what the JDK printed.
func runCase(t *testing.T, c jdkCase) {
	args, err := decodeArgs(c.Args)
	if errors.Is(err, errSkip) {
		t.Skip("BigDecimal argument: no Go counterpart")
	}
	if err != nil {
		t.Fatalf("decoding args: %v", err)
	}
	got, ferr := msgfmt.Format(c.Locale, c.Pattern, args...)
	m, cerr := msgfmt.Compile(c.Locale, c.Pattern)
	if c.Out != nil {
		if ferr != nil {
			t.Fatalf("Format(%q, %q) failed: %v; JDK printed %q", c.Locale, c.Pattern, ferr, *c.Out)
		}
		if got != *c.Out {
			t.Fatalf("Format(%q, %q)\n got: %q\nwant: %q", c.Locale, c.Pattern, got, *c.Out)
		}
		if cerr != nil {
			t.Fatalf("Compile(%q, %q) failed: %v; JDK printed %q", c.Locale, c.Pattern, cerr, *c.Out)
		}
		if got, err := m.Format(args...); err != nil || got != *c.Out {
			t.Fatalf("Compile(%q, %q).Format = %q, %v; want %q", c.Locale, c.Pattern, got, err, *c.Out)
		}
		return
	}
	if ferr == nil {
		t.Fatalf("Format(%q, %q) = %q, want error (JDK: %s, %s phase)", c.Locale, c.Pattern, got, c.Error, c.Phase)
	}
	if got != "" {
		t.Errorf("Format returned output %q with its error", got)
	}
	var se *msgfmt.SyntaxError
	var ae *msgfmt.ArgError
	switch c.Phase {
	case "parse":
		if cerr == nil {
			t.Fatalf("Compile(%q) succeeded; JDK rejects the pattern: %s", c.Pattern, c.Error)
		}
		if !errors.As(cerr, &se) {
			t.Fatalf("Compile error %T %v, want *SyntaxError", cerr, cerr)
		}
		if ferr.Error() != cerr.Error() {
			t.Errorf("Format error %q, Compile error %q", ferr, cerr)
		}
	case "format":
		if cerr != nil {
			t.Fatalf("Compile(%q) failed (%v); JDK fails only while formatting", c.Pattern, cerr)
		}
		if !errors.As(ferr, &ae) {
			t.Fatalf("Format error %T %v, want *ArgError", ferr, ferr)
		}
		if _, merr := m.Format(args...); merr == nil || merr.Error() != ferr.Error() {
			t.Errorf("Format error %q, Compile(…).Format error %v", ferr, merr)
		}
	default:
		t.Fatalf("unknown phase %q", c.Phase)
	}
	javaMsg := c.Error[strings.Index(c.Error, ": ")+2:]
	var msg string
	if se != nil {
		msg = se.Msg
	} else {
		msg = ae.Msg
	}
	for _, own := range ownMessages {
		if strings.Contains(javaMsg, own) {
			if msg != javaMsg {
				t.Errorf("error message %q, JDK said %q", msg, javaMsg)
			}
			return
		}
	}
	if msg != javaMsg {
		t.Logf("sub-format error message %q, JDK said %q", msg, javaMsg)
	}
}

// TestJDKCorpus runs every case of testdata/jdk17-corpus.jsonl.
func TestJDKCorpus(t *testing.T) {
	cases := readCases(t, "testdata/jdk17-corpus.jsonl")
	if len(cases) < 500 {
		t.Fatalf("corpus has %d cases, expected 508", len(cases))
	}
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) { runCase(t, c) })
	}
}
