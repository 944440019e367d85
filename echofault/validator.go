package echofault

import (
	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/httpfault"
)

// Validator is an echo.Validator backed by go-playground/validator that
// names fields by their JSON names; see httpfault.Validator.
type Validator = httpfault.Validator

// NewValidator returns a Validator whose errors name each field by its
// `json` tag (the Go field name when there is none, or it is "-").
func NewValidator() *Validator { return httpfault.NewValidator() }

// Rules holds the texts that explain failed validation rules; see
// httpfault.Rules.
type Rules = httpfault.Rules

// DefaultRules returns the framework's rule texts.
func DefaultRules() *Rules { return httpfault.DefaultRules() }

// NewRules returns the framework's rule texts extended, and overridden
// where they overlap, by texts; see httpfault.NewRules.
func NewRules(texts map[string]map[string]string) (*Rules, error) { return httpfault.NewRules(texts) }

// DebugToken returns a Debug predicate that is true for requests whose
// header carries token, compared in constant time; an empty token never
// matches. See httpfault.DebugToken.
func DebugToken(header, token string) func(echo.Context) bool {
	p := httpfault.DebugToken(header, token)
	return func(c echo.Context) bool { return p(c.Request()) }
}

var _ echo.Validator = (*Validator)(nil)
