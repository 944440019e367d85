package msgfmt_test

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedReference locates a file of Zero's reference material:
// ../shared/reference/<name> from the repository root. The files are
// shared reference material and are deliberately not copied into the
// repository; callers skip when they are absent.
func sharedReference(t testing.TB, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root (go.mod) not found")
		}
		dir = parent
	}
	return filepath.Join(dir, "..", "shared", "reference", name)
}

// TestZeroTemplates formats every template of Zero's catalog as recorded
// from the JDK (zero-templates-jdk17.jsonl).
func TestZeroTemplates(t *testing.T) {
	path := sharedReference(t, "zero-templates-jdk17.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("reference file absent: %v", err)
	}
	cases := readCases(t, path)
	if len(cases) == 0 {
		t.Fatal("no cases in " + path)
	}
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) { runCase(t, c) })
	}
}
