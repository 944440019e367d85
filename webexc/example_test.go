package webexc_test

import (
	"fmt"

	"github.com/zeroport/zerofault/webexc"
)

func Example() {
	e := webexc.NewServiceNotFound("UserHandler", "/api/users/42", "GET")
	e.SetID("req-7f3a") // normally a fresh id; fixed here for the output
	fmt.Println(e.Status())
	fmt.Println(e.Error())
	body, _ := e.MarshalJSON()
	fmt.Println(string(body))
	// Output:
	// 404
	// [ ERR-60010 ] ( UserHandler ) Web Error: (404) - No service handles GET /api/users/42.
	// {"id":"req-7f3a","code":-60010,"message":"(404) - No service handles GET /api/users/42.","info":"The page or service you requested could not be found."}
}
