package catalogpage

// languageNames are the names of the framework's ten languages in
// themselves, for the language switch. golang.org/x/text/language/display
// knows every language's, but would add some 2 MB to every binary that
// mounts the page; a language not listed here shows its tag, unless
// Options.LanguageNames names it.
var languageNames = map[string]string{
	"en":    "English",
	"zh-CN": "简体中文",
	"zh-TW": "繁體中文",
	"ja":    "日本語",
	"ko":    "한국어",
	"de":    "Deutsch",
	"fr":    "Français",
	"es":    "Español",
	"pt-BR": "Português (Brasil)",
	"ru":    "Русский",
}

// languageName names tag for the language switch.
func (h *Handler) languageName(tag string) string {
	if n := h.opts.LanguageNames[tag]; n != "" {
		return n
	}
	if n := languageNames[tag]; n != "" {
		return n
	}
	return tag
}
