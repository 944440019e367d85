package grpcfault_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"os"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/test/bufconn"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/zeroport/zerofault/examples/shop/shoperr"
	"github.com/zeroport/zerofault/grpcfault"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// The test service is written by hand, as protoc-gen-go-grpc would
// write it, over wrapperspb.StringValue: the tests need a real gRPC
// method, not a schema.
const (
	serviceName  = "zerofault.test.Faults"
	methodFail   = "/" + serviceName + "/Fail"
	methodWatch  = "/" + serviceName + "/Watch"
	streamPrefix = "watch "
)

// service answers Fail(name) with fail(ctx, name) and streams
// Watch(name): two messages, then fail(ctx, name).
type service struct {
	fail func(ctx context.Context, name string) error
}

var serviceDesc = grpc.ServiceDesc{
	ServiceName: serviceName,
	HandlerType: (*any)(nil),
	Methods: []grpc.MethodDesc{{
		MethodName: "Fail",
		Handler: func(srv any, ctx context.Context, dec func(any) error, interceptor grpc.UnaryServerInterceptor) (any, error) {
			in := new(wrapperspb.StringValue)
			if err := dec(in); err != nil {
				return nil, err
			}
			handler := func(ctx context.Context, req any) (any, error) {
				name := req.(*wrapperspb.StringValue).GetValue()
				if err := srv.(*service).fail(ctx, name); err != nil {
					return nil, err
				}
				return wrapperspb.String("ok " + name), nil
			}
			if interceptor == nil {
				return handler(ctx, in)
			}
			return interceptor(ctx, in, &grpc.UnaryServerInfo{Server: srv, FullMethod: methodFail}, handler)
		},
	}},
	Streams: []grpc.StreamDesc{{
		StreamName:    "Watch",
		ServerStreams: true,
		Handler: func(srv any, stream grpc.ServerStream) error {
			in := new(wrapperspb.StringValue)
			if err := stream.RecvMsg(in); err != nil {
				return err
			}
			for range 2 {
				if err := stream.SendMsg(wrapperspb.String(streamPrefix + in.GetValue())); err != nil {
					return err
				}
			}
			return srv.(*service).fail(stream.Context(), in.GetValue())
		},
	}},
}

// conns is a server on bufconn and two clients: one decoding through
// grpcfault's client interceptors, one raw, to read the statuses as
// they travel.
type conns struct {
	client, raw *grpc.ClientConn
}

func start(t testing.TB, h *grpcfault.Handler, fail func(ctx context.Context, name string) error) conns {
	t.Helper()
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(
		grpc.ChainUnaryInterceptor(h.UnaryServerInterceptor()),
		grpc.ChainStreamInterceptor(h.StreamServerInterceptor()),
	)
	srv.RegisterService(&serviceDesc, &service{fail: fail})
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	dial := func(opts ...grpc.DialOption) *grpc.ClientConn {
		opts = append(opts,
			grpc.WithContextDialer(func(context.Context, string) (net.Conn, error) { return lis.Dial() }),
			grpc.WithTransportCredentials(insecure.NewCredentials()))
		cc, err := grpc.NewClient("passthrough:///bufnet", opts...)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = cc.Close() })
		return cc
	}
	return conns{
		client: dial(grpc.WithChainUnaryInterceptor(grpcfault.UnaryClientInterceptor()),
			grpc.WithChainStreamInterceptor(grpcfault.StreamClientInterceptor())),
		raw: dial(),
	}
}

// call invokes Fail(name) on cc.
func call(ctx context.Context, cc *grpc.ClientConn, name string) error {
	return cc.Invoke(ctx, methodFail, wrapperspb.String(name), new(wrapperspb.StringValue))
}

// watch opens Watch(name) on cc and reads it to its end: the messages,
// and the error that ended it (nil for io.EOF).
func watch(ctx context.Context, cc *grpc.ClientConn, name string) ([]string, error) {
	cs, err := cc.NewStream(ctx, &serviceDesc.Streams[0], methodWatch)
	if err != nil {
		return nil, err
	}
	if err := cs.SendMsg(wrapperspb.String(name)); err != nil {
		return nil, err
	}
	if err := cs.CloseSend(); err != nil {
		return nil, err
	}
	var got []string
	for {
		m := new(wrapperspb.StringValue)
		if err := cs.RecvMsg(m); err != nil {
			if err == io.EOF {
				return got, nil
			}
			return got, err
		}
		got = append(got, m.GetValue())
	}
}

