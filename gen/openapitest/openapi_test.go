package openapitest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/webexc"

	// Every web package of the framework, and the shop's: their
	// classes register with webexc.
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

// root is zerofault's module root, from this module's directory.
const root = "../.."

const module = "github.com/zeroport/zerofault/"

// documents returns the OpenAPI documents gen wrote, by path.
func documents(t *testing.T) map[string]*openapi3.T {
	t.Helper()
	var paths []string
	for _, pattern := range []string{"docs/*.openapi.yaml", "examples/shop/docs/*.openapi.yaml"} {
		m, err := filepath.Glob(filepath.Join(root, pattern))
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) != 13 {
		t.Fatalf("%d OpenAPI documents, want 13 (12 web modules of the framework and the shop's): %v", len(paths), paths)
	}
	out := map[string]*openapi3.T{}
	for _, p := range paths {
		doc, err := openapi3.NewLoader().LoadFromFile(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = doc
	}
	return out
}

// Every document is valid OpenAPI 3.1, examples included.
func TestValidate(t *testing.T) {
	for path, doc := range documents(t) {
		if !doc.IsOpenAPI31OrLater() {
			t.Errorf("%s: OpenAPI %s, want 3.1", path, doc.OpenAPI)
		}
		if err := doc.Validate(context.Background(), openapi3.EnableExamplesValidation()); err != nil {
			t.Errorf("%s: %v", path, err)
		}
		if len(doc.Components.Responses) == 0 {
			t.Errorf("%s: no responses", path)
		}
	}
}

// docOf names the document of a package's exceptions, as the
// declarations' docs fields do.
func docOf(pkg string) string {
	if strings.HasSuffix(pkg, "/examples/shop/shoperr") {
		return "examples/shop/docs/shoperr.openapi.yaml"
	}
	return "docs/" + strings.ReplaceAll(strings.TrimPrefix(pkg, module), "/", "-") + ".openapi.yaml"
}

// fact is what a document says of one exception.
type fact struct {
	code   int
	class  string
	status int
}

// The documents describe every web exception: the framework's 149 and
// the shop's 4, each registered class with its code, class and status,
// and nothing else.
func TestCoverage(t *testing.T) {
	docs := documents(t)
	described := map[string]map[string]fact{} // document → class → fact
	framework := 0
	for path, doc := range docs {
		described[path] = map[string]fact{}
		for name, ref := range doc.Components.Responses {
			r := ref.Value
			c, _ := r.Extensions["x-zerofault-class"].(string)
			f := fact{number(r.Extensions["x-zerofault-code"]), c, number(r.Extensions["x-zerofault-status"])}
			described[path][c] = f
			if !strings.HasSuffix(name, "Exception") || !strings.Contains(*r.Description, c) || f.code >= 0 || f.status < 400 {
				t.Errorf("%s: %s: %+v, description %q", path, name, f, *r.Description)
			}
			if strings.HasPrefix(path, "docs/") {
				framework++
			}
		}
	}
	if framework != 149 || len(described["examples/shop/docs/shoperr.openapi.yaml"]) != 4 {
		t.Errorf("%d framework and %d shop exceptions described, want 149 and 4", framework, len(described["examples/shop/docs/shoperr.openapi.yaml"]))
	}
	// Zero gives two classes of plugins/iqiy code -20001; the registry
	// holds the first, the document both.
	want := fact{-20001, "_401QiyExecuteException", 401}
	if got := described["docs/plugins-iqiy.openapi.yaml"][want.class]; got != want {
		t.Errorf("plugins/iqiy: %+v, want %+v", got, want)
	}
	delete(described["docs/plugins-iqiy.openapi.yaml"], want.class)
	registered := 0
	for _, reg := range webexc.Registrations() {
		registered++
		path := docOf(reg.Package)
		want := fact{reg.Class.Code, reg.Class.Name, reg.Class.Status}
		if got, ok := described[path][reg.Class.Name]; !ok || got != want {
			t.Errorf("%s: %s described as %+v, registered as %+v", path, reg.Class.Name, got, want)
		}
		delete(described[path], reg.Class.Name)
	}
	if registered != 148+4 {
		t.Errorf("%d classes registered, want 148 of the framework (one per code) and the shop's 4", registered)
	}
	for path, rest := range described {
		for class := range rest {
			t.Errorf("%s: %s is described, but no package registers it", path, class)
		}
	}
}

func number(v any) int {
	switch n := v.(type) {
	case float64:
		return int(n)
	case int:
		return n
	case json.Number:
		i, _ := n.Int64()
		return int(i)
	}
	return 0
}

// A team's spec refers to the responses and schemas by $ref, across
// files, and validates with them.
func TestTeamSpec(t *testing.T) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	doc, err := loader.LoadFromFile("testdata/team/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path, method, status string
		code                 int
	}{
		{"/accounts/{id}", http.MethodGet, "404", -100001},
		{"/accounts/{id}", http.MethodGet, "405", -60014},
		{"/accounts", http.MethodPost, "400", -60000},
		{"/accounts", http.MethodPost, "409", -100002},
	} {
		op := doc.Paths.Find(tc.path).GetOperation(tc.method)
		r := op.Responses.Value(tc.status)
		if r == nil || r.Value == nil {
			t.Errorf("%s %s %s: no response", tc.method, tc.path, tc.status)
			continue
		}
		if got := number(r.Value.Extensions["x-zerofault-code"]); got != tc.code {
			t.Errorf("%s %s %s: code %d, want %d", tc.method, tc.path, tc.status, got, tc.code)
		}
		ex, _ := r.Value.Content.Get("application/json").Example.(map[string]any)
		if number(ex["code"]) != tc.code || ex["message"] == "" {
			t.Errorf("%s %s %s: example %v", tc.method, tc.path, tc.status, ex)
		}
		if st := number(r.Value.Extensions["x-zerofault-status"]); tc.status != "" && st != atoi(tc.status) {
			t.Errorf("%s %s: the spec answers %s with a %d exception", tc.method, tc.path, tc.status, st)
		}
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

type user struct {
	Email string `json:"email" validate:"required,email"`
	Age   int    `json:"age" validate:"gte=18"`
}

// What the HTTP core answers fits the documented schemas, in both
// formats: a coded exception, a validation failure with its fields, a
// debug answer, a panic.
func TestAnswersFitSchemas(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromFile(filepath.Join(root, "docs/webexc.openapi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	faults := httpfault.New(&httpfault.Options{
		Logger:          slog.New(slog.DiscardHandler),
		Debug:           func(r *http.Request) bool { return r.Header.Get("X-Debug") != "" },
		ProblemTypeBase: "https://api.example.com/errors/",
	})
	validate := httpfault.NewValidator()
	mux := http.NewServeMux()
	mux.Handle("GET /records/{id}", faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		return webexc.NewRecordNotFound("RecordHandler")
	}))
	mux.Handle("POST /users", faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		var u user
		if err := httpfault.DecodeJSON(w, r, &u, 1<<10); err != nil {
			return err
		}
		return validate.Validate(&u)
	}))
	mux.Handle("GET /panic", faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error { panic("boom") }))
	mux.Handle("GET /joined", faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		return errors.Join(errors.New("cache miss"), webexc.NewRecordNotFound("RecordHandler"))
	}))
	h := faults.Middleware(mux)

	for _, tc := range []struct {
		method, path, body, debug string
		response                  string
	}{
		{"GET", "/records/1", "", "", "RecordNotFoundException"},
		{"GET", "/joined", "", "yes", "RecordNotFoundException"},
		{"POST", "/users", `{"email":"x","age":3}`, "", "ValidationException"},
		{"GET", "/panic", "", "yes", "InternalServerException"},
		{"GET", "/nowhere", "", "", "ServiceNotFoundException"},
		{"DELETE", "/records/1", "", "", "MethodForbiddenException"},
	} {
		for _, media := range []string{"application/json", "application/problem+json"} {
			req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
			req.Header.Set("Accept", media)
			req.Header.Set("Accept-Language", "de")
			if tc.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			if tc.debug != "" {
				req.Header.Set("X-Debug", tc.debug)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			body, _ := io.ReadAll(rec.Body)
			var v any
			if err := json.Unmarshal(body, &v); err != nil {
				t.Fatalf("%s %s (%s): %s: %v", tc.method, tc.path, media, body, err)
			}
			ref := doc.Components.Responses[tc.response]
			mt := ref.Value.Content.Get(media)
			if number(ref.Value.Extensions["x-zerofault-status"]) != rec.Code {
				t.Errorf("%s %s: status %d, %s says %v", tc.method, tc.path, rec.Code, tc.response, ref.Value.Extensions["x-zerofault-status"])
			}
			if err := mt.Schema.Value.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
				t.Errorf("%s %s (%s): %s does not fit %s: %v", tc.method, tc.path, media, body, tc.response, err)
			}
			// A wrong code must not fit: the schema pins it.
			if m, ok := v.(map[string]any); ok {
				m["code"] = -1
				if err := mt.Schema.Value.VisitJSON(m, openapi3.EnableJSONSchema2020()); err == nil {
					t.Errorf("%s %s (%s): code -1 fits %s", tc.method, tc.path, media, tc.response)
				}
			}
		}
	}
}
