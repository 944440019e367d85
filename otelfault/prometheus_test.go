package otelfault_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/otelfault"
)

// The counter through the OTel Prometheus exporter, scraped over HTTP:
// one series per error type, code and status, with Prometheus' names.
func TestPrometheusScrape(t *testing.T) {
	reg := prometheus.NewRegistry()
	exporter, err := otelprom.New(otelprom.WithRegisterer(reg))
	if err != nil {
		t.Fatal(err)
	}
	obs, err := otelfault.New(&otelfault.Options{
		MeterProvider: sdkmetric.NewMeterProvider(sdkmetric.WithReader(exporter)),
		Exceptions:    otelfault.SignalNone,
	})
	if err != nil {
		t.Fatal(err)
	}
	faults := httpfault.New(&httpfault.Options{Logger: discard, Observe: obs.Observe})
	web := shop(faults)
	for _, path := range []string{"/accounts/42", "/accounts/43", "/nothing", "/boom"} {
		do(web, http.MethodGet, path)
	}

	srv := httptest.NewServer(promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	defer srv.Close()
	res, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	text, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(strings.NewReader(string(text)))
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	family := families["zerofault_failures_total"]
	if family == nil {
		t.Fatalf("no zerofault_failures_total in\n%s", text)
	}
	if family.GetType().String() != "COUNTER" {
		t.Errorf("type %v", family.GetType())
	}
	got := map[string]float64{}
	for _, m := range family.GetMetric() {
		labels := map[string]string{}
		for _, l := range m.GetLabel() {
			labels[l.GetName()] = l.GetValue()
		}
		for name := range labels {
			switch name {
			case "error_type", "zerofault_error_code", "http_response_status_code", "otel_scope_name", "otel_scope_version", "otel_scope_schema_url":
			default:
				t.Errorf("unexpected label %q", name)
			}
		}
		got[labels["error_type"]+" "+labels["zerofault_error_code"]+" "+labels["http_response_status_code"]] = m.GetCounter().GetValue()
	}
	want := map[string]float64{
		"_404AccountNotFoundException -100001 404": 2,
		"_404ServiceNotFoundException -60010 404":  1,
		"_500InternalServerException -60007 500":   1,
	}
	if len(got) != len(want) {
		t.Errorf("series %v, want %v\n%s", got, want, text)
	}
	for series, n := range want {
		if got[series] != n {
			t.Errorf("%s = %v, want %v", series, got[series], n)
		}
	}
	if !strings.Contains(string(text), `# HELP zerofault_failures_total Failures answered by zerofault`) {
		t.Errorf("no help text:\n%s", text)
	}
	t.Logf("scrape:\n%s", text)
}
