package render

import (
	"testing"

	"github.com/zeroport/zerofault/gen/internal/decl"
)

// Examples show params by name, numbers as 1; a template the example
// args cannot fill is shown as written, never half formatted.
func TestExample(t *testing.T) {
	args := exampleArgs([]decl.Param{{Name: "sku", Type: "string"}, {Name: "n", Type: "int"}, {Name: "ok", Type: "bool"},
		{Name: "price", Type: "float64"}, {Name: "target", Type: "zero.Target"}, {Name: "big", Type: "int64"}})
	for _, tc := range []struct{ src, want string }{
		{"(409) - Item {0}: {1,number,integer} left.", "(409) - Item {sku}: 1 left."},
		{"{1,choice,0#none|1#one|1<many}", "one"},
		{"{3,number,#.##} at {4}, {2}", "1.5 at {target}, true"},
		{"slf4j {} and {}", "slf4j {sku} and 1"},
		{"{0,number}", "{0,number}"},           // a string where a number goes
		{"unbalanced {0", "unbalanced {0"},     // does not compile
		{"{5,number,integer} it''s", "1 it's"}, // int64
	} {
		if got := example("en-US", tc.src, args); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestYAMLString(t *testing.T) {
	for in, want := range map[string]string{
		`plain`:            `"plain"`,
		"a \"q\" \\ <b> &": `"a \"q\" \\ <b> &"`,
		"line\nbreak\t":    `"line\nbreak\t"`,
		"# not a comment":  `"# not a comment"`,
		"日本語":              `"日本語"`,
	} {
		if got := yamlString(in); got != want {
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}
