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

	"github.com/zeroport/zerofault/internal/faultid"
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
// Reading it (Message, Readable, Error, AppendJSON) from several
// goroutines is safe: its texts are formatted when read, from the catalog
// snapshot of its construction, the message once and then kept.
type WebException struct {
	zero.ZeroRunException
	status int
	id     uint64 // from package faultid
	given  *given // nil unless SetReadable, SetID or Rebuild gave a text
}

// Make returns the WebException part of an exception of class, for a
// type that embeds it. Its message and readable text are formatted when
// first asked for, from the catalog in force now. (Generated constructors
// use Init.)
func Make(class *Class, target zero.Target, params []any) WebException {
	return WebException{ZeroRunException: zero.MakeRun(&class.Class, target, params), status: statusOf(class), id: faultid.Next()}
}

// Init sets *w, a zero value inside an exception just allocated, to the
// WebException part of an exception of class whose params args keeps
// typed (see zero.Args; nil: none), as Make does. Generated constructors
// call it, so that an exception that is made, tested and dropped costs
// its one allocation and no copy.
func Init(w *WebException, class *Class, target zero.Target, args zero.Args) {
	zero.InitRun(&w.ZeroRunException, &class.Class, target, args)
	w.status, w.id = statusOf(class), faultid.Next()
}

// statusOf returns the status of class's exceptions.
func statusOf(class *Class) int {
	if class.Status == 0 {
		return DefaultStatus
	}
	return class.Status
}

// New returns a WebException of code: the family's base, not a
// generated type (use the generated constructors, which type the params,
// for that). Its status is the registered class's (every generated class
// registers itself), else the one its template names, as Zero's do
// ("(404) - …"), else DefaultStatus.
func New(target zero.Target, code int, params ...any) *WebException {
	class := &Class{Class: zero.Class{Name: "WebException", Family: zero.FamilyWeb, Code: code}}
	e := &WebException{ZeroRunException: zero.MakeRun(&class.Class, target, params), status: DefaultStatus, id: faultid.Next()}
	if r, ok := Lookup(code); ok && r.Class.Status != 0 {
		e.status = r.Class.Status
	} else if s, ok := templateStatus(zero.Snapshot(e), code); ok {
		e.status = s
	} else if s, ok := zero.StatusPrefix(e.Message()); ok {
		e.status = s
	}
	return e
}

// templateStatus returns the status the template of code names in its
// first five characters, "(404)", read from its source when formatting
// cannot change them; it reports false when it cannot tell without
// formatting (a placeholder or a quote among them) or there is no
// template.
func templateStatus(cat *catalog.Catalog, code int) (int, bool) {
	entry, ok := cat.Lookup(code)
	if !ok {
		return 0, false
	}
	src := entry.Source()
	head := src[:min(5, len(src))]
	if strings.ContainsAny(head, `{'\`) {
		return 0, false
	}
	if s, ok := zero.StatusPrefix(src); ok {
		return s, true
	}
	return DefaultStatus, true
}

// Status returns the HTTP status the exception is answered with.
func (e *WebException) Status() int { return e.status }

// StatusCode returns Status: it makes a WebException an Echo v5
// HTTPStatusCoder, so that echo's own error handler, its RequestLogger
// and any library that asks an error for its status get the right one.
func (e *WebException) StatusCode() int { return e.status }

// Readable returns the text for end users, "" when there is none: the
// readable text of the code in the catalog snapshot of the exception's
// construction, formatted with its params, unless SetReadable or Rebuild
// gave one. It is formatted on each call (AppendJSON formats it straight
// into its buffer): an exception is rendered once, as a rule.
func (e *WebException) Readable() string {
	if g := e.given; g != nil && g.hasReadable {
		return g.readable
	}
	entry, ok := e.readableEntry()
	if !ok {
		return ""
	}
	s, err := entry.Format(e.Params()...)
	if err != nil {
		return ""
	}
	return s
}

// AppendReadable appends Readable to dst, and reports whether the text
// needs no escaping inside a JSON string, known from its template and
// params without reading it (see catalog.Template.JSONSafe): writers of
// JSON bodies then copy it as it is. A text given with SetReadable, or
// rebuilt from another process's answer, is never vouched for.
func (e *WebException) AppendReadable(dst []byte) (out []byte, jsonSafe bool) {
	if g := e.given; g != nil && g.hasReadable {
		return append(dst, g.readable...), false
	}
	entry, ok := e.readableEntry()
	if !ok {
		return dst, true
	}
	params := e.Params()
	out, err := entry.AppendFormat(dst, params...)
	if err != nil {
		return dst, true
	}
	return out, entry.JSONSafe(params...)
}

// Remote reports whether the exception was rebuilt from another
// process's answer (Rebuild): its texts are as that process wrote them,
// in the language it chose, and it has no params to format a text in
// another language with.
func (e *WebException) Remote() bool { return e.given != nil && e.given.remote }

// appendReadable appends the readable text (see Readable) to dst.
func (e *WebException) appendReadable(dst []byte) []byte {
	out, _ := e.AppendReadable(dst)
	return out
}

// readableEntry returns the readable text of the code in the exception's
// catalog snapshot, which it found with the code's template.
func (e *WebException) readableEntry() (*catalog.Template, bool) {
	t := zero.ReadableTemplate(e)
	return t, t != nil
}

// setReadable gives the readable text as written.
func (e *WebException) setReadable(text string) {
	g := e.give()
	g.readable, g.hasReadable = text, true
}

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
	if strings.ContainsRune(text, '{') || strings.ContainsRune(text, '\'') {
		if t, err := catalog.Compile(catalog.Current().Locale(), text); err == nil {
			if s, err := t.Format(e.Params()...); err == nil {
				text = s
			}
		}
	}
	e.setReadable(text)
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
