package readable

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/zeroport/zerofault/config"
)

// frameworkLanguages are the languages config ships overlays for.
var frameworkLanguages = []string{"de", "en", "es", "fr", "ja", "ko", "pt-BR", "ru", "zh-CN", "zh-TW"}

// The bundle every service starts with, Current's, is Load with no
// options: it must hold every overlay config embeds, with no file listed
// by hand.
func TestFrameworkBundleHasEveryLanguage(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range b.Languages() {
		got = append(got, l.String())
	}
	if got[0] != config.ReadableLanguage {
		t.Errorf("default language %s, want %s", got[0], config.ReadableLanguage)
	}
	slices.Sort(got)
	if !slices.Equal(got, frameworkLanguages) {
		t.Errorf("framework languages = %v, want %v", got, frameworkLanguages)
	}
}

// matchCase is one row of a matching table: preferences (?lang= value,
// then Accept-Language) and the language they must get.
type matchCase struct {
	name  string
	prefs []string
	want  string
}

func runMatch(t *testing.T, b *Bundle, cases []matchCase) {
	t.Helper()
	for _, tc := range cases {
		for range 2 { // the second answer comes from the cache
			if got := b.Match(tc.prefs...).String(); got != tc.want {
				t.Errorf("%s: Match(%q) = %s, want %s", tc.name, tc.prefs, got, tc.want)
				break
			}
		}
	}
}

func TestMatchFrameworkLanguages(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	runMatch(t, b, []matchCase{
		// Every language by its own tag and by a region of it.
		{"en", []string{"en"}, "en"},
		{"en-GB", []string{"en-GB"}, "en"},
		{"de-AT", []string{"de-AT"}, "de"},
		{"fr-CA", []string{"fr-CA"}, "fr"},
		{"es-MX", []string{"es-MX"}, "es"},
		{"es-419", []string{"es-419"}, "es"},
		{"ja-JP", []string{"ja-JP"}, "ja"},
		{"ko-KR", []string{"ko-KR"}, "ko"},
		{"ru-RU", []string{"ru-RU"}, "ru"},
		{"pt-BR", []string{"pt-BR"}, "pt-BR"},

		// Traditional Chinese, by script or by a region that writes it.
		{"zh-Hant", []string{"zh-Hant"}, "zh-TW"},
		{"zh-TW", []string{"zh-TW"}, "zh-TW"},
		{"zh-HK", []string{"zh-HK"}, "zh-TW"},
		{"zh-MO", []string{"zh-MO"}, "zh-TW"},
		{"zh-Hant-HK", []string{"zh-Hant-HK"}, "zh-TW"},
		{"zh_TW", []string{"zh_TW"}, "zh-TW"},
		{"zh-TW before English", []string{"zh-TW, en;q=0.9"}, "zh-TW"},
		{"zh-HK before English", []string{"zh-HK,zh;q=0.9,en;q=0.8"}, "zh-TW"},
		// x/text alone would prefer the later exact match zh-CN.
		{"zh-HK before zh", []string{"zh-HK, zh;q=0.9"}, "zh-TW"},
		{"zh-HK before zh-CN", []string{"zh-HK, zh-CN;q=0.9"}, "zh-TW"},

		// Simplified Chinese.
		{"zh", []string{"zh"}, "zh-CN"},
		{"zh-Hans", []string{"zh-Hans"}, "zh-CN"},
		{"zh-CN", []string{"zh-CN"}, "zh-CN"},
		{"zh-SG", []string{"zh-SG"}, "zh-CN"},
		{"script before region", []string{"zh-Hans-TW"}, "zh-CN"},
		{"zh-CN before zh-TW", []string{"zh-CN, zh-TW;q=0.9"}, "zh-CN"},

		// Portuguese: Brazilian is what there is.
		{"pt", []string{"pt"}, "pt-BR"},
		{"pt-PT", []string{"pt-PT"}, "pt-BR"},
		{"pt-AO", []string{"pt-AO"}, "pt-BR"},
		{"pt-PT before English", []string{"pt-PT, en;q=0.8"}, "pt-BR"},

		// ?lang= and Accept-Language as before.
		{"nothing", nil, "en"},
		{"unknown language", []string{"nb"}, "en"},
		{"?lang wins", []string{"ja", "zh-TW, en;q=0.5"}, "ja"},
		{"traditional ?lang wins", []string{"zh-HK", "de"}, "zh-TW"},
		{"unknown ?lang gives way", []string{"nb", "ko, en;q=0.5"}, "ko"},
		{"garbage ?lang gives way", []string{"!!", "pt-PT"}, "pt-BR"},
		{"q-values", []string{"", "en;q=0.2, zh-HK;q=0.9, ru;q=0.5"}, "zh-TW"},
		{"q=0 excludes", []string{"", "zh-TW;q=0, ja"}, "ja"},
		{"bad entry skipped", []string{"", "xx-!!!, fr;q=0.5"}, "fr"},
	})
}

