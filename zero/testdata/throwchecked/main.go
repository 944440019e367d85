// This program must not compile: zero.Throw takes only runtime exceptions,
// and a checked one is refused by the type system. exception_test.go
// builds it and expects the compiler to say so.
package main

import "github.com/zeroport/zerofault/zero"

func main() {
	zero.Throw(zero.NewChecked("main", -10002, "data", "name"))
}
