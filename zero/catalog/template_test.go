package catalog_test

import (
	"testing"

	"github.com/zeroport/zerofault/zero/catalog"
)

// JSONSafe vouches for a formatted template only when its source and
// every param hold nothing JSON escapes, in both template styles.
func TestTemplateJSONSafe(t *testing.T) {
	for _, tc := range []struct {
		source string
		args   []any
		want   bool
	}{
		{"(404) - No service handles {1} {0}.", []any{"/a", "GET"}, true},
		{"Cannot convert {1} to type {0}, it''s {2,number}", []any{"int", "x", 3}, true},
		{"您访问的页面或服务不存在。", nil, true},
		{"No service handles {0}.", []any{`/a"b`}, false},
		{"No service handles {0}.", []any{struct{}{}}, false},
		{`Say "{0}"`, []any{"hi"}, false},
		{"a <b> {0}", []any{"x"}, false},
		{"slf4j {} and {}", []any{"a", 2}, true},
		{"slf4j {} & {}", []any{"a", 2}, false},
		// Params a template does not print do not count.
		{"您访问的页面或服务不存在。", []any{`/a"b`, "GET"}, true},
		// A choice may print any param, whatever ArgCount says.
		{"{0,choice,0#none|1#one: {1}}", []any{1, `"x"`}, false},
		{"{0,choice,0#none|1#one: {1}}", []any{1, "x"}, true},
		{"slf4j {} only", []any{"a", "<b>"}, true},
	} {
		tpl, err := catalog.Compile("en", tc.source)
		if err != nil {
			t.Fatalf("%q: %v", tc.source, err)
		}
		if got := tpl.JSONSafe(tc.args...); got != tc.want {
			t.Errorf("%q %v: JSONSafe = %v, want %v", tc.source, tc.args, got, tc.want)
		}
	}
}
