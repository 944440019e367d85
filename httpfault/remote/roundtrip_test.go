package remote_test

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/examples/shop/shoperr"
	_ "github.com/zeroport/zerofault/ext/ambient"
	_ "github.com/zeroport/zerofault/ext/atom"
	_ "github.com/zeroport/zerofault/ext/crud"
	_ "github.com/zeroport/zerofault/ext/jet"
	_ "github.com/zeroport/zerofault/ext/ke"
	"github.com/zeroport/zerofault/ext/rbac"
	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/remote"
	_ "github.com/zeroport/zerofault/plugins/es"
	_ "github.com/zeroport/zerofault/plugins/excel"
	_ "github.com/zeroport/zerofault/plugins/iqiy"
	_ "github.com/zeroport/zerofault/plugins/redis"
	_ "github.com/zeroport/zerofault/plugins/sms"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// The shop's codes need the shop's catalogs: its templates and texts,
// beside the framework's, as the shop service loads them.
func TestMain(m *testing.M) {
	cat, err := shoperr.Catalog()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	texts, err := shoperr.Readable()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	catalog.Swap(cat)
	readable.Swap(texts)
	// Every package imported here registered its classes in its init
	// (generated code does): the round trip covers them all.
	if n := len(webexc.Registrations()); n < 150 {
		fmt.Fprintf(os.Stderr, "only %d classes registered\n", n)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// formats are the media types a client asks for, one per body format
// the core writes (XML twice, under its two types).
var formats = []string{"application/json", "application/problem+json", "application/problem+xml", "application/xml", "text/xml"}

// sample builds an exception of a registered class, as its generated
// constructor would: the class's template formatted with params, wrapped
// in its generated type.
func sample(reg webexc.Registration) error {
	params := []any{"p-0", 1, "p-2", 3, "p-4", 5}
	w := webexc.Make(reg.Class, "RoundTrip", params)
	return reg.Wrap(w)
}

// server answers GET /e/{code} with the sample of a registered class,
// and POST /users with a validation failure, through httpfault's
// net/http adapter and a real listener.
func server(t *testing.T, samples map[int]error) (*httptest.Server, *httpfault.Handler) {
	faults := httpfault.New(&httpfault.Options{Logger: slog.New(slog.DiscardHandler)})
	mux := http.NewServeMux()
	mux.Handle("GET /e/{code}", faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		code, _ := strconv.Atoi(r.PathValue("code"))
		return samples[code]
	}))
	mux.Handle("POST /users", faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		var u user
		if err := httpfault.DecodeJSON(w, r, &u, 0); err != nil {
			return err
		}
		return validator.Validate(&u)
	}))
	srv := httptest.NewServer(faults.Middleware(mux))
	t.Cleanup(srv.Close)
	return srv, faults
}

type user struct {
	Email string   `json:"email" validate:"required,email"`
	Name  string   `json:"name" validate:"min=2"`
	Items []item   `json:"items" validate:"dive"`
	Tags  []string `json:"tags" validate:"dive,max=3"`
}

type item struct {
	SKU string `json:"sku" validate:"required,max=4"`
}

var validator = httpfault.NewValidator()

// Every registered web exception, rendered by a real server in every
// format, called with a real http.Client through remote.Transport,
// comes back as itself: the registered type (errors.As), its code
// (errors.Is, the predicate), status, message, readable text and id, as
// the server answered them.
func TestRoundTripEveryRegisteredException(t *testing.T) {
	regs := webexc.Registrations()
	samples := map[int]error{}
	for _, reg := range regs {
		samples[-reg.Class.Code] = sample(reg)
	}
	srv, faults := server(t, samples)
	client := &http.Client{Transport: &remote.Transport{Base: srv.Client().Transport}}
	covered := map[string]bool{}
	for _, reg := range regs {
		code := reg.Class.Code
		exc := samples[-code]
		concrete := reflect.TypeOf(reg.Wrap(webexc.WebException{}))
		covered[reg.Package] = true
		for i, accept := range formats {
			id := fmt.Sprintf("rt%d-%d", -code, i)
			req, _ := http.NewRequest(http.MethodGet, srv.URL+"/e/"+strconv.Itoa(-code), nil)
			req.Header.Set("Accept", accept)
			req.Header.Set("Accept-Language", "zh-CN")
			req.Header.Set("X-Request-Id", id)
			want := faults.Describe(req, exc, httpfault.Facts{})

			resp, err := client.Do(req)
			if resp != nil {
				resp.Body.Close()
				t.Errorf("%d %s: a failed response came back as a response, status %d", code, accept, resp.StatusCode)
				continue
			}
			name := fmt.Sprintf("%s.%s (%d) as %s", reg.Package, reg.Class.Name, code, accept)
			if _, isURL := errors.AsType[*url.Error](err); !isURL {
				t.Errorf("%s: %T, want http.Client's *url.Error", name, err)
			}
			target := reflect.New(concrete)
			if !errors.As(err, target.Interface()) {
				t.Errorf("%s: errors.As to %v fails on %T: %v", name, concrete, err, err)
				continue
			}
			if !errors.Is(err, webexc.New("x", code)) || !errors.Is(err, exc) || !zero.HasCode(err, code) {
				t.Errorf("%s: errors.Is by code fails: %v", name, err)
			}
			w, _ := errors.AsType[*webexc.WebException](err)
			if w.Code() != code || w.Status() != want.Status || w.Status() != exc.(interface{ Status() int }).Status() ||
				w.Message() != string(want.Message) || w.Readable() != string(want.Info) || w.ID() != id || w.ClassName() != reg.Class.Name {
				t.Errorf("%s:\n got code %d status %d id %q class %q\n  message %q\n  info %q\nwant status %d\n  message %q\n  info %q",
					name, w.Code(), w.Status(), w.ID(), w.ClassName(), w.Message(), w.Readable(), want.Status, want.Message, want.Info)
			}
			if _, has := errors.AsType[remote.FieldErrors](err); has {
				t.Errorf("%s: violations that were not sent", name)
			}
		}
	}
	// The framework, a plugin, an extension module and the shop at least.
	for _, pkg := range []string{"github.com/zeroport/zerofault/webexc", "github.com/zeroport/zerofault/plugins/es",
		"github.com/zeroport/zerofault/ext/rbac", "github.com/zeroport/zerofault/examples/shop/shoperr"} {
		if !covered[pkg] {
			t.Errorf("no class of %s is registered", pkg)
		}
	}
	t.Logf("%d registered exceptions × %d formats", len(regs), len(formats))
}

