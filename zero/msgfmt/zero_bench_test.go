package msgfmt_test

import (
	"fmt"
	"hash/crc32"
	"os"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/zero/catalog"
	"github.com/zeroport/zerofault/zero/msgfmt"
)

// zeroArgs are the four string arguments every template of Zero's catalog
// is formatted with, here and in bench/jdk/MsgFmtBench.java: Zero passes
// its exceptions' parameters as strings, and no template uses more than
// four.
var zeroArgs = []any{"order-1001", "tenant-a", "GET /api/orders", "42"}

// zeroCatalogTemplates returns the MessageFormat templates of Zero's
// vertx-error.yml (../shared/reference/zero-vertx-error.yml), in the order
// of catalog.Codes, which is also the order MsgFmtBench.java uses. The one
// slf4j-style template ("{}") is left out: Zero does not give it to
// MessageFormat either. The test is skipped when the file is absent.
func zeroCatalogTemplates(tb testing.TB) []string {
	tb.Helper()
	path := sharedReference(tb, "zero-vertx-error.yml")
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("Zero's catalog is not beside the repository: %v", err)
	}
	cat, err := catalog.Load(catalog.WithoutFramework(), catalog.ErrorFile(path))
	if err != nil {
		tb.Fatal(err)
	}
	var templates []string
	for _, code := range cat.Codes() {
		e, _ := cat.Lookup(code)
		if !strings.Contains(e.Source(), "{}") {
			templates = append(templates, e.Source())
		}
	}
	if len(templates) < 200 {
		tb.Fatalf("%s: %d MessageFormat templates, expected about 270", path, len(templates))
	}
	return templates
}

// zeroChecksum is the CRC-32 (IEEE) of every template's output followed by
// a newline, in order. MsgFmtBench.java prints the same figure, which shows
// that both sides read the same templates and format them alike.
func zeroChecksum(tb testing.TB, templates []string) uint32 {
	tb.Helper()
	h := crc32.NewIEEE()
	for _, p := range templates {
		s, err := msgfmt.Format("en-US", p, zeroArgs...)
		if err != nil {
			tb.Fatalf("%q: %v", p, err)
		}
		h.Write([]byte(s + "\n"))
	}
	return h.Sum32()
}

// sprintfFormat turns a MessageFormat template with plain elements into
// the fmt.Sprintf format printing the same text ({1} becomes %[2]s), for
// the Go-native baseline. It reports false when the result differs.
func sprintfFormat(p string) (format string, args []any, ok bool) {
	format, err := msgfmt.Format("en-US", strings.ReplaceAll(p, "%", "%%"), "%[1]s", "%[2]s", "%[3]s", "%[4]s")
	if err != nil {
		return "", nil, false
	}
	if strings.Contains(format, "%[") {
		args = zeroArgs // without verbs, fmt would complain of extra arguments
	}
	want, _ := msgfmt.Format("en-US", p, zeroArgs...)
	return format, args, fmt.Sprintf(format, args...) == want
}

// BenchmarkZeroCatalog formats every template of Zero's catalog in turn
// with zeroArgs; one op is one template. The JDK side of the same
// measurement is bench/jdk/MsgFmtBench.java (see BENCHMARKS.md).
func BenchmarkZeroCatalog(b *testing.B) {
	templates := zeroCatalogTemplates(b)
	b.Logf("%d templates, crc32 %08x", len(templates), zeroChecksum(b, templates))

	// OneOff is msgfmt.Format, the counterpart of the JDK's static
	// MessageFormat.format: the pattern is new to every call.
	b.Run("OneOff", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := msgfmt.Format("en-US", templates[i], zeroArgs...); err != nil {
				b.Fatal(err)
			}
			if i++; i == len(templates) {
				i = 0
			}
		}
	})

	// Compiled is Message.Format, the counterpart of a MessageFormat
	// built once and reused.
	b.Run("Compiled", func(b *testing.B) {
		msgs := make([]*msgfmt.Message, len(templates))
		for i, p := range templates {
			msgs[i] = msgfmt.MustCompile("en-US", p)
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if _, err := msgs[i].Format(zeroArgs...); err != nil {
				b.Fatal(err)
			}
			if i++; i == len(msgs) {
				i = 0
			}
		}
	})

	// Copy is the floor of any path that returns a new string: copying
	// the finished message, one allocation of the same size.
	b.Run("Copy", func(b *testing.B) {
		outs := make([]string, len(templates))
		for i, p := range templates {
			outs[i], _ = msgfmt.Format("en-US", p, zeroArgs...)
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkString = strings.Clone(outs[i])
			if i++; i == len(outs) {
				i = 0
			}
		}
	})

	// Sprintf is the Go-native baseline: the same texts through
	// fmt.Sprintf formats converted ahead of time.
	b.Run("Sprintf", func(b *testing.B) {
		formats := make([]string, len(templates))
		args := make([][]any, len(templates))
		for i, p := range templates {
			f, a, ok := sprintfFormat(p)
			if !ok {
				b.Fatalf("%q has no fmt.Sprintf equivalent", p)
			}
			formats[i], args[i] = f, a
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			sinkString = fmt.Sprintf(formats[i], args[i]...)
			if i++; i == len(formats) {
				i = 0
			}
		}
	})
}
