package echofault

import (
	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/httpfault"
)

// RecoverConfig configures RecoverWithConfig.
type RecoverConfig struct {
	// Skipper selects requests whose panics are left to propagate.
	// Default: skip nothing.
	Skipper Skipper

	// StackSize bounds the stack captured for a panic, in bytes.
	// Default 4 KiB; a negative size captures none.
	StackSize int
}

// DefaultRecoverConfig is the configuration Recover uses.
var DefaultRecoverConfig = RecoverConfig{
	Skipper:   DefaultSkipper,
	StackSize: httpfault.DefaultStackSize,
}

// Recover returns a middleware that turns panics into answers:
//
//	e.Use(echofault.Recover())
//
// A runtime exception raised with zero.Throw is answered as if the
// handler had returned it. Any other panic becomes a *PanicError, with
// its stack, answered -60007 by the ErrorHandler, which logs the value and
// stack and shows them to debug requests only. http.ErrAbortHandler is
// panicked again: it is net/http's way to abort a response, not a crash.
// Both go to c.Error, so the error handler answers them while the
// response can still be written, as echo's own Recover does.
//
// A request that does not panic pays a deferred call and nothing else:
// no allocation.
func Recover() echo.MiddlewareFunc {
	return RecoverWithConfig(DefaultRecoverConfig)
}

// RecoverWithConfig returns a Recover middleware configured by cfg.
func RecoverWithConfig(cfg RecoverConfig) echo.MiddlewareFunc {
	if cfg.Skipper == nil {
		cfg.Skipper = DefaultSkipper
	}
	if cfg.StackSize == 0 {
		cfg.StackSize = DefaultRecoverConfig.StackSize
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if cfg.Skipper(c) {
				return next(c)
			}
			defer func() {
				if r := recover(); r != nil {
					err, abort := httpfault.Recovered(r, cfg.StackSize)
					if abort {
						panic(r)
					}
					c.Error(err)
				}
			}()
			return next(c)
		}
	}
}

// PanicError is a panic recovered by Recover, as the error handler gets
// it.
type PanicError = httpfault.PanicError
