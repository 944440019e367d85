package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	otelprom "go.opentelemetry.io/otel/exporters/prometheus"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/metric"
	"go.opentelemetry.io/otel/metric/noop"
	"go.opentelemetry.io/otel/propagation"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"
	tracenoop "go.opentelemetry.io/otel/trace/noop"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/structpb"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/zeroport/zerofault/examples/shop/shoperr"
	"github.com/zeroport/zerofault/gatewayfault"
	"github.com/zeroport/zerofault/grpcfault"
	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/otelfault"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// Options configure the fleet.
type Options struct {
	Logger  *slog.Logger
	Traces  io.Writer // where spans are printed (stdout exporter); nil: no tracing
	Metrics bool      // serve /metrics (OTel's Prometheus exporter)
}

// fleet is the two services: the accounts service on gRPC and the
// gateway that serves it as HTTP.
type fleet struct {
	accounts *grpc.Server
	gateway  http.Handler // the gateway's routes, /metrics, and tracing around them
	conn     *grpc.ClientConn
	tracer   *sdktrace.TracerProvider // nil without tracing
}

// newFleet builds both services; the accounts service serves on lis
// once serve runs, and the gateway calls it there.
func newFleet(opts Options, lis net.Listener) (*fleet, error) {
	cat, err := shoperr.Catalog()
	if err != nil {
		return nil, err
	}
	texts, err := shoperr.Readable()
	if err != nil {
		return nil, err
	}
	catalog.Swap(cat)
	readable.Swap(texts)
	registerClasses()

	f := &fleet{}
	var tp trace.TracerProvider = tracenoop.NewTracerProvider()
	if opts.Traces != nil {
		exp, err := stdouttrace.New(stdouttrace.WithWriter(opts.Traces), stdouttrace.WithPrettyPrint())
		if err != nil {
			return nil, err
		}
		f.tracer = sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
		tp = f.tracer
	}
	propagator := propagation.TraceContext{}

	// The accounts service: its own core and observer. Its metrics
	// would be scraped from its own process; this one exposes the
	// gateway's, so its observer records spans only.
	accountsObs, err := otelfault.New(&otelfault.Options{MeterProvider: noop.NewMeterProvider()})
	if err != nil {
		return nil, err
	}
	accountsFaults := grpcfault.New(&grpcfault.Options{
		Faults:    httpfault.New(&httpfault.Options{Logger: opts.Logger.With("service", "accounts"), Observe: accountsObs.Observe}),
		Domain:    "accounts.shop.example.com",
		RequestID: otelfault.TraceID,
	})
	f.accounts = grpc.NewServer(
		grpc.StatsHandler(otelgrpc.NewServerHandler(otelgrpc.WithTracerProvider(tp), otelgrpc.WithPropagators(propagator))),
		grpc.ChainUnaryInterceptor(accountsFaults.UnaryServerInterceptor()),
	)
	f.accounts.RegisterService(&accountsDesc, accountsService{})

	// The gateway: its client decodes the service's exceptions, its
	// core answers them over HTTP, its observer counts them.
	f.conn, err = grpc.NewClient(lis.Addr().String(),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithStatsHandler(otelgrpc.NewClientHandler(otelgrpc.WithTracerProvider(tp), otelgrpc.WithPropagators(propagator))),
		grpc.WithChainUnaryInterceptor(grpcfault.UnaryClientInterceptor()))
	if err != nil {
		return nil, err
	}
	top := http.NewServeMux()
	var mp metric.MeterProvider = noop.NewMeterProvider()
	if opts.Metrics {
		reg := prometheus.NewRegistry()
		exp, err := otelprom.New(otelprom.WithRegisterer(reg), otelprom.WithoutScopeInfo(), otelprom.WithoutTargetInfo())
		if err != nil {
			return nil, err
		}
		mp = sdkmetric.NewMeterProvider(sdkmetric.WithReader(exp))
		top.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	}
	gatewayObs, err := otelfault.New(&otelfault.Options{MeterProvider: mp})
	if err != nil {
		return nil, err
	}
	gw := gatewayfault.New(&gatewayfault.Options{
		Faults: httpfault.New(&httpfault.Options{Logger: opts.Logger.With("service", "gateway"), Observe: gatewayObs.Observe}),
	})
	mux := runtime.NewServeMux(gw.ServeMuxOptions()...)
	if err := registerAccountsGateway(mux, f.conn); err != nil {
		return nil, err
	}
	top.Handle("/", otelfault.RequestIDFromTrace("")(mux))
	f.gateway = otelhttp.NewHandler(top, "gateway", otelhttp.WithTracerProvider(tp), otelhttp.WithPropagators(propagator))
	return f, nil
}

// close stops both services and flushes the spans.
func (f *fleet) close(ctx context.Context) error {
	f.accounts.Stop()
	err := f.conn.Close()
	if f.tracer != nil {
		err = errors.Join(err, f.tracer.Shutdown(ctx))
	}
	return err
}

