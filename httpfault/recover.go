package httpfault

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"runtime"

	"github.com/zeroport/zerofault/zero"
)

// DefaultStackSize bounds the stack captured for a panic, in bytes.
const DefaultStackSize = 4 << 10

// Recovered turns a value recovered from a panic into the error that
// answers it: a runtime exception raised with zero.Throw as itself, any
// other value as a *[PanicError] with up to stackSize bytes of the
// panicking goroutine's stack (none when stackSize is negative).
//
// abort reports http.ErrAbortHandler, also wrapped: net/http's way to
// abort a response, not a crash. The caller must panic with r again.
//
// Call it in the deferred function that recovered, so that the stack is
// the panic's.
func Recovered(r any, stackSize int) (err error, abort bool) {
	if err, ok := zero.Recovered(r); ok {
		return err, false
	}
	if r == http.ErrAbortHandler {
		return nil, true
	}
	if e, ok := r.(error); ok && errors.Is(e, http.ErrAbortHandler) {
		return nil, true
	}
	p := &PanicError{Value: r}
	if stackSize == 0 {
		stackSize = DefaultStackSize
	}
	if stackSize > 0 {
		buf := make([]byte, stackSize)
		p.Stack = trimStack(buf[:runtime.Stack(buf, false)])
	}
	return p, false
}

// trimStack drops the frames of the recovery itself (the deferred
// function and runtime's panic), so that the stack starts with the
// function that panicked, under the goroutine's header line.
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

// PanicError is a recovered panic, as the error handler gets it. Its
// value and stack go to the log, and to the debug member of a response
// when the request may see it; never to a production body.
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
