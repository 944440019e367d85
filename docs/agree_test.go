// Package docs_test holds the three views of the web exceptions to one
// another: the Markdown tables and the OpenAPI documents gen writes from
// the declarations, and the catalog page the running program serves
// from its registry and catalogs. They come from the same sources, so
// any disagreement is a defect of one of them.
package docs_test

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/httpfault/catalogpage"
	"github.com/zeroport/zerofault/webexc"

	// Every web package of the framework, and the shop's: their classes
	// register.
	_ "github.com/zeroport/zerofault/examples/shop/shoperr"
	_ "github.com/zeroport/zerofault/ext/ambient"
	_ "github.com/zeroport/zerofault/ext/atom"
	_ "github.com/zeroport/zerofault/ext/crud"
	_ "github.com/zeroport/zerofault/ext/jet"
	_ "github.com/zeroport/zerofault/ext/ke"
	_ "github.com/zeroport/zerofault/ext/rbac"
	_ "github.com/zeroport/zerofault/plugins/es"
	_ "github.com/zeroport/zerofault/plugins/excel"
	_ "github.com/zeroport/zerofault/plugins/iqiy"
	_ "github.com/zeroport/zerofault/plugins/redis"
	_ "github.com/zeroport/zerofault/plugins/sms"
)

// row is what one view says of one exception.
type row struct {
	Code     int
	Class    string
	Status   int
	Template string
}

// docsOf returns the Markdown and OpenAPI files of a package, as its
// declaration's docs field names them.
func docsOf(pkg string) (md, api string) {
	base := "docs/" + strings.ReplaceAll(strings.TrimPrefix(pkg, "github.com/zeroport/zerofault/"), "/", "-")
	if strings.HasSuffix(pkg, "/examples/shop/shoperr") {
		base = "examples/shop/docs/shoperr"
	}
	return filepath.Join("..", base+".md"), filepath.Join("..", base+".openapi.yaml")
}

// markdownRow reads a table row: | code | `Type` (`Class`) | status | template | doc |
var markdownRow = regexp.MustCompile("^\\| (-\\d+) \\| `\\w+` \\(`(\\w+)`\\)[^|]* \\| (\\d+) \\| (.*) \\| .* \\|$")

// unescape undoes the Markdown table's escapes of a template.
var unescape = strings.NewReplacer(`\\`, `\`, `\|`, "|", "\\`", "`", `\*`, "*", `\_`, "_", "&lt;", "<", "<br>", "\n")

// markdown reads a reference table, by class.
func markdown(t *testing.T, path string) map[string]row {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]row{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := markdownRow.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		code, _ := strconv.Atoi(m[1])
		status, _ := strconv.Atoi(m[3])
		out[m[2]] = row{Code: code, Class: m[2], Status: status, Template: unescape.Replace(m[4])}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no table rows", path)
	}
	return out
}

// openAPI reads the responses of an OpenAPI document, by class; the
// template is not there, only an example of it.
func openAPI(t *testing.T, path string) map[string]row {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Responses map[string]struct {
				Code   int    `yaml:"x-zerofault-code"`
				Class  string `yaml:"x-zerofault-class"`
				Status int    `yaml:"x-zerofault-status"`
			}
		}
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string]row{}
	for _, r := range doc.Components.Responses {
		out[r.Class] = row{Code: r.Code, Class: r.Class, Status: r.Status}
	}
	return out
}

// For every registered web exception, the catalog page's JSON, the
// OpenAPI response and the Markdown row agree on code, class and
// status, and the page and the table on the template.
func TestViewsAgree(t *testing.T) {
	rec := httptest.NewRecorder()
	catalogpage.New(nil).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/?format=json", nil))
	var page struct{ Codes []row }
	if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
		t.Fatal(err)
	}
	onPage := map[int]row{}
	for _, r := range page.Codes {
		onPage[r.Code] = r
	}
	tables, apis := map[string]map[string]row{}, map[string]map[string]row{}
	n := 0
	for _, reg := range webexc.Registrations() {
		n++
		md, api := docsOf(reg.Package)
		if tables[md] == nil {
			tables[md], apis[api] = markdown(t, md), openAPI(t, api)
		}
		want := row{Code: reg.Class.Code, Class: reg.Class.Name, Status: reg.Class.Status}
		p, m, a := onPage[reg.Class.Code], tables[md][reg.Class.Name], apis[api][reg.Class.Name]
		if got := (row{p.Code, p.Class, p.Status, ""}); got != want {
			t.Errorf("%d: the page says %+v, the registry %+v", want.Code, got, want)
		}
		if got := (row{m.Code, m.Class, m.Status, ""}); got != want {
			t.Errorf("%d: %s says %+v, the registry %+v", want.Code, md, got, want)
		}
		if a != want {
			t.Errorf("%d: %s says %+v, the registry %+v", want.Code, api, a, want)
		}
		if m.Template != p.Template {
			t.Errorf("%d: %s quotes the template %q, the page shows %q", want.Code, md, m.Template, p.Template)
		}
		delete(tables[md], reg.Class.Name)
		delete(apis[api], reg.Class.Name)
	}
	if n != 148+4 {
		t.Errorf("%d classes registered, want 148 of the framework and the shop's 4", n)
	}
	// Zero gives plugins/iqiy's -20001 two classes; the registry holds
	// the first, the table and the document both, alike.
	const iqiyMD, iqiyAPI = "../docs/plugins-iqiy.md", "../docs/plugins-iqiy.openapi.yaml"
	second := "_401QiyExecuteException"
	if m, a := tables[iqiyMD][second], apis[iqiyAPI][second]; m.Code != -20001 || (row{m.Code, m.Class, m.Status, ""}) != a {
		t.Errorf("%s: Markdown %+v, OpenAPI %+v", second, m, a)
	}
	delete(tables[iqiyMD], second)
	delete(apis[iqiyAPI], second)
	// Nothing is documented that no package registers.
	for path, rest := range tables {
		for class := range rest {
			t.Errorf("%s documents %s, which no package registers", path, class)
		}
	}
	for path, rest := range apis {
		for class := range rest {
			t.Errorf("%s describes %s, which no package registers", path, class)
		}
	}
}