// The accounts service is written by hand, as protoc-gen-go-grpc would
// write it, over wrapperspb.StringValue, to keep the demo free of a
// protoc step: Get(id) answers an account, Boom panics.
const (
	methodGet  = "/shop.Accounts/Get"
	methodBoom = "/shop.Accounts/Boom"
)

type accountsService struct{}

var accountsByID = map[string]map[string]any{"1": {"id": "1", "email": "ada@example.com", "name": "Ada"}}

func (accountsService) get(_ context.Context, id string) (*structpb.Struct, error) {
	a, ok := accountsByID[id]
	if !ok {
		return nil, shoperr.NewAccountNotFound("AccountService", id)
	}
	return structpb.NewStruct(a)
}

func (accountsService) boom(context.Context, string) (*structpb.Struct, error) {
	var m map[string]int
	m["ledger"]++ // a nil map: the panic a real service meets
	return nil, nil
}

// unaryMethod adapts a method of the service to a grpc.MethodDesc.
func unaryMethod(name, full string, fn func(accountsService, context.Context, string) (*structpb.Struct, error)) grpc.MethodDesc {
	return grpc.MethodDesc{MethodName: name, Handler: func(srv any, ctx context.Context, dec func(any) error, icpt grpc.UnaryServerInterceptor) (any, error) {
		in := new(wrapperspb.StringValue)
		if err := dec(in); err != nil {
			return nil, err
		}
		handler := func(ctx context.Context, req any) (any, error) {
			return fn(srv.(accountsService), ctx, req.(*wrapperspb.StringValue).GetValue())
		}
		if icpt == nil {
			return handler(ctx, in)
		}
		return icpt(ctx, in, &grpc.UnaryServerInfo{Server: srv, FullMethod: full}, handler)
	}}
}

var accountsDesc = grpc.ServiceDesc{
	ServiceName: "shop.Accounts",
	HandlerType: (*any)(nil),
	Methods: []grpc.MethodDesc{
		unaryMethod("Get", methodGet, accountsService.get),
		unaryMethod("Boom", methodBoom, accountsService.boom),
	},
}

// registerAccountsGateway routes GET /v1/accounts/{id} and GET /v1/boom
// to the service, as protoc-gen-grpc-gateway's generated code does.
func registerAccountsGateway(mux *runtime.ServeMux, cc *grpc.ClientConn) error {
	route := func(pattern, method string, arg func(map[string]string) string) error {
		return mux.HandlePath(http.MethodGet, pattern, func(w http.ResponseWriter, r *http.Request, params map[string]string) {
			_, outbound := runtime.MarshalerForRequest(mux, r)
			ctx, err := runtime.AnnotateContext(r.Context(), mux, r, method, runtime.WithHTTPPathPattern(pattern))
			if err != nil {
				runtime.HTTPError(ctx, mux, outbound, w, r, err)
				return
			}
			var md runtime.ServerMetadata
			resp := new(structpb.Struct)
			err = cc.Invoke(ctx, method, wrapperspb.String(arg(params)), resp, grpc.Header(&md.HeaderMD), grpc.Trailer(&md.TrailerMD))
			ctx = runtime.NewServerMetadataContext(ctx, md)
			if err != nil {
				runtime.HTTPError(ctx, mux, outbound, w, r, err)
				return
			}
			runtime.ForwardResponseMessage(ctx, mux, outbound, w, r, resp)
		})
	}
	return errors.Join(
		route("/v1/accounts/{id}", methodGet, func(p map[string]string) string { return p["id"] }),
		route("/v1/boom", methodBoom, func(map[string]string) string { return "" }),
	)
}

// registerClasses registers the classes the gateway decodes, so that
// they come back as their generated types and count under their class
// names. Generated code is to register every class it declares by
// itself; until it does, a service registers the ones it decodes, and a
// code registered already is left alone.
func registerClasses() {
	for _, r := range []struct {
		sample interface {
			Code() int
			ClassName() string
			Status() int
		}
		pkg  string
		wrap func(webexc.WebException) error
	}{
		{shoperr.NewAccountNotFound("", ""), "github.com/zeroport/zerofault/examples/shop/shoperr",
			func(w webexc.WebException) error { return &shoperr.AccountNotFoundException{WebException: w} }},
		{webexc.NewInternalServer("", ""), "github.com/zeroport/zerofault/webexc",
			func(w webexc.WebException) error { return &webexc.InternalServerException{WebException: w} }},
	} {
		if _, ok := webexc.Lookup(r.sample.Code()); ok {
			continue
		}
		webexc.Register(webexc.Registration{Package: r.pkg, Wrap: r.wrap, Class: &webexc.Class{
			Class:  zero.Class{Name: r.sample.ClassName(), Family: zero.FamilyWeb, Code: r.sample.Code()},
			Status: r.sample.Status(),
		}})
	}
}
