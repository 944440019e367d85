package catalog

import (
	"errors"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// registering replaces the registry for one test, and the catalog in
// force with it, as if the program imported pkgs.
func registering(t *testing.T, pkgs ...Package) {
	t.Helper()
	registryMu.Lock()
	saved := registry
	registry = nil
	registryMu.Unlock()
	savedCur, savedErr := current.Swap(nil), frameworkErr
	initOnce = sync.Once{}
	t.Cleanup(func() {
		registryMu.Lock()
		registry = saved
		registryMu.Unlock()
		current.Store(savedCur)
		frameworkErr = savedErr
		initOnce = sync.Once{}
	})
	for _, p := range pkgs {
		Register(p)
	}
}

var shipFS = fstest.MapFS{
	"vertx-error.yml":       {Data: []byte("E100701: \"(404) - Ship {0} is not in port.\"\n")},
	"vertx-readible.yml":    {Data: []byte("100701: \"Ship {0} has sailed.\"\n")},
	"vertx-readible.de.yml": {Data: []byte("100701: \"Schiff {0} ist ausgelaufen.\"\n")},
}

var ship = Package{Path: "example.com/ship", Declaration: "ship/exceptions.yml", Codes: []int{-100701},
	FS: shipFS, Errors: []string{"vertx-error.yml"}, Readables: []string{"vertx-readible.yml", "vertx-readible.de.yml"}}

func TestRegisteredCatalogsLoad(t *testing.T) {
	registering(t, ship)
	for name, opts := range map[string][]Option{
		"nothing given":     nil,
		"without framework": {WithoutFramework()},
		// Code that loaded the files itself before the package carried
		// them: the same file, read once.
		"the same file again": {ErrorFS(shipFS, "vertx-error.yml"), ReadableFS(shipFS, "vertx-readible.yml")},
	} {
		c, err := Load(opts...)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		e, ok := c.Lookup(-100701)
		r, rok := c.Readable(-100701)
		if !ok || !rok || e.File != "example.com/ship/vertx-error.yml" || r.Source() != "Ship {0} has sailed." {
			t.Errorf("%s: template %+v %v, readable %v", name, e, ok, rok)
		}
	}
	// Current has them before any Load.
	if _, ok := Current().Lookup(-100701); !ok || FrameworkError() != nil {
		t.Errorf("Current lacks the registered template (%v)", FrameworkError())
	}
	// A different file with the code is a second definition, named.
	other := fstest.MapFS{"vertx-error.yml": {Data: []byte("E100701: \"(404) - Other {0}.\"\n")}}
	if _, err := Load(ErrorFS(other, "vertx-error.yml")); !errors.Is(err, ErrDuplicate) || !strings.Contains(err.Error(), "example.com/ship/vertx-error.yml:1") {
		t.Errorf("second definition: %v", err)
	}
}

func TestRegisteredCodesWithoutTemplates(t *testing.T) {
	fleet := Package{Path: "example.com/fleet", Declaration: "fleet/exceptions.yml", Codes: []int{-100801, -100802}}
	broken := Package{Path: "example.com/broken", Codes: []int{-100901, -100902},
		FS: fstest.MapFS{"e.yml": {Data: []byte("E100901: \"fine\"\n")}}, Errors: []string{"e.yml"}}
	registering(t, fleet, broken)
	_, err := Load()
	ps := Problems(err)
	if len(ps) != 2 || !errors.Is(err, ErrNoTemplate) {
		t.Fatalf("problems %v", err)
	}
	for i, want := range []string{
		"example.com/fleet: declared codes have no template: package example.com/fleet (fleet/exceptions.yml) declares -100801, -100802, which no loaded catalog defines: load the error catalogs its declaration names with ErrorFile or ErrorFS",
		"example.com/broken: declared codes have no template: package example.com/broken declares -100902, which no loaded catalog defines: its own catalogs (e.yml) do not define them; run go generate and check its declaration",
	} {
		if ps[i].Error() != want {
			t.Errorf("problem %d:\n%s\nwant\n%s", i, ps[i], want)
		}
	}
	fleetFS := fstest.MapFS{"fleet.yml": {Data: []byte("E100801: \"a\"\nE100802: \"b\"\n")}}
	if _, err := Load(ErrorFS(fleetFS, "fleet.yml")); !errors.Is(err, ErrNoTemplate) || len(Problems(err)) != 1 {
		t.Errorf("with fleet's catalog, only broken remains: %v", err)
	}
	// A code whose template fails is reported where it is, not again.
	bad := fstest.MapFS{"fleet.yml": {Data: []byte("E100801: \"a {0\"\nE100802: [b]\n")}}
	_, err = Load(ErrorFS(bad, "fleet.yml"))
	if n := strings.Count(err.Error(), "-10080"); n != 0 {
		t.Errorf("codes named twice: %v", err)
	}
	// Before start-up, Current does not require them.
	if FrameworkError() != nil {
		t.Errorf("FrameworkError: %v", FrameworkError())
	}
}

// TestRegisteredBrokenFallsBack: a registered catalog that fails to load
// (gen refuses it, so only a hand-made registration can) leaves Current
// with the framework's catalog, and FrameworkError says why.
func TestRegisteredBrokenFallsBack(t *testing.T) {
	registering(t, Package{Path: "example.com/bad", Codes: []int{-100950},
		FS: fstest.MapFS{"e.yml": {Data: []byte("E100950: \"a\"\n---\nE100951: \"b\"\n")}}, Errors: []string{"e.yml"}})
	if _, ok := Current().Lookup(-60010); !ok {
		t.Error("the framework's catalog is not in force")
	}
	if err := FrameworkError(); !errors.Is(err, ErrDocuments) || !strings.Contains(err.Error(), "example.com/bad/e.yml:2") {
		t.Errorf("FrameworkError: %v", err)
	}
}
