package grpcfault

import (
	"context"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// FromStatus returns the exception a zerofault service answered with st,
// in the style of status.FromError: rebuilt by webexc.Rebuild, so the
// generated type of its code when this process registered it (errors.As
// to it and its IsXxx predicate hold; errors.Is holds by code in any
// case), with the status, message, readable text and id as they were
// answered, and a *[StatusDetails] as its cause. ok is false when st was
// not made by zerofault (it has no ErrorInfo of zerofault's form: reason
// E<n> and metadata code -n); see [Decode] for those.
func FromStatus(st *status.Status) (err error, ok bool) {
	return fromStatus(st, "")
}

// reasonForm is the reason of a zerofault ErrorInfo: a catalog key.
var reasonForm = regexp.MustCompile(`^E[0-9]{1,9}$`)

func fromStatus(st *status.Status, target zero.Target) (error, bool) {
	if st == nil || st.Code() == codes.OK {
		return nil, false
	}
	d := &StatusDetails{Status: st}
	remote := webexc.Remote{Message: st.Message(), Target: target, Cause: d}
	found := false
	for _, detail := range st.Details() {
		switch x := detail.(type) {
		case *errdetails.ErrorInfo:
			if found || !reasonForm.MatchString(x.GetReason()) {
				continue
			}
			code, err := strconv.Atoi(x.GetMetadata()[MetaCode])
			if err != nil || Reason(code) != x.GetReason() || code >= 0 {
				continue
			}
			found = true
			remote.Code = code
			d.Domain, d.Class = x.GetDomain(), x.GetMetadata()[MetaClass]
			if s, err := strconv.Atoi(x.GetMetadata()[MetaStatus]); err == nil && s >= 400 && s <= 599 {
				remote.Status = s
			}
		case *errdetails.LocalizedMessage:
			remote.Readable, d.Locale = x.GetMessage(), x.GetLocale()
		case *errdetails.RequestInfo:
			remote.ID = x.GetRequestId()
		case *errdetails.BadRequest:
			for _, v := range x.GetFieldViolations() {
				d.Violations = append(d.Violations, violation(v))
			}
		case *errdetails.RetryInfo:
			if rd := x.GetRetryDelay(); rd != nil && rd.IsValid() {
				d.RetryDelay = rd.AsDuration()
			}
		case *errdetails.DebugInfo:
			d.Debug = x
		}
	}
	if !found {
		return nil, false
	}
	if remote.Status == 0 {
		remote.Status = HTTPFromCode(st.Code())
	}
	return webexc.Rebuild(remote), true
}

// violation reads one field violation back: the rule from the reason,
// its parameter from the description ("min=2"), the explanation from the
// localized message.
func violation(v *errdetails.BadRequest_FieldViolation) FieldViolation {
	fv := FieldViolation{Field: v.GetField(), Rule: strings.ToLower(v.GetReason()), Info: v.GetLocalizedMessage().GetMessage()}
	if rule, param, ok := strings.Cut(v.GetDescription(), "="); ok && strings.EqualFold(rule, fv.Rule) {
		fv.Param = param
	}
	if fv.Rule == "" {
		fv.Rule = v.GetDescription()
	}
	return fv
}

// StatusDetails is the cause of every exception decoded from a gRPC
// status: the status as it was received, and what its details said
// beyond the exception itself. Through it status.Code and
// status.FromError still read the call's code from the exception, and a
// decoded exception returned by a handler carries its retry advice on.
type StatusDetails struct {
	Status     *status.Status
	Domain     string                // the ErrorInfo's domain; "" for a status zerofault did not make
	Class      string                // the class name the remote side answered with
	Locale     string                // the language of the readable text
	Violations []FieldViolation      // a validation failure's field violations
	RetryDelay time.Duration         // the RetryInfo's delay; 0 without one
	Debug      *errdetails.DebugInfo // the remote side's debug details, when it sent them
}

// Error returns the status as a gRPC error reads, with the violations.
func (d *StatusDetails) Error() string {
	msg := "rpc error: code = " + d.Status.Code().String() + " desc = " + d.Status.Message()
	if len(d.Violations) > 0 {
		msg += " (" + FieldViolations(d.Violations).String() + ")"
	}
	return msg
}

// GRPCStatus returns the status as received: status.FromError and
// status.Code see it through the exception that wraps it.
func (d *StatusDetails) GRPCStatus() *status.Status { return d.Status }

// RetryAfter returns the RetryInfo's delay, 0 when the status had none:
// a handler that returns the exception passes the advice on.
func (d *StatusDetails) RetryAfter() time.Duration { return d.RetryDelay }

// FieldViolations returns the violations as the core renders fields.
func (d *StatusDetails) FieldViolations() []httpfault.Field {
	if len(d.Violations) == 0 {
		return nil
	}
	out := make([]httpfault.Field, len(d.Violations))
	for i, v := range d.Violations {
		out[i] = httpfault.Field{Field: v.Field, Rule: v.Rule, Param: v.Param, Info: []byte(v.Info)}
	}
	return out
}

// FieldViolation is one violation of a validation failure, as a remote
// service reported it.
type FieldViolation struct {
	Field string // the JSON path, e.g. "items[2].sku"
	Rule  string // the failed rule, e.g. "min"
	Param string // the rule's parameter, "" when it takes none
	Info  string // the rule's explanation, in the answer's language
}

// FieldViolations lists violations as the system message of a
// validation failure does.
type FieldViolations []FieldViolation

// String returns "email: email; name: min=2".
func (vs FieldViolations) String() string {
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.Field)
		b.WriteString(": ")
		b.WriteString(ruleText(v.Rule, v.Param))
	}
	return b.String()
}

