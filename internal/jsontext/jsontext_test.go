package jsontext_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zeroport/zerofault/internal/jsontext"
)

// escapeCorpus covers each escaping rule, the inline UTF-8 checks and
// the malformed sequences they must hand to utf8; it also seeds the fuzzer.
var escapeCorpus = []string{
	"",
	"plain ascii",
	`quote " backslash \ slash /`,
	"<script>&amp;</script>",
	"tab\tnewline\nreturn\rbell\x07nul\x00del\x7f",
	"backspace\b formfeed\f vertical\v",
	"Grüße, café, naïve",
	"Запрошенная страница",
	"您访问的页面或服务不存在。",
	"emoji 😀 and 𝄞",
	"line\u2028separator\u2029paragraph",
	"\u2027\u202a edge of the separators",
	"invalid \xff byte",
	"truncated \xe4\xbd",
	"truncated at end \xe4",
	"overlong \xc0\xaf and \xe0\x80\xaf",
	"surrogate \xed\xa0\x80",
	"beyond \xf4\x90\x80\x80",
	"देवनागरी",
	"\xe2\x80",
}

// The escaper must write exactly what encoding/json writes, so bodies do
// not depend on which code wrote them.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range escapeCorpus {
		checkEscape(t, s)
	}
}

// checkEscape compares AppendString and AppendEscaped with json.Marshal.
func checkEscape(t *testing.T, s string) {
	t.Helper()
	want, _ := json.Marshal(s)
	if got := jsontext.AppendString(nil, s); string(got) != string(want) {
		t.Errorf("%q:\n got %s\nwant %s", s, got, want)
	}
	if got := jsontext.AppendEscaped([]byte("x"), s); string(got) != "x"+string(want[1:len(want)-1]) {
		t.Errorf("AppendEscaped(%q) = %s, want x and %s unquoted", s, got, want)
	}
	// Safe says exactly when escaping changes nothing: a writer that
	// trusts it copies text that encoding/json would have left alone.
	if safe, same := jsontext.Safe(s), string(want) == `"`+s+`"`; safe != same {
		t.Errorf("Safe(%q) = %v, but encoding/json leaves it as it is: %v", s, safe, same)
	}
	if jsontext.Safe([]byte(s)) != jsontext.Safe(s) {
		t.Errorf("Safe(%q) differs between string and []byte", s)
	}
}

// SafeArgs vouches for numbers, booleans, nil and safe strings only.
func TestSafeArgs(t *testing.T) {
	type code int
	for _, tc := range []struct {
		args []any
		want bool
	}{
		{nil, true},
		{[]any{"GET", "/api/users/42", 42, int64(-1), 3.5, true, nil, uint8(7)}, true},
		{[]any{"GET", `/a"b`}, false},
		{[]any{"<script>"}, false},
		{[]any{`back\slash`}, false},
		{[]any{"line\u2028separator"}, false},
		{[]any{"bad \xff byte"}, false},
		{[]any{"您访问的页面"}, true},
		{[]any{code(1)}, false},             // a named type may have a String method
		{[]any{errors.New("plain")}, false}, // Error() could print anything
		{[]any{time.Unix(0, 0)}, false},     // a zone's name could
	} {
		if got := jsontext.SafeArgs(tc.args); got != tc.want {
			t.Errorf("SafeArgs(%#v) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

// FuzzAppendEscaped holds the hand-written fast paths to encoding/json
// on any input; testdata/fuzz keeps the inputs it once failed on.
func FuzzAppendEscaped(f *testing.F) {
	for _, s := range escapeCorpus {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkEscape(t, s) })
}

// Every character that needs escaping, at every offset of the eight-byte
// fast path.
func TestAppendEscapedEveryOffset(t *testing.T) {
	for _, special := range []string{`"`, `\`, "<", ">", "&", "\x00", "\b", "\f", "\x1f", "\x7f", "é", "\u2028", "\xff"} {
		for i := range 17 {
			checkEscape(t, strings.Repeat("a", i)+special+strings.Repeat("b", 17-i))
		}
	}
}

// Both callers write into pooled or reused buffers: with room in dst,
// escaping must not allocate.
func TestAppendEscapedNoAlloc(t *testing.T) {
	s := "Order <A-7> is \"locked\"\n by 您 \u2028 \xff"
	buf := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, func() { buf = jsontext.AppendString(buf[:0], s) }); n != 0 {
		t.Errorf("AppendString allocates %v times", n)
	}
}
