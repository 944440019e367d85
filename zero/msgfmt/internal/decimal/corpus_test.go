package decimal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// corpusCase is one line of the shared JDK 17 MessageFormat corpus.
type corpusCase struct {
	ID      string            `json:"id"`
	Pattern string            `json:"pattern"`
	Args    []json.RawMessage `json:"args"`
	Locale  string            `json:"locale"`
	Out     *string           `json:"out"`
	Error   string            `json:"error"`
	Phase   string            `json:"phase"`
}

// element matches the MessageFormat elements this package serves: {i},
// {i,number} and {i,number,style}, and {i,} or {i,,style} whose empty type
// makes them plain elements (the style is then ignored).
var element = regexp.MustCompile(`\{(\d+)(?:,(\s*(?:[Nn][Uu][Mm][Bb][Ee][Rr])?\s*)(?:,([^{}]*))?)?\}`)

// corpusArg decodes a corpus argument into int64, *big.Int or float64; ok
// is false for arguments that are not Java numbers handled here.
func corpusArg(raw json.RawMessage) (v any, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		return nil, false
	}
	switch x := x.(type) {
	case json.Number:
		s := string(x)
		if strings.ContainsAny(s, ".eE") {
			f, err := strconv.ParseFloat(s, 64)
			return f, err == nil
		}
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i, true
		}
		b, ok := new(big.Int).SetString(s, 10)
		return b, ok
	case map[string]any:
		if n, ok := x["int"].(json.Number); ok {
			i, err := n.Int64()
			return i, err == nil
		}
		if s, ok := x["bigint"].(string); ok {
			b, ok := new(big.Int).SetString(s, 10)
			return b, ok
		}
		if s, ok := x["double"].(string); ok {
			switch s {
			case "NaN":
				return math.NaN(), true
			case "Infinity":
				return math.Inf(1), true
			case "-Infinity":
				return math.Inf(-1), true
			case "-0.0":
				return math.Copysign(0, -1), true
			}
		}
	}
	return nil, false
}

// formatFor mirrors MessageFormat's choice of number format for a style
// (keywords match exactly or after trimming and lower-casing).
func formatFor(loc jlocale.Locale, style string, hasStyle bool) (*Format, error) {
	if !hasStyle {
		return New(loc, Default), nil
	}
	switch strings.ToLower(strings.TrimSpace(style)) {
	case "":
		return New(loc, Default), nil
	case "integer":
		return New(loc, Integer), nil
	case "percent":
		return New(loc, Percent), nil
	case "currency":
		return New(loc, Currency), nil
	}
	return NewPattern(loc, style)
}

func appendValue(f *Format, dst []byte, v any) []byte {
	switch v := v.(type) {
	case int64:
		return f.AppendInt64(dst, v)
	case *big.Int:
		return f.AppendBigInt(dst, v)
	case float64:
		return f.AppendFloat64(dst, v)
	}
	panic("unexpected argument type")
}

func TestCorpus(t *testing.T) {
	file, err := os.Open("../../testdata/jdk17-corpus.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 1<<20)
	ran := 0
	var skipped []string
	for sc.Scan() {
		var c corpusCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(c.ID, "num-") && !strings.HasPrefix(c.ID, "arg-") && !strings.HasPrefix(c.ID, "elem-") {
			continue
		}
		if c.Out == nil && c.Phase != "parse" {
			skipped = append(skipped, c.ID) // format-time errors concern non-numeric arguments
			continue
		}
		// Split the pattern into literal text and number elements; skip
		// patterns with anything else (quotes, other element types).
		matches := element.FindAllStringSubmatchIndex(c.Pattern, -1)
		if len(matches) == 0 {
			skipped = append(skipped, c.ID)
			continue
		}
		literalOK := true
		prev := 0
		for _, m := range matches {
			if strings.ContainsAny(c.Pattern[prev:m[0]], "{}'") {
				literalOK = false
			}
			prev = m[1]
		}
		if !literalOK || strings.ContainsAny(c.Pattern[prev:], "{}'") {
			skipped = append(skipped, c.ID)
			continue
		}
		loc := jlocale.Parse(c.Locale)
		var got []byte
		skip := false
		var fmtErr error
		prev = 0
		for _, m := range matches {
			got = append(got, c.Pattern[prev:m[0]]...)
			prev = m[1]
			idx, _ := strconv.Atoi(c.Pattern[m[2]:m[3]])
			style, hasStyle := "", m[6] >= 0
			if m[4] >= 0 && strings.TrimSpace(c.Pattern[m[4]:m[5]]) == "" {
				hasStyle = false // empty type: a plain element
			}
			if hasStyle {
				style = c.Pattern[m[6]:m[7]]
			}
			f, err := formatFor(loc, style, hasStyle)
			if err != nil {
				fmtErr = err
				break
			}
			if idx >= len(c.Args) {
				skip = true
				break
			}
			v, ok := corpusArg(c.Args[idx])
			if !ok {
				skip = true
				break
			}
			got = appendValue(f, got, v)
		}
		if skip {
			skipped = append(skipped, c.ID)
			continue
		}
		got = append(got, c.Pattern[prev:]...)
		ran++
		switch {
		case c.Out == nil:
			if fmtErr == nil {
				t.Errorf("%s: %q: want error %q, got %q", c.ID, c.Pattern, c.Error, got)
			}
		case fmtErr != nil:
			t.Errorf("%s: %q: unexpected error %v", c.ID, c.Pattern, fmtErr)
		case string(got) != *c.Out:
			t.Errorf("%s: %q %s (%s):\n got %q\nwant %q", c.ID, c.Pattern, c.Args, c.Locale, got, *c.Out)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("ran %d corpus cases; not applicable: %v", ran, skipped)
	if ran < 100 {
		t.Errorf("only %d corpus cases ran", ran)
	}
}
