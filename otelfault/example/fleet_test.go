package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The tour in README.md is a transcript: a "# NNN Status" line, a curl
// command, and what it prints. The test replays it, in order, against
// the fleet, so the README cannot drift from what the fleet answers.
// Ids are random, so they match any id, except the trace id of the
// traceparent the tour sends, which must come back as it is.
const traceID = "4bf92f3577b34da6a3ce929d0e0e4736"

type exchange struct {
	line   int
	status int // 0: not shown
	args   []string
	grep   string // the pattern of a "| grep" after the command
	want   []string
}

// statusLine is the comment before a command: "# 404 Not Found".
var statusLine = regexp.MustCompile(`^# [1-5][0-9][0-9] [A-Z]`)

func readTour(t *testing.T, path string) []exchange {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []exchange
	var cur *exchange
	status, n := 0, 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case statusLine.MatchString(line):
			status, _ = strconv.Atoi(line[2:5])
			cur = nil
		case strings.HasPrefix(line, "$ curl "):
			cmd, grep, _ := strings.Cut(strings.TrimPrefix(line, "$ "), " | grep ")
			args, err := shellWords(cmd)
			if err != nil {
				t.Fatalf("README.md:%d: %v", n, err)
			}
			out = append(out, exchange{line: n, status: status, args: args[1:], grep: grep})
			cur, status = &out[len(out)-1], 0
		case line == "" || strings.HasPrefix(line, "```"):
			cur = nil
		case cur != nil:
			cur.want = append(cur.want, line)
		}
	}
	return out
}

// shellWords splits a command as a shell would, for the quoting the
// README uses: single quotes.
func shellWords(s string) ([]string, error) {
	var words []string
	var b strings.Builder
	inWord, quoted := false, false
	for _, r := range s {
		switch {
		case r == '\'':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, b.String())
				b.Reset()
			}
			inWord = false
		default:
			b.WriteRune(r)
			inWord = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unclosed quote in %q", s)
	}
	if inWord {
		words = append(words, b.String())
	}
	return words, nil
}

// request builds the curl command's request against base.
func (x exchange) request(base string) (*http.Request, error) {
	method, hdr, target := http.MethodGet, http.Header{}, ""
	for i := 0; i < len(x.args); i++ {
		switch a := x.args[i]; a {
		case "-s":
		case "-X":
			i++
			method = x.args[i]
		case "-H":
			i++
			k, v, _ := strings.Cut(x.args[i], ":")
			hdr.Add(k, strings.TrimSpace(v))
		default:
			if strings.HasPrefix(a, "-") {
				return nil, fmt.Errorf("curl option %s is not replayed", a)
			}
			target = a
		}
	}
	path, ok := strings.CutPrefix(target, "localhost:8080")
	if !ok {
		return nil, fmt.Errorf("target %q is not the gateway", target)
	}
	r, err := http.NewRequest(method, base+path, nil)
	if err != nil {
		return nil, err
	}
	r.Header = hdr
	return r, nil
}

var idMember = regexp.MustCompile(`"(id|request_id)":"([^"]*)"|"instance":"urn:zerofault:id:([^"]*)"`)

// sameBody compares bodies with ids as wildcards, but for the trace id.
// JSON is compared as values: protojson, which writes the gateway's
// successes, varies its spacing on purpose.
func sameBody(want, got string) bool {
	norm := func(s string) string {
		return idMember.ReplaceAllStringFunc(s, func(m string) string {
			if strings.Contains(m, traceID) {
				return m
			}
			return idMember.ReplaceAllString(m, `"$1":"…"`)
		})
	}
	want, got = norm(want), norm(got)
	var w, g any
	if json.Unmarshal([]byte(want), &w) == nil && json.Unmarshal([]byte(got), &g) == nil {
		return reflect.DeepEqual(w, g)
	}
	return want == got
}

// syncBuffer is a bytes.Buffer the stdout exporter may write to while
// the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestREADMETour(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var spans syncBuffer
	f, err := newFleet(Options{Logger: slog.New(slog.DiscardHandler), Traces: &spans, Metrics: true}, lis)
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = f.accounts.Serve(lis) }()
	srv := httptest.NewServer(f.gateway)
	defer srv.Close()
	defer func() {
		if err := f.close(context.Background()); err != nil {
			t.Error(err)
		}
	}()

	tour := readTour(t, "README.md")
	if len(tour) < 8 {
		t.Fatalf("README.md shows %d curl commands; the tour has at least 8", len(tour))
	}
	for _, x := range tour {
		req, err := x.request(srv.URL)
		if err != nil {
			t.Fatalf("README.md:%d: %v", x.line, err)
		}
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatalf("README.md:%d: %v", x.line, err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if x.status != 0 && res.StatusCode != x.status {
			t.Errorf("README.md:%d: status %d, README says %d", x.line, res.StatusCode, x.status)
		}
		var got []string
		for line := range strings.Lines(string(body)) {
			if line = strings.TrimRight(line, "\n"); x.grep == "" || strings.Contains(line, x.grep) {
				got = append(got, line)
			}
		}
		if len(got) != len(x.want) {
			t.Errorf("README.md:%d: %d lines, README shows %d:\n%s", x.line, len(got), len(x.want), strings.Join(got, "\n"))
			continue
		}
		for i := range got {
			if !sameBody(x.want[i], got[i]) {
				t.Errorf("README.md:%d: got\n%s\nREADME shows\n%s", x.line, got[i], x.want[i])
			}
		}
	}

	// -traces printed the spans of both services, the failure on them.
	out := spans.String()
	for _, want := range []string{`"Name": "shop.Accounts/Get"`, `"Value": "_404AccountNotFoundException"`, `"Key": "zerofault.error.code"`, `"Name": "exception"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the spans miss %s", want)
		}
	}
}
