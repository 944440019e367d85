package catalogpage_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// What a page costs: the whole table is built from the catalogs in
// force per request, in one language for HTML, in all for JSON.
func BenchmarkPage(b *testing.B) {
	h := server(nil)
	for _, p := range []string{"/errors/", "/errors/?q=60010", "/errors/?format=json", "/errors/60010"} {
		b.Run(p, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, p, nil)
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}
