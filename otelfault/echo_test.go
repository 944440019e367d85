package otelfault_test

import (
	"net/http"
	"testing"

	echo4 "github.com/labstack/echo/v4"
	echo5 "github.com/labstack/echo/v5"
	"go.opentelemetry.io/otel/codes"

	"github.com/zeroport/zerofault/echofault"
	echofault5 "github.com/zeroport/zerofault/echofault/v5"
	"github.com/zeroport/zerofault/otelfault"
	"github.com/zeroport/zerofault/webexc"
)

// The observer works through both Echo adapters as through net/http: a
// 4xx leaves the span's status unset, a 5xx makes it Error, and both
// carry error.type.
func TestEcho(t *testing.T) {
	servers := map[string]func(*otelfault.Observer) http.Handler{
		"v4": func(obs *otelfault.Observer) http.Handler {
			e := echo4.New()
			e.HTTPErrorHandler = echofault.ErrorHandlerWithConfig(echofault.ErrorHandlerConfig{Logger: discard, Observe: obs.Observe})
			e.Use(echofault.Recover())
			e.GET("/records/:id", func(echo4.Context) error { return webexc.NewRecordNotFound("Records") })
			e.GET("/boom", func(echo4.Context) error { panic("secret") })
			return e
		},
		"v5": func(obs *otelfault.Observer) http.Handler {
			e := echo5.New()
			e.HTTPErrorHandler = echofault5.ErrorHandlerWithConfig(echofault5.ErrorHandlerConfig{Logger: discard, Observe: obs.Observe})
			e.Use(echofault5.Recover())
			e.GET("/records/:id", func(*echo5.Context) error { return webexc.NewRecordNotFound("Records") })
			e.GET("/boom", func(*echo5.Context) error { panic("secret") })
			return e
		},
	}
	for name, newServer := range servers {
		t.Run(name, func(t *testing.T) {
			tel := newTelemetry(t, otelfault.SignalSpanEvents)
			h := tel.serverSpan(newServer(tel.obs))
			do(h, http.MethodGet, "/records/7")
			do(h, http.MethodGet, "/nowhere")
			do(h, http.MethodGet, "/boom")
			want := map[string]struct {
				errType string
				status  codes.Code
			}{
				"GET /records/7": {"_404RecordNotFoundException", codes.Unset},
				"GET /nowhere":   {"_404ServiceNotFoundException", codes.Unset},
				"GET /boom":      {"_500InternalServerException", codes.Error},
			}
			spans := tel.spans.Ended()
			if len(spans) != len(want) {
				t.Fatalf("%d spans", len(spans))
			}
			for _, span := range spans {
				w := want[span.Name()]
				if got := attrs(span.Attributes())["error.type"].AsString(); got != w.errType || span.Status().Code != w.status {
					t.Errorf("%s: error.type %q, status %v; want %q, %v", span.Name(), got, span.Status().Code, w.errType, w.status)
				}
			}
		})
	}
}
