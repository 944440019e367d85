package catalogpage

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
)

// Options configures a [Handler]. A nil *Options, or a zero field, takes
// the default.
type Options struct {
	// Title heads every page. Default "Error catalog".
	Title string

	// Catalog is the error catalog shown. Default: catalog.Current(),
	// looked up per request, so catalog.Swap shows at once.
	Catalog *catalog.Catalog

	// Readable holds the readable texts shown. Default:
	// readable.Current(), looked up per request, so readable.Swap shows
	// at once.
	Readable *readable.Bundle

	// LangParam is the query parameter that chooses the language of the
	// texts in the table, ahead of Accept-Language, as in the error
	// responses. Default "lang".
	LangParam string

	// LanguageNames names languages in the language switch, by tag
	// ("it": "Italiano"); the framework's ten have names already, and
	// any other language shows its tag.
	LanguageNames map[string]string
}

// Handler serves the catalog page. It is an http.Handler that expects
// its mount point stripped from the path (http.StripPrefix): it serves
// the table at "/", the page of code -N at "/N", and its assets below
// "/assets/". See the package documentation.
type Handler struct {
	opts Options
}

// New returns a catalog page configured by opts.
func New(opts *Options) *Handler {
	h := &Handler{}
	if opts != nil {
		h.opts = *opts
	}
	if h.opts.Title == "" {
		h.opts.Title = "Error catalog"
	}
	if h.opts.LangParam == "" {
		h.opts.LangParam = "lang"
	}
	return h
}

//go:embed assets templates
var files embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"dash":       orDash,
	"statusText": statusText,
}).ParseFS(files, "templates/*.html"))

// asset is one embedded file of the page, with its validator.
type asset struct {
	data        []byte
	contentType string
	etag        string
}

var assets = loadAssets()

func loadAssets() map[string]asset {
	types := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
	out := map[string]asset{}
	entries, err := fs.ReadDir(files, "assets")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	for _, e := range entries {
		data, err := fs.ReadFile(files, "assets/"+e.Name())
		if err != nil {
			panic(err)
		}
		sum := sha256.Sum256(data)
		out[e.Name()] = asset{data: data, contentType: types[path.Ext(e.Name())], etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	}
	return out
}

// contentSecurity allows the page its own script and style and nothing
// else: no inline script, no other origin, no framing.
const contentSecurity = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// ServeHTTP serves the table, a code's page, the JSON of either
// (?format=json) or an asset. Only GET and HEAD are served.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Content-Security-Policy", contentSecurity)
	hdr.Set("Referrer-Policy", "same-origin")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	switch {
	case p == "":
		h.redirectToIndex(w, r)
	case p == "/":
		h.serveIndex(w, r)
	case strings.HasPrefix(p, "/assets/"):
		h.serveAsset(w, r, strings.TrimPrefix(p, "/assets/"))
	default:
		h.serveCode(w, r, strings.TrimPrefix(p, "/"))
	}
}

// redirectToIndex answers the mount point without its slash ("/errors"
// for a page stripped of "/errors"): the pages link relative to
// "/errors/", so that is where the table lives.
func (h *Handler) redirectToIndex(w http.ResponseWriter, r *http.Request) {
	orig := r.URL.Path
	if u, err := url.ParseRequestURI(r.RequestURI); err == nil && r.RequestURI != "" {
		orig = u.Path
	}
	target := path.Base(orig) + "/"
	if orig == "" || orig == "/" {
		target = "/"
	}
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	// Relative to the request's own path, which StripPrefix hid from
	// r.URL: http.Redirect would resolve it against the stripped path.
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusPermanentRedirect)
}

func (h *Handler) serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	a, ok := assets[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", a.contentType)
	w.Header().Set("ETag", a.etag)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.data))
}

// wantsJSON reports whether the request asks for the JSON of a page.
func wantsJSON(r *http.Request) bool { return r.URL.Query().Get("format") == "json" }

// language is the language of the table's texts: ?lang= first, then
// Accept-Language, as the error responses choose it.
func (h *Handler) language(r *http.Request, b *readable.Bundle) readable.Language {
	return b.Match(r.URL.Query().Get(h.opts.LangParam), r.Header.Get("Accept-Language"))
}

// option is one choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

