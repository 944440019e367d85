package httpfault_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/faulttest"
)

func benchServe(b *testing.B, h http.Handler) {
	req := httptest.NewRequest(http.MethodGet, "/api/orders/42", nil)
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
	w := faulttest.NewDiscard()
	h.ServeHTTP(w, req)
	b.ReportAllocs()
	for b.Loop() {
		clear(w.H)
		h.ServeHTTP(w, req)
	}
	if w.Status != http.StatusNotFound {
		b.Fatalf("status %d", w.Status)
	}
}

// A whole request to a missing route through Go's ServeMux: answered by
// the middleware in Zero's shape, against the mux's own text 404.
func BenchmarkServeMuxNotFound(b *testing.B) {
	newMux := func() *http.ServeMux {
		mux := http.NewServeMux()
		mux.HandleFunc("GET /api/users/{id}", func(http.ResponseWriter, *http.Request) {})
		return mux
	}
	faults := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler)})
	b.Run("httpfault", func(b *testing.B) { benchServe(b, faults.Middleware(newMux())) })
	b.Run("net/http", func(b *testing.B) { benchServe(b, newMux()) })
}

// Middleware around a handler that does not fail, against the bare one.
func BenchmarkMiddleware(b *testing.B) {
	faults := httpfault.New(nil)
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	run := func(b *testing.B, h http.Handler) {
		w := faulttest.NewDiscard()
		b.ReportAllocs()
		for b.Loop() {
			h.ServeHTTP(w, req)
		}
	}
	b.Run("middleware", func(b *testing.B) { run(b, faults.Middleware(ok)) })
	b.Run("bare", func(b *testing.B) { run(b, ok) })
}
