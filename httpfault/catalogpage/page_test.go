package catalogpage_test

import (
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/catalogpage"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero/catalog"
)

// server mounts the page at /errors/ as the package documentation says.
func server(opts *catalogpage.Options) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/errors/", http.StripPrefix("/errors", catalogpage.New(opts)))
	return mux
}

func get(t *testing.T, h http.Handler, target string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// tableRow is one row of the table as served.
type tableRow struct {
	code                                  int
	hidden                                bool
	class, module, status, template, text string
	textLang                              string
}

var rowRE = regexp.MustCompile(`(?s)<tr id="c(\d+)"[^>]*?( hidden)?>\s*` +
	`<td class="code"><a href="[^"]*">-?\d+</a></td>\s*` +
	`<td class="class">(.*?)</td>\s*` +
	`<td class="module">(.*?)</td>\s*` +
	`<td class="status"[^>]*>(.*?)</td>\s*` +
	`<td class="template">(?:<code>)?(.*?)(?:</code>)?</td>\s*` +
	`<td class="readable"(?: lang="([^"]*)")?>(.*?)</td>`)

// rows reads the table's rows, by code.
func rows(t *testing.T, body string) map[int]tableRow {
	t.Helper()
	out := map[int]tableRow{}
	for _, m := range rowRE.FindAllStringSubmatch(body, -1) {
		n, _ := strconv.Atoi(m[1])
		out[-n] = tableRow{code: -n, hidden: m[2] != "", class: html.UnescapeString(m[3]), module: html.UnescapeString(m[4]),
			status: m[5], template: html.UnescapeString(m[6]), textLang: m[7], text: html.UnescapeString(m[8])}
	}
	if n := strings.Count(body, `<tr id="c`); n != len(out) {
		t.Fatalf("read %d of %d rows", len(out), n)
	}
	return out
}

func shown(rs map[int]tableRow) []int {
	var out []int
	for c, r := range rs {
		if !r.hidden {
			out = append(out, c)
		}
	}
	return out
}

// The table holds every code of the catalog in force and every
// registered class, each with its class, module and status.
func TestIndex(t *testing.T) {
	rec := get(t, server(nil), "/errors/")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("%d %s", rec.Code, rec.Header())
	}
	rs := rows(t, rec.Body.String())
	cat := catalog.Current()
	for _, code := range cat.Codes() {
		r, ok := rs[code]
		if !ok {
			t.Errorf("code %d of the catalog has no row", code)
			continue
		}
		if e, _ := cat.Lookup(code); r.template != e.Source() {
			t.Errorf("%d: template %q, want %q", code, r.template, e.Source())
		}
	}
	regs := webexc.Registrations()
	if len(regs) < 49 {
		t.Fatalf("%d registrations; webexc alone registers 49", len(regs))
	}
	for _, reg := range regs {
		r := rs[reg.Class.Code]
		if r.class != reg.Class.Name || r.status != strconv.Itoa(reg.Class.Status) || r.module != strings.TrimPrefix(reg.Package, "github.com/zeroport/zerofault/") || r.hidden {
			t.Errorf("%d: row %+v, registered %s %d in %s", reg.Class.Code, r, reg.Class.Name, reg.Class.Status, reg.Package)
		}
	}
	// A system code: no class, no status.
	if r := rs[-10001]; r.class != "—" || r.status != "—" {
		t.Errorf("-10001: %+v", r)
	}
	if !strings.Contains(rec.Body.String(), `<span id="shown">`+strconv.Itoa(len(rs))+`</span>`) {
		t.Error("the count does not say every row shows")
	}
}

