package webexc_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// The error path is a hot path. These benchmarks compare building and
// rendering a catalogued WebException with the hand-rolled baseline a team
// would otherwise write: fmt.Errorf for the message and encoding/json for
// the body. See BENCHMARKS.md.

var notFound = &webexc.Class{Class: zero.Class{Name: "_404ServiceNotFoundException", Family: zero.FamilyWeb, Code: -60010}, Status: http.StatusNotFound}

var sink []byte

// BenchmarkBaselineErrorf builds and renders an ad-hoc error.
func BenchmarkBaselineErrorf(b *testing.B) {
	b.ReportAllocs()
	type body struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	for b.Loop() {
		err := fmt.Errorf("service not found: %s %s", "GET", "/api/users/42")
		sink, _ = json.Marshal(body{Code: http.StatusNotFound, Message: err.Error()})
	}
}

// BenchmarkNewAndRender builds a WebException from the catalog and renders
// its JSON body into a reused buffer.
func BenchmarkNewAndRender(b *testing.B) {
	b.ReportAllocs()
	buf := make([]byte, 0, 512)
	for b.Loop() {
		e := webexc.Make(notFound, "UserHandler", []any{"/api/users/42", "GET"})
		sink = e.AppendJSON(buf[:0])
	}
}

// BenchmarkNew builds a WebException only.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		e := webexc.Make(notFound, "UserHandler", []any{"/api/users/42", "GET"})
		sink = append(sink[:0], e.Message()...)
	}
}

// BenchmarkAppendJSON renders an existing exception.
func BenchmarkAppendJSON(b *testing.B) {
	b.ReportAllocs()
	e := webexc.Make(notFound, "UserHandler", []any{"/api/users/42", "GET"})
	buf := make([]byte, 0, 512)
	for b.Loop() {
		sink = e.AppendJSON(buf[:0])
	}
}

// BenchmarkMarshalJSON renders through encoding/json, as echo's c.JSON does.
func BenchmarkMarshalJSON(b *testing.B) {
	b.ReportAllocs()
	e := webexc.Make(notFound, "UserHandler", []any{"/api/users/42", "GET"})
	for b.Loop() {
		sink, _ = json.Marshal(&e)
	}
}

var okSink bool

// errNotFound is the sentinel of the fmt.Errorf baseline.
var errNotFound = errors.New("service not found")

// BenchmarkCreateAndTest creates an error and tests it, never rendering
// it: what a retry loop or an errors.Is branch does with most errors. The
// generated two-param constructor and its predicate against the
// hand-rolled fmt.Errorf("…%w") + errors.Is.
func BenchmarkCreateAndTest(b *testing.B) {
	b.Run("generated", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var err error = webexc.NewServiceNotFound("UserHandler", "/api/users/42", "GET")
			okSink = webexc.IsServiceNotFound(err)
		}
	})
	b.Run("errorf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			err := fmt.Errorf("%s %s: %w", "GET", "/api/users/42", errNotFound)
			okSink = errors.Is(err, errNotFound)
		}
	})
}

// BenchmarkCreateAndRender creates a generated exception and renders it
// once, as an error handler does: its JSON body, then its log line. The
// laziness must not make the errors that are rendered dearer.
func BenchmarkCreateAndRender(b *testing.B) {
	b.ReportAllocs()
	buf := make([]byte, 0, 512)
	for b.Loop() {
		e := webexc.NewServiceNotFound("UserHandler", "/api/users/42", "GET")
		sink = e.AppendJSON(buf[:0])
		sink = append(sink[:0], e.Error()...)
	}
}
