package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestAdopterPath replays README.md's "Your own exceptions" in a fresh
// module outside the repository: it writes the files the README shows
// (blocks marked <!-- adopter: path -->) and runs the commands it shows
// (blocks marked <!-- adopter: run -->), in the README's order, then
// starts the service and compares its answer with the README's. The
// README is the script, so the two cannot drift apart.
//
// Beyond the README the test only makes the module (go mod init, which
// the README names in prose) and points it at this checkout with a
// replace directive, since zerofault is not fetched from a registry
// here; "go get -tool …@latest" therefore becomes the go.mod edit it
// would make.
func TestAdopterPath(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module from scratch; skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	checkout, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(checkout, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	steps := adopterSteps(t, readme)

	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	dir := t.TempDir()
	gocmd := func(args ...string) {
		t.Helper()
		cmd := exec.CommandContext(ctx, goBin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	gocmd("mod", "init", "example.com/shop")
	gocmd("mod", "edit", "-replace", "github.com/zeroport/zerofault="+checkout)

	var (
		server *exec.Cmd
		base   string
		ran    []string
	)
	for _, s := range steps {
		if s.file != "" {
			p := filepath.Join(dir, filepath.FromSlash(s.file))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(s.body), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		line := s.command
		ran = append(ran, line)
		switch fields := strings.Fields(line); {
		case strings.HasPrefix(line, "go get -tool "):
			tool := strings.TrimSuffix(fields[3], "@latest")
			gocmd("mod", "edit", "-require=github.com/zeroport/zerofault@v0.0.0-00010101000000-000000000000", "-tool="+tool)
			gocmd("mod", "tidy")
		case fields[0] == "go":
			gocmd(fields[1:]...)
		case strings.HasPrefix(fields[0], "./") && strings.HasSuffix(line, "&"):
			addr := freeAddr(t)
			args := fields[1 : len(fields)-1]
			for i, a := range args {
				if a == "-addr" && i+1 < len(args) {
					args[i+1] = addr
				}
			}
			server = exec.Command(filepath.Join(dir, fields[0]), args...)
			server.Dir = dir
			var logs bytes.Buffer
			server.Stdout, server.Stderr = &logs, &logs
			if err := server.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				server.Process.Kill()
				server.Wait()
				if t.Failed() {
					t.Logf("service output:\n%s", logs.String())
				}
			})
			base = "http://" + addr
		case fields[0] == "curl":
			if server == nil {
				t.Fatalf("the README asks %q before starting the service", line)
			}
			url := strings.Trim(fields[len(fields)-1], "'\"")
			url = base + url[strings.Index(url, "/"):]
			compareAnswer(t, ctx, url, s.output)
		default:
			t.Fatalf("the README's step %q is not one this test knows how to replay", line)
		}
	}
	for _, want := range []string{"go get -tool", "go generate", "go build", "curl"} {
		if !strings.Contains(strings.Join(ran, "\n"), want) {
			t.Errorf("the README's path has no %q step; ran:\n%s", want, strings.Join(ran, "\n"))
		}
	}
}

// step is one step of the README's path: a file to write, or a command
// with the output the README shows for it.
type step struct {
	file, body      string
	command, output string
}

// adopterSteps reads the marked blocks of the README, in order.
func adopterSteps(t *testing.T, readme []byte) []step {
	t.Helper()
	var (
		out   []step
		mark  string // the pending marker
		fence string // the open fence's indentation, when in a block
		lines []string
		in    bool
	)
	sc := bufio.NewScanner(bytes.NewReader(readme))
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case !in && strings.HasPrefix(trimmed, "<!-- adopter: ") && strings.HasSuffix(trimmed, " -->"):
			mark = strings.TrimSuffix(strings.TrimPrefix(trimmed, "<!-- adopter: "), " -->")
		case !in && mark != "" && strings.HasPrefix(trimmed, "```"):
			in, fence, lines = true, line[:len(line)-len(strings.TrimLeft(line, " "))], nil
		case in && trimmed == "```":
			in = false
			if mark == "run" {
				out = append(out, commands(lines)...)
			} else {
				out = append(out, step{file: mark, body: strings.Join(lines, "\n") + "\n"})
			}
			mark = ""
		case in:
			lines = append(lines, strings.TrimPrefix(line, fence))
		}
	}
	if len(out) < 6 {
		t.Fatalf("README.md marks only %d adopter steps", len(out))
	}
	return out
}

// commands reads a console block: "$ " lines are commands, the lines
// after one are its output.
func commands(lines []string) []step {
	var out []step
	for _, l := range lines {
		if c, ok := strings.CutPrefix(l, "$ "); ok {
			out = append(out, step{command: c})
		} else if len(out) > 0 {
			last := &out[len(out)-1]
			last.output = strings.TrimPrefix(last.output+"\n"+l, "\n")
		}
	}
	return out
}

// compareAnswer asks url, retrying while the service starts, and wants
// the JSON the README shows, whose "id" differs from run to run.
func compareAnswer(t *testing.T, ctx context.Context, url, want string) {
	t.Helper()
	var body []byte
	var status int
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			body, err = io.ReadAll(resp.Body)
			resp.Body.Close()
			status = resp.StatusCode
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("the service never answered %s: %v", url, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	var got, exp map[string]any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("answer %q is not JSON: %v", body, err)
	}
	if err := json.Unmarshal([]byte(want), &exp); err != nil {
		t.Fatalf("the README's answer %q is not JSON: %v", want, err)
	}
	if id, _ := got["id"].(string); id == "" {
		t.Errorf("answer %s has no id", body)
	}
	delete(got, "id")
	delete(exp, "id")
	g, _ := json.Marshal(got)
	e, _ := json.Marshal(exp)
	if !bytes.Equal(g, e) {
		t.Errorf("answer\n%s\nwant (the README, id aside)\n%s", body, want)
	}
	// The status is the one the message's "(NNN) -" prefix states.
	if msg, _ := exp["message"].(string); len(msg) < 5 || msg[0] != '(' || msg[1:4] != strconv.Itoa(status) {
		t.Errorf("status %d, but the message the README shows is %q", status, msg)
	}
}

// freeAddr returns a loopback address nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
