package catalog_test

import (
	"fmt"
	"testing/fstest"

	"github.com/zeroport/zerofault/zero/catalog"
)

// An application extends the framework catalogs with its own files.
func ExampleLoad() {
	app := fstest.MapFS{
		"vertx-error.yml":    {Data: []byte("E100001: \"Order {0} holds {1,number,integer} items\"\n")},
		"vertx-readible.yml": {Data: []byte("100001: \"Your order {0} is too large.\"\n")},
	}
	cat, err := catalog.Load(
		catalog.ErrorFS(app, "vertx-error.yml"),
		catalog.ReadableFS(app, "vertx-readible.yml"),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	e, _ := cat.Lookup(-100001)
	msg, _ := e.Format("A-7", 12000)
	fmt.Println(msg)
	r, _ := cat.Readable(-100001)
	text, _ := r.Format("A-7")
	fmt.Println(text)
	// Output:
	// Order A-7 holds 12,000 items
	// Your order A-7 is too large.
}

// Every problem is reported with its file, line and key.
func ExampleLoad_errors() {
	app := fstest.MapFS{"vertx-error.yml": {Data: []byte("E100001: \"Order {0\"\nE11003: \"mine\"\nX7: \"?\"\n")}}
	_, err := catalog.Load(catalog.ErrorFS(app, "vertx-error.yml"))
	for _, p := range catalog.Problems(err) {
		fmt.Printf("%s:%d %s\n", p.File, p.Line, p.Key)
	}
	// Output:
	// vertx-error.yml:1 E100001
	// vertx-error.yml:2 E11003
	// vertx-error.yml:3 X7
}
