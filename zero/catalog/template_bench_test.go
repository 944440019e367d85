package catalog_test

import (
	"os"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/zero/catalog"
)

// zeroErrorFile is Zero's own vertx-error.yml, kept outside the repository.
const zeroErrorFile = "../../../shared/reference/zero-vertx-error.yml"

// lookupArgs are the four string arguments of msgfmt's BenchmarkZeroCatalog
// and bench/jdk/MsgFmtBench.java.
var lookupArgs = []any{"order-1001", "tenant-a", "GET /api/orders", "42"}

// messageFormatCodes returns the codes of cat whose templates are
// MessageFormat patterns, leaving out slf4j-style ones ("{}") as
// MsgFmtBench.java does.
func messageFormatCodes(cat *catalog.Catalog) []int {
	var codes []int
	for _, code := range cat.Codes() {
		if e, _ := cat.Lookup(code); !strings.Contains(e.Source(), "{}") {
			codes = append(codes, code)
		}
	}
	return codes
}

func loadZeroCatalog(tb testing.TB) *catalog.Catalog {
	tb.Helper()
	if _, err := os.Stat(zeroErrorFile); err != nil {
		tb.Skip("Zero's catalog is not beside the repository:", err)
	}
	cat, err := catalog.Load(catalog.WithoutFramework(), catalog.ErrorFile(zeroErrorFile))
	if err != nil {
		tb.Fatal(err)
	}
	return cat
}

// BenchmarkZeroCatalogLookupFormat is the catalog path of an exception:
// Lookup(code) and Format, over every MessageFormat template of Zero's
// catalog in turn. BENCHMARKS.md compares it with the JDK's static
// MessageFormat.format, which is what Zero does for each exception.
func BenchmarkZeroCatalogLookupFormat(b *testing.B) {
	cat := loadZeroCatalog(b)
	codes := messageFormatCodes(cat)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		e, _ := cat.Lookup(codes[i])
		if _, err := e.Format(lookupArgs...); err != nil {
			b.Fatal(err)
		}
		if i++; i == len(codes) {
			i = 0
		}
	}
}

// TestLookupFormatAllocations pins the catalog path at one allocation, the
// message, for every template of the framework catalog and, when it is
// beside the repository, of Zero's; none for a template without elements,
// which is its own message.
func TestLookupFormatAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	framework, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	cats := []*catalog.Catalog{framework}
	if _, err := os.Stat(zeroErrorFile); err == nil {
		cats = append(cats, loadZeroCatalog(t))
	}
	for _, cat := range cats {
		for _, code := range messageFormatCodes(cat) {
			f := func() {
				e, _ := cat.Lookup(code)
				if _, err := e.Format(lookupArgs...); err != nil {
					t.Fatalf("%d: %v", code, err)
				}
			}
			want := 1.0
			if e, _ := cat.Lookup(code); e.ArgCount() == 0 {
				want = 0
			}
			if n := testing.AllocsPerRun(20, f); n != want {
				t.Errorf("Lookup(%d) + Format: %v allocations, want %v", code, n, want)
			}
		}
	}
}
