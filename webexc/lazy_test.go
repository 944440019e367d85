package webexc_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/zeroport/zerofault/webexc"
)

// counter is a param that counts how often it is formatted.
type counter struct{ n *atomic.Int32 }

func (c counter) String() string {
	c.n.Add(1)
	return "A-7"
}

// Making a web exception and testing it formats neither of its texts.
func TestNothingFormattedUntilAsked(t *testing.T) {
	withCatalog(t, "E100409: \"(409) - Order {0} is locked by {1}\"\n", "100409: \"Order {0} is being edited.\"\n")
	n := new(atomic.Int32)
	e := webexc.New("OrderHandler", -100409, counter{n}, "alice")
	var w *webexc.WebException
	if !errors.As(errors.Join(e), &w) || !errors.Is(e, webexc.New("x", -100409)) || e.Status() != 409 || len(e.ID()) != 16 {
		t.Fatal("the exception does not answer as it should")
	}
	if got := n.Load(); got != 0 {
		t.Fatalf("making and testing the exception formatted a param %d times", got)
	}
	// The message is formatted once and kept; the readable text, on each
	// read.
	if e.Message() != "(409) - Order A-7 is locked by alice" || e.Message() != e.Error()[len(e.Error())-len(e.Message()):] {
		t.Errorf("Message %q, Error %q", e.Message(), e.Error())
	}
	if got := n.Load(); got != 1 {
		t.Errorf("message formatted %d times, want once", got)
	}
	if e.Readable() != "Order A-7 is being edited." || !strings.Contains(string(e.AppendJSON(nil)), `"info":"Order A-7 is being edited."`) {
		t.Errorf("Readable %q, JSON %s", e.Readable(), e.AppendJSON(nil))
	}
	if got := n.Load(); got != 1+2 {
		t.Errorf("formatted %d times, want 3: the message once, the readable text per read", got)
	}
}

// Both texts come from the catalog in force when the exception was made,
// whatever Swap does before they are formatted.
func TestTextsFromTheSnapshot(t *testing.T) {
	withCatalog(t, "E100409: \"(409) - First {0}\"\n", "100409: \"First readable {0}\"\n")
	e := webexc.Make(order, "H", []any{"x"})
	withCatalog(t, "E100409: \"(409) - Second {0}\"\n", "100409: \"Second readable {0}\"\n")
	if e.Message() != "(409) - First x" || e.Readable() != "First readable x" {
		t.Errorf("formatted from the catalog swapped in: %q, %q", e.Message(), e.Readable())
	}
	after := webexc.Make(order, "H", []any{"x"})
	if after.Message() != "(409) - Second x" || after.Readable() != "Second readable x" {
		t.Errorf("made after Swap: %q, %q", after.Message(), after.Readable())
	}
}

// A generated constructor keeps its params typed; what it answers is
// what the same exception made by New answers, byte for byte.
func TestGeneratedMatchesNew(t *testing.T) {
	typed := webexc.NewServiceNotFound("UserHandler", "/api/users/42", "GET").SetID("id-1")
	boxed := webexc.New("UserHandler", webexc.CodeServiceNotFound, "/api/users/42", "GET").SetID("id-1")
	got := fmt.Sprint(typed.Message(), typed.Error(), typed.Readable(), typed.Params(), typed.Status(), string(typed.AppendJSON(nil)))
	want := fmt.Sprint(boxed.Message(), boxed.Error(), boxed.Readable(), boxed.Params(), boxed.Status(), string(boxed.AppendJSON(nil)))
	if got != want {
		t.Errorf("generated\n %s\nNew\n %s", got, want)
	}
	if typed.Message() != "(404) - No service handles GET /api/users/42." {
		t.Errorf("Message = %q", typed.Message())
	}
}

// SetStatus rewrites the "(NNN)" of a message formatted before or after
// it, and a status that is not one leaves the last good prefix, as when
// messages were formatted at once.
func TestSetStatusLazily(t *testing.T) {
	before := webexc.NewBadRequest("T").SetStatus(429)
	read := webexc.NewBadRequest("T")
	_ = read.Message()
	read.SetStatus(418)
	odd := webexc.NewBadRequest("T").SetStatus(429).SetStatus(42)
	for _, c := range []struct {
		e      *webexc.WebException
		prefix string
	}{{before, "(429)"}, {&read.WebException, "(418)"}, {odd, "(429)"}} {
		if msg := c.e.Message(); msg[:5] != c.prefix || c.e.Error()[len(c.e.Error())-len(msg):] != msg {
			t.Errorf("message %q, Error %q, want prefix %s", msg, c.e.Error(), c.prefix)
		}
	}
}

// Many goroutines may read one exception at once, the first reads
// formatting it: each gets the same texts (run with -race).
func TestConcurrentReads(t *testing.T) {
	for range 20 {
		e := webexc.NewServiceNotFound("UserHandler", "/api/users/42", "GET")
		var wg sync.WaitGroup
		got := make([]string, 8)
		for i := range got {
			wg.Go(func() {
				got[i] = fmt.Sprint(e.Readable(), e.Message(), e.Error(), e.Params(), string(e.AppendJSON(nil)))
			})
		}
		wg.Wait()
		for _, g := range got[1:] {
			if g != got[0] {
				t.Fatalf("goroutines read different texts:\n%s\n%s", g, got[0])
			}
		}
	}
}

// Creating a generated exception and testing it with its predicate costs
// the exception's own allocation, nothing else (see BenchmarkCreateAndTest).
func TestCreateAndTestAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	uri, method := "/api/users/42", "GET"
	n := testing.AllocsPerRun(100, func() {
		var err error = webexc.NewServiceNotFound("UserHandler", uri, method)
		okSink = webexc.IsServiceNotFound(err)
	})
	if n > 1 {
		t.Errorf("%v allocations to create and test, want 1", n)
	}
	n = testing.AllocsPerRun(100, func() {
		var err error = webexc.NewUnauthorized("UserHandler")
		okSink = webexc.IsUnauthorized(err) && !webexc.IsServiceNotFound(err)
	})
	if n > 1 {
		t.Errorf("%v allocations without params, want 1", n)
	}
}
