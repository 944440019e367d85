package echofault

import (
	"encoding/json"
	"strings"
	"testing"
)

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

// The body writer escapes exactly as encoding/json does, so bodies do not
// depend on which code wrote them.
func TestAppendEscapedMatchesEncodingJSON(t *testing.T) {
	for _, s := range escapeCorpus {
		checkEscape(t, s)
	}
}

func checkEscape(t *testing.T, s string) {
	t.Helper()
	want, _ := json.Marshal(s)
	if got := appendString(nil, s); string(got) != string(want) {
		t.Errorf("%q:\n got %s\nwant %s", s, got, want)
	}
}

func FuzzAppendEscaped(f *testing.F) {
	for _, s := range escapeCorpus {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkEscape(t, s) })
}

func TestIsBlank(t *testing.T) {
	for s, want := range map[string]bool{"": true, " \t\n": true, "\u00a0\u3000": true, "x": false, " 您": false, "\xff": false} {
		if got, trimmed := isBlank(s), strings.TrimSpace(s) == ""; got != want || got != trimmed {
			t.Errorf("isBlank(%q) = %v, want %v", s, got, want)
		}
	}
}

// Every character that needs escaping, at every offset of the eight-byte
// fast path.
func TestAppendEscapedEveryOffset(t *testing.T) {
	for _, special := range []string{`"`, `\`, "<", ">", "&", "\x00", "\x1f", "\x7f", "é", "\u2028", "\xff"} {
		for i := range 17 {
			checkEscape(t, strings.Repeat("a", i)+special+strings.Repeat("b", 17-i))
		}
	}
}
