package grpcfault

import (
	"net/http"

	"google.golang.org/grpc/codes"
)

// CodeFromHTTP returns the gRPC code that stands for an HTTP status, by
// the mapping google.rpc.Code documents for each code, read backwards.
// Where several codes share a status, or none has it, the choice is:
//
//   - 400 → InvalidArgument: the request itself is wrong. FailedPrecondition
//     and OutOfRange also map to 400, but say more than a 400 does.
//   - 401 → Unauthenticated, 403 → PermissionDenied, 404 and 410 → NotFound.
//   - 405 → Unimplemented: the method does not exist for that resource, as
//     grpc-gateway's router reports a 405.
//   - 408 → DeadlineExceeded: the request took too long to arrive.
//   - 409 → Aborted: a conflict with the resource's current state, which a
//     client may resolve by reading again and retrying the whole
//     sequence. AlreadyExists is the narrower meaning; when a code means
//     exactly that, say so with Options.Code.
//   - 412, 417, 423, 424, 428 → FailedPrecondition: the system is not in
//     the state the request needs.
//   - 413, 429 → ResourceExhausted: a quota or size was exceeded (gRPC
//     itself answers an oversized message with ResourceExhausted).
//   - 416 → OutOfRange.
//   - 499 → Canceled: the client gave up.
//   - any other 4xx (411, 414, 415, 422, …) → InvalidArgument.
//   - 501 → Unimplemented, 503 → Unavailable, 504 → DeadlineExceeded.
//   - 502 → Unavailable: an upstream failed, which is transient as 503
//     is, and retrying is what a client should do.
//   - any other 5xx → Internal.
//   - anything else → Unknown: not an error status, so no code fits. It
//     is never OK, which would make the failure a success.
func CodeFromHTTP(status int) codes.Code {
	switch status {
	case http.StatusBadRequest:
		return codes.InvalidArgument
	case http.StatusUnauthorized:
		return codes.Unauthenticated
	case http.StatusForbidden:
		return codes.PermissionDenied
	case http.StatusNotFound, http.StatusGone:
		return codes.NotFound
	case http.StatusMethodNotAllowed, http.StatusNotImplemented:
		return codes.Unimplemented
	case http.StatusRequestTimeout, http.StatusGatewayTimeout:
		return codes.DeadlineExceeded
	case http.StatusConflict:
		return codes.Aborted
	case http.StatusPreconditionFailed, http.StatusExpectationFailed, http.StatusLocked,
		http.StatusFailedDependency, http.StatusPreconditionRequired:
		return codes.FailedPrecondition
	case http.StatusRequestEntityTooLarge, http.StatusTooManyRequests:
		return codes.ResourceExhausted
	case http.StatusRequestedRangeNotSatisfiable:
		return codes.OutOfRange
	case StatusClientClosedRequest:
		return codes.Canceled
	case http.StatusBadGateway, http.StatusServiceUnavailable:
		return codes.Unavailable
	}
	switch {
	case status >= 400 && status <= 499:
		return codes.InvalidArgument
	case status >= 500 && status <= 599:
		return codes.Internal
	}
	return codes.Unknown
}

// StatusClientClosedRequest is the status of a request its client
// abandoned (nginx's 499): what a canceled call is answered with.
const StatusClientClosedRequest = 499

// HTTPFromCode returns the HTTP status of a gRPC code, by the mapping
// google.rpc.Code documents (grpc-gateway's runtime.HTTPStatusFromCode
// uses the same): it answers statuses that no zerofault service made,
// whose ErrorInfo does not carry the original status. OK, which is no
// failure, and codes it does not know answer 500.
func HTTPFromCode(c codes.Code) int {
	switch c {
	case codes.Canceled:
		return StatusClientClosedRequest
	case codes.InvalidArgument, codes.FailedPrecondition, codes.OutOfRange:
		return http.StatusBadRequest
	case codes.DeadlineExceeded:
		return http.StatusGatewayTimeout
	case codes.NotFound:
		return http.StatusNotFound
	case codes.AlreadyExists, codes.Aborted:
		return http.StatusConflict
	case codes.PermissionDenied:
		return http.StatusForbidden
	case codes.Unauthenticated:
		return http.StatusUnauthorized
	case codes.ResourceExhausted:
		return http.StatusTooManyRequests
	case codes.Unimplemented:
		return http.StatusNotImplemented
	case codes.Unavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError // Unknown, Internal, DataLoss, OK and the rest
}
