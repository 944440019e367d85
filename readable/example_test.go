package readable_test

import (
	"fmt"
	"testing/fstest"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
	"github.com/zeroport/zerofault/zero/msgfmt"
)

// An application adds its own texts and a language of its own to the
// framework's, then localizes per request.
func ExampleLoad() {
	app := fstest.MapFS{
		"vertx-readible.yml":       {Data: []byte("100001: \"Order {0} holds {1,number} items.\"\n")},
		"vertx-readible.zh-CN.yml": {Data: []byte("100001: \"订单{0}中有{1,number}件商品。\"\n")},
		"vertx-readible.de.yml":    {Data: []byte("100001: \"Bestellung {0} enthält {1,number} Artikel.\"\n")},
	}
	b, err := readable.Load(readable.Glob(app, "vertx-readible*.yml"))
	if err != nil {
		fmt.Println(err)
		return
	}
	params := []any{"A-7", 1200}
	fmt.Println(b.Localize(-100001, params, "de-AT, en;q=0.5"))
	fmt.Println(b.Localize(-100001, params, "zh", "de"))
	fmt.Println(b.Localize(-100001, params)) // no preference: the default
	// Output:
	// Bestellung A-7 enthält 1.200 Artikel.
	// 订单A-7中有1,200件商品。
	// Order A-7 holds 1,200 items.
}

// A text may have plural forms, chosen by the language's CLDR rules.
func ExampleLoad_plural() {
	app := fstest.MapFS{
		"texts.yml": {Data: []byte("100001:\n  one: \"{0} attempt failed.\"\n  other: \"{0} attempts failed.\"\n")},
		"texts.ru.yml": {Data: []byte(`100001:
  one: "{0} попытка не удалась."
  few: "{0} попытки не удались."
  many: "{0} попыток не удались."
  other: "{0} попытки не удались."
`)},
	}
	b, err := readable.Load(readable.WithoutFramework(), readable.Glob(app, "*.yml"))
	if err != nil {
		fmt.Println(err)
		return
	}
	ru := b.Match("ru")
	for _, n := range []int{1, 3, 5, 21} {
		s, _, _ := b.Text(ru, -100001, n)
		fmt.Println(s)
	}
	s, _, _ := b.Text(b.Default(), -100001, 1)
	fmt.Println(s)
	// Output:
	// 1 попытка не удалась.
	// 3 попытки не удались.
	// 5 попыток не удались.
	// 21 попытка не удалась.
	// 1 attempt failed.
}

// Every problem is reported with its file, line and key.
func ExampleLoad_errors() {
	app := fstest.MapFS{"texts.de.yml": {Data: []byte("100001: \"{0\"\n100002:\n  one: \"x\"\nX3: \"?\"\n")}}
	_, err := readable.Load(readable.FS(app, "texts.de.yml"))
	for _, p := range readable.Problems(err) {
		fmt.Printf("%s:%d %s\n", p.File, p.Line, p.Key)
	}
	// Output:
	// texts.de.yml:1 100001
	// texts.de.yml:2 100002
	// texts.de.yml:4 X3
}

// The ?lang= parameter comes first, the Accept-Language header next.
func ExampleBundle_Match() {
	app := fstest.MapFS{
		"texts.yml":       {Data: []byte("100001: \"x\"\n")},
		"texts.zh-CN.yml": {Data: []byte("100001: \"x\"\n")},
		"texts.de.yml":    {Data: []byte("100001: \"x\"\n")},
	}
	b, err := readable.Load(readable.WithoutFramework(), readable.Glob(app, "*.yml"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Match("zh-CN", "de-DE,de;q=0.9"))
	fmt.Println(b.Match("", "fr-CH, de;q=0.8, en;q=0.5"))
	fmt.Println(b.Match("ja", "ko"))
	// Output:
	// zh-CN
	// de
	// en
}

// go-i18n's own Localizer works with the same texts through msgfmt.Parser.
func ExampleBundle_Bundle() {
	app := fstest.MapFS{"texts.ru.yml": {Data: []byte(`100001:
  one: "{0} попытка не удалась."
  few: "{0} попытки не удались."
  many: "{0} попыток не удались."
  other: "{0} попытки не удались."
`)}}
	b, err := readable.Load(readable.FS(app, "texts.ru.yml"))
	if err != nil {
		fmt.Println(err)
		return
	}
	loc := i18n.NewLocalizer(b.Bundle(), "ru")
	s, err := loc.Localize(&i18n.LocalizeConfig{
		MessageID:      "100001",
		TemplateData:   []any{5},
		PluralCount:    5,
		TemplateParser: msgfmt.Parser{Locale: "ru"},
	})
	fmt.Println(s, err)
	// Output:
	// 5 попыток не удались. <nil>
}

// Check holds every text to the error catalog at start-up: a text for a
// code without a template, or one using a param its exception does not
// have, fails the load instead of reaching a user.
func ExampleCheck() {
	app := fstest.MapFS{
		"vertx-error.yml":       {Data: []byte("E100001: \"Order {0} holds {1,number} items.\"\n")},
		"vertx-readible.de.yml": {Data: []byte("100001: \"Bestellung {0}: {5} Artikel.\"\n100002: \"Niemandes Text.\"\n")},
	}
	cat, err := catalog.Load(catalog.ErrorFS(app, "vertx-error.yml"))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = readable.Load(readable.FS(app, "vertx-readible.de.yml"), readable.Check(cat))
	for _, p := range readable.Problems(err) {
		fmt.Println(p)
	}
	// Output:
	// vertx-readible.de.yml:1: key 100001: readable text uses an argument its code's template does not take: it uses {5}, and E100001 (vertx-error.yml:1) takes 2 arguments
	// vertx-readible.de.yml:2: key 100002: readable text for a code no error catalog defines: add E100002 to an error catalog first
}
