package remote_test

import (
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zeroport/zerofault/httpfault/remote"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

func header(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

// One failure, -60008 with a readable text and an id, in each format
// the core writes: every decoder gets the same exception back.
func TestDecodeFormats(t *testing.T) {
	const (
		msg  = "(404) - The record does not exist: \"42\" <&>"
		info = "记录不存在。"
	)
	cases := []struct{ contentType, body string }{
		{"application/json; charset=UTF-8",
			`{"id":"r-1","code":-60008,"message":"(404) - The record does not exist: \"42\" \u003c\u0026\u003e","info":"记录不存在。"}`},
		{"application/problem+json; charset=UTF-8",
			`{"type":"urn:zerofault:error:60008","title":"Not Found","status":404,"detail":"记录不存在。","instance":"urn:zerofault:id:r-1","code":-60008,"request_id":"r-1","message":"(404) - The record does not exist: \"42\" <&>"}`},
		{"application/problem+xml; charset=UTF-8",
			`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<problem xmlns="urn:ietf:rfc:7807"><type>urn:zerofault:error:60008</type><title>Not Found</title><status>404</status><detail>记录不存在。</detail><instance>urn:zerofault:id:r-1</instance><code>-60008</code><request_id>r-1</request_id><message>(404) - The record does not exist: &#34;42&#34; &lt;&amp;&gt;</message></problem>`},
		{"application/xml; charset=UTF-8",
			`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<error><id>r-1</id><code>-60008</code><message>(404) - The record does not exist: "42" &lt;&amp;&gt;</message><info>记录不存在。</info></error>`},
		{"TEXT/XML", `<error><id>r-1</id><code>-60008</code><message>(404) - The record does not exist: "42" &lt;&amp;&gt;</message><info>记录不存在。</info></error>`},
		{"", `  {"id":"r-1","code":-60008,"message":"(404) - The record does not exist: \"42\" <&>","info":"记录不存在。"}`},
		{"", `<error><id>r-1</id><code>-60008</code><message>(404) - The record does not exist: "42" &lt;&amp;&gt;</message><info>记录不存在。</info></error>`},
	}
	for _, tc := range cases {
		err, ok := remote.Decode(404, header("Content-Type", tc.contentType), []byte(tc.body))
		if !ok {
			t.Errorf("%s: not decoded: %v", tc.contentType, err)
			continue
		}
		e, isType := errors.AsType[*webexc.RecordNotFoundException](err)
		if !isType || !webexc.IsRecordNotFound(err) || !errors.Is(err, webexc.New("x", webexc.CodeRecordNotFound)) {
			t.Errorf("%s: %T %v", tc.contentType, err, err)
			continue
		}
		if e.Code() != -60008 || e.Status() != 404 || e.Message() != msg || e.Readable() != info || e.ID() != "r-1" || e.Target() != "Remote" {
			t.Errorf("%s: code %d status %d message %q readable %q id %q target %q", tc.contentType, e.Code(), e.Status(), e.Message(), e.Readable(), e.ID(), e.Target())
		}
		if _, has := errors.AsType[remote.FieldErrors](err); has {
			t.Errorf("%s: field errors without fields", tc.contentType)
		}
	}
}

// A code this process does not know: a WebException of that code and
// the answered status.
func TestDecodeUnknownCode(t *testing.T) {
	err, ok := remote.Decode(418, header("Content-Type", "application/json", "X-Request-Id", "hdr-1"),
		[]byte(`{"code":-987654,"message":"(418) - teapot"}`))
	w, isWeb := errors.AsType[*webexc.WebException](err)
	if !ok || !isWeb || w.Code() != -987654 || w.Status() != 418 || w.Message() != "(418) - teapot" || w.ClassName() != "WebException" {
		t.Fatalf("%v %T %v", ok, err, err)
	}
	if w.ID() != "hdr-1" {
		t.Errorf("id %q: the header's id is the fallback", w.ID())
	}
	if !zero.HasCode(err, -987654) || w.StatusCode() != 418 {
		t.Error("code or status lost")
	}
	// An id that could forge a log line is not taken from a body.
	err, _ = remote.Decode(418, header("Content-Type", "application/json"), []byte(`{"code":-987654,"id":"a\nb"}`))
	if w, _ := errors.AsType[*webexc.WebException](err); strings.ContainsAny(w.ID(), "\n ") || w.ID() == "" {
		t.Errorf("id %q", w.ID())
	}
}

// Violations come back as FieldErrors, the exception's cause, from
// Zero's fields and from a problem's errors (pointers as paths).
func TestDecodeFields(t *testing.T) {
	want := remote.FieldErrors{
		{Field: "email", Rule: "email", Info: "email must be an address."},
		{Field: "items[2].sku", Rule: "max", Param: "32", Info: "too long"},
		{Field: "a~b/c.d é", Rule: "required"},
	}
	bodies := map[string]string{
		"application/json":         `{"id":"v","code":-60000,"message":"m","fields":[{"field":"email","rule":"email","info":"email must be an address."},{"field":"items[2].sku","rule":"max","param":"32","info":"too long"},{"field":"a~b/c.d é","rule":"required"}]}`,
		"application/problem+json": `{"type":"t","status":400,"code":-60000,"message":"m","errors":[{"pointer":"#/email","detail":"email must be an address.","rule":"email"},{"pointer":"#/items/2/sku","detail":"too long","rule":"max","param":"32"},{"pointer":"#/a~0b~1c/d%20%C3%A9","rule":"required"}]}`,
		"application/problem+xml":  `<problem xmlns="urn:ietf:rfc:7807"><code>-60000</code><message>m</message><errors><i><pointer>#/email</pointer><detail>email must be an address.</detail><rule>email</rule></i><i><pointer>#/items/2/sku</pointer><detail>too long</detail><rule>max</rule><param>32</param></i><i><pointer>#/a~0b~1c/d%20%C3%A9</pointer><rule>required</rule></i></errors></problem>`,
		"application/xml":          `<error><code>-60000</code><message>m</message><fields><field><field>email</field><rule>email</rule><info>email must be an address.</info></field><field><field>items[2].sku</field><rule>max</rule><param>32</param><info>too long</info></field><field><field>a~b/c.d é</field><rule>required</rule></field></fields></error>`,
	}
	for ct, body := range bodies {
		err, ok := remote.Decode(400, header("Content-Type", ct), []byte(body))
		fe, has := errors.AsType[remote.FieldErrors](err)
		if !ok || !has || !webexc.IsValidation(err) {
			t.Errorf("%s: %v", ct, err)
			continue
		}
		if !reflect.DeepEqual(fe, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", ct, fe, want)
		}
	}
	if got := want.Error(); got != "email: email; items[2].sku: max=32; a~b/c.d é: required" {
		t.Errorf("FieldErrors.Error() = %q", got)
	}
}

// Bodies that are not ours: a ResponseError with the status, the id and
// a bounded snippet; never a panic.
func TestDecodeNotOurs(t *testing.T) {
	html := "<html><head><title>502 Bad Gateway</title></head><body>" + strings.Repeat("nginx ", 200) + "</body></html>"
	huge := `{"id":"x","code":-60008,"message":"` + strings.Repeat("a", remote.MaxBody) + `"}`
	cases := []struct {
		name, contentType, body string
		want                    error
	}{
		{"html from a proxy", "text/html", html, remote.ErrMediaType},
		{"empty", "application/json", "", remote.ErrEmptyBody},
		{"empty problem", "application/problem+json", "", remote.ErrEmptyBody},
		{"plain text", "text/plain; charset=utf-8", "upstream connect error", remote.ErrMediaType},
		{"no content type, text", "", "Service Unavailable", remote.ErrMediaType},
		{"truncated JSON", "application/json", `{"id":"x","code":-60008,"message":"(404) - The rec`, remote.ErrNotAnswer},
		{"huge JSON", "application/json", huge, remote.ErrTooLarge},
		{"not Zero's shape", "application/json", `{"error":"not found","status":404}`, remote.ErrNotAnswer},
		{"grpc-gateway", "application/json", `{"code":5,"message":"Instance Not Exists!","details":[]}`, remote.ErrNotAnswer},
		{"echo's problem", "application/problem+json", `{"type":"about:blank","title":"Not Found","status":404}`, remote.ErrNotAnswer},
		{"code as a string", "application/json", `{"code":"-60008","message":"m"}`, remote.ErrNotAnswer},
		{"code as a float", "application/json", `{"code":-60008.5,"message":"m"}`, remote.ErrNotAnswer},
		{"code overflows", "application/json", `{"code":-99999999999999999999,"message":"m"}`, remote.ErrNotAnswer},
		{"an array", "application/json", `[{"code":-60008}]`, remote.ErrNotAnswer},
		{"two objects", "application/json", `{"code":-60008}{"code":-60008}`, remote.ErrNotAnswer},
		{"deep", "application/json", `{"x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `,"code":-60008}`, remote.ErrNotAnswer},
		{"control character", "application/json", "{\"code\":-60008,\"message\":\"a\x01b\"}", remote.ErrNotAnswer},
		{"another XML", "application/xml", `<Response><Errors><Error><Code>E1</Code></Error></Errors></Response>`, remote.ErrNotAnswer},
		{"problem outside its namespace", "application/problem+xml", `<problem><code>-60008</code></problem>`, remote.ErrNotAnswer},
		{"broken XML", "text/xml", `<error><code>-60008</code>`, remote.ErrNotAnswer},
		{"XML entity", "application/xml", `<!DOCTYPE e [<!ENTITY x "y">]><error><code>-60008</code><message>&x;</message></error>`, remote.ErrNotAnswer},
	}
	for _, tc := range cases {
		err, ok := remote.Decode(502, header("Content-Type", tc.contentType, "X-Request-Id", "proxy-1"), []byte(tc.body))
		re, isRE := errors.AsType[*remote.ResponseError](err)
		if ok || !isRE {
			t.Errorf("%s: %v %T %v", tc.name, ok, err, err)
			continue
		}
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, re.Err, tc.want)
		}
		if re.Status != 502 || re.RequestID != "proxy-1" || re.ContentType != tc.contentType || re.StatusCode() != 502 {
			t.Errorf("%s: %+v", tc.name, re)
		}
		if len(re.Snippet) > remote.MaxSnippet || !utf8.ValidString(re.Snippet) || !strings.HasPrefix(tc.body, re.Snippet) && len(tc.body) > 0 {
			t.Errorf("%s: snippet %q", tc.name, re.Snippet)
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "remote: 502 Bad Gateway") || strings.ContainsAny(msg, "\n\x01") || len(msg) > 2*remote.MaxSnippet+200 {
			t.Errorf("%s: message %q", tc.name, msg)
		}
		if zero.HasCode(err, -60008) {
			t.Errorf("%s: a code from a body that is not ours", tc.name)
		}
	}
	// The snippet keeps characters whole and replaces invalid UTF-8.
	body := strings.Repeat("é", 200) + "\xff"
	err, _ := remote.Decode(500, header("Content-Type", "text/plain"), []byte(body))
	re, _ := errors.AsType[*remote.ResponseError](err)
	if len(re.Snippet) != 256 || re.Snippet != strings.Repeat("é", 128) {
		t.Errorf("snippet %q (%d bytes)", re.Snippet, len(re.Snippet))
	}
	err, _ = remote.Decode(500, header("Content-Type", "text/plain"), []byte("a\xffb"))
	if re, _ := errors.AsType[*remote.ResponseError](err); re.Snippet != "a\uFFFDb" {
		t.Errorf("snippet %q", re.Snippet)
	}
	// A nil header is no header.
	if err, ok := remote.Decode(500, nil, []byte(`{"code":-60008}`)); !ok || !zero.HasCode(err, -60008) {
		t.Errorf("nil header: %v", err)
	}
}

// JSON as encoding/json reads it: escapes, surrogates, invalid UTF-8,
// null members, unknown members of every kind, duplicates (the last
// wins).
func TestDecodeJSONText(t *testing.T) {
	body := `{"skip":{"a":[1,-2.5e+3,true,false,null,"s\"",{}],"b":{}}, "id":null, "code" : -60008 ,
		"message":"tab\there \u00e9 \ud83d\ude00 \ud800 \u00","info":"x","info":"\/ok\b\f\n\r ` + "\xff" + ` end"}`
	body = strings.Replace(body, `\u00"`, `\u0041"`, 1)
	r, err := remote.DecodeJSON(404, nil, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if r.Message != "tab\there é 😀 \uFFFD A" || r.Readable != "/ok\b\f\n\r \uFFFD end" || r.ID != "" || r.Code != -60008 || r.Status != 404 {
		t.Errorf("%+v", r)
	}
}

func TestRegisterDecoder(t *testing.T) {
	const mt = "application/vnd.test.error+json"
	remote.RegisterDecoder("Application/VND.test.error+JSON; v=1", func(status int, h http.Header, body []byte) (webexc.Remote, error) {
		if string(body) != "E42" {
			return webexc.Remote{}, errors.New("not mine")
		}
		return webexc.Remote{Code: -42, Message: "forty-two"}, nil
	})
	err, ok := remote.Decode(409, header("Content-Type", mt), []byte("E42"))
	if w, _ := errors.AsType[*webexc.WebException](err); !ok || w.Code() != -42 || w.Status() != 409 || w.Message() != "forty-two" {
		t.Errorf("%v %v", ok, err)
	}
	// A body the team's decoder refuses goes to the one before: for this
	// type, the built-in JSON decoder.
	remote.RegisterDecoder(mt, remote.DecodeJSON)
	remote.RegisterDecoder(mt, func(int, http.Header, []byte) (webexc.Remote, error) { return webexc.Remote{}, errors.New("never") })
	if err, ok := remote.Decode(404, header("Content-Type", mt), []byte(`{"code":-60008}`)); !ok || !zero.HasCode(err, -60008) {
		t.Errorf("chain: %v", err)
	}
	// All refuse: the first (latest) decoder's reason.
	if err, ok := remote.Decode(404, header("Content-Type", mt), []byte("?")); ok || !strings.Contains(err.Error(), "never") {
		t.Errorf("refused: %v", err)
	}
	// A decoder that returns no code is refused.
	remote.RegisterDecoder(mt, nil)
	remote.RegisterDecoder(mt, func(int, http.Header, []byte) (webexc.Remote, error) { return webexc.Remote{Message: "m"}, nil })
	if _, ok := remote.Decode(404, header("Content-Type", mt), []byte("x")); ok {
		t.Error("a remote without a code was rebuilt")
	}
	// A decoder that panics refuses the body.
	remote.RegisterDecoder(mt, func(int, http.Header, []byte) (webexc.Remote, error) { panic("index out of range") })
	if err, ok := remote.Decode(404, header("Content-Type", mt), []byte("x")); ok || !strings.Contains(err.Error(), "the decoder panicked: index out of range") {
		t.Errorf("panic: %v", err)
	}
	remote.RegisterDecoder(mt, nil)
	if err, _ := remote.Decode(404, header("Content-Type", mt), []byte(`{"code":-60008}`)); !errors.Is(err, remote.ErrMediaType) {
		t.Errorf("removed: %v", err)
	}
}