// row is one code of the table, flat and ready to print: the template
// prints a field per cell and calls no function, which keeps a table
// of a few hundred rows cheap.
type row struct {
	Code        int
	Page        string // the code's page, relative to the table
	Href        string // the link to it, in the table's language
	Class       string // or a dash
	Module      string // or a dash
	Status      string // or a dash
	StatusTitle string // the reason phrase
	ModuleValue string // the filter's values of the row
	StatusValue string
	Template    string // "" when no catalog defines one
	Text        string // the readable text in the page's language, or the language it falls back to
	TextLang    string // the language of Text
	Fallback    bool   // Text is not in the page's language
	Hidden      bool   // the filter hides it
}

type indexView struct {
	Title     string
	Lang      string
	LangParam string
	Languages []option
	Modules   []option
	Statuses  []option
	Filter    filter
	Rows      []row
	Shown     int
	CodeQuery string // appended to the links to the codes' pages
}

func (h *Handler) serveIndex(w http.ResponseWriter, r *http.Request) {
	s := h.snapshot()
	f := filterOf(r)
	if wantsJSON(r) {
		h.indexJSON(w, s, f)
		return
	}
	lang := h.language(r, s.texts)
	v := indexView{Title: h.opts.Title, Lang: lang.String(), LangParam: h.opts.LangParam, Filter: f}
	if r.URL.Query().Get(h.opts.LangParam) != "" {
		v.CodeQuery = "?" + url.Values{h.opts.LangParam: {lang.String()}}.Encode()
	}
	for _, l := range s.texts.Languages() {
		v.Languages = append(v.Languages, option{Value: l.String(), Label: h.languageName(l.String()) + " · " + l.String(), Selected: l.String() == lang.String()})
	}
	modules, statuses := map[string]bool{}, map[int]bool{}
	for _, code := range s.codes() {
		e, _ := s.entry(code, nil)
		rw := row{
			Code: e.Code, Page: e.Page, Href: e.Page + v.CodeQuery, Class: orDash(e.Class), Module: orDash(e.Module),
			Status: statusCell(e), StatusTitle: http.StatusText(e.Status), ModuleValue: moduleValue(e), StatusValue: statusValue(e),
			Template: e.Template,
		}
		cell := ""
		if src, ok := s.texts.Source(lang, code); ok {
			rw.Text, rw.TextLang = src.Text, src.Language.String()
			cell = rw.Text
			if rw.Fallback = rw.TextLang != lang.String(); rw.Fallback {
				cell = rw.TextLang + " " + rw.Text // the cell shows the language
			}
		}
		rw.Hidden = !f.match(e, cell)
		if !rw.Hidden {
			v.Shown++
		}
		v.Rows = append(v.Rows, rw)
		modules[moduleValue(e)] = true
		statuses[e.Status] = true
	}
	v.Modules = choices(modules, f.Module, func(m string) string {
		if m == noModule {
			return "none (no class registered)"
		}
		return m
	})
	sts := make(map[string]bool, len(statuses))
	for st := range statuses {
		sts[statusValue(entry{Status: st})] = true
	}
	v.Statuses = choices(sts, f.Status, func(st string) string {
		if st == noStatus {
			return "none (system codes)"
		}
		n, _ := strconv.Atoi(st)
		return statusText(n)
	})
	h.render(w, http.StatusOK, "index.html", v)
}

// choices turns a set of filter values into a select's options, sorted,
// the "none" value last.
func choices(set map[string]bool, selected string, label func(string) string) []option {
	values := make([]string, 0, len(set))
	for v := range set {
		values = append(values, v)
	}
	slices.SortFunc(values, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == noModule: // noModule and noStatus are one word
			return 1
		case b == noModule:
			return -1
		}
		return strings.Compare(a, b)
	})
	out := make([]option, len(values))
	for i, v := range values {
		out[i] = option{Value: v, Label: label(v), Selected: v == selected}
	}
	return out
}

// text is one language's text of a code's page.
type text struct {
	Tag, Name string
	Text      string
	Forms     []form // plural forms; nil for a plain text
	From      string // the language Text is from, when it falls back
	FromName  string
	Missing   bool // no language has a text
	Selected  bool
}

