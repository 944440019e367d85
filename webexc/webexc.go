// Package webexc is the WebException family: runtime business exceptions,
// the errors HTTP handlers return (Zero's io.vertx.up.exception.web).
//
// A WebException carries, beyond what every zerofault exception has
// (code, target, params, system message), an HTTP status (400 unless the
// class says otherwise), a readable text for end users and an id that
// correlates the response a client saw with the log line:
//
//	return webexc.NewServiceNotFound(target, path, method) // -60010, status 404
//
// The system message comes from the template E<code> of the catalog in
// force; the readable text from the readable overlay keyed by the bare
// code, formatted with the same params. Its JSON form is
//
//	{"id":"…","code":-60010,"message":"…","info":"…"}
//
// with "info" only when the readable text is not blank.
//
// The concrete exceptions of the family (ServiceNotFoundException,
// UnauthorizedException, …) are declared in exceptions.yml and generated
// into exceptions_gen.go, each with a constructor NewXxx that knows its
// class's status and a predicate IsXxx; each embeds WebException.
// New(target, code, params...) remains for codes without a generated type,
// and answers with DefaultStatus unless SetStatus says otherwise.
package webexc

import (
	"net/http"
	"strings"

	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// DefaultStatus is the status of a WebException whose class names none,
// as in Zero.
const DefaultStatus = http.StatusBadRequest

// Class describes a WebException class: Zero's class with its status.
type Class struct {
	zero.Class
	Status int // HTTP status; 0 means DefaultStatus
}

// WebException is the base of the family. Find it in any error chain with
// errors.As(err, &w) where w is a *WebException.
//
// Build, configure (SetStatus, SetReadable, SetID, SetCause) and then
// return it; it is not safe to modify once shared between goroutines.
type WebException struct {
	zero.ZeroRunException
	status   int
	readable string
	id       id
	remote   bool // rebuilt from another process's answer (Rebuild)
}

// Make returns the WebException part of an exception of class: its
// message and readable text are formatted from the catalog in force.
// Generated constructors embed its result.
func Make(class *Class, target zero.Target, params []any) WebException {
	cat := catalog.Current()
	e := WebException{ZeroRunException: zero.MakeRunIn(cat, &class.Class, target, params), status: class.Status, id: newID()}
	if e.status == 0 {
		e.status = DefaultStatus
	}
	if entry, ok := cat.Readable(class.Code); ok {
		if text, err := entry.Format(params...); err == nil {
			e.readable = text
		}
	}
	return e
}

// New returns a WebException of code: the family's base, not a
// generated type (use the generated constructors, which type the params,
// for that). Its status is the registered class's (every generated class
// registers itself), else the one its template names, as Zero's do
// ("(404) - …"), else DefaultStatus.
func New(target zero.Target, code int, params ...any) *WebException {
	e := Make(&Class{Class: zero.Class{Name: "WebException", Family: zero.FamilyWeb, Code: code}}, target, params)
	if r, ok := Lookup(code); ok && r.Class.Status != 0 {
		e.status = r.Class.Status
	} else if s, ok := zero.StatusPrefix(e.Message()); ok {
		e.status = s
	}
	return &e
}

// Status returns the HTTP status the exception is answered with.
func (e *WebException) Status() int { return e.status }

// StatusCode returns Status: it makes a WebException an Echo v5
// HTTPStatusCoder, so that echo's own error handler, its RequestLogger
// and any library that asks an error for its status get the right one.
func (e *WebException) StatusCode() int { return e.status }

// Readable returns the text for end users, "" when there is none.
func (e *WebException) Readable() string { return e.readable }

// Remote reports whether the exception was rebuilt from another
// process's answer (Rebuild): its texts are as that process wrote them,
// in the language it chose, and it has no params to format a text in
// another language with.
func (e *WebException) Remote() bool { return e.remote }

// ID returns the exception's id: unique within the process, and unlikely
// to repeat across processes, unless SetID replaced it.
func (e *WebException) ID() string { return e.id.String() }

// SetStatus sets the HTTP status, as Zero's setStatus does. A message
// that starts with a status, as Zero's templates do ("(400) - …"), is
// made to name the new one: what a client reads and the status it gets
// agree.
func (e *WebException) SetStatus(status int) *WebException {
	e.status = status
	e.SetStatusPrefix(status)
	return e
}

// SetReadable sets the readable text. Like Zero's setReadible, text is a
// template formatted with the exception's params (MessageFormat, or slf4j
// when it contains "{}"). A template that does not compile or format is
// kept as written. Text that is fixed belongs in a readable overlay,
// where it is compiled once at load.
func (e *WebException) SetReadable(text string) *WebException {
	e.readable = text
	if strings.ContainsRune(text, '{') || strings.ContainsRune(text, '\'') {
		if t, err := catalog.Compile(catalog.Current().Locale(), text); err == nil {
			if s, err := t.Format(e.Params()...); err == nil {
				e.readable = s
			}
		}
	}
	return e
}

// SetID replaces the id, e.g. with the request id a gateway assigned;
// SetID("") restores the generated one.
func (e *WebException) SetID(text string) *WebException {
	e.id.text = text
	return e
}

// WithCause records the error that led to this one (see Unwrap) and
// returns e, for use in a return statement.
func (e *WebException) WithCause(err error) *WebException {
	e.SetCause(err)
	return e
}

// Web returns e: a generated type embeds WebException, and Web is how
// code that holds one as an error reaches its base without errors.As,
// whose target would cost an allocation on a hot path.
func (e *WebException) Web() *WebException { return e }

// As lets errors.As find the family base inside a concrete exception.
func (e *WebException) As(target any) bool {
	if p, ok := target.(**WebException); ok {
		*p = e
		return true
	}
	return e.ZeroRunException.As(target)
}
