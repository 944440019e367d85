package zero

import "errors"

// Throw raises a runtime exception with panic, for code deep in a call
// chain that cannot return it; a boundary recovers it with Catch (or the
// Echo middleware does). Throw takes a Runtime, so passing a checked
// exception does not compile.
func Throw(e Runtime) {
	panic(e)
}

// Catch recovers a runtime exception raised with Throw (or a panic whose
// value is an error wrapping one) and stores it in *errp. Any other panic
// continues unchanged. Call it deferred, directly:
//
//	func Handle() (err error) {
//		defer zero.Catch(&err)
//		...
//	}
func Catch(errp *error) {
	r := recover()
	if r == nil {
		return
	}
	if err, ok := Recovered(r); ok {
		*errp = err
		return
	}
	panic(r)
}

// Try runs fn and returns the runtime exception it threw, or nil. Other
// panics continue.
func Try(fn func()) (err error) {
	defer Catch(&err)
	fn()
	return nil
}

// Recovered reports whether a value obtained from recover() carries a
// runtime exception, and returns it as an error. Boundaries that recover
// everything themselves (like an HTTP middleware) use it to tell a thrown
// exception from a crash.
func Recovered(r any) (error, bool) {
	err, ok := r.(error)
	if !ok {
		return nil, false
	}
	var rt Runtime
	if errors.As(err, &rt) {
		return err, true
	}
	return nil, false
}
