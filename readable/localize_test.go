package readable

import (
	"fmt"
	"math/big"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/text/language"
)

func TestThreeLanguages(t *testing.T) {
	b := loadTest(t)
	cases := []struct {
		pref string
		want string
	}{
		{"en", "Your cart holds 1,234 items worth 5,678.90 euros."},
		{"zh-CN", "购物车中有1,234件商品，共5,678.90欧元。"},
		{"de", "Ihr Warenkorb enthält 1.234 Artikel im Wert von 5.678,90 Euro."},
	}
	for _, tc := range cases {
		got, l, ok := b.Text(b.Match(tc.pref), -100002, 1234, 5678.9)
		if !ok || got != tc.want || l.String() != tc.pref {
			t.Errorf("%s: %q from %s, want %q", tc.pref, got, l, tc.want)
		}
		if s := b.Localize(-100002, []any{1234, 5678.9}, tc.pref); s != tc.want {
			t.Errorf("Localize %s = %q", tc.pref, s)
		}
		buf := []byte("<")
		buf, _, _ = b.AppendText(buf, b.Match(tc.pref), -100002, 1234, 5678.9)
		if string(buf) != "<"+tc.want {
			t.Errorf("AppendText %s = %q", tc.pref, buf)
		}
	}
}

func TestPlural(t *testing.T) {
	b := loadTest(t)
	ru, pl, en, zh := b.Match("ru"), b.Match("pl"), b.Match("en"), b.Match("zh-CN")
	ruWords := map[string]string{"one": "попытка входа не удалась", "few": "попытки входа не удались", "many": "попыток входа не удались"}
	plWords := map[string]string{"one": "próba logowania nie powiodła się", "few": "próby logowania nie powiodły się", "many": "prób logowania nie powiodło się"}
	cases := []struct {
		count  any
		ru, pl string // expected form
		en     string
	}{
		{0, "many", "many", "attempts"},
		{1, "one", "one", "attempt"},
		{2, "few", "few", "attempts"},
		{4, "few", "few", "attempts"},
		{5, "many", "many", "attempts"},
		{11, "many", "many", "attempts"},
		{12, "many", "many", "attempts"},
		{21, "one", "many", "attempts"}, // Polish "one" is 1 alone
		{22, "few", "few", "attempts"},
		{25, "many", "many", "attempts"},
		{101, "one", "many", "attempts"},
		{111, "many", "many", "attempts"},
		{-1, "one", "one", "attempt"},
		{int8(3), "few", "few", "attempts"},
		{uint(1), "one", "one", "attempt"},
		{uint64(22), "few", "few", "attempts"},
		{int64(1001), "one", "many", "attempts"}, // beyond the table: go-i18n asked
		{1000022, "few", "few", "attempts"},
		{uint64(1 << 63), "other", "other", "attempts"}, // beyond go-i18n's int64 operands
		{1.0, "one", "one", "attempt"},
		{float32(2), "few", "few", "attempts"},
		{1.5, "other", "other", "attempts"}, // fractions are "other" in both
		{"1", "one", "one", "attempt"},
		{"1.0", "other", "other", "attempts"}, // a visible fraction digit
		{"x", "other", "other", "attempts"},   // not a number
		{nil, "other", "other", "attempts"},
		{big.NewInt(1), "other", "other", "attempts"},
	}
	for _, tc := range cases {
		check := func(l Language, form string, words map[string]string, sep string) {
			t.Helper()
			got, _, _ := b.Text(l, -100001, tc.count)
			w := words[form]
			if w == "" {
				w = words["few"] // the test files write "other" as "few"
			}
			if !strings.HasSuffix(got, sep+w+".") {
				t.Errorf("%s %v: %q, want the %s form", l, tc.count, got, form)
			}
		}
		check(ru, tc.ru, ruWords, " ")
		check(pl, tc.pl, plWords, " ")
		if got, _, _ := b.Text(en, -100001, tc.count); !strings.Contains(got, " sign-in "+tc.en+" failed") {
			t.Errorf("en %v: %q, want %q", tc.count, got, tc.en)
		}
	}
	// A language with a plain string ignores the count.
	if got, _, _ := b.Text(zh, -100001, 1); got != "登录失败1次。" {
		t.Errorf("zh-CN = %q", got)
	}
	// count: 1 picks the second argument.
	if got, _, _ := b.Text(en, -100003, "ann", 1); got != "User ann: 1 attempt left." {
		t.Errorf("count 1, one = %q", got)
	}
	if got, _, _ := b.Text(en, -100003, "ann", 3); got != "User ann: 3 attempts left." {
		t.Errorf("count 1, other = %q", got)
	}
	if got, _, _ := b.Text(ru, -100003, "ann", 21); got != "Пользователь ann: осталась 21 попытка." {
		t.Errorf("ru count 1, one = %q", got)
	}
	// Fewer params than the count needs: other.
	if got, _, _ := b.Text(en, -100003, "ann"); got != "User ann: {1} attempts left." {
		t.Errorf("missing count = %q", got)
	}
}

