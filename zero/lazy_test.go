package zero_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// swapIn installs a catalog of the framework plus errs for one test.
func swapIn(t *testing.T, errs string, opts ...catalog.Option) *catalog.Catalog {
	t.Helper()
	opts = append(opts, catalog.ErrorFS(fstest.MapFS{"e.yml": {Data: []byte(errs)}}, "e.yml"))
	cat, err := catalog.Load(opts...)
	if err != nil {
		t.Fatal(err)
	}
	prev := catalog.Swap(cat)
	t.Cleanup(func() { catalog.Swap(prev) })
	return cat
}

// counter is a param that counts how often it is formatted.
type counter struct{ n *atomic.Int32 }

func (c counter) String() string {
	c.n.Add(1)
	return "counted"
}

// Making an exception and asking it everything but its texts formats
// nothing; the first text formats once, and is kept.
func TestNothingFormattedUntilAsked(t *testing.T) {
	swapIn(t, "E100700: \"(409) - Order {0} is locked\"\n")
	n := new(atomic.Int32)
	e := zero.NewRun("OrderHandler", -100700, counter{n})
	err := errors.Join(errors.New("other"), e) // fmt.Errorf would call Error
	var root *zero.ZeroRunException
	if !zero.HasCode(err, -100700) || !errors.Is(err, zero.NewRun("x", -100700)) || !errors.As(err, &root) ||
		zero.IsErrorMissing(err) || errors.Unwrap(e) != nil || e.Code() != -100700 || e.Target() != "OrderHandler" {
		t.Fatal("the exception does not answer as it should")
	}
	if got := n.Load(); got != 0 {
		t.Fatalf("testing the exception formatted it %d times", got)
	}
	if e.Message() != "(409) - Order counted is locked" || e.Message() != e.Message() {
		t.Errorf("Message = %q", e.Message())
	}
	if !strings.HasSuffix(e.Error(), e.Message()) || len(e.Params()) != 1 {
		t.Errorf("Error = %q, Params = %v", e.Error(), e.Params())
	}
	if got := n.Load(); got != 1 {
		t.Errorf("formatted %d times, want once", got)
	}
}

// The message comes from the catalog in force when the exception was
// made, whatever Swap does before it is formatted.
func TestMessageFromTheSnapshot(t *testing.T) {
	swapIn(t, "E100701: \"First {0}\"\n")
	before := zero.NewRun("T", -100701, "x")
	typed := zero.NewDateFormat("T", "2020-13-01")
	missing := zero.NewRun("T", -100702, "y") // no template in this catalog
	frameworkText := zero.NewDateFormat("T", "2020-13-01").Message()

	swapIn(t, "E100701: \"Second {0}\"\nE100702: \"Found {0}\"\nE15001: \"Replaced {0}\"\n", catalog.AllowOverride())
	if got := before.Message(); got != "First x" {
		t.Errorf("formatted after Swap: %q, want the first catalog's", got)
	}
	if got := typed.Message(); got != frameworkText {
		t.Errorf("generated type formatted after Swap: %q, want %q", got, frameworkText)
	}
	if !zero.IsErrorMissing(missing) || strings.Contains(missing.Message(), "Found") {
		t.Errorf("a template added by Swap reached an exception made before: %q", missing.Message())
	}
	if got := zero.NewRun("T", -100701, "x").Message(); got != "Second x" {
		t.Errorf("made after Swap: %q", got)
	}
	if zero.Snapshot(before) == zero.Snapshot(zero.NewRun("T", -100701)) || zero.Snapshot(before) == nil {
		t.Error("Snapshot does not tell the two catalogs apart")
	}
}

// A code without a template is found when the exception is made; its
// message is ErrorMissing's, formatted when asked for.
func TestMissingTemplateLazily(t *testing.T) {
	e := zero.NewRun("H", -999998, "x")
	var missing *zero.ErrorMissingException
	if !errors.As(e, &missing) || missing.MissingCode() != -999998 || errors.Unwrap(e) != error(missing) {
		t.Fatalf("not found without formatting: %v", missing)
	}
	if e.Message() != missing.Message() || !strings.Contains(e.Message(), "-999998") {
		t.Errorf("message %q, ErrorMissing's %q", e.Message(), missing.Message())
	}
	if e.Params()[0] != "x" || missing.Params()[0] != "-999998" {
		t.Errorf("params %v and %v", e.Params(), missing.Params())
	}
}

// Many goroutines may read one exception at once, the first read
// formatting it: each gets the same texts (run with -race).
func TestConcurrentReads(t *testing.T) {
	swapIn(t, "E100703: \"Order {0} of {1}\"\n")
	for range 20 {
		e := zero.NewJexlExpression("Rule", "a +", errors.New("EOF"))
		u := zero.NewRun("T", -100703, "A-7", "alice")
		var wg sync.WaitGroup
		got := make([][4]string, 8)
		for i := range got {
			wg.Go(func() {
				got[i] = [4]string{e.Message(), e.Error(), fmt.Sprint(e.Params()), u.Error()}
			})
		}
		wg.Wait()
		for _, g := range got[1:] {
			if g != got[0] {
				t.Fatalf("goroutines read different texts:\n%q\n%q", g, got[0])
			}
		}
		if got[0][3] != "[ ERR-100703 ] ( T ) Run Error: Order A-7 of alice" {
			t.Fatalf("Error = %q", got[0][3])
		}
	}
}

// A generated constructor keeps its params typed: its texts and params
// are those of the same exception made with boxed params.
func TestTypedParamsMatchBoxed(t *testing.T) {
	cause := errors.New("unexpected EOF")
	typed := zero.NewJexlExpression("Rule", "a +", cause)
	boxed := zero.NewRun("Rule", zero.CodeJexlExpression, "a +", cause)
	if typed.Message() != boxed.Message() || typed.Error() != boxed.Error() ||
		fmt.Sprint(typed.Params()) != fmt.Sprint(boxed.Params()) || len(typed.Params()) != 2 {
		t.Errorf("typed %q %v\nboxed %q %v", typed.Error(), typed.Params(), boxed.Error(), boxed.Params())
	}
	if !errors.Is(typed, cause) {
		t.Error("the cause param is not the cause")
	}
}