// A search narrows the table to the rows that hold it, filters to a
// module or a status, as the page's script does while one types.
func TestFilter(t *testing.T) {
	h := server(nil)
	for _, tc := range []struct {
		query string
		want  func(tableRow) bool
	}{
		{"q=60010", func(r tableRow) bool { return r.code == -60010 }},
		{"q=-60010", func(r tableRow) bool { return r.code == -60010 }},
		{"q=servicenotfound", func(r tableRow) bool { return r.code == -60010 }},
		{"q=%20+_404ServiceNotFoundException+", func(r tableRow) bool { return r.code == -60010 }},
		{"module=webexc", func(r tableRow) bool { return r.module == "webexc" }},
		{"status=405", func(r tableRow) bool { return r.status == "405" }},
		{"status=none", func(r tableRow) bool { return r.status == "—" }},
		{"module=none&q=elasticsearch", func(r tableRow) bool {
			return r.module == "—" && strings.Contains(strings.ToLower(r.template+r.text), "elasticsearch")
		}},
		{"q=" + "no+such+words+anywhere", func(tableRow) bool { return false }},
	} {
		rs := rows(t, get(t, h, "/errors/?"+tc.query).Body.String())
		n := 0
		for _, r := range rs {
			if r.hidden == tc.want(r) {
				t.Errorf("%s: row %d hidden %v", tc.query, r.code, r.hidden)
			}
			if !r.hidden {
				n++
			}
		}
		if n == 0 && tc.query != "q=no+such+words+anywhere" {
			t.Errorf("%s: no row shows", tc.query)
		}
	}
}

// The table's texts follow ?lang=, then Accept-Language; a code without
// a text in the language shows the one clients get instead, marked.
func TestLanguage(t *testing.T) {
	h := server(nil)
	b := readable.Current()
	if n := len(b.Languages()); n < 10 {
		t.Fatalf("%d languages; the framework ships ten", n)
	}
	for _, l := range b.Languages() {
		want, _ := b.Source(l, -60010)
		for _, rec := range []*httptest.ResponseRecorder{
			get(t, h, "/errors/?lang="+l.String()),
			get(t, h, "/errors/", "Accept-Language", l.String()+";q=0.9, xx;q=0.1"),
		} {
			r := rows(t, rec.Body.String())[-60010]
			if r.text != want.Text || r.textLang != l.String() {
				t.Errorf("%s: -60010 reads %q (%s), want %q", l, r.text, r.textLang, want.Text)
			}
			if !strings.Contains(rec.Body.String(), `<option value="`+l.String()+`" selected>`) {
				t.Errorf("%s: the switch does not show the language", l)
			}
		}
	}
}

