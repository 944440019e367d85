// Command localegen writes the locale tables of zero/msgfmt's internal
// packages from the locale data of JDK 17.
//
// The data are facts about the JDK, so they are taken from the JDK itself,
// in two steps:
//
//  1. LocaleDump.java prints what the JDK knows about every locale of
//     Locale.getAvailableLocales() (number symbols and patterns, currency
//     names, calendar names and date patterns, week rules) and how it
//     resolves a requested locale, into jdk17-locales.jsonl in this
//     directory. CaseDump.java prints the reference cases the tests check
//     the result against (../../testdata/jdk17-locales.jsonl and
//     ../jlocale/testdata/jdk17-resolve.jsonl).
//  2. This program reads jdk17-locales.jsonl and writes the compact tables:
//     ../jlocale/locales_gen.go, ../decimal/data_gen.go and
//     ../datefmt/data_gen.go.
//
// Step 2 runs by go generate (the dump is committed, so the tables can be
// reproduced without a JDK). Step 1 runs by hand, on a JDK 17, when the
// data should follow a newer JDK update:
//
//	cd zero/msgfmt/internal/localegen && go run . -dump
//
// runs javac and java (from $JAVA_HOME/bin, else from PATH) before step 2,
// in about two minutes. Then run the tests: jlocale's check the tag reader
// and the fallback against the JDK, msgfmt's TestJDKLocales every case.
//
//go:generate go run .
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

const dumpFile = "jdk17-locales.jsonl"

func main() {
	dump := flag.Bool("dump", false, "first run LocaleDump.java and CaseDump.java on the JDK (needs JDK 17)")
	dir := flag.String("dir", ".", "the localegen directory (where this source and the dump live)")
	flag.Parse()
	if err := run(*dir, *dump); err != nil {
		fmt.Fprintln(os.Stderr, "localegen:", err)
		os.Exit(1)
	}
}

