package zero

import (
	"strconv"

	"github.com/zeroport/zerofault/internal/errtree"
	"github.com/zeroport/zerofault/zero/catalog"
)

// Exception is the surface every zerofault exception shares.
type Exception interface {
	error
	// Code is the negative code whose template E<-code> gives the message;
	// 0 for the few uncoded runtime exceptions.
	Code() int
	// Target names where the exception arose.
	Target() Target
	// Params are the arguments the template was formatted with.
	Params() []any
	// Message is the formatted system message, without the log decoration
	// that Error adds.
	Message() string
	// ClassName is Zero's name of the exception's class, e.g.
	// "_404ServiceNotFoundException".
	ClassName() string
	// Unwrap returns the cause, if any.
	Unwrap() error
}

// Checked is a checked exception (Zero's ZeroException): it can only be
// returned. Only types embedding ZeroException satisfy it.
type Checked interface {
	Exception
	zeroChecked()
}

// Runtime is a runtime exception (Zero's ZeroRunException): it may be
// returned or raised with Throw. Only types embedding ZeroRunException
// satisfy it.
type Runtime interface {
	Exception
	zeroRuntime()
}

// The family words of Error(), one per root and family.
const (
	FamilyZero  = "Zero"  // checked root
	FamilyRun   = "Run"   // runtime root
	FamilyDemon = "Demon" // demon: checked, system
	FamilyUp    = "Up"    // up: runtime, system
	FamilyWeb   = "Web"   // webexc: runtime, business
)

// Class describes an exception class as a Zero subclass body does: its
// name, its family word and its code. Families and generated code keep one
// Class per type in a package variable.
type Class struct {
	Name   string // Zero's class name, e.g. "_404ServiceNotFoundException"
	Family string // the family word of Error(), e.g. FamilyWeb
	Code   int    // negative; 0 for an uncoded exception
}

// fault is the state every exception shares; the roots embed it.
type fault struct {
	class   *Class
	target  Target
	params  []any
	message string
	cause   error
	missing *ErrorMissingException // set when the catalog has no template for the code
}

func (f *fault) init(cat *catalog.Catalog, class *Class, target Target, params []any) {
	f.class, f.target, f.params = class, target, params
	if class.Code == 0 {
		return
	}
	entry, ok := cat.Lookup(class.Code)
	if !ok {
		f.missing = newErrorMissing(cat, target, class.Code)
		f.message = f.missing.message
		return
	}
	f.message = string(AppendMessage(nil, entry, params))
}

// AppendMessage appends the system message of a template formatted with
// params. When the params do not fit it (say, a string for {0,number}) it
// appends the template's source with the reason instead: an exception is
// being reported, and failing to report it would be worse.
func AppendMessage(dst []byte, e catalog.Entry, params []any) []byte {
	out, err := e.AppendFormat(dst, params...)
	if err != nil {
		out = append(dst, e.Source()...)
		out = append(out, " (unformatted: "...)
		out = append(out, err.Error()...)
		out = append(out, ')')
	}
	return out
}

// AppendLogPrefix appends the head of Zero's log form of an exception of
// class raised at target, "[ ERR-60007 ] ( UserHandler ) Web Error: ",
// which its message completes (see Error).
func AppendLogPrefix(dst []byte, class *Class, target Target) []byte {
	dst = append(dst, "[ ERR"...)
	if class.Code != 0 {
		dst = strconv.AppendInt(dst, int64(class.Code), 10)
	}
	dst = append(dst, " ] ( "...)
	dst = append(dst, target...)
	dst = append(dst, " ) "...)
	dst = append(dst, class.Family...)
	return append(dst, " Error: "...)
}

