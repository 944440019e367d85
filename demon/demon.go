// Package demon is the DemonException family: checked system exceptions
// (Zero's io.vertx.up.exception.demon). They are returned, never thrown:
// DemonException embeds zero.ZeroException, so zero.Throw rejects it at
// compile time.
//
// The concrete exceptions of the family are generated from the catalog
// (see package gen); each embeds DemonException.
package demon

import "github.com/zeroport/zerofault/zero"

// DemonException is the base of the family. Find it in any error chain
// with errors.As(err, &d) where d is a *DemonException.
type DemonException struct{ zero.ZeroException }

// Make returns the DemonException part of an exception of class, whose
// message is formatted, when asked for, from the catalog in force now,
// for a type that embeds it. (Generated constructors use Init.)
func Make(class *zero.Class, target zero.Target, params []any) DemonException {
	return DemonException{zero.MakeChecked(class, target, params)}
}

// Init sets *e, a zero value inside an exception just allocated, to
// the DemonException part of an exception of class whose params args keeps
// typed (see zero.Args; nil: none), as Make does. Generated constructors
// call it.
func Init(e *DemonException, class *zero.Class, target zero.Target, args zero.Args) {
	zero.InitChecked(&e.ZeroException, class, target, args)
}

// New returns a DemonException of code for a code that has no generated
// type of its own.
func New(target zero.Target, code int, params ...any) *DemonException {
	e := Make(&zero.Class{Name: "DemonException", Family: zero.FamilyDemon, Code: code}, target, params)
	return &e
}

// As lets errors.As find the family base inside a concrete exception.
func (e *DemonException) As(target any) bool {
	if p, ok := target.(**DemonException); ok {
		*p = e
		return true
	}
	return e.ZeroException.As(target)
}
