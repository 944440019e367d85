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

// Make returns the UpException part of an exception of class, with its
// message formatted from the catalog in force. Generated constructors
// embed its result.
func Make(class *zero.Class, target zero.Target, params []any) UpException {
	return UpException{zero.MakeRun(class, target, params)}
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
