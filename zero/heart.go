package zero

import (
	"errors"
	"strconv"

	"github.com/zeroport/zerofault/zero/catalog"
)

// The ten runtime exceptions of Zero's io.vertx.up.exception.heart, the
// framework's own low-level faults, are declared in exceptions.yml and
// generated into exceptions_gen.go, all but ErrorMissingException: the
// catalog machinery raises that one itself (see fault.init), so it is
// written by hand here.

// CodeErrorMissing is the code of ErrorMissingException.
const CodeErrorMissing = -11003

var classErrorMissing = &Class{Name: "ErrorMissingException", Family: FamilyRun, Code: CodeErrorMissing}

// ErrorMissingException: the catalog has no template for a code. Every
// exception whose code is not catalogued carries one (see Unwrap), so a
// missing template is reported, never a panic.
type ErrorMissingException struct {
	ZeroRunException
	missingCode int
}

// NewErrorMissing returns an ErrorMissingException for the code that has
// no template.
func NewErrorMissing(target Target, code int) *ErrorMissingException {
	return newErrorMissing(catalog.Current(), target, code)
}

func newErrorMissing(cat *catalog.Catalog, target Target, code int) *ErrorMissingException {
	// Zero passes String.valueOf(code): a number would be grouped ("-11,003").
	e := &ErrorMissingException{missingCode: code}
	params := []any{strconv.Itoa(code)}
	e.class, e.target = classErrorMissing, target
	// Not through init: if E11003 itself is missing, that must not recurse.
	if t, ok := cat.Lookup(CodeErrorMissing); ok {
		e.cat, e.tpl, e.args = cat, t.Template, &paramList{params} // formatted when asked for, as any message
	} else {
		e.given("No message template is defined for error code "+strconv.Itoa(code), params)
	}
	return e
}

// MissingCode returns the code that had no template.
func (e *ErrorMissingException) MissingCode() int { return e.missingCode }

// IsErrorMissing reports whether err is or wraps an ErrorMissingException,
// which includes every exception whose code has no template.
func IsErrorMissing(err error) bool {
	_, ok := errors.AsType[*ErrorMissingException](err)
	return ok
}

// uncoded builds the runtime root of an uncoded exception whose message is
// given rather than catalogued.
func uncoded(class *Class, target Target, message string, params ...any) ZeroRunException {
	var e ZeroRunException
	e.class, e.target = class, target
	e.given(message, params)
	return e
}