type codeView struct {
	Title string
	entry
	Texts []text
	Back  string // the link back to the table
}

func (h *Handler) serveCode(w http.ResponseWriter, r *http.Request, number string) {
	code, ok := parseNumber(number)
	if !ok {
		h.notFound(w, r, "There is no such page.")
		return
	}
	s := h.snapshot()
	langs := s.texts.Languages()
	e, ok := s.entry(code, langs)
	if !ok {
		h.notFound(w, r, "Code "+strconv.Itoa(code)+" is in no catalog in force.")
		return
	}
	if wantsJSON(r) {
		h.writeJSON(w, http.StatusOK, e)
		return
	}
	lang := h.language(r, s.texts)
	v := codeView{Title: h.opts.Title, entry: e, Back: "./"}
	if r.URL.Query().Get(h.opts.LangParam) != "" {
		v.Back += "?" + url.Values{h.opts.LangParam: {lang.String()}}.Encode()
	}
	for _, l := range langs {
		t := text{Tag: l.String(), Name: h.languageName(l.String()), Selected: l.String() == lang.String()}
		if src, ok := s.texts.Source(l, code); !ok {
			t.Missing = true
		} else {
			t.Text, t.Forms = src.Text, formsOf(src.Forms)
			if from := src.Language.String(); from != t.Tag {
				t.From, t.FromName = from, h.languageName(from)
			}
		}
		v.Texts = append(v.Texts, t)
	}
	h.render(w, http.StatusOK, "code.html", v)
}

// form is one plural form of a text.
type form struct{ Name, Text string }

// pluralOrder is CLDR's order of the plural categories.
var pluralOrder = []string{"zero", "one", "two", "few", "many", "other"}

// formsOf lists a plural text's forms in CLDR's order; nil for nil.
func formsOf(m map[string]string) []form {
	if m == nil {
		return nil
	}
	var out []form
	for _, name := range pluralOrder {
		if t, ok := m[name]; ok {
			out = append(out, form{name, t})
		}
	}
	return out
}

// parseNumber reads the number of a code's page, as problem type URIs
// end: the code without its sign, in decimal, without leading zeros.
func parseNumber(s string) (int, bool) {
	if s == "" || len(s) > 10 || s[0] == '0' {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	if n > 1<<31-1 {
		return 0, false
	}
	return -n, true
}

type notFoundView struct {
	Title, Message string
}

func (h *Handler) notFound(w http.ResponseWriter, r *http.Request, msg string) {
	if wantsJSON(r) {
		h.writeJSON(w, http.StatusNotFound, map[string]string{"error": msg})
		return
	}
	h.render(w, http.StatusNotFound, "notfound.html", notFoundView{Title: h.opts.Title, Message: msg})
}

// render executes a page into a buffer first, so that a failing
// template never leaves half a page behind a 200.
func (h *Handler) render(w http.ResponseWriter, status int, name string, v any) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name, v); err != nil {
		http.Error(w, "the catalog page could not be rendered", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// indexJSON is the table for tools: every code that matches the filter,
// with the texts of every language.
type indexJSON struct {
	Languages []languageJSON `json:"languages"`
	Codes     []entry        `json:"codes"`
}

type languageJSON struct {
	Tag  string `json:"tag"`
	Name string `json:"name"`
}

func (h *Handler) indexJSON(w http.ResponseWriter, s snapshot, f filter) {
	langs := s.texts.Languages()
	out := indexJSON{Languages: make([]languageJSON, len(langs)), Codes: []entry{}}
	for i, l := range langs {
		out.Languages[i] = languageJSON{Tag: l.String(), Name: h.languageName(l.String())}
	}
	for _, code := range s.codes() {
		e, _ := s.entry(code, langs)
		// A search finds a code by its text in any language.
		texts := make([]string, 0, len(e.Readable))
		for _, t := range e.Readable {
			texts = append(texts, t)
		}
		if f.match(e, strings.Join(texts, "\n")) {
			out.Codes = append(out.Codes, e)
		}
	}
	h.writeJSON(w, http.StatusOK, out)
}

func (h *Handler) writeJSON(w http.ResponseWriter, status int, v any) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, "the catalog could not be encoded", http.StatusInternalServerError)
		return
	}
	data = append(data, '\n')
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	w.Write(data)
}