// The page of a code is at its number, the end of its problem type URI,
// with the template and the texts of every language.
func TestCodePage(t *testing.T) {
	h := server(nil)
	number := string(httpfault.AppendType(nil, "", -60010))
	rec := get(t, h, "/errors/"+number)
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, body)
	}
	tmpl, _ := catalog.Current().Lookup(-60010)
	for _, want := range []string{
		`<span id="code">-60010</span>`, `<span id="class">_404ServiceNotFoundException</span>`,
		`<dd id="status">404 Not Found</dd>`, `<code>github.com/zeroport/zerofault/webexc</code>`,
		`<pre id="template">` + html.EscapeString(tmpl.Source()) + `</pre>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	b := readable.Current()
	for _, l := range b.Languages() {
		src, _ := b.Source(l, -60010)
		row := regexp.MustCompile(`(?s)<tr data-lang="` + regexp.QuoteMeta(l.String()) + `".*?</tr>`).FindString(body)
		if !strings.Contains(row, html.EscapeString(src.Text)) {
			t.Errorf("%s: the page lacks %q:\n%s", l, src.Text, row)
		}
	}
}

// Only a code's canonical number has a page; other paths are 404s.
func TestNotFound(t *testing.T) {
	h := server(nil)
	for _, p := range []string{"/errors/99999999", "/errors/060010", "/errors/-60010", "/errors/60010x", "/errors/6001O",
		"/errors/99999999999", "/errors/60010/", "/errors/assets/nope.js", "/errors/x"} {
		if rec := get(t, h, p); rec.Code != http.StatusNotFound {
			t.Errorf("%s: %d", p, rec.Code)
		}
	}
	rec := get(t, h, "/errors/99999999?format=json")
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), `"error"`) {
		t.Errorf("JSON 404: %d %s", rec.Code, rec.Body)
	}
}

type jsonEntry struct {
	Code     int               `json:"code"`
	Page     string            `json:"page"`
	Class    string            `json:"class"`
	Package  string            `json:"package"`
	Module   string            `json:"module"`
	Status   int               `json:"status"`
	Level    string            `json:"level"`
	Template string            `json:"template"`
	Readable map[string]string `json:"readable"`
}

// The JSON holds what the table does, with every language's text.
func TestJSON(t *testing.T) {
	h := server(nil)
	rec := get(t, h, "/errors/?format=json")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("%d %s", rec.Code, rec.Header())
	}
	var idx struct {
		Languages []struct{ Tag, Name string }
		Codes     []jsonEntry
	}
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&idx); err != nil {
		t.Fatal(err)
	}
	b := readable.Current()
	if len(idx.Languages) != len(b.Languages()) || idx.Languages[0].Tag != b.Default().String() || idx.Languages[0].Name != "English" {
		t.Errorf("languages %+v", idx.Languages)
	}
	byCode := map[int]jsonEntry{}
	for _, e := range idx.Codes {
		byCode[e.Code] = e
	}
	if len(byCode) != len(rows(t, get(t, h, "/errors/").Body.String())) {
		t.Errorf("JSON has %d codes, the table %d", len(byCode), len(rows(t, get(t, h, "/errors/").Body.String())))
	}
	for _, reg := range webexc.Registrations() {
		e := byCode[reg.Class.Code]
		if e.Class != reg.Class.Name || e.Status != reg.Class.Status || e.Package != reg.Package || e.Page != strconv.Itoa(-reg.Class.Code) {
			t.Errorf("%d: %+v", reg.Class.Code, e)
		}
	}
	e := byCode[-60010]
	for _, l := range b.Languages() {
		if src, _ := b.Source(l, -60010); e.Readable[l.String()] != src.Text {
			t.Errorf("-60010 in %s: %q, want %q", l, e.Readable[l.String()], src.Text)
		}
	}
	// One code, and a filtered table.
	var one jsonEntry
	if err := json.Unmarshal(get(t, h, "/errors/60010?format=json").Body.Bytes(), &one); err != nil || one.Class != e.Class || one.Template != e.Template || one.Level != "error" {
		t.Errorf("one code: %+v %v", one, err)
	}
	idx.Codes = nil
	if err := json.Unmarshal(get(t, h, "/errors/?format=json&q=60010").Body.Bytes(), &idx); err != nil || len(idx.Codes) != 1 || idx.Codes[0].Code != -60010 {
		t.Errorf("q=60010: %+v %v", idx.Codes, err)
	}
}

// A catalog or a bundle swapped in shows at the next request.
func TestHotSwap(t *testing.T) {
	h := server(nil)
	cat, err := catalog.Load(catalog.AllowOverride(), catalog.ErrorFS(fstest.MapFS{
		"vertx-error.yml": {Data: []byte(`E60010: "(404) - Nothing answers {1} {0} today."` + "\n" + `E100777: "(418) - A teapot {0}."` + "\n")},
	}, "vertx-error.yml"))
	if err != nil {
		t.Fatal(err)
	}
	texts, err := readable.Load(readable.FS(fstest.MapFS{
		"vertx-readible.de.yml": {Data: []byte(`60010: "Heute antwortet hier niemand."` + "\n")},
	}, "vertx-readible.de.yml"))
	if err != nil {
		t.Fatal(err)
	}
	prevCat, prevTexts := catalog.Swap(cat), readable.Swap(texts)
	defer func() { catalog.Swap(prevCat); readable.Swap(prevTexts) }()

	rs := rows(t, get(t, h, "/errors/?lang=de").Body.String())
	if r := rs[-60010]; r.template != "(404) - Nothing answers {1} {0} today." || r.text != "Heute antwortet hier niemand." {
		t.Errorf("swapped -60010: %+v", r)
	}
	if r := rs[-100777]; r.status != "418" || r.class != "—" {
		t.Errorf("a new code: %+v", r)
	}
	catalog.Swap(prevCat)
	readable.Swap(prevTexts)
	if r := rows(t, get(t, h, "/errors/?lang=de").Body.String())[-60010]; r.template == "(404) - Nothing answers {1} {0} today." {
		t.Error("the swap back does not show")
	}
}

// Whatever a catalog holds is text: escaped in HTML, escaped in JSON;
// and where a catalog file lies is not shown.
func TestEscaping(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "vertx-error.yml")
	if err := os.WriteFile(file, []byte(`E100666: "(400) - <script>alert(1)</script> & \"{0}\""`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load(catalog.ErrorFile(file))
	if err != nil {
		t.Fatal(err)
	}
	h := server(&catalogpage.Options{Catalog: cat, Title: `<b>Errors</b>`})
	for _, p := range []string{"/errors/", "/errors/100666", "/errors/?format=json", "/errors/100666?format=json"} {
		body := get(t, h, p).Body.String()
		if strings.Contains(body, "<script>") || strings.Contains(body, "<b>") || strings.Contains(body, dir) {
			t.Errorf("%s: unescaped markup or the file's path:\n%s", p, body)
		}
		if !strings.Contains(body, "alert(1)") {
			t.Errorf("%s: the template is missing", p)
		}
	}
}

func TestHeadersAndMethods(t *testing.T) {
	h := server(nil)
	rec := get(t, h, "/errors/")
	for k, want := range map[string]string{
		"X-Content-Type-Options":  "nosniff",
		"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
		"Cache-Control":           "no-cache",
	} {
		if got := rec.Header().Get(k); got != want {
			t.Errorf("%s: %q, want %q", k, got, want)
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/errors/60010", strings.NewReader("x"))
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d %v", rec.Code, rec.Header())
	}
	req = httptest.NewRequest(http.MethodHead, "/errors/60010", nil)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Errorf("HEAD: %d", rec.Code)
	}
}

// The mount point without its slash leads to the table, whose relative
// links need the slash.
func TestRedirect(t *testing.T) {
	h := catalogpage.New(nil)
	for _, tc := range []struct{ mount, target, want string }{
		{"/errors", "/errors", "errors/"},
		{"/errors", "/errors?lang=de", "errors/?lang=de"},
		{"/api/v1/errors", "/api/v1/errors", "errors/"},
		{"", "", "/"},
	} {
		req := httptest.NewRequest(http.MethodGet, "http://example.com"+tc.target, nil)
		if tc.target == "" {
			req.URL.Path, req.RequestURI = "", ""
		}
		rec := httptest.NewRecorder()
		http.StripPrefix(tc.mount, h).ServeHTTP(rec, req)
		if rec.Code != http.StatusPermanentRedirect || rec.Header().Get("Location") != tc.want {
			t.Errorf("%s: %d %q, want %q", tc.target, rec.Code, rec.Header().Get("Location"), tc.want)
			continue
		}
		if tc.target != "" {
			base, _ := req.URL.Parse(tc.target)
			loc, _ := base.Parse(rec.Header().Get("Location"))
			if loc.Path != tc.mount+"/" {
				t.Errorf("%s: leads to %s", tc.target, loc)
			}
		}
	}
}

// The style sheet and the script are embedded and revalidated by ETag.
func TestAssets(t *testing.T) {
	h := server(nil)
	for name, ctype := range map[string]string{"catalog.css": "text/css; charset=utf-8", "catalog.js": "text/javascript; charset=utf-8"} {
		rec := get(t, h, "/errors/assets/"+name)
		etag := rec.Header().Get("ETag")
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != ctype || etag == "" || rec.Body.Len() < 500 {
			t.Errorf("%s: %d %v %d bytes", name, rec.Code, rec.Header(), rec.Body.Len())
		}
		if rec := get(t, h, "/errors/assets/"+name, "If-None-Match", etag); rec.Code != http.StatusNotModified {
			t.Errorf("%s revalidated: %d", name, rec.Code)
		}
	}
	// No asset comes from elsewhere.
	page := get(t, h, "/errors/").Body.String() + get(t, h, "/errors/60010").Body.String()
	if regexp.MustCompile(`(?i)(src|href)="(https?:)?//`).MatchString(page) {
		t.Error("a page links to another origin")
	}
}
