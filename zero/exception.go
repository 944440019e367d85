package zero

import (
	"strconv"
	"sync/atomic"

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

// Args holds an exception's params as its constructor received them,
// typed, until they are asked for. Generated constructors keep theirs in a
// small struct inside the exception's own allocation (see InitRun), so
// that an exception which is made, tested and dropped never boxes them
// into []any, nor formats a text.
type Args interface {
	// Params returns the params boxed, in template order: {0}, {1}, ….
	Params() []any
}

// paramList is the Args of the constructors that take the params boxed.
type paramList struct{ params []any }

func (p *paramList) Params() []any { return p.params }

// fault is the state every exception shares; the roots embed it.
//
// Its message is formatted lazily, the first time it is asked for, from
// the catalog snapshot captured at construction: the catalog in force
// then decides the text, whatever Swap does later. An exception that is
// made, tested (errors.Is, errors.As, HasCode, a generated predicate) and
// dropped formats nothing and boxes nothing. A message that is given as
// written (from another process, or uncoded) is stored formatted.
//
// Every exception pays for its size in allocated bytes, which is most of
// the cost of an error that is made and dropped: the fields are few words.
type fault struct {
	class  *Class
	target Target
	cat    *catalog.Catalog  // the snapshot the message is formatted from; nil: given as written
	tpl    *catalog.Template // the code's template in cat, found at construction; nil when missing
	args   Args              // the params, boxed only when asked for

	// next is what Unwrap returns: the cause or, when missing, the
	// *ErrorMissingException of the code, which unwraps to the cause.
	next    error
	status  int32 // the status the message's "(NNN)" names instead of its template's; 0: as formatted
	missing bool  // the catalog has no template for the code

	// texts holds the formatted message and the boxed params, a *texts:
	// stored at construction when the message is given, else on the first
	// Message or Params. The exception may be read from several goroutines
	// once returned, so it is read and stored atomically. atomic.Value
	// rather than atomic.Pointer, whose noCopy would forbid the families'
	// Make to return the root by value, as they must for generated types
	// to embed it: the copies are made before anyone reads it.
	texts atomic.Value
}

// texts is what a fault's message and params are once formatted or boxed.
type texts struct {
	params  []any
	message string
	safe    bool // message needs no escaping in JSON: see AppendMessage
}

// init captures cat, the snapshot the message will be formatted from. A
// missing template is found here (a map lookup, no formatting), so that
// Unwrap, errors.As and IsErrorMissing answer without formatting.
func (f *fault) init(cat *catalog.Catalog, class *Class, target Target, params []any, args Args) {
	f.class, f.target, f.cat, f.args = class, target, cat, args
	if args == nil && params != nil {
		f.args = &paramList{params}
	}
	if class.Code == 0 {
		return
	}
	if e, ok := cat.Lookup(class.Code); ok {
		f.tpl = e.Template
	} else {
		f.next, f.missing = newErrorMissing(cat, target, class.Code), true
	}
}

// given sets a message given as written, with the params it came with.
func (f *fault) given(message string, params []any) {
	f.texts.Store(&texts{params: params, message: message})
}

// boxed returns the params as []any, boxing typed ones.
func (f *fault) boxed() []any {
	if f.args == nil {
		return nil
	}
	return f.args.Params()
}

// rendered returns the message and params, formatting and boxing them on
// the first call. Goroutines racing on the first call each format; one
// result is kept, and all return it.
func (f *fault) rendered() *texts {
	if t, ok := f.texts.Load().(*texts); ok {
		return t
	}
	t := &texts{params: f.boxed()}
	if f.cat != nil {
		t.message, t.safe = f.format(t.params)
	}
	if !f.texts.CompareAndSwap(nil, t) {
		return f.texts.Load().(*texts)
	}
	return t
}

// format returns the message formatted from the snapshot with params,
// naming the status SetStatusPrefix gave it, and whether it needs no
// escaping in JSON (a template and params catalog.Template.JSONSafe
// vouches for, formatted without error). Its only allocation, as a
// rule, is the string: the catalog formats through a pooled buffer.
func (f *fault) format(params []any) (msg string, safe bool) {
	if f.missing {
		msg = f.next.(*ErrorMissingException).Message()
	} else if f.tpl != nil {
		var err error
		if msg, err = f.tpl.Format(params...); err != nil {
			msg = string(appendUnformatted(nil, f.tpl, err))
		} else {
			safe = f.tpl.JSONSafe(params...)
		}
	}
	if old, ok := StatusPrefix(msg); ok && f.status != 0 && old != int(f.status) {
		b := []byte(msg)
		ReplaceStatusPrefix(b, int(f.status)) // digits: as safe as before
		msg = string(b)
	}
	return msg, safe
}

// message returns the message: the one formatted already, else formatted
// now without keeping it, for Error: an exception that is only logged
// need not keep a copy.
func (f *fault) message() string {
	if t, ok := f.texts.Load().(*texts); ok {
		return t.message
	}
	if f.cat == nil {
		return ""
	}
	msg, _ := f.format(f.boxed())
	return msg
}

// AppendMessage appends the system message of a template formatted with
// params. When the params do not fit it (say, a string for {0,number}) it
// appends the template's source with the reason instead: an exception is
// being reported, and failing to report it would be worse.
func AppendMessage(dst []byte, e catalog.Entry, params []any) []byte {
	out, err := e.AppendFormat(dst, params...)
	if err != nil {
		return appendUnformatted(dst, e.Template, err)
	}
	return out
}

// appendUnformatted appends the template's source with the reason it
// could not be formatted.
func appendUnformatted(dst []byte, t *catalog.Template, err error) []byte {
	dst = append(dst, t.Source()...)
	dst = append(dst, " (unformatted: "...)
	dst = append(dst, err.Error()...)
	return append(dst, ')')
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
// A message not yet formatted gets the prefix when it is.
func (f *fault) SetStatusPrefix(status int) {
	if f.cat != nil {
		if status < 100 || status > 599 {
			return // ReplaceStatusPrefix would leave the message as it is
		}
		f.status = int32(status)
		f.texts = atomic.Value{} // formatted under the old status, if at all
		return
	}
	t, ok := f.texts.Load().(*texts)
	if !ok {
		return
	}
	if old, ok := StatusPrefix(t.message); !ok || old == status {
		return
	}
	b := []byte(t.message)
	ReplaceStatusPrefix(b, status)
	f.texts = atomic.Value{}
	f.given(string(b), t.params)
}

// Code returns the exception's negative code, 0 when uncoded.
func (f *fault) Code() int { return f.class.Code }

// Target returns where the exception arose.
func (f *fault) Target() Target { return f.target }

// Params returns the params the message is formatted with. The slice is
// the exception's own; do not modify it. Params kept typed are boxed on
// the first call.
func (f *fault) Params() []any {
	if p, ok := f.args.(*paramList); ok {
		return p.params
	}
	if f.args == nil && f.cat != nil {
		return nil
	}
	return f.rendered().params
}

// Message returns the system message: formatted on the first call (of
// Message or Params), from the catalog snapshot of the exception's
// construction, and the same string afterwards.
func (f *fault) Message() string { return f.rendered().message }

// AppendMessage appends Message to dst, and reports whether it needs no
// escaping inside a JSON string, known from its template and params
// without reading it (see catalog.Template.JSONSafe): writers of JSON
// bodies then copy it as it is. A message not formatted yet is formatted
// straight into dst and not kept, as for Error: an exception that is
// answered once and dropped costs no copy of its text. A message given as
// written (an exception rebuilt from another process) is never vouched
// for.
func (f *fault) AppendMessage(dst []byte) ([]byte, bool) {
	if t, ok := f.texts.Load().(*texts); ok {
		return append(dst, t.message...), t.safe
	}
	if f.cat == nil || f.missing {
		return append(dst, f.message()...), false
	}
	if _, boxed := f.args.(*paramList); f.args != nil && !boxed {
		// Typed params: boxing them is work Params would repeat for the
		// readable text; format once and keep it.
		t := f.rendered()
		return append(dst, t.message...), t.safe
	}
	if f.tpl == nil {
		return dst, false
	}
	params := f.boxed()
	out, err := f.tpl.AppendFormat(dst, params...)
	if err != nil {
		return append(dst, f.message()...), false
	}
	if f.status != 0 {
		ReplaceStatusPrefix(out[len(dst):], int(f.status)) // digits: as safe as before
	}
	return out, f.tpl.JSONSafe(params...)
}

// ReadableTemplate returns the readable text that e's catalog snapshot
// (see Snapshot) gives its code, found with its template when e was
// made; nil when there is none.
func ReadableTemplate(e Exception) *catalog.Template {
	if f, ok := e.(interface{ zeroFault() *fault }); ok {
		if t := f.zeroFault().tpl; t != nil {
			return t.Readable()
		}
	}
	return nil
}

// Snapshot returns the catalog e's message is formatted from: the one in
// force when e was made, whatever catalog.Swap did since; nil when its
// message was given as written (an exception rebuilt from another
// process). A family that reads more texts from the catalog (webexc's
// readable text) reads them from it too.
func Snapshot(e Exception) *catalog.Catalog {
	if f, ok := e.(interface{ zeroFault() *fault }); ok {
		return f.zeroFault().cat
	}
	return nil
}

// ClassName returns Zero's class name of the exception.
func (f *fault) ClassName() string { return f.class.Name }

// Error returns Zero's log form: "[ ERR-60007 ] ( UserHandler ) Web Error: <message>".
func (f *fault) Error() string {
	// Most log lines fit: then the one allocation is the string (and the
	// message, if it was not formatted yet).
	var buf [256]byte
	b := AppendLogPrefix(buf[:0], f.class, f.target)
	return string(append(b, f.message()...))
}

// Unwrap returns the cause given with SetCause. When the catalog had no
// template for the code it returns the *ErrorMissingException, whose own
// Unwrap then returns the cause.
func (f *fault) Unwrap() error { return f.next }

// SetCause records the error that led to this one, for Unwrap.
func (f *fault) SetCause(err error) {
	if f.missing {
		f.next.(*ErrorMissingException).next = err
		return
	}
	f.next = err
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
	e.init(catalog.Current(), &Class{Name: "ZeroException", Family: FamilyZero, Code: code}, target, params, nil)
	return e
}

// NewRun returns a runtime exception of code formatted with params.
func NewRun(target Target, code int, params ...any) *ZeroRunException {
	e := &ZeroRunException{}
	e.init(catalog.Current(), &Class{Name: "ZeroRunException", Family: FamilyRun, Code: code}, target, params, nil)
	return e
}

// MakeChecked returns the checked root of an exception of class, whose
// message is formatted, when asked for, from the catalog in force now.
// Family packages embed its result (generated constructors use
// InitChecked).
func MakeChecked(class *Class, target Target, params []any) ZeroException {
	var e ZeroException
	e.init(catalog.Current(), class, target, params, nil)
	return e
}

// InitChecked sets *e, a zero value inside an exception just allocated,
// to the checked root of an exception of class whose params args keeps
// typed (see Args; nil: none). Its message is formatted, when asked for,
// from the catalog in force now. Generated constructors call it: built in
// place, the root is not copied into the exception, which would cost a
// large share of making it.
func InitChecked(e *ZeroException, class *Class, target Target, args Args) {
	e.init(catalog.Current(), class, target, nil, args)
}

// MakeRun returns the runtime root of an exception of class, like
// MakeChecked.
func MakeRun(class *Class, target Target, params []any) ZeroRunException {
	return MakeRunIn(catalog.Current(), class, target, params)
}

// InitRun is InitChecked for a runtime root.
func InitRun(e *ZeroRunException, class *Class, target Target, args Args) {
	e.init(catalog.Current(), class, target, nil, args)
}

// MakeRunIn is MakeRun with the message formatted from cat, for a caller
// that reads more from one catalog snapshot and must read it all from the
// same, whatever Swap does meanwhile (see also Snapshot).
func MakeRunIn(cat *catalog.Catalog, class *Class, target Target, params []any) ZeroRunException {
	var e ZeroRunException
	e.init(cat, class, target, params, nil)
	return e
}

// MakeRunMessage returns the runtime part of an exception of class whose
// message is already written: one that came from another process (an
// HTTP body, a gRPC status), which this one must not format again from
// its own catalog.
func MakeRunMessage(class *Class, target Target, message string) ZeroRunException {
	var e ZeroRunException
	e.class, e.target = class, target
	e.given(message, nil)
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
	// The commonest case, a predicate asked of the exception itself,
	// answers without starting a walk.
	if f, ok := err.(interface{ zeroFault() *fault }); ok && f.zeroFault().class.Code == code {
		return true
	}
	for e := range errtree.All(err) {
		if f, ok := e.(interface{ zeroFault() *fault }); ok && f.zeroFault().class.Code == code {
			return true
		}
	}
	return false
}
