package zero

import "reflect"

// Target names the place an exception arose: Zero's Class<?> caller. In
// Go it is a name rather than a type, because handlers are often closures
// and a name is what the log line shows; TargetOf derives one from a value.
type Target string

// TargetOf returns the name of v's type without package path or pointer
// marks, e.g. "UserHandler" for a *users.UserHandler, the Go counterpart
// of Zero's getSimpleName. It uses reflection, so compute it once (a
// package-level variable) rather than per request.
func TargetOf(v any) Target {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return ""
	}
	if name := t.Name(); name != "" {
		return Target(name)
	}
	return Target(t.String())
}

// String returns the target's name.
func (t Target) String() string { return string(t) }
