package msgfmt_test

import (
	"os"
	"path/filepath"
	"testing"
)

// zeroTemplatesPath locates Zero's real templates as run through JDK 17:
// ../shared/reference/zero-templates-jdk17.jsonl from the repository root.
// The file is shared reference material and is deliberately not copied
// into the repository.
func zeroTemplatesPath(t *testing.T) string {
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
	return filepath.Join(dir, "..", "shared", "reference", "zero-templates-jdk17.jsonl")
}

// TestZeroTemplates formats every template of Zero's catalog as recorded
// from the JDK.
func TestZeroTemplates(t *testing.T) {
	path := zeroTemplatesPath(t)
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
