package readable

import (
	"testing"

	"golang.org/x/text/language"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/zeroport/zerofault/zero/msgfmt"
)

const benchHeader = "de-CH, de;q=0.9, en;q=0.8"

// Choosing the language from a header whose tags were seen before: a
// parse in place and a cache lookup per tag.
func BenchmarkMatchCached(b *testing.B) {
	bu := loadTest(b)
	bu.Match(benchHeader)
	b.ReportAllocs()
	for b.Loop() {
		bu.Match("", benchHeader)
	}
}

// What the cache saves: x/text parsing the header and matching each time.
func BenchmarkMatchUncached(b *testing.B) {
	bu := loadTest(b)
	b.ReportAllocs()
	for b.Loop() {
		tags, _, _ := language.ParseAcceptLanguage(benchHeader)
		bu.matcher.Match(tags...)
	}
}

// A text with two params into a reused buffer, as the Echo renderer does.
func BenchmarkAppendText(b *testing.B) {
	bu := loadTest(b)
	l := bu.Match("de")
	buf := make([]byte, 0, 256)
	params := []any{"A-7", 1200}
	b.ReportAllocs()
	for b.Loop() {
		buf, _, _ = bu.AppendText(buf[:0], l, -100002, params...)
	}
}

// The same text as a new string.
func BenchmarkText(b *testing.B) {
	bu := loadTest(b)
	l := bu.Match("de")
	params := []any{"A-7", 1200}
	b.ReportAllocs()
	for b.Loop() {
		bu.Text(l, -100002, params...)
	}
}

// A Russian plural text: the form comes from the precomputed table.
func BenchmarkPluralAppendText(b *testing.B) {
	bu := loadTest(b)
	l := bu.Match("ru")
	buf := make([]byte, 0, 256)
	params := []any{22}
	b.ReportAllocs()
	for b.Loop() {
		buf, _, _ = bu.AppendText(buf[:0], l, -100001, params...)
	}
}

// Localize: header to text in one call, header cached.
func BenchmarkLocalize(b *testing.B) {
	bu := loadTest(b)
	params := []any{22}
	b.ReportAllocs()
	for b.Loop() {
		bu.Localize(-100001, params, "", "ru;q=0.9, en;q=0.5")
	}
}

// The same Russian plural text through go-i18n's Localizer and
// msgfmt.Parser, what Localize avoids.
func BenchmarkGoI18nLocalizer(b *testing.B) {
	bu := loadTest(b)
	params := []any{22}
	b.ReportAllocs()
	for b.Loop() {
		loc := i18n.NewLocalizer(bu.Bundle(), "ru;q=0.9, en;q=0.5")
		loc.Localize(&i18n.LocalizeConfig{MessageID: "100001", TemplateData: params, PluralCount: 22, TemplateParser: msgfmt.Parser{Locale: "ru"}})
	}
}

// Loading the framework overlays and the test files, plural tables
// included: a start-up cost.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadTest(b)
	}
}
