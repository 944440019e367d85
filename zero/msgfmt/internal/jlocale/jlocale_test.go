package jlocale

import "testing"

// Expectations from JDK 17's Locale.forLanguageTag(tag).toLanguageTag().
func TestParse(t *testing.T) {
	cases := []struct{ tag, want string }{
		{"en-US", "en-US"},
		{"EN-us", "en-US"},
		{"zh-Hant-TW", "zh-Hant-TW"},
		{"zh", "zh"},
		{"und", "und"},
		{"und-DE", "und-DE"},
		{"", "und"},
		{"en_US", "und"},        // an underscore is not a tag separator
		{"not a locale", "und"}, // ill-formed first subtag: root
		{"th-TH-u-nu-thai", "th-TH-u-nu-thai"},
		{"de-CH-1996", "de-CH-1996"},
		{"en-US-x-private", "en-US"}, // private use dropped
		{"ar-EG-u-ca-islamic-nu-arab", "ar-EG-u-ca-islamic-nu-arab"},
		{"en-US-bogus_tail", "en-US"}, // the well-formed prefix is kept
		{"es-419", "es-419"},
	}
	for _, tc := range cases {
		if got := Parse(tc.tag).String(); got != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.tag, got, tc.want)
		}
	}
	if !Parse("und").IsRoot() || Parse("en").IsRoot() {
		t.Error("IsRoot is wrong")
	}
}

func TestKeywords(t *testing.T) {
	l := Parse("ar-EG-u-ca-islamic-civil-cu-usd-fw-sat-nu-arab-rg-sazzzz-tz-egcai")
	for key, want := range map[string]string{"ca": "islamic-civil", "cu": "usd", "fw": "sat", "nu": "arab", "rg": "sazzzz", "tz": ""} {
		if got := l.Keyword(key); got != want {
			t.Errorf("Keyword(%q) = %q, want %q", key, got, want)
		}
	}
	if r, ok := l.RegionOverride(); r != "SA" || !ok {
		t.Errorf("RegionOverride() = %q, %v; want SA", r, ok)
	}
	if _, ok := Parse("en-u-rg-001zzz").RegionOverride(); ok {
		t.Error("a numeric region override is not one (findRegionOverride wants two letters)")
	}
	if Parse("en-US").Keyword("nu") != "" || Parse("en-u-nu").NumberingSystem() != "" {
		t.Error("a missing or empty keyword must read as \"\"")
	}
}
