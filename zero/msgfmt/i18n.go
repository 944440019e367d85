package msgfmt

import (
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/nicksnyder/go-i18n/v2/i18n/template"
)

// Parser lets go-i18n (github.com/nicksnyder/go-i18n/v2/i18n) render
// messages written in MessageFormat syntax, so that translated overlays of
// Zero's templates keep the syntax of the originals. Set it as
// LocalizeConfig.TemplateParser:
//
//	l.Localize(&i18n.LocalizeConfig{
//		MessageID:      "E40101",
//		TemplateData:   []any{"app", 3},
//		TemplateParser: msgfmt.Parser{Locale: "de-DE"},
//	})
//
// Locale is the BCP 47 tag used for numbers and dates, as in Compile. The
// delimiters go-i18n passes to Parse are ignored: elements are always
// written in braces.
//
// The template data given to Execute becomes the arguments:
//
//   - []any: the positional arguments, as given
//   - map[string]any or map[string]string: key "0" is argument 0, "1"
//     argument 1, and so on (canonical decimal indices below 10000); other
//     keys, such as go-i18n's "PluralCount", are ignored, and an index
//     missing below the highest one is null
//   - nil: no arguments (every element prints as "{n}")
//   - any other value: argument 0
type Parser struct {
	Locale string
}

var _ template.Parser = Parser{}

// Parse compiles src. Errors are those of Compile.
func (p Parser) Parse(src, leftDelim, rightDelim string) (template.ParsedTemplate, error) {
	m, err := compileCached(p.Locale, src)
	if err != nil {
		return nil, err
	}
	return parsedTemplate{m}, nil
}

// Cacheable reports false. go-i18n caches a parsed template per message and
// plural form, whatever parser asks next time; a Parser for another Locale
// would get numbers and dates formatted for the first one. Parse keeps its
// own cache keyed by locale and source instead.
func (Parser) Cacheable() bool { return false }

type parsedTemplate struct{ m *Message }

// Execute formats the message with data turned into arguments as
// documented on Parser.
func (t parsedTemplate) Execute(data any) (string, error) {
	switch d := data.(type) {
	case nil:
		return t.m.Format()
	case []any:
		return t.m.Format(d...)
	case map[string]any:
		return t.m.Format(mapArgs(d)...)
	case map[string]string:
		return t.m.Format(mapArgs(d)...)
	}
	return t.m.Format(data)
}

// mapArgs lays out the entries keyed "0", "1", … as positional arguments.
func mapArgs[V any](d map[string]V) []any {
	n := 0
	for k := range d {
		if i, ok := mapIndex(k); ok && i+1 > n {
			n = i + 1
		}
	}
	if n == 0 {
		return nil
	}
	args := make([]any, n)
	for k, v := range d {
		if i, ok := mapIndex(k); ok {
			args[i] = v
		}
	}
	return args
}

// mapIndex accepts "0" to "9999" without sign or leading zeros, so that
// each argument has exactly one key.
func mapIndex(k string) (int, bool) {
	if k == "" || len(k) > 4 || len(k) > 1 && k[0] == '0' {
		return 0, false
	}
	i, err := strconv.Atoi(k)
	if err != nil || i < 0 || k[0] == '+' {
		return 0, false
	}
	return i, true
}

// The Parse cache. It holds at most maxCached messages: a catalog has a
// bounded number of templates, and a caller feeding arbitrary sources must
// not grow memory without bound (beyond the cap, Parse just compiles).
const maxCached = 4096

type cacheKey struct{ locale, src string }

var (
	parseCache  sync.Map // cacheKey → *Message
	parseCached atomic.Int64
)

func compileCached(locale, src string) (*Message, error) {
	k := cacheKey{locale, src}
	if m, ok := parseCache.Load(k); ok {
		return m.(*Message), nil
	}
	m, err := Compile(locale, src)
	if err != nil {
		return nil, err
	}
	if parseCached.Load() < maxCached {
		if _, loaded := parseCache.LoadOrStore(k, m); !loaded {
			parseCached.Add(1)
		}
	}
	return m, nil
}
