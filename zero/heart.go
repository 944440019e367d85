package zero

import (
	"errors"
	"strconv"

	"github.com/zeroport/zerofault/zero/catalog"
)

// The ten runtime exceptions of Zero's io.vertx.up.exception.heart, the
// framework's own low-level faults. Seven have codes and catalog
// templates; Argument, EmptyStream and LimeFile are uncoded, as in Zero.

// Codes of the coded heart exceptions.
const (
	CodeAptParameter   = -15000
	CodeDateFormat     = -15001
	CodeJexlExpression = -15002
	CodeErrorMissing   = -11003
	CodeJsonFormat     = -11004
	CodeOperation      = -11005
	CodePoolKeyNull    = -11008
)

var (
	classAptParameter   = &Class{Name: "AptParameterException", Family: FamilyRun, Code: CodeAptParameter}
	classArgument       = &Class{Name: "ArgumentException", Family: FamilyRun}
	classEmptyStream    = &Class{Name: "EmptyStreamException", Family: FamilyRun}
	classErrorMissing   = &Class{Name: "ErrorMissingException", Family: FamilyRun, Code: CodeErrorMissing}
	classJexlExpression = &Class{Name: "JexlExpressionException", Family: FamilyRun, Code: CodeJexlExpression}
	classLimeFile       = &Class{Name: "LimeFileException", Family: FamilyRun}
	classPoolKeyNull    = &Class{Name: "PoolKeyNullException", Family: FamilyRun, Code: CodePoolKeyNull}
	classDateFormat     = &Class{Name: "DateFormatException", Family: FamilyRun, Code: CodeDateFormat}
	classJsonFormat     = &Class{Name: "JsonFormatException", Family: FamilyRun, Code: CodeJsonFormat}
	classOperation      = &Class{Name: "OperationException", Family: FamilyRun, Code: CodeOperation}
)

// AptParameterException: an Apt comparison was given neither an old nor a
// new value.
type AptParameterException struct{ ZeroRunException }

// NewAptParameter returns an AptParameterException.
func NewAptParameter(target Target) *AptParameterException {
	return &AptParameterException{MakeRun(classAptParameter, target, nil)}
}

// IsAptParameter reports whether err is or wraps an AptParameterException.
func IsAptParameter(err error) bool { return is[*AptParameterException](err) }

// ArgumentException: a function was called with invalid arguments, e.g.
// the wrong number of them. It is uncoded; detail is the message.
type ArgumentException struct{ ZeroRunException }

// NewArgument returns an ArgumentException whose message is detail.
func NewArgument(target Target, detail string) *ArgumentException {
	return &ArgumentException{uncoded(classArgument, target, "Invalid argument: "+detail, detail)}
}

// IsArgument reports whether err is or wraps an ArgumentException.
func IsArgument(err error) bool { return is[*ArgumentException](err) }

// EmptyStreamException: a file could not be read, or had no content.
type EmptyStreamException struct{ ZeroRunException }

// NewEmptyStream returns an EmptyStreamException for filename.
func NewEmptyStream(target Target, filename string) *EmptyStreamException {
	return &EmptyStreamException{uncoded(classEmptyStream, target,
		"The file "+filename+" could not be read or is empty", filename)}
}

// IsEmptyStream reports whether err is or wraps an EmptyStreamException.
func IsEmptyStream(err error) bool { return is[*EmptyStreamException](err) }

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
	e.class, e.target, e.params = classErrorMissing, target, []any{strconv.Itoa(code)}
	// Not through init: if E11003 itself is missing, that must not recurse.
	if entry, ok := cat.Lookup(CodeErrorMissing); ok {
		e.message = formatEntry(entry, e.params)
	} else {
		e.message = "No message template is defined for error code " + strconv.Itoa(code)
	}
	return e
}

// MissingCode returns the code that had no template.
func (e *ErrorMissingException) MissingCode() int { return e.missingCode }

// IsErrorMissing reports whether err is or wraps an ErrorMissingException,
// which includes every exception whose code has no template.
func IsErrorMissing(err error) bool { return is[*ErrorMissingException](err) }

// JexlExpressionException: an expression could not be parsed or evaluated.
type JexlExpressionException struct{ ZeroRunException }

// NewJexlExpression returns a JexlExpressionException for expression,
// caused by cause (which may be nil).
func NewJexlExpression(target Target, expression string, cause error) *JexlExpressionException {
	reason := "<nil>"
	if cause != nil {
		reason = cause.Error()
	}
	e := &JexlExpressionException{MakeRun(classJexlExpression, target, []any{expression, reason})}
	e.SetCause(cause)
	return e
}

// IsJexlExpression reports whether err is or wraps a JexlExpressionException.
func IsJexlExpression(err error) bool { return is[*JexlExpressionException](err) }

// LimeFileException: a file named by the lime configuration does not exist.
type LimeFileException struct{ ZeroRunException }

// NewLimeFile returns a LimeFileException for filename.
func NewLimeFile(target Target, filename string) *LimeFileException {
	return &LimeFileException{uncoded(classLimeFile, target,
		"The lime file "+filename+" named in the configuration does not exist", filename)}
}

// IsLimeFile reports whether err is or wraps a LimeFileException.
func IsLimeFile(err error) bool { return is[*LimeFileException](err) }

// PoolKeyNullException: a pool was asked for an empty key.
type PoolKeyNullException struct{ ZeroRunException }

// NewPoolKeyNull returns a PoolKeyNullException.
func NewPoolKeyNull(target Target) *PoolKeyNullException {
	return &PoolKeyNullException{MakeRun(classPoolKeyNull, target, nil)}
}

// IsPoolKeyNull reports whether err is or wraps a PoolKeyNullException.
func IsPoolKeyNull(err error) bool { return is[*PoolKeyNullException](err) }

// DateFormatException: a date or time literal has an invalid format.
type DateFormatException struct{ ZeroRunException }

// NewDateFormat returns a DateFormatException for literal.
func NewDateFormat(target Target, literal string) *DateFormatException {
	return &DateFormatException{MakeRun(classDateFormat, target, []any{literal})}
}

// IsDateFormat reports whether err is or wraps a DateFormatException.
func IsDateFormat(err error) bool { return is[*DateFormatException](err) }

// JsonFormatException: content that should be JSON could not be read as
// JSON.
type JsonFormatException struct{ ZeroRunException }

// NewJsonFormat returns a JsonFormatException for filename.
func NewJsonFormat(target Target, filename string) *JsonFormatException {
	return &JsonFormatException{MakeRun(classJsonFormat, target, []any{filename})}
}

// IsJsonFormat reports whether err is or wraps a JsonFormatException.
func IsJsonFormat(err error) bool { return is[*JsonFormatException](err) }

// OperationException: a method invoked by name failed.
type OperationException struct{ ZeroRunException }

// NewOperation returns an OperationException for method of class.
func NewOperation(target Target, method string, class Target) *OperationException {
	return &OperationException{MakeRun(classOperation, target, []any{method, class})}
}

// IsOperation reports whether err is or wraps an OperationException.
func IsOperation(err error) bool { return is[*OperationException](err) }

// uncoded builds the runtime root of an uncoded exception whose message is
// given rather than catalogued.
func uncoded(class *Class, target Target, message string, params ...any) ZeroRunException {
	var e ZeroRunException
	e.class, e.target, e.params, e.message = class, target, params, message
	return e
}

// is reports whether err's chain holds an E.
func is[E error](err error) bool {
	var target E
	return errors.As(err, &target)
}
