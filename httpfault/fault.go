package httpfault

import (
	"net/http"
	"unsafe"

	"github.com/go-playground/validator/v10"

	"github.com/zeroport/zerofault/internal/faultid"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// fault is one failure as the handler answers it: either a WebException
// found in the error (or made by Map), or one of the standard web
// exceptions, which the handler answers without building a WebException.
// A router's 404 is the commonest failure of all, and this way its
// message is formatted straight into the response buffer, its readable
// text only in the language asked for, and the exception costs no
// allocation. The response is the same as for the equivalent
// WebException; the tests compare the two.
type fault struct {
	err error            // as the handler received it
	h   *Handler         // answering it
	cat *catalog.Catalog // the snapshot every text of this failure comes from

	exc *webexc.WebException // the returned exception, or nil

	target zero.Target // where a standard exception arose
	media  string      // what the service reads, for a 415

	// A standard exception (exc == nil):
	plan   *plan // of cat and the handler's bundle
	kind   standard
	class  *webexc.Class
	stat   int
	entry  *catalog.Entry // E<code> of cat
	params [3]any
	np     int
	id     uint64 // from faultid, as a WebException's

	fields     validator.ValidationErrors // a validation failure's violations
	violations []Field                    // or violations explained already (FieldViolations)
	panic      *PanicError                // a recovered panic
}

// standard sets f to the standard exception kind with params (at most
// three). It reports false when the catalog has no template for the
// code (an application loaded catalogs WithoutFramework): the caller
// then builds a WebException, which reports ErrorMissing as every
// exception does.
func (f *fault) standard(kind standard, status int, params ...any) bool {
	if f.plan == nil {
		f.plan = f.h.plan(f.cat)
	}
	entry := f.plan.entry(kind)
	if entry == nil {
		return false
	}
	f.kind, f.class, f.entry = kind, kind.class(), entry
	f.stat = f.class.Status
	if status != 0 {
		f.stat = status
	}
	f.np = copy(f.params[:], params)
	f.id = faultid.Next()
	return true
}

func (f *fault) code() int {
	if f.exc != nil {
		return f.exc.Code()
	}
	return f.class.Code
}

// status is the HTTP status, 500 when it is not one net/http can write
// (SetStatus takes any int).
func (f *fault) status() int {
	s := f.stat
	if f.exc != nil {
		s = f.exc.Status()
	}
	if s < 100 || s > 999 {
		return http.StatusInternalServerError
	}
	return s
}

func (f *fault) className() string {
	if f.exc != nil {
		return f.exc.ClassName()
	}
	return f.class.Name
}

func (f *fault) targetName() zero.Target {
	if f.exc != nil {
		return f.exc.Target()
	}
	return f.target
}

func (f *fault) args() []any {
	if f.exc != nil {
		return f.exc.Params()
	}
	return f.params[:f.np]
}

// appendMessage appends the system message, and reports whether it
// needs no escaping in JSON (known from the template and params, see
// catalog.Template.JSONSafe). A
// standard template whose params do not fit it is written as its
// source, with the reason, as zero does for every exception.
func (f *fault) appendMessage(dst []byte) ([]byte, bool) {
	if f.exc != nil {
		return f.exc.AppendMessage(dst)
	}
	args := f.args()
	out, err := f.entry.AppendFormat(dst, args...)
	if err != nil {
		return zero.AppendMessage(dst, *f.entry, args), false
	}
	if f.stat != f.class.Status {
		zero.ReplaceStatusPrefix(out[len(dst):], f.stat)
	}
	return out, f.entry.JSONSafe(args...)
}

// logLine is the exception's Error(): Zero's log form.
func (f *fault) logLine() string {
	if f.exc != nil {
		return f.exc.Error()
	}
	b := zero.AppendLogPrefix(make([]byte, 0, 128), &f.class.Class, f.target)
	b, _ = f.appendMessage(b)
	return string(b)
}

// fixedInfo returns the readable text of a standard exception in lang,
// a Language of b, when no param changes it (see plan.info); nil
// otherwise.
func (f *fault) fixedInfo(b *readable.Bundle, lang readable.Language) *fixedInfo {
	if f.exc != nil || f.plan.bundle != b { // b was swapped since the plan was taken
		return nil
	}
	return f.plan.info(f.kind, lang)
}

// appendOwnReadable appends the readable text the exception has by
// itself: a WebException's Readable, or the catalog's readable text of a
// standard code formatted with its params, as webexc.Make would. It
// reports whether the text needs no escaping in JSON, as appendMessage.
func (f *fault) appendOwnReadable(dst []byte) ([]byte, bool) {
	if f.exc != nil {
		return f.exc.AppendReadable(dst)
	}
	if e := f.entry.Readable(); e != nil {
		args := f.args()
		if out, err := e.AppendFormat(dst, args...); err == nil {
			return out, e.JSONSafe(args...)
		}
	}
	return dst, true
}

// appendID writes the exception's own id into vals and returns it. A
// standard exception's id comes from the same source as a
// WebException's (package faultid): random, so that a client cannot
// count failures by them.
func (f *fault) appendID(vals *headerValues) string {
	var b []byte
	if f.exc != nil {
		b = f.exc.AppendID(vals.id[:0])
	} else {
		b = faultid.AppendHex(vals.id[:0], f.id)
	}
	// vals is never written again: the string may share its bytes, and
	// the id costs no allocation of its own.
	return unsafe.String(unsafe.SliceData(b), len(b))
}
