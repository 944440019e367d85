package echofault

import (
	"errors"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"github.com/zeroport/zerofault/httpfault"
)

// RecoverConfig configures the Recover middleware.
type RecoverConfig struct {
	// Skipper selects requests whose panics are left to propagate.
	// Default: skip nothing.
	Skipper middleware.Skipper

	// StackSize bounds the stack captured for a panic, in bytes.
	// Default 4 KiB; a negative size captures none.
	StackSize int
}

// DefaultRecoverConfig is the configuration Recover uses.
var DefaultRecoverConfig = RecoverConfig{
	Skipper:   middleware.DefaultSkipper,
	StackSize: httpfault.DefaultStackSize,
}

// Recover returns a middleware that turns panics into errors, as echo
// v5's own Recover does, returned up the chain to the error handler:
//
//	e.Use(echofault.Recover())
//
// A runtime exception raised with zero.Throw is returned as if the
// handler had returned it. Any other panic becomes a
// *httpfault.PanicError with its stack, which the ErrorHandler answers
// -60007, logging the value and stack and showing them to debug
// requests only. http.ErrAbortHandler is panicked again.
//
// A request that does not panic pays a deferred call and nothing else:
// no allocation.
func Recover() echo.MiddlewareFunc {
	return RecoverWithConfig(DefaultRecoverConfig)
}

// RecoverWithConfig returns a Recover middleware configured by cfg, or
// panics on a configuration it cannot serve.
func RecoverWithConfig(cfg RecoverConfig) echo.MiddlewareFunc {
	m, err := cfg.ToMiddleware()
	if err != nil {
		panic(err)
	}
	return m
}

// ToMiddleware returns the middleware cfg describes.
func (cfg RecoverConfig) ToMiddleware() (echo.MiddlewareFunc, error) {
	if cfg.Skipper == nil {
		cfg.Skipper = middleware.DefaultSkipper
	}
	if cfg.StackSize == 0 {
		cfg.StackSize = DefaultRecoverConfig.StackSize
	}
	if cfg.StackSize > 1<<20 {
		return nil, errors.New("echofault: RecoverConfig.StackSize over 1 MiB")
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) (err error) {
			if cfg.Skipper(c) {
				return next(c)
			}
			defer func() {
				if r := recover(); r != nil {
					var abort bool
					if err, abort = httpfault.Recovered(r, cfg.StackSize); abort {
						panic(r)
					}
				}
			}()
			return next(c)
		}
	}, nil
}
