package webexc_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// withCatalog installs a catalog of the framework plus app files for one test.
func withCatalog(t *testing.T, errs, readables string) {
	t.Helper()
	dir := t.TempDir()
	write := func(name, body string) string {
		path := dir + "/" + name
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cat, err := catalog.Load(catalog.ErrorFile(write("e.yml", errs)), catalog.ReadableFile(write("r.yml", readables)))
	if err != nil {
		t.Fatal(err)
	}
	prev := catalog.Swap(cat)
	t.Cleanup(func() { catalog.Swap(prev) })
}

var order = &webexc.Class{Class: zero.Class{Name: "_409OrderLockedException", Family: zero.FamilyWeb, Code: -100409}, Status: http.StatusConflict}

func TestWebException(t *testing.T) {
	withCatalog(t, "E100409: \"(409) - Order {0} is locked by {1}\"\n", "100409: \"Order {0} is being edited by someone else.\"\n")
	e := webexc.Make(order, "OrderHandler", []any{"A-7", "alice"})
	if e.Status() != 409 || e.Code() != -100409 || e.Target() != "OrderHandler" {
		t.Errorf("status %d code %d target %s", e.Status(), e.Code(), e.Target())
	}
	if e.Message() != "(409) - Order A-7 is locked by alice" {
		t.Errorf("Message = %q", e.Message())
	}
	if e.Readable() != "Order A-7 is being edited by someone else." {
		t.Errorf("Readable = %q", e.Readable())
	}
	if e.Error() != "[ ERR-100409 ] ( OrderHandler ) Web Error: (409) - Order A-7 is locked by alice" {
		t.Errorf("Error = %q", e.Error())
	}
	other := webexc.Make(order, "x", nil)
	if len(e.ID()) != 16 || e.ID() == other.ID() {
		t.Errorf("ID %q is not a fresh 16-digit id", e.ID())
	}
}

func TestSetters(t *testing.T) {
	withCatalog(t, "E100400: \"Field {0} is wrong\"\nE100401: \"y\"\n", "100401: \"x\"\n")
	e := webexc.New("Form", -100400, "email")
	if e.Status() != webexc.DefaultStatus || e.Readable() != "" {
		t.Errorf("defaults: %d %q", e.Status(), e.Readable())
	}
	e.SetStatus(422).SetReadable("Please check ''{0}''.").SetID("req-1")
	if e.Status() != 422 || e.Readable() != "Please check 'email'." || e.ID() != "req-1" {
		t.Errorf("after setters: %d %q %q", e.Status(), e.Readable(), e.ID())
	}
	if generated := e.SetID("").ID(); len(generated) != 16 {
		t.Errorf("SetID(\"\") left id %q", generated)
	}
	if e.SetReadable("Broken {0").Readable() != "Broken {0" {
		t.Errorf("a malformed readable was not kept as written: %q", e.Readable())
	}
	cause := errors.New("smtp down")
	if !errors.Is(e.WithCause(cause), cause) {
		t.Error("cause lost")
	}
}

func TestJSON(t *testing.T) {
	withCatalog(t, "E100409: \"(409) - Order {0} is locked by {1}\"\n", "100409: \"<Order> {0} & \\\"{1}\\\"\"\n")
	e := webexc.Make(order, "H", []any{"A-7", "al\nice"})
	e.SetID("id-1")
	b, err := json.Marshal(&e)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"id-1","code":-100409,"message":"(409) - Order A-7 is locked by al\nice","info":"\u003cOrder\u003e A-7 \u0026 \"al\nice\""}`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
	// AppendJSON must agree with encoding/json's escaping for any text.
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil || back["info"] != "<Order> A-7 & \"al\nice\"" {
		t.Errorf("round trip: %v %v", back, err)
	}
	// No info when the readable text is blank.
	e.SetReadable("  ")
	if b, _ := json.Marshal(&e); strings.Contains(string(b), "info") {
		t.Errorf("blank readable rendered: %s", b)
	}
}

func TestJSONEscapingMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"plain", "quote \" back \\", "ctl \x01\x1f\t\r\n", "<>&", "\u2028\u2029", "bad \xff utf8", "中文 ünï", "bs \b ff \f vt \v"} {
		e := webexc.New("H", -60011).SetReadable(s).SetID(s)
		b, _ := json.Marshal(&e)
		var got struct{ ID, Info string }
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("%q: %v in %s", s, err, b)
		}
		want, _ := json.Marshal(s)
		var wantS string
		_ = json.Unmarshal(want, &wantS)
		if got.ID != wantS {
			t.Errorf("%q: id %q, want %q", s, got.ID, wantS)
		}
		if enc, _ := json.Marshal(s); !strings.Contains(string(b), `"id":`+string(enc)) {
			t.Errorf("%q: escaped differently from encoding/json: %s vs %s", s, b, enc)
		}
	}
}

func TestAsAndIs(t *testing.T) {
	withCatalog(t, "E100409: \"(409) - Order {0} is locked by {1}\"\n", "100409: \"x\"\n")
	type orderLocked struct{ webexc.WebException }
	concrete := &orderLocked{webexc.Make(order, "H", []any{"A", "b"})}
	err := fmt.Errorf("handler: %w", concrete)
	var w *webexc.WebException
	var root *zero.ZeroRunException
	var rt zero.Runtime
	var c *orderLocked
	if !errors.As(err, &w) || !errors.As(err, &root) || !errors.As(err, &rt) || !errors.As(err, &c) {
		t.Fatalf("As: %v %v %v %v", w, root, rt, c)
	}
	if w.Status() != 409 || root.Code() != -100409 || c != concrete {
		t.Errorf("found the wrong exception")
	}
	if !errors.Is(err, webexc.New("other", -100409)) || errors.Is(err, webexc.New("other", -60011)) {
		t.Error("Is does not match by code")
	}
	// Runtime: it may be thrown.
	if got := zero.Try(func() { zero.Throw(concrete) }); got != error(concrete) {
		t.Errorf("Try = %v", got)
	}
}

// The status a client gets and the one its message names agree: New takes
// the template's, SetStatus rewrites the message's prefix.
func TestStatusAndMessageAgree(t *testing.T) {
	cases := []struct {
		e      *webexc.WebException
		status int
		prefix string
	}{
		{webexc.New("T", -60008), 404, "(404) - "},
		{webexc.New("T", -60012), 401, "(401) - "},
		{webexc.New("T", -60011).SetStatus(429), 429, "(429) - "},
		{webexc.New("T", -60011).SetStatus(418), 418, "(418) - "},
		{webexc.New("T", -60007, "x").SetStatus(503), 503, "(503) - "},
		{webexc.New("T", -60007, "x").SetStatus(42), 42, "(500) - "}, // not a status: the prefix stays
	}
	for _, tc := range cases {
		if tc.e.Status() != tc.status || tc.e.StatusCode() != tc.status || !strings.HasPrefix(tc.e.Message(), tc.prefix) {
			t.Errorf("%d %q, want %d %q…", tc.e.Status(), tc.e.Message(), tc.status, tc.prefix)
		}
		if !strings.Contains(tc.e.Error(), tc.prefix) || !strings.Contains(string(tc.e.AppendJSON(nil)), tc.prefix) {
			t.Errorf("Error() or JSON disagree: %s", tc.e.AppendJSON(nil))
		}
	}
	// A code without a template keeps the default status.
	if e := webexc.New("T", -99999991); e.Status() != webexc.DefaultStatus {
		t.Errorf("no template: status %d", e.Status())
	}
}

// Body writers copy a text unescaped only when its template and params
// vouch for it; a param JSON escapes, a text given as written or a
// rebuilt exception are never vouched for, and each text says so for
// itself.
func TestJSONSafe(t *testing.T) {
	readableSafe := func(w *webexc.WebException) bool {
		out, safe := w.AppendReadable([]byte("x"))
		if string(out) != "x"+w.Readable() {
			t.Errorf("AppendReadable appended %q, Readable is %q", out[1:], w.Readable())
		}
		return safe
	}
	// Before Message formats and keeps the text, and after: the same
	// bytes, the same answer.
	messageSafe := func(w *webexc.WebException) bool {
		fresh, safe := w.AppendMessage([]byte("x"))
		kept, keptSafe := w.AppendMessage([]byte("x"))
		if msg := w.Message(); string(fresh) != "x"+msg || string(kept) != "x"+msg || safe != keptSafe {
			t.Errorf("AppendMessage appended %q then %q (%v, %v), Message is %q", fresh[1:], kept[1:], safe, keptSafe, msg)
		}
		if again, againSafe := w.AppendMessage(nil); string(again) != w.Message() || againSafe != safe {
			t.Errorf("after Message: %q %v", again, againSafe)
		}
		return safe
	}
	// Typed params (a generated constructor) and boxed ones.
	typed := webexc.NewServiceNotFound("UserHandler", "/api/users/42", "GET")
	if !messageSafe(&typed.WebException) || !readableSafe(&typed.WebException) {
		t.Error("typed plain params were not vouched for")
	}
	if hostileTyped := webexc.NewServiceNotFound("UserHandler", "/a<b>", "GET"); messageSafe(&hostileTyped.WebException) {
		t.Errorf("a typed param with angle brackets was vouched for: %s", hostileTyped.Message())
	}
	plain := webexc.New("UserHandler", -60004, "int", "abc")
	if !messageSafe(plain) || !readableSafe(plain) {
		t.Errorf("plain params: message %v, readable %v", messageSafe(plain), readableSafe(plain))
	}
	hostile := webexc.New("UserHandler", -60004, "int", `"<a>"`)
	if messageSafe(hostile) {
		t.Errorf("a param with quotes and angle brackets was vouched for: %s", hostile.Message())
	}
	given := webexc.New("UserHandler", -60004, "int", "abc")
	given.SetReadable("quoted \"text\"")
	if readableSafe(given) || !messageSafe(given) {
		t.Errorf("SetReadable: readable %v, message %v", readableSafe(given), messageSafe(given))
	}
	var rebuilt *webexc.WebException
	if !errors.As(webexc.Rebuild(webexc.Remote{Code: -60004, Message: "plain", Readable: "plain"}), &rebuilt) {
		t.Fatal("Rebuild gave no WebException")
	}
	if messageSafe(rebuilt) || readableSafe(rebuilt) {
		t.Error("a rebuilt exception's texts were vouched for")
	}
	moved := webexc.New("UserHandler", -60004, "int", "abc").SetStatus(422)
	if !messageSafe(moved) || !strings.HasPrefix(moved.Message(), "(422)") {
		t.Errorf("SetStatus: %v %q", messageSafe(moved), moved.Message())
	}
}
