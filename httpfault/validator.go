package httpfault

import (
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"
)

// Validator validates structs with go-playground/validator and names
// fields as clients know them: by their JSON names. It is the
// echo.Validator of Echo v4 and v5 alike; with net/http, call Validate
// and return its error. The error handler turns what it returns into a
// -60000 response listing every violation:
//
//	e.Validator = httpfault.NewValidator()
//	…
//	if err := c.Validate(&req); err != nil {
//		return err
//	}
type Validator struct {
	// Engine is the underlying validator, for registering custom rules
	// (give them texts with [NewRules]).
	Engine *validator.Validate
}

// NewValidator returns a Validator whose errors name each field by its
// `json` tag (the Go field name when there is none, or it is "-").
func NewValidator() *Validator {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(jsonName)
	return &Validator{Engine: v}
}

// jsonName is read once per struct type: validator caches it.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// Validate validates a struct; its error is validator.ValidationErrors
// when a rule failed, as returned, so the ErrorHandler sees every
// violation.
func (v *Validator) Validate(i any) error {
	return v.Engine.Struct(i)
}

// fieldPath returns a violation's field as a client addresses it: the
// namespace without the root struct's name ("address.city",
// "items[2].name"), or the field name when there is no namespace.
func fieldPath(fe validator.FieldError) string {
	ns := fe.Namespace()
	if i := strings.IndexByte(ns, '.'); i >= 0 && i+1 < len(ns) {
		return ns[i+1:]
	}
	return fe.Field()
}

// summary lists violations for the -60000 system message, e.g.
// "name: required; age: min=18".
func summary(ve validator.ValidationErrors) string {
	var b strings.Builder
	b.Grow(24 * len(ve))
	for i, fe := range ve {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(clip(fieldPath(fe)))
		b.WriteString(": ")
		b.WriteString(fe.Tag())
		if p := fe.Param(); p != "" {
			b.WriteByte('=')
			b.WriteString(clip(p))
		}
	}
	return b.String()
}
