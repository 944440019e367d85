// Package readable localizes the readable texts of zerofault exceptions:
// the "info" an end user reads, in the user's language.
//
// A catalog (package catalog) holds one readable text per code, in one
// language. This package loads that text together with its translations,
// one overlay file per language, and picks the language per request:
//
//	vertx-readible.yml        60010: "The page you requested could not be found."
//	vertx-readible.zh-CN.yml  60010: "您访问的页面或服务不存在。"
//	vertx-readible.de.yml     60010: "Die angeforderte Seite wurde nicht gefunden."
//
// The language of a file is the BCP 47 tag between the last two dots of
// its name; a name without one (vertx-readible.yml) is in the default
// language, config.ReadableLanguage unless DefaultLanguage says otherwise.
// The framework's own overlays (package config) load first, then those
// of the packages of generated exceptions the program imports
// (catalog.Register); an application's files, added with File, FS or
// Glob, may reword them or add languages and codes. Check holds every
// text to the error catalog, so that a text for a mistyped code, or one
// using a param its exception does not have, fails start-up:
//
//	cat, err := catalog.Load(catalog.ErrorFile("config/vertx-error.yml"))
//	if err != nil {
//		log.Fatal(err)
//	}
//	b, err := readable.Load(readable.Glob(os.DirFS("config"), "vertx-readible*.yml"), readable.Check(cat))
//	if err != nil {
//		log.Fatal(err) // names file, line and key of every problem
//	}
//	readable.Swap(b)
//
// # Texts
//
// A text is a template of the catalog's syntax (java.text.MessageFormat,
// or slf4j-style with "{}"), formatted with the exception's params, and
// compiled for its file's language: numbers and dates come out as that
// language writes them. Load compiles and checks every text; it then
// keeps the default language's compiled and compiles each other language
// again on its first use (under a millisecond for one of the framework's
// languages), from the bytes it read: a service answers in a few of its
// languages, and every garbage collection would trace the compiled texts
// of all. No request after a language's first ever parses a template.
//
// A text may instead be a map of CLDR plural forms, of which "other" is
// required:
//
//	80101:
//	  one: "{0} попытка входа не удалась."
//	  few: "{0} попытки входа не удались."
//	  many: "{0} попыток входа не удались."
//	  other: "{0} попытки входа не удались."
//
// The form is chosen by the language's plural rules (go-i18n's, which are
// CLDR's) from a count: argument {0} unless the map says "count: N" to
// use argument {N}. A form the rules choose but the map lacks falls back
// to "other". The catalog loader reads a default-language file for the
// catalog's own readable text and accepts only strings there, so a
// default-language file given to both loaders must keep to strings; maps
// are for files only this package reads, translations in particular.
//
// # Languages
//
// Match turns preferences (a ?lang= value, an Accept-Language header, …)
// into one of the bundle's languages: zh-HK gets zh-TW, pt-PT gets pt-BR
// until a pt-PT overlay is loaded. Text, AppendText and Localize look a
// code up in it, falling back to its parent languages that the bundle has
// (de-CH to de), then to its other languages of the same language and
// script (a team's pt-PT to pt-BR, zh-HK to zh-TW, never zh-TW to zh-CN),
// then to the default language, then to nothing.
//
// # go-i18n
//
// The texts are also loaded into a go-i18n bundle (Bundle), for code that
// prefers go-i18n's Localizer; give it msgfmt.Parser as TemplateParser.
// Lookups through this package do not use the Localizer: they read
// precompiled templates from an index by language and code, which keeps
// the error path free of the Localizer's per-call allocations.
//
// Load reports every problem it finds as a *LoadError (the catalog
// loader's type) naming file, line and key, joined with errors.Join. A
// loaded *Bundle is immutable; Current returns the one in force and Swap
// replaces it, safely while requests run.
package readable