func run(dir string, dump bool) error {
	if dump {
		if err := runJava(dir); err != nil {
			return err
		}
	}
	d, err := readDump(filepath.Join(dir, dumpFile))
	if err != nil {
		return err
	}
	files := map[string][]byte{
		"../jlocale/locales_gen.go": genJLocale(d),
		"../decimal/data_gen.go":    genDecimal(d),
		"../datefmt/data_gen.go":    genDatefmt(d),
	}
	for name, src := range files {
		out, err := format.Source(src)
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), out, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// javaFlags open the JDK internals LocaleDump reads (the locale provider
// adapters, CLDR's parent locales, DecimalFormatSymbols' text getters).
var javaFlags = []string{
	"--add-exports", "java.base/sun.util.locale.provider=ALL-UNNAMED",
	"--add-exports", "java.base/sun.util.cldr=ALL-UNNAMED",
	"--add-exports", "java.base/sun.util.resources=ALL-UNNAMED",
}

// runJava compiles and runs the two Java programs, writing their output
// where the generator and the tests read it.
func runJava(dir string) error {
	bin := func(name string) string {
		if home := os.Getenv("JAVA_HOME"); home != "" {
			return filepath.Join(home, "bin", name)
		}
		return name
	}
	classes, err := os.MkdirTemp("", "localegen")
	if err != nil {
		return err
	}
	defer os.RemoveAll(classes)
	args := append([]string{"-d", classes}, javaFlags...)
	args = append(args, filepath.Join(dir, "LocaleDump.java"), filepath.Join(dir, "CaseDump.java"))
	if out, err := exec.Command(bin("javac"), args...).CombinedOutput(); err != nil {
		return fmt.Errorf("javac: %v\n%s", err, out)
	}
	for _, prog := range []struct{ class, out string }{
		{"LocaleDump", filepath.Join(dir, dumpFile)},
		{"CaseDump", filepath.Join(dir, "../../testdata/jdk17-locales.jsonl")},
	} {
		args := append([]string{"-cp", classes, "-Duser.timezone=UTC", "--add-opens", "java.base/java.text=ALL-UNNAMED"}, javaFlags...)
		args = append(args, prog.class, filepath.Join(dir, "../jlocale/testdata/jdk17-resolve.jsonl"))
		cmd := exec.Command(bin("java"), args...)
		var stdout bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("java %s: %v", prog.class, err)
		}
		if err := os.WriteFile(prog.out, stdout.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// The dump's records, as LocaleDump.java describes them.

type symbolsRec struct {
	Zero, Group, Decimal, MonGroup, MonDecimal       string
	Minus, Percent, PerMill, Exponent, Infinity, NaN string
}

type datesRec struct {
	Eras      [2][]*string
	Months    [4][12]*string
	Weekdays  [2][7]*string
	AmPm      [2][2]*string
	FirstYear *string
	Date      [4]string
	Time      [4]string
	Glue      [4]string
}

type localeRec struct {
	Key        string
	Tag        string
	Adapter    string
	CLDRDirect bool
	CLDR, JRE  bool
	Chain      []string
	Ext        map[string]string
	Currency   [3]any
	SymbolsID  int
	PatternsID int
	DefaultNu  string
	NuSymbols  map[string]int
	NuPatterns map[string]int
	Symbols    map[string]string
	Calendar   string
	Dates      map[string]int
	Zone       [2]string
	Week       [2]int
}

type regionRec struct {
	Region   string
	Currency string
	Week     [2]int
}

type dumpData struct {
	Java     string
	Nu       []string
	Symbols  []symbolsRec
	Patterns [][3]string
	Dates    []datesRec
	Locales  []*localeRec // sorted by ID order, see sortLocales
	Index    map[string]int
	Regions  []regionRec
	Digits   map[string]int // currency code → default fraction digits
	Aliases  [][2]string    // from, to (language tags), sorted
	Parents  [][2]string    // child, parent (language tags), sorted
}

func readDump(path string) (*dumpData, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &dumpData{Index: map[string]int{}, Digits: map[string]int{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var head struct {
			K  string
			ID int
		}
		line := sc.Bytes()
		if err := json.Unmarshal(line, &head); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		var err error
		switch head.K {
		case "meta":
			var m struct{ Java string }
			err = json.Unmarshal(line, &m)
			d.Java = m.Java
		case "nu":
			var m struct{ Values []string }
			err = json.Unmarshal(line, &m)
			d.Nu = m.Values
		case "symbols":
			var r symbolsRec
			err = json.Unmarshal(line, &r)
			err = appendAt(&d.Symbols, head.ID, r, err)
		case "patterns":
			var r struct{ Patterns [3]string }
			err = json.Unmarshal(line, &r)
			err = appendAt(&d.Patterns, head.ID, r.Patterns, err)
		case "dates":
			var r datesRec
			err = json.Unmarshal(line, &r)
			err = appendAt(&d.Dates, head.ID, r, err)
		case "locale":
			r := new(localeRec)
			err = json.Unmarshal(line, r)
			d.Locales = append(d.Locales, r)
		case "region":
			var r regionRec
			err = json.Unmarshal(line, &r)
			d.Regions = append(d.Regions, r)
		case "currency":
			var r struct {
				Code   string
				Digits int
			}
			err = json.Unmarshal(line, &r)
			d.Digits[r.Code] = r.Digits
		case "alias":
			var r struct{ From, To string }
			err = json.Unmarshal(line, &r)
			d.Aliases = append(d.Aliases, [2]string{r.From, r.To})
		case "parent":
			var r struct {
				Parent   string
				Children []string
			}
			err = json.Unmarshal(line, &r)
			for _, c := range r.Children {
				if c != "" {
					d.Parents = append(d.Parents, [2]string{c, r.Parent})
				}
			}
		default:
			err = fmt.Errorf("unknown line kind %q", head.K)
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if err := d.check(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return d, nil
}

// appendAt appends r as record id, which must come in order.
func appendAt[T any](s *[]T, id int, r T, err error) error {
	if err != nil {
		return err
	}
	if id != len(*s) {
		return fmt.Errorf("record id %d out of order", id)
	}
	*s = append(*s, r)
	return nil
}

// check validates the dump and puts the locales in ID order: sorted by
// language, script, region and variant, the order jlocale's binary search
// relies on (the root locale, all parts empty, first).
func (d *dumpData) check() error {
	if d.Java == "" || len(d.Nu) == 0 || len(d.Locales) == 0 || len(d.Regions) == 0 {
		return fmt.Errorf("incomplete dump")
	}
	sort.Slice(d.Locales, func(i, j int) bool { return lessParts(parts(d.Locales[i].Key), parts(d.Locales[j].Key)) })
	for i, l := range d.Locales {
		if _, dup := d.Index[l.Key]; dup {
			return fmt.Errorf("locale %q twice", l.Key)
		}
		d.Index[l.Key] = i
	}
	if d.Locales[0].Key != "" {
		return fmt.Errorf("no root locale")
	}
	for _, l := range d.Locales {
		for _, c := range l.Chain {
			if _, ok := d.Index[c]; !ok {
				return fmt.Errorf("locale %q: chain names unknown %q", l.Key, c)
			}
		}
		if l.SymbolsID >= len(d.Symbols) || l.PatternsID >= len(d.Patterns) {
			return fmt.Errorf("locale %q: unknown number record", l.Key)
		}
		for _, ca := range calendars {
			if id, ok := l.Dates[ca]; !ok || id >= len(d.Dates) {
				return fmt.Errorf("locale %q: no %s dates", l.Key, ca)
			}
		}
	}
	for i, r := range d.Dates {
		for _, set := range r.Months {
			for _, s := range set {
				if s == nil {
					// SimpleDateFormat would print a number; the tables
					// have no way to say so.
					return fmt.Errorf("dates %d: a month without a name", i)
				}
			}
		}
	}
	// An alias can only matter if one of its two languages has data.
	langs := map[string]bool{}
	for _, l := range d.Locales {
		langs[parts(l.Key)[0]] = true
	}
	var aliases [][2]string
	for _, a := range d.Aliases {
		if langs[strings.SplitN(a[0], "-", 2)[0]] || langs[strings.SplitN(a[1], "-", 2)[0]] {
			aliases = append(aliases, a)
		}
	}
	d.Aliases = aliases
	sort.Slice(d.Aliases, func(i, j int) bool { return d.Aliases[i][0] < d.Aliases[j][0] })
	sort.Slice(d.Parents, func(i, j int) bool { return d.Parents[i][0] < d.Parents[j][0] })
	sort.Slice(d.Regions, func(i, j int) bool { return d.Regions[i].Region < d.Regions[j].Region })
	return nil
}

// calendars are the calendar types in the order the tables keep them.
var calendars = []string{"gregory", "buddhist", "japanese"}

// parts splits a key ("sr-Latn-BA", "ja-JP-JP") into language, script,
// region and variant, the way jlocale spells them.
func parts(key string) [4]string {
	var p [4]string
	if key == "" {
		return p
	}
	s := strings.Split(key, "-")
	p[0], s = s[0], s[1:]
	if len(s) > 0 && len(s[0]) == 4 && s[0][0] >= 'A' && s[0][0] <= 'Z' {
		p[1], s = s[0], s[1:]
	}
	if len(s) > 0 && (len(s[0]) == 2 && s[0][0] >= 'A' && s[0][0] <= 'Z' || len(s[0]) == 3 && s[0][0] >= '0' && s[0][0] <= '9') {
		p[2], s = s[0], s[1:]
	}
	p[3] = strings.Join(s, "-")
	return p
}

func lessParts(a, b [4]string) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// strtab interns strings into one blob: index i is blob[off[i]:off[i+1]].
type strtab struct {
	idx  map[string]int
	blob strings.Builder
	off  []int
}

func newStrtab() *strtab {
	t := &strtab{idx: map[string]int{}, off: []int{0}}
	t.add("") // index 0 is the empty string
	return t
}

func (t *strtab) add(s string) int {
	if i, ok := t.idx[s]; ok {
		return i
	}
	i := len(t.off) - 1
	t.idx[s] = i
	t.blob.WriteString(s)
	t.off = append(t.off, t.blob.Len())
	return i
}

// write declares the blob as a constant and its offsets as an array of
// uint16: the offsets of a blob longer than 64 KiB wrap around, and
// <name>Pages lists the indexes at which they do (see the str functions).
func (t *strtab) write(b *bytes.Buffer, name, doc string) {
	if len(t.off) > 1<<16 {
		panic("string table " + name + " exceeds uint16 indexes")
	}
	fmt.Fprintf(b, "// %sStrings %s String i is\n// %sStrings[offset(i):offset(i+1)], offset(i) being %sOffsets[i] plus\n// 64 KiB for each entry of %sPages not above i; string 0 is \"\".\n", name, doc, name, name, name)
	fmt.Fprintf(b, "const %sStrings = ", name)
	writeBlob(b, t.blob.String())
	fmt.Fprintf(b, "\n\nvar %sOffsets = [...]uint16{", name)
	var pages []int
	for i, o := range t.off {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		for o>>16 > len(pages) {
			pages = append(pages, i)
		}
		fmt.Fprintf(b, "%d, ", o&0xffff)
	}
	fmt.Fprintf(b, "\n}\n\nvar %sPages = [...]int{", name)
	for _, p := range pages {
		fmt.Fprintf(b, "%d, ", p)
	}
	b.WriteString("}\n\n")
}

// writeBlob writes s as concatenated quoted lines of about 100 bytes,
// never splitting a UTF-8 sequence.
func writeBlob(b *bytes.Buffer, s string) {
	if s == "" {
		b.WriteString(`""`)
		return
	}
	for first := true; s != ""; first = false {
		n := min(len(s), 100)
		for n < len(s) && s[n]&0xc0 == 0x80 {
			n++
		}
		if !first {
			b.WriteString(" +\n\t")
		}
		b.WriteString(strconv.Quote(s[:n]))
		s = s[n:]
	}
}

func header(b *bytes.Buffer, pkg string, d *dumpData) {
	fmt.Fprintf(b, "// Code generated by zero/msgfmt/internal/localegen from the locale data of\n// Java %s; DO NOT EDIT.\n\npackage %s\n\n", d.Java, pkg)
}

// uints writes a list of numbers, 16 to a line.
func uints[T ~int | ~uint8 | ~uint16 | ~int8](b *bytes.Buffer, v []T) {
	for i, x := range v {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "%d, ", x)
	}
	b.WriteString("\n")
}
