package grpcfault_test

import (
	"context"
	"net/http"
	"testing"

	kerrors "github.com/go-kratos/kratos/v2/errors"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/zeroport/zerofault/examples/shop/shoperr"
	"github.com/zeroport/zerofault/grpcfault"
	"github.com/zeroport/zerofault/httpfault"
)

var (
	okInfo    = &grpc.UnaryServerInfo{FullMethod: methodFail}
	okHandler = func(ctx context.Context, req any) (any, error) { return req, nil }
)

// okStream is a server stream whose handler does not fail.
type okStream struct{ grpc.ServerStream }

func (okStream) Context() context.Context { return context.Background() }

// The interceptors cost a call that does not fail nothing.
func TestNoAllocationWithoutFailure(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector changes allocation counts")
	}
	h := grpcfault.New(nil)
	unary := h.UnaryServerInterceptor()
	ctx, req := context.Background(), any("request")
	if n := testing.AllocsPerRun(100, func() { _, _ = unary(ctx, req, okInfo, okHandler) }); n != 0 {
		t.Errorf("unary: %v allocations per call", n)
	}
	stream := h.StreamServerInterceptor()
	info := &grpc.StreamServerInfo{FullMethod: methodWatch}
	handler := func(any, grpc.ServerStream) error { return nil }
	var ss grpc.ServerStream = okStream{}
	if n := testing.AllocsPerRun(100, func() { _ = stream(nil, ss, info, handler) }); n != 0 {
		t.Errorf("stream: %v allocations per call", n)
	}
}

// The unary interceptor around a handler that does not fail, against
// the bare handler.
func BenchmarkUnaryInterceptor(b *testing.B) {
	unary := grpcfault.New(nil).UnaryServerInterceptor()
	ctx, req := context.Background(), any("request")
	b.Run("zerofault", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = unary(ctx, req, okInfo, okHandler)
		}
	})
	b.Run("bare", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = okHandler(ctx, req)
		}
	})
}

// An exception to a status: zerofault's (classify, localize in the
// caller's language, log when enabled, ErrorInfo + LocalizedMessage +
// RequestInfo) against kratos v2's errors.FromError(…).GRPCStatus()
// (ErrorInfo with reason and metadata, no localization), on the same
// failure: a 404 of an application's own code.
func BenchmarkToStatus(b *testing.B) {
	h := grpcfault.New(&grpcfault.Options{Faults: httpfault.New(&httpfault.Options{Logger: discard})})
	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("accept-language", "zh-CN,zh;q=0.9"))
	exc := shoperr.NewAccountNotFound("Accounts", "42")
	kerr := kerrors.New(http.StatusNotFound, "E100001", exc.Message()).
		WithMetadata(map[string]string{"code": "-100001", "class": "_404AccountNotFoundException", "status": "404"})
	b.Run("zerofault", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if h.Status(ctx, methodFail, exc) == nil {
				b.Fatal("no status")
			}
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if kerrors.FromError(kerr).GRPCStatus() == nil {
				b.Fatal("no status")
			}
		}
	})
}

// A status back to an error on the client: zerofault's FromStatus (the
// registered generated type, with readable text, id and details) against
// kratos v2's errors.FromError of the status error.
func BenchmarkFromStatus(b *testing.B) {
	h := grpcfault.New(&grpcfault.Options{Faults: httpfault.New(&httpfault.Options{Logger: discard})})
	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("accept-language", "zh-CN,zh;q=0.9"))
	exc := shoperr.NewAccountNotFound("Accounts", "42")
	st := h.Status(ctx, methodFail, exc)
	kerr := kerrors.New(http.StatusNotFound, "E100001", exc.Message()).
		WithMetadata(map[string]string{"code": "-100001", "class": "_404AccountNotFoundException", "status": "404"})
	kst := kerr.GRPCStatus().Err()
	b.Run("zerofault", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := grpcfault.FromStatus(st); !ok {
				b.Fatal("not decoded")
			}
		}
	})
	b.Run("kratos", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if kerrors.FromError(kst) == nil {
				b.Fatal("not decoded")
			}
		}
	})
	_ = status.Code(kst)
}