// Russian "other" (fractions) must fall back to "other" even when a text
// lacks some forms; a form the rules choose but the text lacks is "other".
func TestPluralMissingForm(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yml":    {Data: []byte("100001: \"{0} items\"\n")},
		"a.ru.yml": {Data: []byte("100001:\n  one: \"{0} штука\"\n  other: \"{0} штук(и)\"\n")},
	}
	b, err := Load(WithoutFramework(), Glob(fsys, "*.yml"))
	if err != nil {
		t.Fatal(err)
	}
	ru := b.Match("ru")
	for count, want := range map[int]string{1: "1 штука", 21: "21 штука", 3: "3 штук(и)", 5: "5 штук(и)"} {
		if got, _, _ := b.Text(ru, -100001, count); got != want {
			t.Errorf("%d: %q, want %q", count, got, want)
		}
	}
}

func TestFallbacks(t *testing.T) {
	b := loadTest(t)
	de, deCH, zh := b.Match("de"), b.Match("de-CH"), b.Match("zh-CN")
	if deCH.String() != "de-CH" {
		t.Fatalf("de-CH matched %s", deCH)
	}
	cases := []struct {
		name string
		l    Language
		code int
		args []any
		want string
		from string
		ok   bool
	}{
		{"own text", deCH, -60010, nil, "Die angeforderte Seite existiert nicht.", "de-CH", true},
		{"parent", deCH, -60012, nil, "Bitte melden Sie sich an.", "de", true},
		{"default", deCH, -100003, []any{"ann", 2}, "User ann: 2 attempts left.", "en", true},
		{"default from zh-CN", zh, -100003, []any{"ann", 2}, "User ann: 2 attempts left.", "en", true},
		{"no text anywhere", de, -999999, nil, "", "", false},
		// {0,number} cannot format a string in de; the default's text is
		// plain {0}, so the lookup falls back rather than failing.
		{"unformattable", de, -100002, []any{"many", "much"}, "", "", false},
		{"zero Language is the default", Language{}, -60010, nil, "Nothing lives at this address.", "en", true},
	}
	for _, tc := range cases {
		got, from, ok := b.Text(tc.l, tc.code, tc.args...)
		if got != tc.want || from.String() != tc.from || ok != tc.ok {
			t.Errorf("%s: %q from %q, %v; want %q from %q, %v", tc.name, got, from, ok, tc.want, tc.from, tc.ok)
		}
		buf, from2, ok2 := b.AppendText([]byte("x"), tc.l, tc.code, tc.args...)
		if string(buf) != "x"+tc.want || from2 != from || ok2 != ok {
			t.Errorf("%s: AppendText = %q from %s, %v", tc.name, buf, from2, ok2)
		}
	}
	if !b.Has(de, -60010) || b.Has(deCH, -60012) || b.Has(de, -999999) {
		t.Error("Has looks beyond the language itself")
	}
	// A Language of another bundle is looked up by its tag.
	other, _ := Load()
	if got, from, _ := b.Text(other.Match("zh-CN"), -100001, 2); got != "登录失败2次。" || from.String() != "zh-CN" {
		t.Errorf("foreign Language: %q from %s", got, from)
	}
	if got, _, _ := other.Text(b.Match("pl"), -60010); got != mustText(t, other, other.Default(), -60010) {
		t.Errorf("a language the bundle lacks = %q", got)
	}
}

