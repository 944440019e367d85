package remote_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zeroport/zerofault/httpfault/remote"
	"github.com/zeroport/zerofault/webexc"
)

// seeds are bodies of every format, whole and damaged.
var seeds = []struct{ contentType, body string }{
	{"application/json", string(zeroBody)},
	{"application/json", `{"id":"v","code":-60000,"message":"m","fields":[{"field":"items[2].sku","rule":"max","param":"32","info":"too long"}],"debug":{"target":"T","class":"C","causes":["a"],"stack":["s"]}}`},
	{"application/problem+json", `{"type":"urn:zerofault:error:60000","title":"Bad Request","status":400,"detail":"d","instance":"urn:zerofault:id:x","code":-60000,"request_id":"x","message":"m","errors":[{"pointer":"#/items/2/sku","detail":"too long","rule":"max","param":"32"}]}`},
	{"application/problem+xml", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<problem xmlns="urn:ietf:rfc:7807"><status>400</status><code>-60000</code><request_id>x</request_id><message>m</message><errors><i><pointer>#/a/0</pointer><rule>required</rule></i></errors><debug><target>T</target></debug></problem>`},
	{"application/xml", `<error><id>x</id><code>-60008</code><message>m &amp; n</message><info>i</info><fields><field><field>f</field><rule>r</rule></field></fields></error>`},
	{"text/xml", `<Response><Errors><Error><Code>E60008</Code><Message>m</Message></Error></Errors><RequestID>r</RequestID></Response>`},
	{"text/html", "<html><body>502 Bad Gateway</body></html>"},
	{"", `{"code":-1,"message":"\u00e9\ud83d\ude00\ud800\"\\\/\b\f\n\r\t"}`},
	{"application/json", `{"code":-60008,"message":"cut`},
	{"application/json", `{"code":-9223372036854775808,"status":9223372036854775807}`},
	{"application/json", `{"a":[[[[[[{"b":[1,2.5e-3,true,false,null]}]]]]]],"code":-2}`},
	{"application/json", ""},
}

// No body makes Decode panic; it always answers an error; a decoded one
// is a web exception with a negative code, the status it was given, and
// violations only as FieldErrors; a refused one is a ResponseError with
// the status and a bounded, valid snippet.
func FuzzDecode(f *testing.F) {
	for _, s := range seeds {
		f.Add(404, s.contentType, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, status int, contentType string, body []byte) {
		h := http.Header{}
		if contentType != "" {
			h.Set("Content-Type", contentType)
		}
		err, ok := remote.Decode(status, h, body)
		if err == nil {
			t.Fatal("nil error")
		}
		if ok {
			w, isWeb := errors.AsType[*webexc.WebException](err)
			if !isWeb || w.Code() >= 0 {
				t.Fatalf("decoded %T %v", err, err)
			}
			if status != 0 && w.Status() != status {
				t.Fatalf("status %d, given %d", w.Status(), status)
			}
			_ = err.Error()
			return
		}
		re, isRE := errors.AsType[*remote.ResponseError](err)
		if !isRE || re.Status != status || re.Err == nil {
			t.Fatalf("refused %T %v", err, err)
		}
		if len(re.Snippet) > remote.MaxSnippet || !utf8.ValidString(re.Snippet) {
			t.Fatalf("snippet %q", re.Snippet)
		}
		if msg := err.Error(); strings.ContainsAny(msg, "\n\r") {
			t.Fatalf("message on several lines: %q", msg)
		}
	})
}

// The JSON decoder reads what encoding/json reads: a body it accepts is
// valid JSON, and its members decode to what json.Unmarshal gives them
// (the last of duplicate members wins in both); a body encoding/json
// rejects, it rejects.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range seeds {
		if strings.Contains(s.contentType, "json") || s.contentType == "" {
			f.Add([]byte(s.body))
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := remote.DecodeJSON(0, nil, body)
		valid := json.Valid(body)
		if err != nil {
			if !errors.Is(err, remote.ErrNotAnswer) {
				t.Fatalf("error %v does not wrap ErrNotAnswer", err)
			}
			return
		}
		if !valid {
			t.Fatalf("accepted invalid JSON %q", body)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(body, &m); err != nil {
			t.Fatalf("accepted %q, which encoding/json refuses as an object: %v", body, err)
		}
		str := func(key string) string {
			var s string
			if raw, ok := m[key]; ok {
				if err := json.Unmarshal(raw, &s); err != nil {
					t.Fatalf("member %s: %v", key, err)
				}
			}
			return s
		}
		var code int
		if err := json.Unmarshal(m["code"], &code); err != nil || code != r.Code {
			t.Fatalf("code %d, encoding/json %d (%v)", r.Code, code, err)
		}
		if msg := str("message"); msg != r.Message {
			t.Fatalf("message %q, encoding/json %q", r.Message, msg)
		}
		if info := cmpOr(str("info"), str("detail")); info != r.Readable {
			t.Fatalf("readable %q, encoding/json %q", r.Readable, info)
		}
		id := cmpOr(str("id"), str("request_id"))
		if rest, ok := strings.CutPrefix(str("instance"), "urn:zerofault:id:"); ok && id == "" {
			id = rest
		}
		if id != r.ID {
			t.Fatalf("id %q, encoding/json %q", r.ID, id)
		}
		if fe, _ := r.Cause.(remote.FieldErrors); len(fe) > 0 {
			var list []map[string]json.RawMessage
			for _, key := range []string{"fields", "errors"} {
				if raw, ok := m[key]; ok && !bytes.Equal(raw, []byte("null")) {
					var part []map[string]json.RawMessage
					if err := json.Unmarshal(raw, &part); err != nil {
						t.Fatalf("%s: %v", key, err)
					}
					list = append(list, part...)
				}
			}
			if len(list) != len(fe) {
				t.Fatalf("%d violations, encoding/json %d", len(fe), len(list))
			}
			for i, v := range list {
				var rule string
				if raw, ok := v["rule"]; ok {
					_ = json.Unmarshal(raw, &rule)
				}
				if rule != fe[i].Rule {
					t.Fatalf("violation %d: rule %q, encoding/json %q", i, fe[i].Rule, rule)
				}
			}
		}
	})
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
