// Command example is a fleet in one process: an accounts service on
// gRPC and a grpc-gateway that serves it as HTTP, each answering its
// failures through zerofault (packages grpcfault and gatewayfault), and
// both traced and counted with OpenTelemetry (package otelfault):
//
//	go -C otelfault/example run . -traces -metrics
//	curl -s localhost:8080/v1/accounts/42
//	curl -s localhost:8080/metrics | grep zerofault
//
// -traces prints every span to standard output (OpenTelemetry's stdout
// exporter), -metrics serves /metrics (its Prometheus exporter). The
// environment says the same: ZEROFAULT_TRACES=1, ZEROFAULT_METRICS=1.
// See README.md beside this file for the tour.
package main

import (
	"context"
	"flag"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address of the gateway (HTTP)")
	grpcAddr := flag.String("grpc-addr", "localhost:9090", "address of the accounts service (gRPC)")
	traces := flag.Bool("traces", os.Getenv("ZEROFAULT_TRACES") == "1", "print spans to standard output")
	metrics := flag.Bool("metrics", os.Getenv("ZEROFAULT_METRICS") == "1", "serve /metrics")
	flag.Parse()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(logger, *addr, *grpcAddr, *traces, *metrics); err != nil {
		logger.Error("fleet: stopped", "err", err)
		os.Exit(1)
	}
}

func run(logger *slog.Logger, addr, grpcAddr string, traces, metrics bool) error {
	lis, err := net.Listen("tcp", grpcAddr)
	if err != nil {
		return err
	}
	opts := Options{Logger: logger, Metrics: metrics}
	if traces {
		opts.Traces = os.Stdout
	}
	f, err := newFleet(opts, lis)
	if err != nil {
		return err
	}
	go func() { _ = f.accounts.Serve(lis) }()
	srv := &http.Server{Addr: addr, Handler: f.gateway, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	logger.Info("fleet: listening", "gateway", addr, "accounts", grpcAddr, "traces", traces, "metrics", metrics)
	err = srv.ListenAndServe()
	if err == http.ErrServerClosed {
		err = nil
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if cerr := f.close(shutdown); err == nil {
		err = cerr
	}
	return err
}