// A text whose params fail in the chosen language falls back to one that
// formats them.
func TestFormatErrorFallsBack(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yml":    {Data: []byte("100001: \"{0} left\"\n")},
		"a.de.yml": {Data: []byte("100001: \"{0,number} übrig\"\n")},
	}
	b, err := Load(WithoutFramework(), Glob(fsys, "*.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if got, from, ok := b.Text(b.Match("de"), -100001, "three"); got != "three left" || from.String() != "en" || !ok {
		t.Errorf("= %q from %s, %v", got, from, ok)
	}
	if got, from, _ := b.Text(b.Match("de"), -100001, 3); got != "3 übrig" || from.String() != "de" {
		t.Errorf("= %q from %s", got, from)
	}
}

func mustText(t *testing.T, b *Bundle, l Language, code int) string {
	t.Helper()
	s, _, ok := b.Text(l, code)
	if !ok || s == "" {
		t.Fatalf("no text for %d in %s", code, l)
	}
	return s
}

func TestMatch(t *testing.T) {
	// The test files alone, so that a translation added to the framework
	// does not change what is unsupported here.
	b, err := Load(WithoutFramework(), Glob(testdata, "app/vertx-readible*.yml"), Glob(testdata, "vertx-readible.*.yml"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		prefs []string
		want  string
	}{
		{"nothing", nil, "en"},
		{"empty strings", []string{"", ""}, "en"},
		{"exact", []string{"zh-CN"}, "zh-CN"},
		{"underscore", []string{"zh_CN"}, "zh-CN"},
		{"base language", []string{"zh"}, "zh-CN"},
		{"region variant", []string{"en-GB"}, "en"},
		{"region served by language", []string{"de-DE"}, "de"},
		{"own region", []string{"de-CH"}, "de-CH"},
		{"unsupported", []string{"ja"}, "en"},
		{"q-values order", []string{"de;q=0.5, zh-CN;q=0.9, en;q=0.1"}, "zh-CN"},
		{"q=0 excludes", []string{"zh-CN;q=0, de"}, "de"},
		{"first listed wins at equal q", []string{"ru, pl"}, "ru"},
		{"unsupported then supported", []string{"ja, pl;q=0.8"}, "pl"},
		{"wildcard", []string{"*"}, "en"},
		{"bad entry skipped", []string{"xx-!!!, de;q=0.5"}, "de"},
		{"garbage", []string{";;;,,=q"}, "en"},
		{"?lang wins over the header", []string{"de", "zh-CN, en;q=0.5"}, "de"},
		{"unsupported ?lang gives way", []string{"ja", "zh-CN, en;q=0.5"}, "zh-CN"},
		{"garbage ?lang gives way", []string{"!!", "pl"}, "pl"},
		{"without a zh-TW overlay, zh-TW alone is served by zh-CN", []string{"zh-TW"}, "zh-CN"},
		{"zh-TW with English prefers English", []string{"zh-TW, en;q=0.9"}, "en"},
	}
	for _, tc := range cases {
		// Twice: the second answer comes from the cache.
		for range 2 {
			if got := b.Match(tc.prefs...).String(); got != tc.want {
				t.Errorf("%s: Match(%q) = %s, want %s", tc.name, tc.prefs, got, tc.want)
			}
		}
	}
}

func TestMatchCacheIsBounded(t *testing.T) {
	b := loadTest(t)
	for i := range 3 * maxCachedTags {
		b.Match(fmt.Sprintf("de;q=0.%d, ru;q=0.01", i%9+1))
		b.Match(fmt.Sprintf("x-%d", i))
	}
	gen := b.tags.gen.Load()
	n := 0
	for i := range gen.slots {
		if gen.slots[i].Load() != nil {
			n++
		}
	}
	if n > maxCachedTags || int(gen.n.Load()) > maxCachedTags {
		t.Errorf("cache holds %d entries (counter %d), bound %d", n, gen.n.Load(), maxCachedTags)
	}
	// A long header is read to its eighth range, and its tags are cached
	// one by one: the header itself never is.
	long := strings.Repeat("x-junk-1901, ", 60) + "ru"
	if got := b.Match(long).String(); got != "en" {
		t.Errorf("long header: %s", got)
	}
	if _, ok := b.tags.gen.Load().load(long); ok {
		t.Error("a whole header was cached")
	}
	if got := b.Match("x-a, x-b, de").String(); got != "de" {
		t.Errorf("short header: %s", got)
	}
}

// The error path runs per request: once a header has been seen, choosing
// the language and formatting a text into a buffer allocate nothing.
func TestHotPathAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	b := loadTest(t)
	header := "de-CH, de;q=0.9, en;q=0.8"
	b.Match(header)
	buf := make([]byte, 0, 256)
	params := []any{"/x", "GET"}
	n := testing.AllocsPerRun(100, func() {
		l := b.Match("", header)
		buf, _, _ = b.AppendText(buf[:0], l, -60010, params...)
	})
	if n != 0 {
		t.Errorf("Match + AppendText: %v allocations", n)
	}
	ru := b.Match("ru")
	count := []any{21}
	n = testing.AllocsPerRun(100, func() {
		buf, _, _ = b.AppendText(buf[:0], ru, -100001, count...)
	})
	if n != 0 {
		t.Errorf("plural AppendText: %v allocations", n)
	}
}

