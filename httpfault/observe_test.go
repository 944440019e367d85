package httpfault_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/httpfault"
)

// Observe sees each answered failure once, with its class, through the
// writing entry point and through Describe alike; a panic in it is
// logged and does not change the answer.
func TestObserve(t *testing.T) {
	type seen struct {
		code, status int
		class, id    string
		ctxOK        bool
	}
	var got []seen
	type key struct{}
	var logs bytes.Buffer
	faults := httpfault.New(&httpfault.Options{
		Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		Observe: func(ctx context.Context, a *httpfault.Answer) {
			got = append(got, seen{a.Code, a.Status, a.Class, a.ID, ctx.Value(key{}) == "request"})
			if a.Status == http.StatusMethodNotAllowed {
				panic("observer bug")
			}
		},
	})
	req := func(method string) *http.Request {
		r := httptest.NewRequest(method, "/users/42", nil)
		return r.WithContext(context.WithValue(r.Context(), key{}, "request"))
	}

	rec := httptest.NewRecorder()
	faults.ServeError(rec, req(http.MethodGet), notFound())
	a := faults.Describe(req(http.MethodGet), httpfault.ErrNotFound, httpfault.Facts{Target: "GET /users/{id}"})
	rec405 := httptest.NewRecorder()
	faults.ServeError(rec405, req(http.MethodDelete), httpfault.ErrMethodNotAllowed)

	want := []seen{
		{-60008, 404, "WebException", "", true},
		{-60010, 404, "_404ServiceNotFoundException", a.ID, true},
		{-60014, 405, "_405MethodForbiddenException", "", true},
	}
	if len(got) != len(want) {
		t.Fatalf("observed %d failures, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		want[i].id = got[i].id // ids are random; only Describe's is known
		if i == 1 && got[i].id != a.ID {
			t.Errorf("Describe observed id %q, returned %q", got[i].id, a.ID)
		}
		if got[i] != want[i] {
			t.Errorf("observed %+v, want %+v", got[i], want[i])
		}
	}
	if a.Class != "_404ServiceNotFoundException" {
		t.Errorf("Describe's Answer.Class = %q", a.Class)
	}
	if rec405.Code != http.StatusMethodNotAllowed || !strings.Contains(rec405.Body.String(), `"code":-60014`) {
		t.Errorf("a panicking observer changed the answer: %d %s", rec405.Code, rec405.Body)
	}
	if !strings.Contains(logs.String(), "Observe hook panicked") {
		t.Errorf("the observer's panic was not logged:\n%s", logs.String())
	}
}
