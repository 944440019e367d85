// Package errtree walks error trees: one walk, bounded in depth, for
// every package of the module that looks through wrapped errors.
package errtree

import "iter"

// MaxDepth bounds a walk, against an error that wraps itself.
const MaxDepth = 64

// All yields err and every error it wraps, depth first, outermost first:
// the order errors.Is and errors.As search in. Errors nested deeper than
// MaxDepth are not reached.
func All(err error) iter.Seq[error] {
	return func(yield func(error) bool) {
		walk(err, 0, yield)
	}
}

// walk yields the tree under err; false when yield asked to stop.
func walk(err error, depth int, yield func(error) bool) bool {
	for ; err != nil && depth < MaxDepth; depth++ {
		if !yield(err) {
			return false
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				if !walk(inner, depth+1, yield) {
					return false
				}
			}
			return true
		default:
			return true
		}
	}
	return true
}
