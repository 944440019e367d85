package echofault

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"runtime"

	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/zero"
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
	StackSize: 4 << 10,
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
					cfg.recovered(c, r)
				}
			}()
			return next(c)
		}
	}
}

// recovered hands a recovered value to the error handler.
func (cfg *RecoverConfig) recovered(c echo.Context, r any) {
	if err, ok := zero.Recovered(r); ok {
		c.Error(err)
		return
	}
	if r == http.ErrAbortHandler {
		panic(r)
	}
	if err, ok := r.(error); ok && errors.Is(err, http.ErrAbortHandler) {
		panic(r)
	}
	p := &PanicError{Value: r}
	if cfg.StackSize > 0 {
		buf := make([]byte, cfg.StackSize)
		p.Stack = trimStack(buf[:runtime.Stack(buf, false)])
	}
	c.Error(p)
}

// trimStack drops the frames of the recovery itself (this package's
// deferred function and runtime's panic), so that the stack starts with
// the function that panicked, under the goroutine's header line.
func trimStack(stack []byte) []byte {
	header, rest, ok := bytes.Cut(stack, []byte("\n"))
	if !ok {
		return stack
	}
	i := bytes.Index(rest, []byte("\npanic("))
	if i < 0 {
		if !bytes.HasPrefix(rest, []byte("panic(")) {
			return stack
		}
		i = -1
	}
	// Skip the panic( line and its file line.
	after := rest[i+1:]
	for range 2 {
		_, after, ok = bytes.Cut(after, []byte("\n"))
		if !ok {
			return stack
		}
	}
	out := append(header, '\n')
	return append(out, after...)
}

// PanicError is a panic recovered by Recover, as the error handler gets
// it.
type PanicError struct {
	Value any    // what was passed to panic
	Stack []byte // the panicking goroutine's stack, possibly truncated
}

// Error returns "panic: " and the value.
func (p *PanicError) Error() string { return fmt.Sprintf("panic: %v", p.Value) }

// Unwrap returns the value when it is an error.
func (p *PanicError) Unwrap() error {
	err, _ := p.Value.(error)
	return err
}
