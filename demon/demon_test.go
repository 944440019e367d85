package demon_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/zeroport/zerofault/demon"
	"github.com/zeroport/zerofault/zero"
)

var requiredField = &zero.Class{Name: "RequiredFieldException", Family: zero.FamilyDemon, Code: -10002}

type requiredFieldException struct{ demon.DemonException }

func TestFamily(t *testing.T) {
	concrete := &requiredFieldException{demon.Make(requiredField, "Validator", []any{`{"a":1}`, "name"})}
	err := fmt.Errorf("checking: %w", concrete)
	var d *demon.DemonException
	var root *zero.ZeroException
	var checked zero.Checked
	var rt zero.Runtime
	if !errors.As(err, &d) || !errors.As(err, &root) || !errors.As(err, &checked) {
		t.Fatalf("As: %v %v %v", d, root, checked)
	}
	if errors.As(err, &rt) {
		t.Error("a DemonException is a Runtime")
	}
	if !strings.HasPrefix(concrete.Error(), "[ ERR-10002 ] ( Validator ) Demon Error: ") || !strings.Contains(concrete.Message(), `"name"`) {
		t.Errorf("Error() = %q", concrete.Error())
	}
	if !errors.Is(err, demon.New("x", -10002)) || errors.Is(err, demon.New("x", -10001)) {
		t.Error("Is does not match by code")
	}
}
