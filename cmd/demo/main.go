// Command demo shows zerofault at work on its embedded catalogs: it raises
// a few of Zero's exceptions and prints each as the log line and the JSON
// body a client would get. It needs no files.
//
//	go run ./cmd/demo
package main

import (
	"errors"
	"fmt"
	"net/http"
	"os"

	"github.com/zeroport/zerofault/demon"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// handler is where the demo's exceptions arise, as a Zero Class<?> would.
const handler zero.Target = "UserHandler"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

func run() error {
	if err := catalog.FrameworkError(); err != nil {
		return err
	}
	fmt.Println(catalog.Current())

	// A handler returns a web exception: status, system message, readable
	// text for the user, and an id.
	notFound := webexc.New(handler, -60010, "/api/users/42", "GET").SetStatus(http.StatusNotFound)
	show(notFound)

	// A runtime exception thrown deep down is recovered at the boundary.
	err := zero.Try(func() {
		zero.Throw(webexc.New(handler, -60007, "database unreachable").SetStatus(http.StatusInternalServerError))
	})
	var web *webexc.WebException
	if errors.As(err, &web) {
		show(web)
	}

	// A checked exception can only be returned (zero.Throw refuses it at
	// compile time); the caller must handle it.
	var checked zero.Checked = demon.New(handler, -10002, `{"id":42}`, "name")
	fmt.Println(checked.Error())

	// A code without a template is reported, not a crash.
	missing := webexc.New(handler, -99999)
	fmt.Println(missing.Error(), "| missing template:", zero.IsErrorMissing(missing))
	return nil
}

func show(e *webexc.WebException) {
	body, _ := e.MarshalJSON()
	fmt.Printf("%s\n  HTTP %d %s\n", e.Error(), e.Status(), body)
}
