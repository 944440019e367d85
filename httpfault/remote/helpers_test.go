package remote_test

import (
	"errors"
	"reflect"

	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// ensureRegistered registers the classes of samples, generated
// exceptions, as their generated packages will once gen registers every
// class it declares: by code, with the class's name, status and import
// path, and a Wrap that builds the sample's concrete type. A code
// already registered is left alone, so that the generated registration,
// when it lands, is the one the tests run against.
func ensureRegistered(samples ...error) {
	for _, s := range samples {
		w, ok := errors.AsType[*webexc.WebException](s)
		if !ok {
			panic("not a web exception: " + s.Error())
		}
		if _, known := webexc.Lookup(w.Code()); known {
			continue
		}
		typ := reflect.TypeOf(s).Elem() // a struct embedding WebException
		webexc.Register(webexc.Registration{
			Class:   &webexc.Class{Class: zero.Class{Name: w.ClassName(), Family: zero.FamilyWeb, Code: w.Code()}, Status: w.Status()},
			Package: typ.PkgPath(),
			Wrap: func(w webexc.WebException) error {
				// One allocation, as the generated &XxxException{w} makes.
				v := reflect.New(typ)
				*v.Elem().Field(0).Addr().Interface().(*webexc.WebException) = w
				return v.Interface().(error)
			},
		})
	}
}
