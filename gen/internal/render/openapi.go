package render

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/config"
	"github.com/zeroport/zerofault/gen/internal/decl"
	"github.com/zeroport/zerofault/zero/catalog"
)

// apiFile is what exceptions.openapi.yaml.tmpl prints.
type apiFile struct {
	Package   string
	Source    string
	Responses []apiResponse

	// Example values shared by every example: an id as the HTTP core
	// makes them, and the URIs of problem+json with the core's default
	// prefixes.
	ExampleID, ExampleBareID, ExampleType, ExampleInstance string
}

// apiResponse is one exception as a reusable response. Text fields are
// quoted already (see yamlString).
type apiResponse struct {
	Name        string // the component's key: the Go type's name
	Code        int
	Number      string // the code without its sign, as problem types end
	Class       string // quoted
	Status      int
	Description string
	Message     string // the example's system message
	Info        string // the example's readable text; "" when there is none
	Title       string // the example problem's title
}

// exampleID is an id as the HTTP core makes them.
const exampleID = "4f1c9a7b30d2e6a8"

// OpenAPI returns the OpenAPI 3.1 document of f's web exceptions: the
// schemas of the bodies the HTTP core answers with (Zero's JSON and RFC
// 9457 problem+json) and one reusable response per coded exception,
// with its status, code and an example in the default language, its
// params shown by name ("{sku}") or as 1 for numbers. Responses are
// ordered by code, as in the Markdown table; source names the
// declaration as the docs show it.
func OpenAPI(s *decl.Set, f *decl.File, source string) ([]byte, error) {
	out := apiFile{
		Package: f.Package, Source: source,
		ExampleID: yamlString(exampleID), ExampleBareID: exampleID,
		// The HTTP core's defaults (httpfault.DefaultProblemTypeBase and
		// its instance prefix), which a cross-check test holds them to.
		ExampleType: "urn:zerofault:error:", ExampleInstance: "urn:zerofault:id:",
	}
	for _, e := range byCode(f.Exceptions) {
		if e.Code == 0 {
			continue // no code, nothing a client could tell apart
		}
		st := e.EffectiveStatus()
		r := apiResponse{
			Name:   e.TypeName(),
			Code:   e.Code,
			Number: strconv.Itoa(-e.Code),
			Class:  yamlString(e.Class),
			Status: st,
			Description: yamlString("`" + strconv.Itoa(e.Code) + "` `" + e.Class + "`, status " + statusText(st) + ": " +
				strings.Join(strings.Fields(e.Doc), " ")),
		}
		args := exampleArgs(e.Params)
		// Without a template the core answers ErrorMissing's message,
		// which names the code; the lint lets that pass only by an
		// exemption.
		msg := "(no template in the catalogs yet)"
		if src, _, ok := templateOf(s, e); ok {
			msg = example(catalog.DefaultLocale, src, args)
		}
		r.Message = yamlString(msg)
		title := http.StatusText(st)
		if src, ok := defaultReadable(s, e); ok {
			r.Info = yamlString(example(config.ReadableLanguage, src, args))
			if t, err := catalog.Compile(config.ReadableLanguage, src); err == nil && t.ArgCount() == 0 {
				title = src // as the core's title: a text the same for every occurrence
			}
		}
		r.Title = yamlString(title)
		out.Responses = append(out.Responses, r)
	}
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, "exceptions.openapi.yaml.tmpl", out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// byCode orders exceptions as the catalogs do (-10001 before -10002),
// uncoded ones last by name.
func byCode(es []*decl.Exception) []*decl.Exception {
	out := sorted(es)
	slices.SortStableFunc(out, func(a, b *decl.Exception) int {
		switch {
		case a.Code == b.Code:
			return 0
		case a.Code == 0:
			return 1
		case b.Code == 0:
			return -1
		case a.Code > b.Code:
			return -1
		}
		return 1
	})
	return out
}

// defaultReadable returns e's readable text in the default language: the
// one of its overlays whose name carries no language tag.
func defaultReadable(s *decl.Set, e *decl.Exception) (string, bool) {
	for _, entry := range s.ReadableTexts(e) {
		if entry.Catalog.Lang == "" {
			return entry.Source, true
		}
	}
	return "", false
}

// exampleArgs stands in for an exception's params in its examples:
// numbers as 1, booleans as true, everything else as its name in braces,
// so that the example reads like the template with named placeholders.
func exampleArgs(params []decl.Param) []any {
	out := make([]any, len(params))
	for i, p := range params {
		switch p.Type {
		case "int", "int64":
			out[i] = 1
		case "float64":
			out[i] = 1.5
		case "bool":
			out[i] = true
		default:
			out[i] = "{" + p.Name + "}"
		}
	}
	return out
}

// example formats a template with the example args, as the catalog
// would; a template the args do not fit is shown as written.
func example(locale, src string, args []any) string {
	t, err := catalog.Compile(locale, src)
	if err != nil {
		return src
	}
	s, err := t.Format(args...)
	if err != nil {
		return src
	}
	return s
}

// statusText is "404 Not Found".
func statusText(st int) string {
	if t := http.StatusText(st); t != "" {
		return strconv.Itoa(st) + " " + t
	}
	return strconv.Itoa(st)
}

// yamlString quotes s for YAML: a JSON string is a YAML double-quoted
// scalar, whatever s holds.
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return `""` // a string always encodes
	}
	return strings.TrimSuffix(b.String(), "\n")
}