// discard is a logger for tests that do not read the log.
var discard = slog.New(slog.DiscardHandler)

func TestMain(m *testing.M) {
	// The shop's catalogs, for an application's generated exceptions
	// next to the framework's.
	cat, err := shoperr.Catalog()
	if err != nil {
		panic(err)
	}
	texts, err := shoperr.Readable()
	if err != nil {
		panic(err)
	}
	catalog.Swap(cat)
	readable.Swap(texts)
	registerByHand()
	os.Exit(m.Run())
}

// registerByHand registers the classes the tests decode, for as long as
// generated code does not register its classes itself: each only when
// the registry does not know its code already.
func registerByHand() {
	const webPkg, shopPkg = "github.com/zeroport/zerofault/webexc", "github.com/zeroport/zerofault/examples/shop/shoperr"
	reg := func(pkg string, sample interface {
		zero.Exception
		Status() int
	}, wrap func(webexc.WebException) error) {
		if _, ok := webexc.Lookup(sample.Code()); ok {
			return
		}
		class := &webexc.Class{Class: zero.Class{Name: sample.ClassName(), Family: zero.FamilyWeb, Code: sample.Code()}, Status: sample.Status()}
		webexc.Register(webexc.Registration{Class: class, Package: pkg, Wrap: wrap})
	}
	reg(webPkg, webexc.NewValidation("", "", "", ""), func(w webexc.WebException) error { return &webexc.ValidationException{WebException: w} })
	reg(webPkg, webexc.NewResourceBuilding("", nil), func(w webexc.WebException) error { return &webexc.ResourceBuildingException{WebException: w} })
	reg(webPkg, webexc.NewDeliveryError("", "", ""), func(w webexc.WebException) error { return &webexc.DeliveryErrorException{WebException: w} })
	reg(webPkg, webexc.NewEntityCast("", "", ""), func(w webexc.WebException) error { return &webexc.EntityCastException{WebException: w} })
	reg(webPkg, webexc.NewParameterFromString("", "", ""), func(w webexc.WebException) error { return &webexc.ParameterFromStringException{WebException: w} })
	reg(webPkg, webexc.NewValidationRule("", "", nil, ""), func(w webexc.WebException) error { return &webexc.ValidationRuleException{WebException: w} })
	reg(webPkg, webexc.NewMediaNotSupport("", "", nil), func(w webexc.WebException) error { return &webexc.MediaNotSupportException{WebException: w} })
	reg(webPkg, webexc.NewInternalServer("", ""), func(w webexc.WebException) error { return &webexc.InternalServerException{WebException: w} })
	reg(webPkg, webexc.NewRecordNotFound(""), func(w webexc.WebException) error { return &webexc.RecordNotFoundException{WebException: w} })
	reg(webPkg, webexc.NewDuplicatedRecord(""), func(w webexc.WebException) error { return &webexc.DuplicatedRecordException{WebException: w} })
	reg(webPkg, webexc.NewServiceNotFound("", "", ""), func(w webexc.WebException) error { return &webexc.ServiceNotFoundException{WebException: w} })
	reg(webPkg, webexc.NewBadRequest(""), func(w webexc.WebException) error { return &webexc.BadRequestException{WebException: w} })
	reg(webPkg, webexc.NewUnauthorized(""), func(w webexc.WebException) error { return &webexc.UnauthorizedException{WebException: w} })
	reg(webPkg, webexc.NewForbidden(""), func(w webexc.WebException) error { return &webexc.ForbiddenException{WebException: w} })
	reg(webPkg, webexc.NewMethodForbidden("", "", ""), func(w webexc.WebException) error { return &webexc.MethodForbiddenException{WebException: w} })
	reg(webPkg, webexc.NewRemoteRpc("", "", "", nil), func(w webexc.WebException) error { return &webexc.RemoteRpcException{WebException: w} })
	reg(shopPkg, shoperr.NewAccountExists("", ""), func(w webexc.WebException) error { return &shoperr.AccountExistsException{WebException: w} })
	reg(shopPkg, shoperr.NewAccountNotFound("", ""), func(w webexc.WebException) error { return &shoperr.AccountNotFoundException{WebException: w} })
	reg(shopPkg, shoperr.NewOrderNotFound("", ""), func(w webexc.WebException) error { return &shoperr.OrderNotFoundException{WebException: w} })
	reg(shopPkg, shoperr.NewOutOfStock("", "", 0, 0), func(w webexc.WebException) error { return &shoperr.OutOfStockException{WebException: w} })
}
