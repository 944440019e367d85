package webexc

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/zeroport/zerofault/internal/faultid"
	"github.com/zeroport/zerofault/zero"
)

// Registration is what the process knows of one web exception class:
// generated code registers every class it declares, from the init of its
// exceptions_gen.go, so that anything that must answer "what is code N"
// (the decoder of a remote error, the catalog page, the gRPC bridge) asks
// here.
type Registration struct {
	Class   *Class
	Package string // the import path of the package that declares it

	// Wrap returns the concrete exception around w, e.g.
	// &ServiceNotFoundException{w}: how a decoded error becomes the
	// generated type, so that errors.As and the IsXxx predicates hold.
	Wrap func(w WebException) error
}

var registry struct {
	mu     sync.RWMutex
	byCode map[int]Registration
}

// Register records classes. Registering a code again with the same class
// (name and package) is a no-op; with a different class it panics, naming
// both, as a second http.Handle of one pattern does: two packages claim
// one code, and no answer for it could be trusted.
func Register(rs ...Registration) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if registry.byCode == nil {
		registry.byCode = make(map[int]Registration)
	}
	for _, r := range rs {
		if err := register(r); err != nil {
			panic(err)
		}
	}
}

func register(r Registration) error {
	if r.Class == nil || r.Class.Code == 0 {
		return fmt.Errorf("webexc: Register: a class without a code (%s)", r.Package)
	}
	code := r.Class.Code
	if prev, ok := registry.byCode[code]; ok {
		if prev.Class.Name == r.Class.Name && prev.Package == r.Package {
			return nil
		}
		return fmt.Errorf("webexc: code %d registered twice: %s.%s and %s.%s",
			code, prev.Package, prev.Class.Name, r.Package, r.Class.Name)
	}
	registry.byCode[code] = r
	return nil
}

// Lookup returns the registration of code.
func Lookup(code int) (Registration, bool) {
	registry.mu.RLock()
	defer registry.mu.RUnlock()
	r, ok := registry.byCode[code]
	return r, ok
}

// Registrations returns every registration, ordered by code from -1
// down, as Zero's tables list them.
func Registrations() []Registration {
	registry.mu.RLock()
	out := make([]Registration, 0, len(registry.byCode))
	for _, r := range registry.byCode {
		out = append(out, r)
	}
	registry.mu.RUnlock()
	slices.SortFunc(out, func(a, b Registration) int { return cmp.Compare(b.Class.Code, a.Class.Code) })
	return out
}

// Remote describes an exception as another process answered it: what
// Rebuild turns back into an error.
type Remote struct {
	Code     int
	Class    string // the class name the remote side answered with, for a code this process does not register
	Status   int    // the HTTP status it was answered with; 0: the class's
	Message  string
	Readable string
	ID       string
	Target   zero.Target // where it arose, when the remote side says; else "Remote"
	Cause    error       // recorded as the cause, e.g. the field violations
}

// Rebuild returns the exception r describes, with r's message, readable
// text, id and status as they were answered, never formatted again: the
// registered class's generated type when this process knows the code
// (errors.As to it and its IsXxx predicate then hold, as errors.Is by
// code always does), else a *WebException of that code.
func Rebuild(r Remote) error {
	target := r.Target
	if target == "" {
		target = "Remote"
	}
	reg, known := Lookup(r.Code)
	class := reg.Class
	if !known {
		class = &Class{Class: zero.Class{Name: cmp.Or(r.Class, "WebException"), Family: zero.FamilyWeb, Code: r.Code}}
	}
	w := WebException{ZeroRunException: zero.MakeRunMessage(&class.Class, target, r.Message), status: r.Status, id: faultid.Next()}
	// Its texts are as the remote side wrote them: no snapshot to read a
	// readable text from, no params to format one with.
	w.given = &given{readable: r.Readable, hasReadable: true, id: r.ID, remote: true}
	if w.status == 0 {
		w.status = cmp.Or(class.Status, DefaultStatus)
	}
	if r.Cause != nil {
		w.SetCause(r.Cause)
	}
	if known && reg.Wrap != nil {
		return reg.Wrap(w)
	}
	return newOwn(w)
}

// newOwn moves w to the heap only on the path that keeps it so: Wrap
// copies it into its own type.
func newOwn(w WebException) *WebException { return &w }
