package httpfault_test

import (
	"fmt"
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

// manyLanguages returns n distinct Accept-Language values, made as
// browsers make them: a few tags of a pool, in some order, with q-values.
func manyLanguages(n int) []string {
	pool := []string{"de-DE", "de", "en-US", "en", "fr-FR", "fr-CA", "zh-CN", "zh-TW", "zh-HK", "ja", "ko-KR", "es-MX",
		"pt-BR", "pt-PT", "ru", "nb", "sv-SE", "fi", "pl", "it-IT", "nl", "tr", "uk", "cs", "he", "ar-EG", "hi-IN", "id", "th", "vi"}
	out := make([]string, 0, n)
	seen := map[string]bool{}
	for i := 0; len(out) < n; i++ {
		n := len(pool)
		a, b, c := pool[i%n], pool[(i/n)%n], pool[(i*7+3)%n]
		v := fmt.Sprintf("%s,%s;q=0.%d,%s;q=0.%d", a, b, 1+(i/(n*n))%9, c, 1+(i/(n*n*9))%9)
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// An error response while 10,000 distinct Accept-Language values cycle,
// against the same response with one value repeated: the cost of
// languages must not fall off a cliff when the header cache cannot hold
// them all.
func BenchmarkManyLanguages(b *testing.B) {
	faults := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler)})
	run := func(b *testing.B, values []string) {
		req := httptest.NewRequest(http.MethodGet, "/api/orders/42", nil)
		w := faulttest.NewDiscard()
		for _, v := range values { // warm what can be warmed
			req.Header["Accept-Language"] = []string{v}
			faults.ServeError(w, req, httpfault.ErrNotFound)
		}
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			req.Header["Accept-Language"] = []string{values[i%len(values)]}
			i++
			clear(w.H)
			faults.ServeError(w, req, httpfault.ErrNotFound)
		}
	}
	b.Run("one", func(b *testing.B) { run(b, manyLanguages(1)) })
	b.Run("10000", func(b *testing.B) { run(b, manyLanguages(10000)) })
}
