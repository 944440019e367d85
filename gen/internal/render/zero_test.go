package render

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// probeMain exercises the generated code of testdata/zero inside package
// zero, where uncoded exceptions use zero's unexported helper.
const probeMain = `package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

func main() {
	cat, err := catalog.Load(catalog.ErrorFile(os.Args[1]))
	if err != nil {
		fmt.Println(err)
		return
	}
	catalog.Swap(cat)

	a := zero.NewGenProbeArgument("Probe", "size < 0")
	fmt.Println(a.Error())
	w := fmt.Errorf("w: %w", a)
	var pa *zero.GenProbeArgumentException
	var run *zero.ZeroRunException
	var rt zero.Runtime
	fmt.Println("as:", errors.As(w, &pa), errors.As(w, &run), errors.As(w, &rt))
	fmt.Println("is:", errors.Is(w, zero.NewGenProbeArgument("Other", "x")), errors.Is(w, zero.NewGenProbeCount("Other", 1)))
	fmt.Println("predicates:", zero.IsGenProbeArgument(w), zero.IsGenProbeCount(w), zero.IsGenProbeArgument(io.EOF))
	fmt.Println(zero.NewGenProbeCount("Probe", 1234).Message())

	s := zero.NewGenProbeStep("Probe", "disk", 3)
	fmt.Println(s.Error())
	fmt.Println("coded:", zero.IsGenProbeStep(fmt.Errorf("w: %w", s)), errors.Is(s, zero.NewRun("X", zero.CodeGenProbeStep)), zero.IsGenProbeParse(s))

	p := zero.NewGenProbeParse("Probe", "a.json", io.ErrUnexpectedEOF)
	fmt.Println(p.Message())
	fmt.Println("cause:", errors.Is(p, io.ErrUnexpectedEOF))
	fmt.Println("thrown:", zero.Try(func() { zero.Throw(a) }) == error(a))
}
`

const probeWant = `[ ERR ] ( Probe ) Run Error: Invalid probe argument: size < 0
as: true true true
is: true false
predicates: true false false
The probe saw 1,234 items's worth, caller {1}.
[ ERR-100401 ] ( Probe ) Run Error: The probe disk failed at step 3.
coded: true true false
The probe could not parse a.json: unexpected EOF
cause: true
thrown: true
`

// TestZeroPackageRuns compiles the generated code of testdata/zero into
// package zero, through a go build overlay so that the tree is left
// alone, and runs a program that uses it.
func TestZeroPackageRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds package zero")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(os.Getenv("GOROOT"), "bin", "go")
	}
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Skip("module root not found:", err)
	}
	set, f := load(t, "zero", goldenCases[0].opts)
	src, err := Go(set, f, Where{})
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// The probe's package does not exist on disk; the overlay supplies it.
	probeDir := filepath.Join(root, "gen", "internal", "render", "zeroprobe")
	overlay, _ := json.Marshal(map[string]map[string]string{"Replace": {
		filepath.Join(root, "zero", "zz_genprobe_gen.go"): write("gen.go", src),
		filepath.Join(probeDir, "main.go"):                write("main.go", []byte(probeMain)),
	}})
	catalogPath, _ := filepath.Abs(filepath.Join("testdata", "config", "error.yml"))
	cmd := exec.Command(goTool, "run", "-overlay", write("overlay.json", overlay), probeDir, catalogPath)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, out)
	}
	if string(out) != probeWant {
		t.Errorf("probe printed:\n%s\nwant:\n%s", out, probeWant)
	}
}
