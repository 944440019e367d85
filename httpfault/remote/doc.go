// Package remote is the calling side of zerofault's HTTP answers: it
// turns a failed response from a zerofault service, in any format the
// service offers, back into the typed exception it was, so that the
// caller's errors.Is, errors.As and generated predicates work across
// processes:
//
//	client := &http.Client{Transport: &remote.Transport{}}
//	_, err := client.Post(shopURL+"/orders", "application/json", body)
//	if shoperr.IsOutOfStock(err) {
//		// the shop answered 409 -100004: the same code, status, message,
//		// readable text and id as it logged
//	}
//
// The package is named for what it decodes, an error that happened
// elsewhere (webexc.Remote, webexc.Rebuild); "client" would shadow the
// http.Client variable every caller has.
//
// # Decoding
//
// [Decode] takes a status, headers and a body; [FromResponse] an
// *http.Response; [Check] the two results of http.Client.Do. The body
// may be Zero's JSON, RFC 9457 problem+json, problem+xml, or Zero's
// shape in XML (application/xml, text/xml), chosen by its Content-Type.
// A known code comes back as the generated type registered for it with
// webexc.Register (generated packages register their classes when they
// are imported), an unknown one as a *webexc.WebException of that code
// and status. A validation failure's violations are the exception's
// cause, a [FieldErrors].
//
// What is not a zerofault answer (a proxy's HTML page, an empty body,
// JSON cut short, a body over [MaxBody], JSON of another shape) comes
// back as a *[ResponseError] with the status, the request id, the
// headers and at most [MaxSnippet] bytes of the body. Nothing reads more
// than MaxBody+1 bytes, and no body makes the decoder panic (it is
// fuzzed).
//
// Decode answers (err, ok) as grpc's status.FromError does: err is never
// nil, and ok says whether it is the exception the service described.
//
// # Transport and request ids
//
// [Transport] is an http.RoundTripper that decodes every failed response
// (status 400 and up) and forwards the request id of the call's context
// in X-Request-Id. [Middleware] puts the incoming request's id (or a new
// one) into its context, and [WithRequestID] sets one by hand: a chain of
// services then answers and logs one failure under one id.
//
// # Formats of one's own
//
// A team that answers in an envelope of its own (an httpfault.Format in
// Options.Formats) registers the matching [Decoder] with
// [RegisterDecoder]; see the AWS-style example of package httpfault.
package remote
