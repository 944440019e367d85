package xmltext_test

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/internal/xmltext"
)

// Whatever the input, the element parses, and what it holds reads back
// as the input (with what XML cannot hold replaced).
func TestRoundTrip(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                   "plain",
		`<a href="x">&'</a>`:      `<a href="x">&'</a>`,
		"tab\tnl\ncr\r":           "tab\tnl\ncr\r",
		"nul\x00bell\x07":         "nul\uFFFDbell\uFFFD",
		"bad \xff utf8":           "bad \uFFFD utf8",
		"中文 ünïcode \u2028":       "中文 ünïcode \u2028",
		"nonchar \uFFFE":          "nonchar \uFFFD",
		"]]> cdata end":           "]]> cdata end",
		strings.Repeat("&", 1000): strings.Repeat("&", 1000),
	} {
		doc := xmltext.AppendElement(nil, "v", in)
		var got struct {
			V string `xml:",chardata"`
		}
		if err := xml.Unmarshal(doc, &got); err != nil {
			t.Errorf("%q: %s does not parse: %v", in, doc, err)
			continue
		}
		if got.V != want {
			t.Errorf("%q read back as %q, want %q", in, got.V, want)
		}
		if string(xmltext.AppendEscaped(nil, []byte(in))) != string(xmltext.AppendEscaped(nil, in)) {
			t.Errorf("%q: []byte and string differ", in)
		}
	}
}

func FuzzWellFormed(f *testing.F) {
	f.Add("<&>\"'\x00\xff\r")
	f.Fuzz(func(t *testing.T, in string) {
		doc := xmltext.AppendElement(nil, "v", in)
		var got struct {
			V string `xml:",chardata"`
		}
		if err := xml.Unmarshal(doc, &got); err != nil {
			t.Fatalf("%q: %s does not parse: %v", in, doc, err)
		}
	})
}
