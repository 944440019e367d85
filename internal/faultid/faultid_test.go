package faultid_test

import (
	"fmt"
	"math/bits"
	"sync"
	"testing"

	"github.com/zeroport/zerofault/internal/faultid"
)

// Ids are written as 16 zero-padded lowercase hex digits, appended.
func TestAppendHex(t *testing.T) {
	for _, n := range []uint64{0, 1, 0xabc, 1<<63 + 5, ^uint64(0)} {
		want := fmt.Sprintf("%016x", n)
		if got := faultid.AppendHex([]byte("id="), n); string(got) != "id="+want {
			t.Errorf("AppendHex(%#x) = %q, want id=%s", n, got, want)
		}
		if got := faultid.String(n); got != want || len(got) != faultid.Len {
			t.Errorf("String(%#x) = %q, want %s", n, got, want)
		}
	}
}

// Ids are random: consecutive calls share no counter a client could read
// (about half their bits differ), and concurrent callers never get the
// same id.
func TestNextUnique(t *testing.T) {
	flips := 0
	for range 100 {
		a, b := faultid.Next(), faultid.Next()
		flips += bits.OnesCount64(a ^ b)
		if a == 0 || b == 0 {
			t.Fatal("Next gave 0")
		}
	}
	if flips < 100*20 || flips > 100*44 {
		t.Errorf("consecutive ids differ in %d bits per pair on average, want about 32", flips/100)
	}
	const workers, each = 8, 1000
	ids := make([][]uint64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for range each {
				ids[w] = append(ids[w], faultid.Next())
			}
		})
	}
	wg.Wait()
	seen := make(map[uint64]bool, workers*each)
	for _, list := range ids {
		for _, n := range list {
			if seen[n] {
				t.Fatalf("id %#x handed out twice", n)
			}
			seen[n] = true
		}
	}
}

// Making and writing an id are on the error path: no allocation.
func TestNoAlloc(t *testing.T) {
	buf := make([]byte, 0, faultid.Len)
	if n := testing.AllocsPerRun(100, func() { buf = faultid.AppendHex(buf[:0], faultid.Next()) }); n != 0 {
		t.Errorf("Next+AppendHex allocate %v times", n)
	}
}
