package shoptest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/examples/shop/internal/shop"
	"github.com/zeroport/zerofault/webexc"
)

// ProblemTypes checks that every problem type URI of the shop leads to
// its code's page: the page of every registered class answers at the
// catalog page's path and the code's number, and the types of real
// problem+json answers, followed, land on the page of their code.
func ProblemTypes(t *testing.T, h http.Handler) {
	t.Helper()
	regs := webexc.Registrations()
	if len(regs) < 49+4 {
		t.Fatalf("%d classes registered; webexc and shoperr alone register 53", len(regs))
	}
	shopCodes := 0
	for _, r := range regs {
		if strings.HasSuffix(r.Package, "/shoperr") {
			shopCodes++
		}
		page(t, h, shop.CatalogPath+"/"+strconv.Itoa(-r.Class.Code), r.Class.Code, r.Class.Name)
	}
	if shopCodes != 4 {
		t.Errorf("%d of the shop's codes are registered, want 4", shopCodes)
	}
	for _, tc := range []struct {
		method, path, body string
		code               int
	}{
		{"GET", "/accounts/42", "", -100001},
		{"GET", "/catalog", "", -60010},
		{"DELETE", "/accounts/1", "", -60014},
		{"GET", "/orders/1001", "", -60012},
		{"POST", "/accounts", `{"email":"bo@","name":"B","age":12}`, -60000},
		{"GET", "/boom", "", -60007},
	} {
		req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
		req.Header.Set("Accept", "application/problem+json")
		if tc.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var p struct {
			Type string
			Code int
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Code != tc.code {
			t.Errorf("%s %s: %s (%v), want code %d", tc.method, tc.path, rec.Body, err, tc.code)
			continue
		}
		// The type is a reference relative to the request's URI.
		base := req.URL
		u, err := base.Parse(p.Type)
		if err != nil {
			t.Errorf("%s %s: type %q: %v", tc.method, tc.path, p.Type, err)
			continue
		}
		page(t, h, u.RequestURI(), tc.code, "")
	}
	// The mount point without its slash leads to the table.
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", shop.CatalogPath, nil))
	if rec.Code != http.StatusPermanentRedirect || rec.Header().Get("Location") != "errors/" {
		t.Errorf("/errors: %d %v", rec.Code, rec.Header())
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", shop.CatalogPath+"/", nil))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `<tr id="c100004"`) {
		t.Errorf("/errors/: %d, or no row for -100004", rec.Code)
	}
}

// page checks that path answers the page of code, of class when given.
func page(t *testing.T, h http.Handler, path string, code int, class string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.Contains(body, `<span id="code">`+strconv.Itoa(code)+`</span>`) {
		t.Errorf("GET %s: %d, not the page of %d", path, rec.Code, code)
		return
	}
	if class != "" && !strings.Contains(body, `<span id="class">`+class+`</span>`) {
		t.Errorf("GET %s: the page does not name %s", path, class)
	}
}
