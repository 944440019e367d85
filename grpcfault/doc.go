// Package grpcfault carries zerofault's exceptions across gRPC calls, in
// Google's error model (google.rpc.Status with the details of
// error_details.proto), so that a client gets back the exception the
// server returned: its generated type, code, HTTP status, message,
// readable text in the caller's language, field violations and id.
//
// It is a module of its own (github.com/zeroport/zerofault/grpcfault):
// a service that does not speak gRPC never builds against grpc.
//
// # Server
//
// A [Handler] answers the failures of a service's handlers through the
// core, httpfault, which classifies, localizes, redacts and logs them
// exactly as it does for HTTP; the handler only translates the core's
// answer into a status:
//
//	faults := grpcfault.New(&grpcfault.Options{
//		Faults: httpfault.New(&httpfault.Options{Logger: logger}), // the core, as the HTTP side configures it
//		Domain: "shop.example.com",
//		Debug:  httpfault.DebugToken("x-debug-token", os.Getenv("DEBUG_TOKEN")),
//	})
//	srv := grpc.NewServer(
//		grpc.ChainUnaryInterceptor(faults.UnaryServerInterceptor()),
//		grpc.ChainStreamInterceptor(faults.StreamServerInterceptor()),
//	)
//
// The interceptors recover panics (Internal, with no trace of the panic
// in production), and cost a call that does not fail no allocation. A
// call's metadata stands in for the request headers the core reads:
// accept-language chooses the language of the LocalizedMessage,
// x-request-id the id (see [Handler.Request]).
//
// # The status
//
// The code comes from the exception's HTTP status by the canonical
// table of [CodeFromHTTP]; the message is the exception's system
// message; [Handler.Details] lists the details: ErrorInfo (reason
// E<code>, the domain, metadata code, class and status), LocalizedMessage,
// BadRequest, RequestInfo, RetryInfo ([RetryHint], [WithRetry]) and, for a
// debug call only, DebugInfo. A gRPC status a handler returns itself
// (status.Error) is left as it is.
//
// # Client
//
//	cc, err := grpc.NewClient(target,
//		grpc.WithChainUnaryInterceptor(grpcfault.UnaryClientInterceptor()),
//		grpc.WithChainStreamInterceptor(grpcfault.StreamClientInterceptor()))
//	…
//	_, err = accounts.Get(ctx, req)
//	if shoperr.IsAccountNotFound(err) { … } // the server's exception, rebuilt
//
// The client interceptors rebuild a zerofault status with webexc.Rebuild
// ([FromStatus]): the generated type of its code when the client's
// process registered it. A status no zerofault service made becomes
// webexc's -60017, a failed remote call, with the HTTP status of its
// code ([Decode]). Either way the status stays reachable: status.Code(err)
// answers the call's code, and errors.As to a *[StatusDetails] gives the
// field violations, the retry delay and the rest.
package grpcfault
