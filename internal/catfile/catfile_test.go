package catfile

import (
	"errors"
	"testing"
)

func TestLanguage(t *testing.T) {
	for name, want := range map[string]string{
		"vertx-readible.yml":           "",
		"vertx-readible.zh-CN.yml":     "zh-CN",
		"config/vertx-readible.ja.yml": "ja",
		"a.b/vertx-readible.yml":       "",
		"x.de-AT.yaml":                 "de-AT",
		"readible":                     "",
	} {
		tag, tagged := Language(name)
		if tag != want || tagged != (want != "") {
			t.Errorf("Language(%q) = %q, %v; want %q", name, tag, tagged, want)
		}
	}
}

// TestKinds: the three readers differ only in what a value may be.
func TestKinds(t *testing.T) {
	const plural = "100001:\n  one: \"a\"\n  other: \"b {0}\"\n  count: 0\n"
	if _, probs := Parse([]byte(plural), Texts); len(probs) != 0 {
		t.Errorf("Texts refuses a plural map: %v", probs)
	}
	for _, k := range []Kind{Readable, Errors} {
		_, probs := Parse([]byte(plural), k)
		if len(probs) != 1 || !errors.Is(probs[0].Err, map[Kind]error{Readable: ErrValue, Errors: ErrKey}[k]) {
			t.Errorf("kind %d: %v", k, probs)
		}
	}
	es, probs := Parse([]byte(plural), Texts)
	if len(probs) > 0 || es[0].Text != "b {0}" || es[0].TextLine != 3 || !es[0].Plural.Has[FormOne] {
		t.Errorf("plural entry %+v %v", es, probs)
	}
}

// TestProblemCodes: a problem with the value of a well-formed key carries
// the key's code, so that a reader can tell the code is named.
func TestProblemCodes(t *testing.T) {
	_, probs := Parse([]byte("E100001: [x]\nE100001: \"a\"\nW100001: \"b\"\nbad: \"c\"\n"), Errors)
	if len(probs) != 3 {
		t.Fatalf("problems %v", probs)
	}
	// The list value, then the second prefix of the code defined on line 2,
	// then the malformed key.
	want := []int{-100001, -100001, 0}
	for i, p := range probs {
		if p.Code != want[i] {
			t.Errorf("problem %d (%v): code %d, want %d", i, p.Err, p.Code, want[i])
		}
	}
}
