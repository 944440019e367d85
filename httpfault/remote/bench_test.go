package remote_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/zeroport/zerofault/httpfault/remote"
)

// The shop's 409 as the service answers it in Zero's JSON.
var zeroBody = []byte(`{"id":"a2e024c472f56284","code":-100004,"message":"(409) - Item MUG-02: 3 requested, 1 in stock.","info":"Sorry, only one is left in stock."}`)

var zeroHeader = http.Header{"Content-Type": {"application/json; charset=UTF-8"}, "X-Request-Id": {"a2e024c472f56284"}}

// Decoding a Zero body into the typed exception, against decoding the
// same body with json.Unmarshal into a plain struct of its members:
// the target is at most the latter's time. TestMain registered the
// shop's class, so this is the generated type's path.
func BenchmarkDecode(b *testing.B) {
	b.Run("remote", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := remote.Decode(409, zeroHeader, zeroBody); !ok {
				b.Fatal("not decoded")
			}
		}
	})
	b.Run("json.Unmarshal", func(b *testing.B) {
		type plain struct {
			ID      string `json:"id"`
			Code    int    `json:"code"`
			Message string `json:"message"`
			Info    string `json:"info"`
		}
		b.ReportAllocs()
		for b.Loop() {
			var p plain
			if err := json.Unmarshal(zeroBody, &p); err != nil || p.Code != -100004 {
				b.Fatal(err)
			}
		}
	})
}

// The other formats, for reference.
func BenchmarkDecodeFormats(b *testing.B) {
	bodies := []struct{ contentType, body string }{
		{"application/problem+json", `{"type":"urn:zerofault:error:100004","title":"Conflict","status":409,"detail":"Sorry, only one is left in stock.","instance":"urn:zerofault:id:a2e024c472f56284","code":-100004,"request_id":"a2e024c472f56284","message":"(409) - Item MUG-02: 3 requested, 1 in stock."}`},
		{"application/problem+xml", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<problem xmlns="urn:ietf:rfc:7807"><type>urn:zerofault:error:100004</type><title>Conflict</title><status>409</status><detail>Sorry, only one is left in stock.</detail><instance>urn:zerofault:id:a2e024c472f56284</instance><code>-100004</code><request_id>a2e024c472f56284</request_id><message>(409) - Item MUG-02: 3 requested, 1 in stock.</message></problem>`},
		{"application/xml", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<error><id>a2e024c472f56284</id><code>-100004</code><message>(409) - Item MUG-02: 3 requested, 1 in stock.</message><info>Sorry, only one is left in stock.</info></error>`},
	}
	for _, f := range bodies {
		h := http.Header{"Content-Type": {f.contentType}}
		body := []byte(f.body)
		b.Run(f.contentType, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, ok := remote.Decode(409, h, body); !ok {
					b.Fatal("not decoded")
				}
			}
		})
	}
}

// A Zero body costs at most five allocations (three before exceptions
// formatted lazily: the root and the WebException now each keep the texts
// given to them behind a pointer); encoding/json's Unmarshal into a
// plain struct costs eight.
func TestDecodeAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	n := testing.AllocsPerRun(100, func() { remote.Decode(409, zeroHeader, zeroBody) })
	if n > 5 {
		t.Errorf("%v allocations", n)
	}
}
