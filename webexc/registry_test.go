package webexc_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

type fixtureException struct{ webexc.WebException }

var fixtureClass = &webexc.Class{Class: zero.Class{Name: "_409FixtureException", Family: zero.FamilyWeb, Code: -990001}, Status: 409}

func TestRegistry(t *testing.T) {
	reg := webexc.Registration{Class: fixtureClass, Package: "example.com/fixture",
		Wrap: func(w webexc.WebException) error { return &fixtureException{w} }}
	webexc.Register(reg)
	webexc.Register(reg) // the same class again: a no-op
	got, ok := webexc.Lookup(-990001)
	if !ok || got.Class != fixtureClass || got.Package != "example.com/fixture" {
		t.Fatalf("Lookup = %+v, %v", got, ok)
	}
	found := false
	for _, r := range webexc.Registrations() {
		found = found || r.Class == fixtureClass
	}
	if !found {
		t.Error("Registrations misses the fixture")
	}

	// Another class for the same code: a panic that names both.
	defer func() {
		msg, _ := recover().(error)
		if msg == nil || !strings.Contains(msg.Error(), "example.com/fixture._409FixtureException") || !strings.Contains(msg.Error(), "example.com/other._400OtherException") {
			t.Errorf("recovered %v", msg)
		}
	}()
	webexc.Register(webexc.Registration{Package: "example.com/other",
		Class: &webexc.Class{Class: zero.Class{Name: "_400OtherException", Family: zero.FamilyWeb, Code: -990001}, Status: 400}})
	t.Error("no panic")
}

func TestRebuild(t *testing.T) {
	webexc.Register(webexc.Registration{Class: fixtureClass, Package: "example.com/fixture",
		Wrap: func(w webexc.WebException) error { return &fixtureException{w} }})
	cause := errors.New("field violations")
	err := webexc.Rebuild(webexc.Remote{Code: -990001, Status: 409, Message: "(409) - remote words", Readable: "Try again.", ID: "r-1", Cause: cause})
	var fx *fixtureException
	if !errors.As(err, &fx) || fx.Message() != "(409) - remote words" || fx.Readable() != "Try again." || fx.ID() != "r-1" || fx.Status() != 409 {
		t.Fatalf("%#v", err)
	}
	if !zero.HasCode(err, -990001) || !errors.Is(err, cause) || fx.ClassName() != "_409FixtureException" || fx.Target() != "Remote" {
		t.Errorf("code, cause, class or target lost: %v", err)
	}
	// A code this process does not know: a WebException of that code.
	err = webexc.Rebuild(webexc.Remote{Code: -777777, Status: 418, Message: "(418) - teapot"})
	var w *webexc.WebException
	if !errors.As(err, &w) || w.Code() != -777777 || w.Status() != 418 || w.Message() != "(418) - teapot" || w.ID() == "" {
		t.Errorf("%#v", err)
	}
	if w := webexc.Rebuild(webexc.Remote{Code: -777777}).(*webexc.WebException); w.Status() != webexc.DefaultStatus {
		t.Errorf("no status: %d", w.Status())
	}
}

// Generated code registers every class it declares: a -60010 from another
// process comes back as a ServiceNotFoundException.
func TestGeneratedClassesAreRegistered(t *testing.T) {
	n := 0
	for _, r := range webexc.Registrations() {
		if r.Package == "github.com/zeroport/zerofault/webexc" {
			n++
		}
	}
	if n < 40 {
		t.Errorf("%d webexc classes registered", n)
	}
	err := webexc.Rebuild(webexc.Remote{Code: webexc.CodeServiceNotFound, Message: "(404) - gone"})
	var snf *webexc.ServiceNotFoundException
	if !errors.As(err, &snf) || !webexc.IsServiceNotFound(err) || snf.Status() != 404 || snf.ClassName() != "_404ServiceNotFoundException" {
		t.Errorf("%#v", err)
	}
}
