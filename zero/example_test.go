package zero_test

import (
	"errors"
	"fmt"

	"github.com/zeroport/zerofault/zero"
)

// A runtime exception thrown deep in a call chain is recovered at a
// boundary as an ordinary error.
func Example() {
	parse := func(literal string) {
		zero.Throw(zero.NewDateFormat("Scheduler", literal))
	}
	err := zero.Try(func() { parse("2024-13-01") })
	fmt.Println(err)
	fmt.Println(zero.IsDateFormat(err), errors.Is(err, zero.NewDateFormat("", "")))
	// Output:
	// [ ERR-15001 ] ( Scheduler ) Run Error: (V) - The text 2024-13-01 cannot be parsed as a date or time.
	// true true
}

func ExampleCatch() {
	load := func() (err error) {
		defer zero.Catch(&err)
		zero.Throw(zero.NewPoolKeyNull("SessionPool"))
		return nil
	}
	err := load()
	var rt zero.Runtime
	fmt.Println(errors.As(err, &rt), rt.Code())
	// Output: true -11008
}

// A code with no template is reported through ErrorMissing instead of
// failing.
func ExampleNewRun_missingTemplate() {
	err := zero.NewRun("Billing", -990001, "invoice-7")
	fmt.Println(zero.IsErrorMissing(err))
	fmt.Println(err.Message())
	// Output:
	// true
	// (V) - No system message template is registered for error code -990001; add its E-key (the code without the minus sign) to a vertx-error.yml catalog.
}

func ExampleTargetOf() {
	type OrderHandler struct{}
	fmt.Println(zero.TargetOf(&OrderHandler{}))
	// Output: OrderHandler
}
