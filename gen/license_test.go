package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLicense: the module carries the Apache License 2.0 in full, as Zero
// does, with its authors' copyright line, and the README points to it, so
// that a team adopting the generator finds the terms it is under.
func TestLicense(t *testing.T) {
	lic, err := os.ReadFile(filepath.Join("..", "LICENSE"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(lic)
	for _, want := range []string{
		"Apache License\n                           Version 2.0, January 2004",
		"TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION",
		"9. Accepting Warranty or Additional Liability.",
		"END OF TERMS AND CONDITIONS",
		"Copyright 2026 The zerofault authors",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("LICENSE lacks %q", want)
		}
	}
	if strings.Contains(text, "[yyyy]") {
		t.Error("LICENSE still has the template's copyright placeholder")
	}
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "[LICENSE](LICENSE)") {
		t.Error("README.md does not link LICENSE")
	}
}
