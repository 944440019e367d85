package up_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/up"
	"github.com/zeroport/zerofault/zero"
)

var noArgConstructor = &zero.Class{Name: "NoArgConstructorException", Family: zero.FamilyUp, Code: -40009}

type noArgConstructorException struct{ up.UpException }

func TestFamily(t *testing.T) {
	concrete := &noArgConstructorException{up.Make(noArgConstructor, "Scanner", []any{"UserService"})}
	// Runtime: it can be thrown and caught.
	err := zero.Try(func() { zero.Throw(concrete) })
	var u *up.UpException
	var root *zero.ZeroRunException
	var c *noArgConstructorException
	if !errors.As(err, &u) || !errors.As(err, &root) || !errors.As(err, &c) || c != concrete {
		t.Fatalf("As: %v %v %v", u, root, c)
	}
	if !strings.HasPrefix(err.Error(), "[ ERR-40009 ] ( Scanner ) Up Error: ") || !strings.Contains(err.Error(), "UserService") {
		t.Errorf("Error() = %q", err.Error())
	}
	if !errors.Is(err, up.New("x", -40009)) {
		t.Error("Is does not match by code")
	}
}
