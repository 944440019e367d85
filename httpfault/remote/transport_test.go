package remote_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/remote"
	"github.com/zeroport/zerofault/webexc"
)

// A front service calls a back service: the id the client gave the
// front, or the one the front made, is the id the back answers and
// logs with, and the back's failure reaches the front typed.
func TestRequestIDTravels(t *testing.T) {
	faults := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler)})
	var backSaw []string
	back := httptest.NewServer(faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		backSaw = append(backSaw, r.Header.Get("X-Request-Id"))
		return webexc.NewRecordNotFound("Back")
	}))
	defer back.Close()
	client := &http.Client{Transport: &remote.Transport{Base: back.Client().Transport}}

	var ctxIDs []string
	front := httptest.NewServer(remote.Middleware(faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		id, _ := remote.RequestID(r.Context())
		ctxIDs = append(ctxIDs, id)
		req, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, back.URL, nil)
		_, err := client.Do(req)
		return err // the back's exception: answered with its code and status
	})))
	defer front.Close()

	for _, sent := range []string{"client-7", "", "bad id with spaces", strings.Repeat("x", 129)} {
		req, _ := http.NewRequest(http.MethodGet, front.URL, nil)
		if sent != "" {
			req.Header.Set("X-Request-Id", sent)
		}
		resp, err := front.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got := resp.Header.Get("X-Request-Id")
		if sent == "client-7" && got != sent {
			t.Errorf("sent %q, answered %q", sent, got)
		}
		if sent != "client-7" && !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(got) {
			t.Errorf("sent %q: made id %q", sent, got)
		}
		if n := len(backSaw); n == 0 || backSaw[n-1] != got || ctxIDs[len(ctxIDs)-1] != got {
			t.Errorf("sent %q: front answered %q, its context held %q, the back saw %q", sent, got, ctxIDs, backSaw)
		}
		// The front answers the back's failure: -60008, 404, the one id.
		if resp.StatusCode != 404 || !strings.Contains(string(body), `"code":-60008`) || !strings.Contains(string(body), `"id":"`+got+`"`) {
			t.Errorf("front answered %d %s", resp.StatusCode, body)
		}
	}
}

// The Transport sends the context's id unless the request has its own,
// and never modifies the caller's request.
func TestTransportForwardsID(t *testing.T) {
	var seen string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r.Header.Get("X-Request-Id")
	}))
	defer srv.Close()
	client := &http.Client{Transport: &remote.Transport{Base: srv.Client().Transport}}

	ctx := remote.WithRequestID(context.Background(), "ctx-1")
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if seen != "ctx-1" || req.Header.Get("X-Request-Id") != "" {
		t.Errorf("seen %q; caller's request header %q", seen, req.Header.Get("X-Request-Id"))
	}
	req.Header.Set("X-Request-Id", "own-2")
	resp, _ = client.Do(req)
	resp.Body.Close()
	if seen != "own-2" {
		t.Errorf("seen %q: the request's own id is overridden", seen)
	}
	// Nothing to forward, and ids httpfault would not take are not carried.
	for _, ctx := range []context.Context{context.Background(), remote.WithRequestID(context.Background(), "a b"), remote.WithRequestID(context.Background(), "")} {
		if _, ok := remote.RequestID(ctx); ok {
			t.Error("an invalid id is carried")
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL, nil)
		resp, _ := client.Do(req)
		resp.Body.Close()
		if seen != "" {
			t.Errorf("seen %q", seen)
		}
	}
}

// Through http.Client, the Transport's error is wrapped in *url.Error,
// which names the call and unwraps to the exception; successes pass
// untouched; DisableDecode leaves failures to Check.
func TestTransportErrors(t *testing.T) {
	faults := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler)})
	srv := httptest.NewServer(faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		switch r.URL.Path {
		case "/ok":
			io.WriteString(w, "fine")
			return nil
		case "/proxy":
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			io.WriteString(w, "<html>bad gateway</html>")
			return nil
		}
		return webexc.NewRecordNotFound("T")
	}))
	defer srv.Close()
	client := &http.Client{Transport: &remote.Transport{Base: srv.Client().Transport}}

	_, err := client.Get(srv.URL + "/missing")
	if !webexc.IsRecordNotFound(err) || !strings.HasPrefix(err.Error(), `Get "`+srv.URL+`/missing": [ ERR-60008 ]`) {
		t.Errorf("%v", err)
	}
	_, err = client.Get(srv.URL + "/proxy")
	if re, ok := errors.AsType[*remote.ResponseError](err); !ok || re.Status != 502 || re.Snippet != "<html>bad gateway</html>" {
		t.Errorf("%v", err)
	}
	resp, err := client.Get(srv.URL + "/ok")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(resp.Body); string(b) != "fine" {
		t.Errorf("%q", b)
	}
	resp.Body.Close()

	plain := &http.Client{Transport: &remote.Transport{Base: srv.Client().Transport, DisableDecode: true}}
	resp, err = plain.Get(srv.URL + "/missing")
	if err != nil || resp.StatusCode != 404 {
		t.Fatalf("%v", err)
	}
	if err := remote.Check(resp, err); !webexc.IsRecordNotFound(err) {
		t.Errorf("%v", err)
	}
}

// A body cut off mid-way is a ResponseError wrapping the read error,
// with what was read.
func TestFromResponseReadError(t *testing.T) {
	resp := &http.Response{StatusCode: 500, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(io.MultiReader(strings.NewReader(`{"code":-600`), errReader{}))}
	err, ok := remote.FromResponse(resp)
	re, isRE := errors.AsType[*remote.ResponseError](err)
	if ok || !isRE || !errors.Is(err, errReset) || re.Snippet != `{"code":-600` {
		t.Errorf("%v", err)
	}
	// A body longer than MaxBody is read MaxBody+1 bytes far, no more.
	counted := &countReader{}
	resp = &http.Response{StatusCode: 500, Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(counted)}
	err, _ = remote.FromResponse(resp)
	if !errors.Is(err, remote.ErrTooLarge) || counted.n != remote.MaxBody+1 {
		t.Errorf("read %d bytes: %v", counted.n, err)
	}
}

var errReset = errors.New("connection reset")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errReset }

// countReader is an endless body of spaces that counts what is read.
type countReader struct{ n int }

func (c *countReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	c.n += len(p)
	return len(p), nil
}