// The generated predicates hold in the caller for exceptions of other
// processes.
func TestRoundTripPredicates(t *testing.T) {
	samples := map[int]error{
		100004: shoperr.NewOutOfStock("Orders", "MUG-02", 3, 1),
		60008:  webexc.NewRecordNotFound("Accounts"),
		80208:  rbac.NewTokenExpired("Auth", "tok"),
	}
	srv, _ := server(t, samples)
	client := &http.Client{Transport: &remote.Transport{Base: srv.Client().Transport}}
	for _, accept := range formats {
		get := func(code int) error {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+"/e/"+strconv.Itoa(code), nil)
			req.Header.Set("Accept", accept)
			_, err := client.Do(req)
			return err
		}
		if err := get(100004); !shoperr.IsOutOfStock(err) || shoperr.IsOrderNotFound(err) {
			t.Errorf("%s: %v", accept, err)
		}
		if oos, ok := errors.AsType[*shoperr.OutOfStockException](get(100004)); !ok || oos.Status() != http.StatusConflict {
			t.Errorf("%s: OutOfStockException not found", accept)
		}
		if err := get(60008); !webexc.IsRecordNotFound(err) {
			t.Errorf("%s: %v", accept, err)
		}
		if err := get(80208); !rbac.IsTokenExpired(err) {
			t.Errorf("%s: %v", accept, err)
		}
	}
}

// A validation failure's violations come back in every format, as the
// server answered them: path, rule, param and localized text.
func TestRoundTripValidation(t *testing.T) {
	srv, faults := server(t, nil)
	client := srv.Client() // no Transport: Check does the decoding
	const body = `{"email":"bo@","name":"B","items":[{"sku":"A"},{"sku":""},{"sku":"TOOLONG"}],"tags":["abcd"]}`
	for _, accept := range formats {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/users", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", accept)
		req.Header.Set("Accept-Language", "de")
		req.Header.Set("X-Request-Id", "val-1")
		var u user
		_ = httpfault.DecodeJSON(httptest.NewRecorder(), httptest.NewRequest("POST", "/", strings.NewReader(body)), &u, 0)
		want := faults.Describe(req, validator.Validate(&u), httpfault.Facts{Target: "POST /users"})

		err := remote.Check(client.Do(req))
		fe, ok := errors.AsType[remote.FieldErrors](err)
		if !ok || !webexc.IsValidation(err) {
			t.Errorf("%s: %T %v", accept, err, err)
			continue
		}
		if len(fe) != len(want.Fields) || len(fe) != 5 {
			t.Fatalf("%s: %d violations, want %d: %+v", accept, len(fe), len(want.Fields), fe)
		}
		for i, f := range want.Fields {
			if got := fe[i]; got.Field != f.Field || got.Rule != f.Rule || got.Param != f.Param || got.Info != string(f.Info) || got.Info == "" {
				t.Errorf("%s: violation %d: %+v, want %+v (%s)", accept, i, got, f, f.Info)
			}
		}
		w, _ := errors.AsType[*webexc.WebException](err)
		if w.Message() != string(want.Message) || w.Readable() != string(want.Info) || w.ID() != "val-1" || w.Status() != 400 {
			t.Errorf("%s: %q %q %q %d", accept, w.Message(), w.Readable(), w.ID(), w.Status())
		}
	}
}

// A HEAD gets no body: the status and the id are all there is.
func TestRoundTripHead(t *testing.T) {
	srv, _ := server(t, map[int]error{60008: webexc.NewRecordNotFound("T")})
	req, _ := http.NewRequest(http.MethodHead, srv.URL+"/e/60008", nil)
	req.Header.Set("X-Request-Id", "head-1")
	err := remote.Check(srv.Client().Do(req))
	re, ok := errors.AsType[*remote.ResponseError](err)
	if !ok || re.Status != 404 || re.RequestID != "head-1" || !errors.Is(err, remote.ErrEmptyBody) {
		t.Errorf("%T %v", err, err)
	}
}

// Check leaves successes alone and returns transport errors as they are.
func TestCheck(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/ok", http.StatusFound)
			return
		}
		io.WriteString(w, "fine")
	}))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/moved")
	if err := remote.Check(resp, err); err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(resp.Body); string(b) != "fine" {
		t.Errorf("body %q: Check touched a success", b)
	}
	resp.Body.Close()
	dialErr := errors.New("dial: refused")
	if err := remote.Check(nil, dialErr); err != dialErr {
		t.Errorf("%v", err)
	}
	if err := remote.Check(nil, nil); err != nil {
		t.Errorf("%v", err)
	}
	if err, ok := remote.FromResponse(nil); err != nil || ok {
		t.Errorf("%v %v", err, ok)
	}
}