// teamOverlays are a team's overlays for languages the framework lacks.
var teamOverlays = fstest.MapFS{
	"vertx-readible.yml":       {Data: []byte("100001: \"Order {0} is late.\"\n")},
	"vertx-readible.zh-CN.yml": {Data: []byte("100001: \"订单{0}已延误。\"\n")},
	"vertx-readible.pt-PT.yml": {Data: []byte("60012: \"Inicie sessão para continuar.\"\n")},
	"vertx-readible.zh-HK.yml": {Data: []byte("60012: \"請先登入以繼續。\"\n")},
}

func TestMatchTeamLanguages(t *testing.T) {
	b, err := Load(Glob(teamOverlays, "vertx-readible*.yml"))
	if err != nil {
		t.Fatal(err)
	}
	runMatch(t, b, []matchCase{
		{"pt-PT has its own", []string{"pt-PT"}, "pt-PT"},
		{"pt-AO goes to its CLDR parent", []string{"pt-AO"}, "pt-PT"},
		{"pt-BR keeps its own", []string{"pt-BR"}, "pt-BR"},
		{"pt is Brazilian", []string{"pt"}, "pt-BR"},
		{"zh-HK has its own", []string{"zh-HK"}, "zh-HK"},
		{"zh-MO goes to zh-HK", []string{"zh-MO"}, "zh-HK"},
		{"zh-TW keeps its own", []string{"zh-TW"}, "zh-TW"},
		{"zh-Hant is Taiwan's", []string{"zh-Hant"}, "zh-TW"},
	})

	cases := []struct {
		name, pref string
		code       int
		params     []any
		from       string
	}{
		{"team text", "pt-PT", -60012, nil, "pt-PT"},
		{"framework text, from the same language", "pt-PT", -60010, nil, "pt-BR"},
		{"framework text, from the same script", "zh-HK", -60010, nil, "zh-TW"},
		{"zh-MO reads zh-HK first", "zh-MO", -60012, nil, "zh-HK"},
		// A team text in zh-CN only: Traditional readers get the
		// default language, not Simplified Chinese.
		{"never across scripts", "zh-TW", -100001, []any{"A-7"}, "en"},
		{"nor from zh-HK", "zh-HK", -100001, []any{"A-7"}, "en"},
		{"Simplified has it", "zh-SG", -100001, []any{"A-7"}, "zh-CN"},
	}
	for _, tc := range cases {
		l := b.Match(tc.pref)
		got, from, ok := b.Text(l, tc.code, tc.params...)
		if !ok || from.String() != tc.from {
			t.Errorf("%s: Text(%s, %d) = %q from %s, %v; want a text from %s", tc.name, l, tc.code, got, from, ok, tc.from)
		}
		if want, _, _ := b.Text(b.Match(tc.from), tc.code, tc.params...); got != want {
			t.Errorf("%s: %q, want %s's %q", tc.name, got, tc.from, want)
		}
	}
}

func TestFallbackOrder(t *testing.T) {
	b, err := Load(Glob(teamOverlays, "vertx-readible*.yml"))
	if err != nil {
		t.Fatal(err)
	}
	names := func(l Language) []string {
		var out []string
		for _, j := range b.langs[b.resolve(l)].fallback {
			out = append(out, b.langs[j].name)
		}
		return out
	}
	for pref, want := range map[string][]string{
		"en":    nil,
		"de":    {"en"},
		"pt-PT": {"pt-BR", "en"}, // CLDR's parent pt is Brazilian
		"pt-BR": {"pt-PT", "en"},
		"zh-HK": {"zh-TW", "en"}, // its parent zh-Hant is zh-TW
		"zh-TW": {"zh-HK", "en"},
		"zh-CN": {"en"},
	} {
		if got := names(b.Match(pref)); !slices.Equal(got, want) {
			t.Errorf("fallbacks of %s = %v, want %v", pref, got, want)
		}
	}
}
