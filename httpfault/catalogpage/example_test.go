package catalogpage_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/catalogpage"
	"github.com/zeroport/zerofault/webexc"
)

// A net/http service mounts the page at /errors/ and points its
// problem types there, so that every type URI leads to a page.
func Example() {
	faults := httpfault.New(&httpfault.Options{ProblemTypeBase: "/errors/", Logger: slog.New(slog.DiscardHandler)})
	mux := http.NewServeMux()
	mux.Handle("GET /errors/", http.StripPrefix("/errors", catalogpage.New(nil)))
	mux.Handle("GET /users/{id}", faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		return webexc.NewRecordNotFound("UserHandler")
	}))
	srv := httptest.NewServer(faults.Middleware(mux))
	defer srv.Close()

	// A failure, answered as problem+json…
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/users/42", nil)
	req.Header.Set("Accept", "application/problem+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		panic(err)
	}
	var problem struct{ Type string }
	json.NewDecoder(resp.Body).Decode(&problem)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, problem.Type)

	// …whose type is the page of its code.
	resp, err = http.Get(srv.URL + problem.Type + "?format=json")
	if err != nil {
		panic(err)
	}
	var page struct {
		Code   int
		Class  string
		Status int
	}
	json.NewDecoder(resp.Body).Decode(&page)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, page.Code, page.Class, page.Status)
	// Output:
	// 404 /errors/60008
	// 200 -60008 _404RecordNotFoundException 404
}
