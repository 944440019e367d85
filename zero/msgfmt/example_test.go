package msgfmt_test

import (
	"errors"
	"fmt"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/zeroport/zerofault/zero/msgfmt"
)

func ExampleFormat() {
	s, err := msgfmt.Format("en-US", "(Boot) The app `{0}` could not be combined with `{1}`, it''s {2}.",
		"billing", "audit", "final")
	fmt.Println(s, err)

	// Missing arguments print as their element; nil prints as null.
	s, _ = msgfmt.Format("en-US", "name = {0}, ns = {1}, id = {2}", nil)
	fmt.Println(s)

	// Quoted text is literal.
	s, _ = msgfmt.Format("en-US", "'{0}' is literal, {0} is not", "x")
	fmt.Println(s)
	// Output:
	// (Boot) The app `billing` could not be combined with `audit`, it's final. <nil>
	// name = null, ns = {1}, id = {2}
	// {0} is literal, x is not
}

func ExampleCompile() {
	m, err := msgfmt.Compile("en-US", "There {0,choice,0#are no files|1#is one file|1<are {0,number,integer} files}.")
	if err != nil {
		panic(err)
	}
	for _, n := range []int{0, 1, 1273} {
		s, _ := m.Format(n)
		fmt.Println(s)
	}
	fmt.Println(m.ArgCount())
	// Output:
	// There are no files.
	// There is one file.
	// There are 1,273 files.
	// 1
}

func ExampleCompile_errors() {
	_, err := msgfmt.Compile("en-US", "Hello {0")
	var se *msgfmt.SyntaxError
	if errors.As(err, &se) {
		fmt.Println(se.Offset, se.Msg)
	}

	m := msgfmt.MustCompile("en-US", "total: {0,number}")
	_, err = m.Format("twelve")
	var ae *msgfmt.ArgError
	if errors.As(err, &ae) {
		fmt.Println(ae.Index, ae.Msg)
	}
	// Output:
	// 6 Unmatched braces in the pattern.
	// 0 Cannot format given Object as a Number
}

func ExampleMessage_AppendFormat() {
	m := msgfmt.MustCompile("en-US", "[{0}] {1}")
	buf := make([]byte, 0, 64)
	buf, _ = m.AppendFormat(buf, "E40101", "boot failure")
	fmt.Println(string(buf))
	// Output:
	// [E40101] boot failure
}

// ExampleParser localizes a message through go-i18n with MessageFormat
// syntax; the template data is the positional argument list.
func ExampleParser() {
	bundle := i18n.NewBundle(language.English)
	bundle.MustAddMessages(language.English, &i18n.Message{
		ID:    "E40101",
		Other: "The app `{1}` could not be combined with `{0}`, it''s {2,number,integer} days old.",
	})
	l := i18n.NewLocalizer(bundle, "en")
	s, err := l.Localize(&i18n.LocalizeConfig{
		MessageID:      "E40101",
		TemplateData:   []any{"audit", "billing", 2.5},
		TemplateParser: msgfmt.Parser{Locale: "en-US"},
	})
	fmt.Println(s, err)

	// A map keyed "0", "1", … works too.
	s, _ = l.Localize(&i18n.LocalizeConfig{
		MessageID:      "E40101",
		TemplateData:   map[string]any{"0": "a", "1": "b", "2": 1},
		TemplateParser: msgfmt.Parser{Locale: "en-US"},
	})
	fmt.Println(s)
	// Output:
	// The app `billing` could not be combined with `audit`, it's 2 days old. <nil>
	// The app `b` could not be combined with `a`, it's 1 days old.
}