// StatusPrefix returns the HTTP status a message starts with in
// parentheses, as Zero's templates do ("(404) - …"), and whether it has
// one.
func StatusPrefix[Text []byte | string](msg Text) (int, bool) {
	if len(msg) < 5 || msg[0] != '(' || msg[4] != ')' {
		return 0, false
	}
	n := 0
	for _, c := range []byte(msg[1:4]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n >= 100 && n <= 599
}

// ReplaceStatusPrefix makes a message that starts with a status (see
// StatusPrefix) name status instead, in place: the status a client gets
// and the one its message names must agree. A message without the
// prefix, or a status outside 100…599, is left as it is.
func ReplaceStatusPrefix(msg []byte, status int) {
	if _, ok := StatusPrefix(msg); !ok || status < 100 || status > 599 {
		return
	}
	msg[1], msg[2], msg[3] = byte('0'+status/100), byte('0'+status/10%10), byte('0'+status%10)
}

// SetStatusPrefix makes the message's "(NNN)" prefix name status (see
// ReplaceStatusPrefix); the web family calls it when its status changes.
func (f *fault) SetStatusPrefix(status int) {
	if old, ok := StatusPrefix(f.message); !ok || old == status {
		return
	}
	b := []byte(f.message)
	ReplaceStatusPrefix(b, status)
	f.message = string(b)
}

// Code returns the exception's negative code, 0 when uncoded.
func (f *fault) Code() int { return f.class.Code }

// Target returns where the exception arose.
func (f *fault) Target() Target { return f.target }

// Params returns the params the message was formatted with. The slice is
// the exception's own; do not modify it.
func (f *fault) Params() []any { return f.params }

// Message returns the formatted system message.
func (f *fault) Message() string { return f.message }

// ClassName returns Zero's class name of the exception.
func (f *fault) ClassName() string { return f.class.Name }

// Error returns Zero's log form: "[ ERR-60007 ] ( UserHandler ) Web Error: <message>".
func (f *fault) Error() string {
	b := make([]byte, 0, 32+len(f.target)+len(f.message))
	b = AppendLogPrefix(b, f.class, f.target)
	b = append(b, f.message...)
	return string(b)
}

// Unwrap returns the cause given with SetCause. When the catalog had no
// template for the code it returns the *ErrorMissingException, whose own
// Unwrap then returns the cause.
func (f *fault) Unwrap() error {
	if f.missing != nil {
		return f.missing
	}
	return f.cause
}

// SetCause records the error that led to this one, for Unwrap.
func (f *fault) SetCause(err error) {
	if f.missing != nil {
		f.missing.cause = err
		return
	}
	f.cause = err
}

// Is reports whether target is an exception with the same code; uncoded
// exceptions match by class name. It makes errors.Is(err, other) true for
// any two instances of a code; the generated IsXxx predicates
// (webexc.IsServiceNotFound, say) ask the same without an instance.
func (f *fault) Is(target error) bool {
	t, ok := target.(interface{ zeroFault() *fault })
	if !ok {
		return false
	}
	tc := t.zeroFault().class
	if f.class.Code != 0 || tc.Code != 0 {
		return f.class.Code == tc.Code
	}
	return f.class.Name == tc.Name
}

func (f *fault) zeroFault() *fault { return f }

// ZeroException is the checked root. Embed it (by value) to define a
// checked family, as package demon does.
type ZeroException struct{ fault }

// ZeroRunException is the runtime root. Embed it (by value) to define a
// runtime family, as packages up and webexc do.
type ZeroRunException struct{ fault }

func (*ZeroException) zeroChecked()    {}
func (*ZeroRunException) zeroRuntime() {}

// NewChecked returns a checked exception of code formatted with params,
// for a code that belongs to no family; families use MakeChecked.
func NewChecked(target Target, code int, params ...any) *ZeroException {
	e := &ZeroException{}
	e.init(catalog.Current(), &Class{Name: "ZeroException", Family: FamilyZero, Code: code}, target, params)
	return e
}

// NewRun returns a runtime exception of code formatted with params.
func NewRun(target Target, code int, params ...any) *ZeroRunException {
	e := &ZeroRunException{}
	e.init(catalog.Current(), &Class{Name: "ZeroRunException", Family: FamilyRun, Code: code}, target, params)
	return e
}

// MakeChecked returns the checked root of an exception of class, with its
// message formatted from the catalog in force. Family packages and
// generated code embed its result.
func MakeChecked(class *Class, target Target, params []any) ZeroException {
	var e ZeroException
	e.init(catalog.Current(), class, target, params)
	return e
}

// MakeRun returns the runtime root of an exception of class, like
// MakeChecked.
func MakeRun(class *Class, target Target, params []any) ZeroRunException {
	return MakeRunIn(catalog.Current(), class, target, params)
}

// MakeRunIn is MakeRun with the message formatted from cat, for a family
// that reads more from the catalog (webexc's readable text) and must read
// it all from one snapshot, whatever Swap does meanwhile.
func MakeRunIn(cat *catalog.Catalog, class *Class, target Target, params []any) ZeroRunException {
	var e ZeroRunException
	e.init(cat, class, target, params)
	return e
}

// MakeRunMessage returns the runtime part of an exception of class whose
// message is already written: one that came from another process (an
// HTTP body, a gRPC status), which this one must not format again from
// its own catalog.
func MakeRunMessage(class *Class, target Target, message string) ZeroRunException {
	var e ZeroRunException
	e.class, e.target, e.message = class, target, message
	return e
}

// As lets errors.As find the runtime root inside any runtime exception.
func (e *ZeroRunException) As(target any) bool {
	if p, ok := target.(**ZeroRunException); ok {
		*p = e
		return true
	}
	return false
}

// As lets errors.As find the checked root inside any checked exception.
func (e *ZeroException) As(target any) bool {
	if p, ok := target.(**ZeroException); ok {
		*p = e
		return true
	}
	return false
}

// HasCode reports whether err, or any error in its tree (through Unwrap
// and errors.Join), is a zerofault exception of code. Generated predicates
// use it, so IsServiceNotFound(err) is true for a generated
// ServiceNotFoundException and for webexc.New(target, -60010) alike.
// Code 0 never matches: uncoded exceptions are told apart by type.
func HasCode(err error, code int) bool {
	if code == 0 {
		return false
	}
	for e := range errtree.All(err) {
		if f, ok := e.(interface{ zeroFault() *fault }); ok && f.zeroFault().class.Code == code {
			return true
		}
	}
	return false
}
