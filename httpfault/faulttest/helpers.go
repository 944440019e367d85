package faulttest

import (
	"embed"
	"net/http"
	"sync"
	"testing"

	"github.com/zeroport/zerofault/readable"
)

// testdata holds German texts for -60010 and -60000, the third language
// the suite asks for.
//
//go:embed testdata/vertx-readible.de.yml
var testdata embed.FS

var bundle = sync.OnceValues(func() (*readable.Bundle, error) {
	return readable.Load(readable.Glob(testdata, "testdata/vertx-readible.*.yml"))
})

// Bundle returns the readable texts [Run] expects: the framework's,
// plus German.
func Bundle(t testing.TB) *readable.Bundle {
	t.Helper()
	b, err := bundle()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Discard is a ResponseWriter that keeps only the status, so that
// benchmarks measure the handlers and not a recorder.
type Discard struct {
	H      http.Header
	Status int
}

// NewDiscard returns a Discard with an empty header.
func NewDiscard() *Discard { return &Discard{H: http.Header{}} }

// Header returns the header map.
func (w *Discard) Header() http.Header { return w.H }

// Write discards b.
func (w *Discard) Write(b []byte) (int, error) { return len(b), nil }

// WriteHeader keeps the status.
func (w *Discard) WriteHeader(s int) { w.Status = s }
