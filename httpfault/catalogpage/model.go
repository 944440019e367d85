package catalogpage

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// frameworkModule is zerofault's module path: the page names the
// framework's packages relative to it ("plugins/es").
const frameworkModule = "github.com/zeroport/zerofault/"

// entry is one code as the page and its JSON show it. It holds what
// the catalogs and the class registry publish, never where a file lies
// on the server.
type entry struct {
	Code     int    `json:"code"`
	Page     string `json:"page"`              // the code's page relative to the catalog page: its number
	Class    string `json:"class,omitempty"`   // Zero's class name, when a package the program imports declares it
	Package  string `json:"package,omitempty"` // that package's import path
	Module   string `json:"module,omitempty"`  // the same, shortened for reading ("webexc", "plugins/es")
	Status   int    `json:"status,omitempty"`  // the HTTP status; 0 for system codes
	Level    string `json:"level"`             // "error", "warn" or "info": the catalog key's prefix
	Template string `json:"template"`          // the system message template; "" when no catalog defines one

	// Readable holds the readable text of each language that has its
	// own, by language tag, as written (the "other" form of a plural
	// text), and Plural the forms of plural texts.
	Readable map[string]string `json:"readable,omitempty"`
	Plural   map[string]plural `json:"plural,omitempty"`

	tmpl bool // a catalog defines the template
}

// plural is a text written as a map of plural forms.
type plural struct {
	Forms map[string]string `json:"forms"`
	Count int               `json:"count"` // the argument whose value picks the form
}

// snapshot is the catalog in force at one request: what a page is
// built from. Taking the three once per request is what makes a swapped
// catalog show at once, and a page consistent with itself.
type snapshot struct {
	cat     *catalog.Catalog
	texts   *readable.Bundle
	classes map[int]webexc.Registration
}

func (h *Handler) snapshot() snapshot {
	s := snapshot{cat: h.opts.Catalog, texts: h.opts.Readable, classes: map[int]webexc.Registration{}}
	if s.cat == nil {
		s.cat = catalog.Current()
	}
	if s.texts == nil {
		s.texts = readable.Current()
	}
	for _, r := range webexc.Registrations() {
		s.classes[r.Class.Code] = r
	}
	return s
}

// codes returns every code of the snapshot: those with a template and
// the registered classes', in the catalogs' order (-10001 before -10002).
func (s snapshot) codes() []int {
	out := s.cat.Codes()
	seen := make(map[int]bool, len(out))
	for _, c := range out {
		seen[c] = true
	}
	extra := false
	for c := range s.classes {
		if !seen[c] {
			out, extra = append(out, c), true
		}
	}
	if extra {
		sortCodes(out)
	}
	return out
}

// entry describes code; ok is false when neither a catalog nor a class
// knows it. texts chooses the languages whose texts are filled in: all
// of them for JSON, one for a table row.
func (s snapshot) entry(code int, langs []readable.Language) (entry, bool) {
	e := entry{Code: code, Page: string(httpfault.AppendType(nil, "", code)), Level: "error"}
	t, hasTemplate := s.cat.Lookup(code)
	if hasTemplate {
		e.Template, e.tmpl = t.Source(), true
		e.Level = strings.ToLower(t.Level.String())
	}
	r, registered := s.classes[code]
	if !hasTemplate && !registered {
		return entry{}, false
	}
	if registered {
		e.Class, e.Package, e.Module = r.Class.Name, r.Package, moduleOf(r.Package)
		e.Status = r.Class.Status
	}
	if e.Status == 0 {
		// As webexc.New answers a code no package declares: the
		// template's "(NNN) -" prefix, if it has one.
		e.Status, _ = zero.StatusPrefix(e.Template)
	}
	for _, l := range langs {
		src, ok := s.texts.Source(l, code)
		if !ok || src.Language.String() != l.String() {
			continue
		}
		if e.Readable == nil {
			e.Readable = map[string]string{}
		}
		e.Readable[l.String()] = src.Text
		if src.Forms != nil {
			if e.Plural == nil {
				e.Plural = map[string]plural{}
			}
			e.Plural[l.String()] = plural{Forms: src.Forms, Count: src.Count}
		}
	}
	return e, true
}

// moduleOf shortens an import path for the table: the framework's
// packages relative to its module, anyone else's as they are.
func moduleOf(pkg string) string {
	if rel, ok := strings.CutPrefix(pkg, frameworkModule); ok && rel != "" {
		return rel
	}
	return pkg
}

// statusText is a status with its reason phrase, "404 Not Found"; "" for 0.
func statusText(status int) string {
	if status == 0 {
		return ""
	}
	s := strconv.Itoa(status)
	if t := http.StatusText(status); t != "" {
		s += " " + t
	}
	return s
}

// filter is what the table is narrowed to: the form's fields, which
// the page's script applies as they are typed, and the server applies
// to what it sends, so that a link to a search, and a browser without
// script, show the same rows.
type filter struct {
	Q      string // a substring of any cell, case-insensitive
	Module string // a module exactly; noModule for codes without one
	Status string // a status exactly; noStatus for system codes
}

// The filter values of rows without a module or a status.
const (
	noModule = "none"
	noStatus = "none"
)

func filterOf(r *http.Request) filter {
	q := r.URL.Query()
	return filter{Q: strings.TrimSpace(q.Get("q")), Module: q.Get("module"), Status: q.Get("status")}
}

// match reports whether a row shows; text is what its readable-text cell
// shows. The haystack holds what the row's cells show, as the script
// searches them.
func (f filter) match(e entry, text string) bool {
	if f.Module != "" && f.Module != moduleValue(e) {
		return false
	}
	if f.Status != "" && f.Status != statusValue(e) {
		return false
	}
	if f.Q == "" {
		return true
	}
	tmpl := e.Template
	if !e.tmpl {
		tmpl = "no template"
	}
	hay := strings.Join([]string{strconv.Itoa(e.Code), orDash(e.Class), orDash(e.Module), statusCell(e), tmpl, text}, "\n")
	return strings.Contains(strings.ToLower(hay), strings.ToLower(f.Q))
}

// orDash is what a cell shows for s: a dash when there is nothing.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// sortCodes orders codes as the catalogs do, -1 first.
func sortCodes(codes []int) { slices.SortFunc(codes, func(a, b int) int { return cmp.Compare(b, a) }) }

func moduleValue(e entry) string {
	if e.Module == "" {
		return noModule
	}
	return e.Module
}

// statusCell is what the status cell shows.
func statusCell(e entry) string {
	if e.Status == 0 {
		return "—"
	}
	return strconv.Itoa(e.Status)
}

func statusValue(e entry) string {
	if e.Status == 0 {
		return noStatus
	}
	return strconv.Itoa(e.Status)
}
