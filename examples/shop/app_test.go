package main

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The panic route shows its details only to a request that carries the
// debug token; everyone else gets the production body.
func TestBoomDebugOnlyWithToken(t *testing.T) {
	e, err := newServer(Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), DebugToken: "let-me-see"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		token     string
		wantDebug bool
	}{{"", false}, {"wrong", false}, {"let-me-see", true}} {
		req := httptest.NewRequest(http.MethodGet, "/boom", nil)
		if tc.token != "" {
			req.Header.Set("X-Debug-Token", tc.token)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code != http.StatusInternalServerError || !strings.Contains(body, `"code":-60007`) {
			t.Errorf("token %q: %d %s", tc.token, rec.Code, body)
		}
		leaks := strings.Contains(body, "nil map") || strings.Contains(body, "goroutine")
		if got := strings.Contains(body, `"debug":`); got != tc.wantDebug || leaks != tc.wantDebug {
			t.Errorf("token %q: debug member %v, panic text or stack %v; want %v\n%s", tc.token, got, leaks, tc.wantDebug, body)
		}
	}
}
