package grpcfault

import (
	"context"

	"google.golang.org/grpc"

	"github.com/zeroport/zerofault/httpfault"
)

// UnaryServerInterceptor returns the interceptor that answers the
// failures of unary handlers: an error returned is converted by
// [Handler.Error], a panic is recovered as httpfault's Recover does (a
// runtime exception raised with zero.Throw answers as itself, any other
// value as -60007, Internal, with no trace of it in the status unless
// Options.Debug allows) and logged once with its stack.
//
//	grpc.NewServer(grpc.ChainUnaryInterceptor(faults.UnaryServerInterceptor()))
//
// A call that does not fail costs it no allocation.
func (h *Handler) UnaryServerInterceptor() grpc.UnaryServerInterceptor {
	return h.unary
}

func (h *Handler) unary(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (resp any, err error) {
	defer h.recoverCall(ctx, info.FullMethod, &resp, &err)
	resp, err = handler(ctx, req)
	if err != nil {
		return nil, h.Error(ctx, info.FullMethod, err)
	}
	return resp, nil
}

// StreamServerInterceptor returns the interceptor that answers the
// failures of streaming handlers, as UnaryServerInterceptor does.
func (h *Handler) StreamServerInterceptor() grpc.StreamServerInterceptor {
	return h.stream
}

func (h *Handler) stream(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) (err error) {
	ctx := ss.Context()
	defer h.recoverCall(ctx, info.FullMethod, nil, &err)
	if err = handler(srv, ss); err != nil {
		return h.Error(ctx, info.FullMethod, err)
	}
	return nil
}

// recoverCall answers a panic of the handler, deferred. http's abort
// value means nothing to gRPC: it is a panic like any other here.
func (h *Handler) recoverCall(ctx context.Context, method string, resp *any, err *error) {
	p := recover()
	if p == nil {
		return
	}
	perr, abort := httpfault.Recovered(p, httpfault.DefaultStackSize)
	if abort {
		perr = &httpfault.PanicError{Value: p}
	}
	if resp != nil {
		*resp = nil
	}
	*err = h.Error(ctx, method, perr)
}
