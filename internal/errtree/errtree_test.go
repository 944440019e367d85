package errtree_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/zeroport/zerofault/internal/errtree"
)

type loop struct{}

func (loop) Error() string   { return "loop" }
func (l loop) Unwrap() error { return l }

func TestAll(t *testing.T) {
	a, b, c := errors.New("a"), errors.New("b"), errors.New("c")
	tree := fmt.Errorf("top: %w", errors.Join(a, fmt.Errorf("mid: %w", b), c))
	var got []string
	for e := range errtree.All(tree) {
		got = append(got, e.Error())
	}
	want := []string{tree.Error(), errors.Join(a, fmt.Errorf("mid: %w", b), c).Error(), "a", "mid: b", "b", "c"}
	if !slices.Equal(got, want) {
		t.Errorf("walk = %q, want %q", got, want)
	}
	// Stopping early stops.
	n := 0
	for range errtree.All(tree) {
		if n++; n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("n = %d", n)
	}
	// A self-wrapping error ends at MaxDepth.
	n = 0
	for range errtree.All(loop{}) {
		n++
	}
	if n != errtree.MaxDepth {
		t.Errorf("loop: %d errors", n)
	}
	for range errtree.All(nil) {
		t.Error("nil yields")
	}
}
