// Package up is the UpException family: runtime system exceptions (Zero's
// io.vertx.zero.exception and related packages), raised by the framework
// itself. Being runtime exceptions they may be returned or thrown with
// zero.Throw.
//
// The concrete exceptions of the family are generated from the catalog
// (see package gen); each embeds UpException.
package up

import "github.com/zeroport/zerofault/zero"

// UpException is the base of the family. Find it in any error chain with
// errors.As(err, &u) where u is a *UpException.
type UpException struct{ zero.ZeroRunException }

// Make returns the UpException part of an exception of class, whose
// message is formatted, when asked for, from the catalog in force now,
// for a type that embeds it. (Generated constructors use Init.)
func Make(class *zero.Class, target zero.Target, params []any) UpException {
	return UpException{zero.MakeRun(class, target, params)}
}

// Init sets *e, a zero value inside an exception just allocated, to
// the UpException part of an exception of class whose params args keeps
// typed (see zero.Args; nil: none), as Make does. Generated constructors
// call it.
func Init(e *UpException, class *zero.Class, target zero.Target, args zero.Args) {
	zero.InitRun(&e.ZeroRunException, class, target, args)
}

// New returns an UpException of code for a code that has no generated
// type of its own.
func New(target zero.Target, code int, params ...any) *UpException {
	e := Make(&zero.Class{Name: "UpException", Family: zero.FamilyUp, Code: code}, target, params)
	return &e
}

// As lets errors.As find the family base inside a concrete exception.
func (e *UpException) As(target any) bool {
	if p, ok := target.(**UpException); ok {
		*p = e
		return true
	}
	return e.ZeroRunException.As(target)
}
