package grpcfault

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	spb "google.golang.org/genproto/googleapis/rpc/status"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/types/known/anypb"
	"google.golang.org/protobuf/types/known/durationpb"

	"github.com/zeroport/zerofault/httpfault"
)

// The keys of the ErrorInfo metadata a zerofault status carries.
const (
	MetaCode   = "code"   // Zero's code, e.g. "-60010"
	MetaClass  = "class"  // Zero's class name, e.g. "_404ServiceNotFoundException"
	MetaStatus = "status" // the HTTP status the exception is answered with, e.g. "404"
)

// Reason returns the ErrorInfo reason of a code: its catalog key,
// "E60010" for -60010. It fits Google's form for reasons
// (UPPER_SNAKE_CASE, at most 63 characters) and names the template a
// reader looks up.
func Reason(code int) string {
	if code < 0 {
		code = -code
	}
	return "E" + strconv.Itoa(code)
}

// Details returns the status of an answer the core worked out for err:
// the code of a.Status ([CodeFromHTTP], or Options.Code), a.Message as
// the status message, and as details
//
//   - ErrorInfo: reason [Reason] (E<code>), the Options.Domain, and
//     metadata code, class and status ([MetaCode], [MetaClass],
//     [MetaStatus]), from which a client rebuilds the exception;
//   - LocalizedMessage: the readable text in the caller's language
//     (a.Info in a.Language), when there is one;
//   - BadRequest: one field violation per failed validation rule: the
//     field's path, the rule as reason (upper case, "MIN"), the rule and
//     its parameter as description ("min=2", as the message lists them)
//     and the rule's explanation as localized message;
//   - RequestInfo: the answer's id, as a body's "id";
//   - RetryInfo: when err holds a [RetryHint] with a positive delay, or,
//     for ResourceExhausted and Unavailable, when Options.RetryDelay is
//     set;
//   - DebugInfo: the panic's stack and the error chain, only when the
//     answer has debug details (Options.Debug allowed them).
func (h *Handler) Details(a *httpfault.Answer, err error) *status.Status {
	code := CodeFromHTTP(a.Status)
	if h.opts.Code != nil {
		if c, ok := h.opts.Code(a); ok && c != codes.OK {
			code = c
		}
	}
	p := &spb.Status{Code: int32(code), Message: string(a.Message), Details: make([]*anypb.Any, 0, 6)}
	p.Details = append(p.Details, h.errorInfo(a))
	add := func(m proto.Message) {
		// anypb.New fails only for a message that cannot be marshalled;
		// these are all plain generated ones.
		if x, err := anypb.New(m); err == nil {
			p.Details = append(p.Details, x)
		}
	}
	if len(a.Info) > 0 {
		add(&errdetails.LocalizedMessage{Locale: a.Language, Message: string(a.Info)})
	}
	if len(a.Fields) > 0 {
		br := &errdetails.BadRequest{FieldViolations: make([]*errdetails.BadRequest_FieldViolation, len(a.Fields))}
		for i, f := range a.Fields {
			v := &errdetails.BadRequest_FieldViolation{
				Field:       f.Field,
				Reason:      strings.ToUpper(f.Rule),
				Description: ruleText(f.Rule, f.Param),
			}
			if len(f.Info) > 0 {
				v.LocalizedMessage = &errdetails.LocalizedMessage{Locale: a.Language, Message: string(f.Info)}
			}
			br.FieldViolations[i] = v
		}
		add(br)
	}
	if a.ID != "" {
		add(&errdetails.RequestInfo{RequestId: a.ID})
	}
	if d := h.retryDelay(code, err); d > 0 {
		add(&errdetails.RetryInfo{RetryDelay: durationpb.New(d)})
	}
	if a.Debug != nil {
		add(&errdetails.DebugInfo{StackEntries: a.Debug.StackLines(), Detail: debugDetail(a.Debug)})
	}
	// FromProto copies p, so the cached ErrorInfo never reaches a caller.
	return status.FromProto(p)
}

// ruleText is a rule with its parameter as the validator writes it:
// "min=2", or "required".
func ruleText(rule, param string) string {
	if param == "" {
		return rule
	}
	return rule + "=" + param
}

// debugDetail is the text of a DebugInfo: target, class and the error
// chain, outermost first.
func debugDetail(d *httpfault.Debug) string {
	var b strings.Builder
	b.WriteString("target: ")
	b.WriteString(d.Target)
	b.WriteString("; class: ")
	b.WriteString(d.Class)
	if len(d.Causes) > 0 {
		b.WriteString("; causes: ")
		b.WriteString(strings.Join(d.Causes, " <- "))
	}
	return b.String()
}

// RetryHint is an error that knows when its operation may be tried
// again: a rate limiter's error, or an exception wrapped with
// [WithRetry]. A delay of 0 or less gives no advice.
type RetryHint interface {
	error
	RetryAfter() time.Duration
}

// WithRetry returns err with the advice to retry after d: the status
// that answers it carries a RetryInfo. errors.Is, errors.As and the
// exception's predicates see through it.
func WithRetry(err error, d time.Duration) error {
	if err == nil {
		return nil
	}
	return &retryError{err: err, after: d}
}

type retryError struct {
	err   error
	after time.Duration
}

func (e *retryError) Error() string             { return e.err.Error() }
func (e *retryError) Unwrap() error             { return e.err }
func (e *retryError) RetryAfter() time.Duration { return e.after }

// retryDelay is the delay the answer of err advises: the first positive
// RetryHint in err's tree, else Options.RetryDelay for the codes whose
// very meaning is "later".
func (h *Handler) retryDelay(code codes.Code, err error) time.Duration {
	if hint, ok := errors.AsType[RetryHint](err); ok {
		if d := hint.RetryAfter(); d > 0 {
			return d
		}
	}
	if code == codes.ResourceExhausted || code == codes.Unavailable {
		return h.opts.RetryDelay
	}
	return 0
}

// errorInfo returns the ErrorInfo of an answer, packed. It depends on
// the code, class and status alone, so each combination is marshalled
// once and kept: marshalling its metadata map is the dearest part of a
// status. Codes come from catalogs, so the table stays small;
// maxErrorInfos bounds it all the same.
func (h *Handler) errorInfo(a *httpfault.Answer) *anypb.Any {
	key := errorInfoKey{code: a.Code, status: a.Status, class: a.Class}
	if x, ok := h.errorInfos.Load(key); ok {
		return x.(*anypb.Any)
	}
	x, err := anypb.New(&errdetails.ErrorInfo{
		Reason: Reason(a.Code),
		Domain: h.opts.Domain,
		Metadata: map[string]string{
			MetaCode:   strconv.Itoa(a.Code),
			MetaClass:  a.Class,
			MetaStatus: strconv.Itoa(a.Status),
		},
	})
	if err != nil {
		// Only a message that cannot be marshalled fails, and this is a
		// plain one; an empty Any keeps the status well-formed.
		return &anypb.Any{}
	}
	if h.nErrorInfos.Add(1) <= maxErrorInfos {
		h.errorInfos.Store(key, x)
	}
	return x
}

type errorInfoKey struct {
	code, status int
	class        string
}

// maxErrorInfos bounds the packed ErrorInfos a Handler keeps.
const maxErrorInfos = 4096
