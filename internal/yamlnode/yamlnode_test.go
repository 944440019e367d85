package yamlnode

import (
	"testing"

	"gopkg.in/yaml.v3"
)

func TestKind(t *testing.T) {
	for src, want := range map[string]string{
		"a: 1":         "a mapping",
		"[1, 2]":       "a list",
		"~":            "no value",
		"1.5":          "a number",
		"true":         "a boolean",
		"2026-11-20":   "a timestamp",
		"!!binary AAA": "a !!binary scalar",
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(err)
		}
		if got := Kind(doc.Content[0]); got != want {
			t.Errorf("Kind(%q) = %q, want %q", src, got, want)
		}
	}
	if got := Kind(&yaml.Node{Kind: yaml.AliasNode}); got != "an alias" {
		t.Errorf("alias: %q", got)
	}
}
