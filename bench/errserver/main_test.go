package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// BenchmarkServer is bench/wrk.sh in one process: each mode's server on
// 127.0.0.1 (net/http's own Server, through httptest) answering one
// keep-alive connection, one request at a time, from a client that only
// reads the status line, the headers and Content-Length bytes. Its ns/op
// is a round trip, not a share of a saturated core as wrk measures, but
// its B/op and allocs/op are the server's (the client allocates nothing
// per request), and under a tool that counts instructions (callgrind) it
// tells where a server's work differs without the host's noise:
//
//	go test -run '^$' -bench 'Server/nethttp/users' -benchmem ./bench/errserver
//
// The record each zerofault mode logs goes to a discarded text handler,
// past the same level check and limiter as the errserver's stderr.
func BenchmarkServer(b *testing.B) {
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	b.Cleanup(func() { slog.SetDefault(prev) })
	for _, fw := range frameworks {
		for _, route := range routes {
			for _, side := range sides(fw) {
				b.Run(fw+route+"/"+side, func(b *testing.B) { benchServer(b, fw+"-"+side, route) })
			}
		}
	}
}

// The frameworks, routes and sides of the errserver's modes.
var (
	frameworks = []string{"echo4", "echo5", "nethttp"}
	routes     = []string{"/users/42", "/nowhere"}
)

// sides returns the modes fw has: its default, the floor, zerofault, and
// for Echo v4 also the default with zerofault's catalogs on the heap.
func sides(fw string) []string {
	if fw == "echo4" {
		return []string{"default", "floor", "zerofault", "loaded"}
	}
	return []string{"default", "floor", "zerofault"}
}

func benchServer(b *testing.B, mode, path string) {
	h, err := handler(mode)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	// The request wrk sends.
	req := []byte("GET " + path + " HTTP/1.1\r\nHost: " + srv.Listener.Addr().String() + "\r\n\r\n")
	rd := bufio.NewReaderSize(conn, 4096)
	body := make([]byte, 4096)
	roundTrip := func() {
		if _, err := conn.Write(req); err != nil {
			b.Fatal(err)
		}
		if err := readResponse(rd, body); err != nil {
			b.Fatal(err)
		}
	}
	roundTrip() // load the catalogs and warm the pools
	b.ReportAllocs()
	for b.Loop() {
		roundTrip()
	}
}

var contentLength = []byte("content-length:")

// readResponse reads one 404 response from rd, its body into buf.
func readResponse(rd *bufio.Reader, buf []byte) error {
	line, err := rd.ReadSlice('\n')
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(line, []byte("HTTP/1.1 404 ")) {
		return fmt.Errorf("status line %q, want a 404", line)
	}
	n := -1
	for {
		line, err = rd.ReadSlice('\n')
		if err != nil {
			return err
		}
		if len(line) <= 2 {
			break
		}
		if len(line) > len(contentLength) && bytes.EqualFold(line[:len(contentLength)], contentLength) {
			n, err = strconv.Atoi(string(bytes.TrimSpace(line[len(contentLength):])))
			if err != nil {
				return err
			}
		}
	}
	if n < 0 || n > len(buf) {
		return fmt.Errorf("content length %d", n)
	}
	_, err = io.ReadFull(rd, buf[:n])
	return err
}

// Every mode answers both routes with a 404 and a body: what
// BenchmarkServer and bench/wrk.sh compare is the same exchange.
func TestModesAnswer404(t *testing.T) {
	for _, fw := range frameworks {
		for _, side := range sides(fw) {
			h, err := handler(fw + "-" + side)
			if err != nil {
				t.Fatal(err)
			}
			for _, path := range routes {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
				if rec.Code != http.StatusNotFound || rec.Body.Len() == 0 {
					t.Errorf("%s-%s %s: status %d, body %q", fw, side, path, rec.Code, rec.Body)
				}
			}
		}
	}
}