// Decode returns the error of a call to method (its full name) on the
// server at address as the exception it stands for: what the client
// interceptors return.
//
//   - nil, and an error that holds a zerofault exception already, are
//     returned as they are;
//   - a status a zerofault service made: [FromStatus]'s exception, with
//     method as its target;
//   - any other status: the generic exception of a failed remote call,
//     webexc's -60017 (_504RemoteRpcException: "The remote RPC call to
//     {0} at address {1} failed: {2}") with the HTTP status of its code
//     ([HTTPFromCode]: NotFound is a 404, Unavailable a 503). {2} is the
//     code's name, and for a client error (4xx) the status message
//     too; the message of a server error stays out of it, since it is
//     often an error's raw text, which a body must not repeat. The
//     status, whole, is its cause (a *[StatusDetails]): status.Code(err)
//     still answers the call's code, and logs get the message;
//   - an error that is not a status (an interceptor's own): as it is.
func Decode(method, address string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := errors.AsType[*webexc.WebException](err); ok {
		return err
	}
	st, ok := status.FromError(err)
	if !ok {
		return err
	}
	if exc, ok := fromStatus(st, zero.Target(method)); ok {
		return exc
	}
	httpStatus := HTTPFromCode(st.Code())
	summary := st.Code().String()
	if httpStatus < 500 && st.Message() != "" {
		summary += ": " + clip(st.Message())
	}
	e := webexc.NewRemoteRpc(zero.Target(method), method, address, errors.New(summary))
	e.SetStatus(httpStatus)
	e.SetCause(&StatusDetails{Status: st})
	return e
}

// clip cuts a remote message to httpfault.MaxEchoed bytes: it reaches a
// message another caller may read.
func clip(s string) string {
	if len(s) <= httpfault.MaxEchoed {
		return s
	}
	cut := httpfault.MaxEchoed
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// UnaryClientInterceptor returns the interceptor that decodes the error
// of every unary call ([Decode]), so that errors.Is, errors.As and the
// generated predicates hold across the call:
//
//	grpc.NewClient(target, grpc.WithChainUnaryInterceptor(grpcfault.UnaryClientInterceptor()))
//	…
//	if shoperr.IsAccountNotFound(err) { … }
func UnaryClientInterceptor() grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if err := invoker(ctx, method, req, reply, cc, opts...); err != nil {
			return Decode(method, cc.Target(), err)
		}
		return nil
	}
}

// StreamClientInterceptor returns the interceptor that decodes the
// errors of streaming calls: of opening the stream, and of every
// message received or sent on it (io.EOF, the end of a stream, is no
// status and stays as it is).
func StreamClientInterceptor() grpc.StreamClientInterceptor {
	return func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		cs, err := streamer(ctx, desc, cc, method, opts...)
		if err != nil {
			return nil, Decode(method, cc.Target(), err)
		}
		return &clientStream{ClientStream: cs, method: method, address: cc.Target()}, nil
	}
}

// clientStream decodes the errors of a client stream.
type clientStream struct {
	grpc.ClientStream
	method, address string
}

func (s *clientStream) RecvMsg(m any) error {
	return Decode(s.method, s.address, s.ClientStream.RecvMsg(m))
}

func (s *clientStream) SendMsg(m any) error {
	return Decode(s.method, s.address, s.ClientStream.SendMsg(m))
}

func (s *clientStream) CloseSend() error {
	return Decode(s.method, s.address, s.ClientStream.CloseSend())
}
