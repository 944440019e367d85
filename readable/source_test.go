package readable

import (
	"maps"
	"testing"
)

// Source gives a text as written, from the language Text would take it
// from, plural forms included.
func TestSource(t *testing.T) {
	b := loadTest(t)
	de, deCH, ru, en := b.Match("de"), b.Match("de-CH"), b.Match("ru"), b.Default()
	for _, tc := range []struct {
		name     string
		l        Language
		code     int
		text     string
		from     string
		forms    map[string]string
		count    int
		wantText bool
	}{
		{"own text", deCH, -60010, "Die angeforderte Seite existiert nicht.", "de-CH", nil, 0, true},
		{"parent", deCH, -60012, mustText(t, b, de, -60012), "de", nil, 0, true},
		{"default", ru, -100002, "Your cart holds {0,number} items worth {1,number,#,##0.00} euros.", "en", nil, 0, true},
		{"plural", ru, -100003, "Пользователь {0}: осталось попыток: {1}.", "ru",
			map[string]string{"one": "Пользователь {0}: осталась {1} попытка.", "other": "Пользователь {0}: осталось попыток: {1}."}, 1, true},
		{"none", en, -99999999, "", "", nil, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := b.Source(tc.l, tc.code)
			if ok != tc.wantText || s.Text != tc.text || s.Language.String() != tc.from || !maps.Equal(s.Forms, tc.forms) || s.Count != tc.count {
				t.Errorf("Source(%s, %d) = %+v, %v; want %q from %q, forms %v count %d, %v",
					tc.l, tc.code, s, ok, tc.text, tc.from, tc.forms, tc.count, tc.wantText)
			}
		})
	}
}