func TestConcurrentUse(t *testing.T) {
	b := loadTest(t)
	fw := Current()
	t.Cleanup(func() { Swap(fw) })
	headers := []string{"de", "zh-CN", "ru;q=0.5, pl", "en-GB", "ja"}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 300 {
				cur := Current()
				h := headers[(g+i)%len(headers)]
				if s := cur.Localize(-60010, nil, h); s == "" {
					t.Errorf("no text for %s", h)
					return
				}
				cur.Match(fmt.Sprintf("x-%d-%d", g, i)) // churn the cache
			}
		}()
	}
	for i := range 100 {
		if i%2 == 0 {
			Swap(b)
		} else {
			Swap(fw)
		}
	}
	wg.Wait()
}

// FixedText finds what AppendText would write, through the same
// fallbacks, and only when no param could change it.
func TestFixedText(t *testing.T) {
	b := loadTest(t)
	cases := []struct {
		pref         string
		code         int
		found, fixed bool
		from         string
	}{
		{"de-CH", -60010, true, true, "de-CH"},
		{"de-CH", -60012, true, true, "de"}, // falls back to German
		{"de", -100002, true, false, ""},    // takes params
		{"ru", -100001, true, false, ""},    // plural
		{"en", -60010, true, true, "en"},    // the application's rewording
		{"de", -99999999, false, false, ""}, // no text anywhere
	}
	for _, tc := range cases {
		l := b.Match(tc.pref)
		got, found, fixed := b.FixedText(l, tc.code)
		if found != tc.found || fixed != tc.fixed {
			t.Errorf("%s %d: found, fixed = %v, %v; want %v, %v", tc.pref, tc.code, found, fixed, tc.found, tc.fixed)
			continue
		}
		if !fixed {
			continue
		}
		want, from, _ := b.AppendText(nil, l, tc.code, "ignored", 7)
		if got.Text != string(want) || got.From != from || got.From.String() != tc.from {
			t.Errorf("%s %d: FixedText = %q from %s; AppendText wrote %q from %s (want %s)",
				tc.pref, tc.code, got.Text, got.From, want, from, tc.from)
		}
		if _, _, safe, _ := b.AppendTextJSON(nil, l, tc.code); got.JSONSafe != safe {
			t.Errorf("%s %d: JSONSafe = %v, AppendTextJSON says %v", tc.pref, tc.code, got.JSONSafe, safe)
		}
	}
}

// A Language is a pointer into its bundle: cheap to copy and compare.
// The zero Language stands for the default, and one from another bundle
// is found there by its tag.
func TestLanguageValue(t *testing.T) {
	b, other := loadTest(t), loadTest(t)
	var zero Language
	if zero.String() != "" || zero.Tag() != language.Und || zero.Index() != 0 {
		t.Errorf("zero Language = %q %v %d", zero.String(), zero.Tag(), zero.Index())
	}
	if got, from, _ := b.Text(zero, -60010); from != b.Default() || got == "" {
		t.Errorf("zero Language: %q from %s, want the default's text", got, from)
	}
	de := b.Match("de")
	if de != b.Match("de-DE") || de == b.Default() || de.String() != "de" {
		t.Errorf("Match(de) = %s, Match(de-DE) = %s", de, b.Match("de-DE"))
	}
	if b.Languages()[de.Index()] != de {
		t.Errorf("Index %d is not de's place in Languages", de.Index())
	}
	foreign := other.Match("de")
	if foreign == de {
		t.Error("Languages of two bundles compare equal")
	}
	want, _, _ := b.Text(de, -60010)
	if got, from, _ := b.Text(foreign, -60010); got != want || from != de {
		t.Errorf("another bundle's de: %q from %s, want %q from de", got, from, want)
	}
}
