package readable

// Source is one code's readable text as its overlay file wrote it, not
// formatted: what a catalog page shows, or a translator reviews, where
// Text would need the params of one occurrence.
type Source struct {
	// Language is the language whose file holds the text: the one asked
	// for, or the one it fell back to.
	Language Language

	// Text is the text; of a text written as a map of plural forms, its
	// "other" form.
	Text string

	// Forms holds every form of a plural text by its CLDR category
	// ("one", "few", …, "other"), and Count the argument whose value
	// picks one. Forms is nil for a plain text.
	Forms map[string]string
	Count int
}

// Source returns the text of code in language l, or else in the first of
// its fallback languages that has one (the order Text tries), as written
// in its file. It reports false when no language has a text for code.
func (b *Bundle) Source(l Language, code int) (Source, bool) {
	i := b.resolve(l)
	fb := b.langs[i].fallback
	for k := -1; k < len(fb); k++ {
		j := i
		if k >= 0 {
			j = fb[k]
		}
		t := b.langs[j].texts()[code]
		if t == nil {
			continue
		}
		s := Source{Language: b.language(j), Text: t.forms[formOther].Source()}
		if t.plural {
			s.Forms, s.Count = make(map[string]string, numForms), t.count
			for f, tpl := range t.forms {
				if tpl != nil {
					s.Forms[formNames[f]] = tpl.Source()
				}
			}
		}
		return s, true
	}
	return Source{}, false
}
