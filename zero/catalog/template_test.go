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

// Fixed gives the text of a template that prints no argument, and
// nothing for one that prints any.
func TestTemplateFixed(t *testing.T) {
	for _, tc := range []struct {
		source, text string
		fixed        bool
	}{
		{"您访问的页面或服务不存在。", "您访问的页面或服务不存在。", true},
		{"It''s gone.", "It's gone.", true},
		{"'{0}' is quoted", "{0} is quoted", true},
		{`slf4j \{} escaped`, "slf4j {} escaped", true},
		{"No service handles {0}.", "", false},
		{"{0,choice,0#none|1#one}", "", false},
		{"slf4j {}", "", false},
	} {
		tpl, err := catalog.Compile("en", tc.source)
		if err != nil {
			t.Fatalf("%q: %v", tc.source, err)
		}
		text, fixed := tpl.Fixed()
		if text != tc.text || fixed != tc.fixed {
			t.Errorf("%q: Fixed = %q, %v; want %q, %v", tc.source, text, fixed, tc.text, tc.fixed)
		}
		if fixed {
			// What formatting writes, whatever the arguments.
			if got, err := tpl.Format("x", 2); err != nil || got != text {
				t.Errorf("%q: Format = %q, %v; Fixed said %q", tc.source, got, err, text)
			}
		}
	}
}

// Pack moves templates without changing what any of them says or
// formats, and leaves the originals as they were.
func TestPack(t *testing.T) {
	sources := []string{
		"您访问的页面或服务不存在。",
		"It''s gone.",
		"No service handles {1} {0}.",
		"{0,choice,0#none|1#one: {1}}",
		"slf4j {} and {}",
		`slf4j \{} escaped`,
		"It''s gone.", // the same source again
		"",
	}
	var ts, orig []*catalog.Template
	for _, s := range sources {
		tpl, err := catalog.Compile("en", s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		ts, orig = append(ts, tpl), append(orig, tpl)
	}
	catalog.Pack(ts)
	args := []any{1, "GET"}
	for i, tpl := range ts {
		if tpl == orig[i] {
			t.Errorf("%q: not moved", sources[i])
		}
		if tpl.Source() != sources[i] || orig[i].Source() != sources[i] {
			t.Errorf("%q: source %q after Pack, %q left behind", sources[i], tpl.Source(), orig[i].Source())
		}
		got, err1 := tpl.Format(args...)
		want, err2 := orig[i].Format(args...)
		if got != want || (err1 == nil) != (err2 == nil) {
			t.Errorf("%q: formats %q (%v) after Pack, %q (%v) before", sources[i], got, err1, want, err2)
		}
		gf, gok := tpl.Fixed()
		wf, wok := orig[i].Fixed()
		if gf != wf || gok != wok || tpl.ArgCount() != orig[i].ArgCount() || tpl.JSONSafe(args...) != orig[i].JSONSafe(args...) {
			t.Errorf("%q: Fixed, ArgCount or JSONSafe changed by Pack", sources[i])
		}
	}
}
