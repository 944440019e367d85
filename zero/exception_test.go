package zero_test

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

func TestErrorLogForm(t *testing.T) {
	e := zero.NewRun("UserHandler", zero.CodeJsonFormat, "users.json")
	want := "[ ERR-11004 ] ( UserHandler ) Run Error: " + e.Message()
	if e.Error() != want {
		t.Errorf("Error() = %q, want %q", e.Error(), want)
	}
	if !strings.Contains(e.Message(), "users.json") {
		t.Errorf("message %q lacks its param", e.Message())
	}
	c := zero.NewChecked("Loader", zero.CodeJsonFormat, "users.json")
	if !strings.HasPrefix(c.Error(), "[ ERR-11004 ] ( Loader ) Zero Error: ") {
		t.Errorf("checked Error() = %q", c.Error())
	}
	u := zero.NewArgument("Pool", "size must be positive")
	if u.Error() != "[ ERR ] ( Pool ) Run Error: Invalid argument: size must be positive" || u.Code() != 0 {
		t.Errorf("uncoded Error() = %q", u.Error())
	}
}

func TestMissingTemplate(t *testing.T) {
	e := zero.NewRun("H", -999999, "x")
	if !zero.IsErrorMissing(e) {
		t.Fatalf("%v does not report ErrorMissing", e)
	}
	var missing *zero.ErrorMissingException
	if !errors.As(e, &missing) || missing.MissingCode() != -999999 {
		t.Fatalf("As ErrorMissing: %v", missing)
	}
	if !strings.Contains(e.Message(), "-999999") || e.Message() != missing.Message() {
		t.Errorf("message %q does not name the code", e.Message())
	}
	// The cause still reaches the chain through the ErrorMissing.
	cause := errors.New("disk on fire")
	e.SetCause(cause)
	if !errors.Is(e, cause) {
		t.Error("cause lost behind ErrorMissing")
	}
}

func TestIsByCode(t *testing.T) {
	a := zero.NewRun("A", zero.CodeDateFormat, "x")
	b := zero.NewDateFormat("B", "y")
	if !errors.Is(a, b) || !errors.Is(fmt.Errorf("wrapped: %w", b), a) {
		t.Error("same code does not match")
	}
	if errors.Is(a, zero.NewJsonFormat("A", "x")) {
		t.Error("different codes match")
	}
	if !errors.Is(zero.NewLimeFile("A", "a"), zero.NewLimeFile("B", "b")) {
		t.Error("uncoded exceptions of one class do not match")
	}
	if errors.Is(zero.NewLimeFile("A", "a"), zero.NewEmptyStream("A", "a")) {
		t.Error("uncoded exceptions of different classes match")
	}
	if errors.Is(a, errors.New("x")) {
		t.Error("matches a plain error")
	}
}

func TestAsFamilies(t *testing.T) {
	var err error = fmt.Errorf("ctx: %w", zero.NewPoolKeyNull("Pool"))
	var rt zero.Runtime
	var root *zero.ZeroRunException
	var concrete *zero.PoolKeyNullException
	var checked zero.Checked
	if !errors.As(err, &rt) || !errors.As(err, &root) || !errors.As(err, &concrete) {
		t.Errorf("As failed: %v %v %v", rt, root, concrete)
	}
	if errors.As(err, &checked) {
		t.Error("a runtime exception is Checked")
	}
	if root.Code() != zero.CodePoolKeyNull || concrete.Target() != "Pool" {
		t.Errorf("root %d, target %s", root.Code(), concrete.Target())
	}
	var croot *zero.ZeroException
	if c := error(zero.NewChecked("X", -10001, 1, 2)); !errors.As(c, &checked) || !errors.As(c, &croot) || errors.As(c, &rt) {
		t.Error("checked root not found by As")
	}
}

func TestUnwrapCause(t *testing.T) {
	cause := errors.New("unexpected EOF")
	e := zero.NewJexlExpression("Rule", "a +", cause)
	if !errors.Is(e, cause) || errors.Unwrap(e) != cause {
		t.Errorf("Unwrap = %v", errors.Unwrap(e))
	}
	if !strings.Contains(e.Message(), "a +") || !strings.Contains(e.Message(), "unexpected EOF") {
		t.Errorf("message %q", e.Message())
	}
}

func TestHeartExceptions(t *testing.T) {
	cases := []struct {
		err   zero.Runtime
		is    func(error) bool
		code  int
		class string
	}{
		{zero.NewAptParameter("T"), zero.IsAptParameter, -15000, "AptParameterException"},
		{zero.NewArgument("T", "d"), zero.IsArgument, 0, "ArgumentException"},
		{zero.NewEmptyStream("T", "f"), zero.IsEmptyStream, 0, "EmptyStreamException"},
		{zero.NewErrorMissing("T", -1), zero.IsErrorMissing, -11003, "ErrorMissingException"},
		{zero.NewJexlExpression("T", "e", nil), zero.IsJexlExpression, -15002, "JexlExpressionException"},
		{zero.NewLimeFile("T", "f"), zero.IsLimeFile, 0, "LimeFileException"},
		{zero.NewPoolKeyNull("T"), zero.IsPoolKeyNull, -11008, "PoolKeyNullException"},
		{zero.NewDateFormat("T", "2020-13-01"), zero.IsDateFormat, -15001, "DateFormatException"},
		{zero.NewJsonFormat("T", "f"), zero.IsJsonFormat, -11004, "JsonFormatException"},
		{zero.NewOperation("T", "m", "C"), zero.IsOperation, -11005, "OperationException"},
	}
	for i, tc := range cases {
		if tc.err.Code() != tc.code || !tc.is(tc.err) {
			t.Errorf("%s: code %d, predicate %v", tc.class, tc.err.Code(), tc.is(tc.err))
		}
		if got := tc.err.(interface{ ClassName() string }).ClassName(); got != tc.class {
			t.Errorf("class %q, want %q", got, tc.class)
		}
		// A coded heart exception has its own template: it is not missing.
		if tc.code != 0 && tc.code != zero.CodeErrorMissing && zero.IsErrorMissing(tc.err) {
			t.Errorf("%s: template E%d missing from the framework catalog", tc.class, -tc.code)
		}
		if n := len(tc.err.Params()); tc.code != 0 && strings.Contains(tc.err.Message(), fmt.Sprintf("{%d}", n)) {
			t.Errorf("%s: message %q wants more than its %d params", tc.class, tc.err.Message(), n)
		}
		// Each predicate accepts its own exception only.
		for j, other := range cases {
			if i != j && tc.is(other.err) {
				t.Errorf("%s predicate accepts %s", tc.class, other.class)
			}
		}
	}
}

func TestThrowCatch(t *testing.T) {
	f := func() (err error) {
		defer zero.Catch(&err)
		zero.Throw(zero.NewPoolKeyNull("Pool"))
		return nil
	}
	if err := f(); !zero.IsPoolKeyNull(err) {
		t.Errorf("Catch returned %v", err)
	}
	if err := zero.Try(func() {}); err != nil {
		t.Errorf("Try of a quiet func = %v", err)
	}
	// A wrapped exception is recovered too.
	if err := zero.Try(func() { panic(fmt.Errorf("in job: %w", zero.NewAptParameter("Apt"))) }); !zero.IsAptParameter(err) {
		t.Errorf("Try = %v", err)
	}
}

func TestCatchLetsOtherPanicsThrough(t *testing.T) {
	for _, v := range []any{"boom", errors.New("plain error"), zero.NewChecked("X", -10001, 1, 2)} {
		func() {
			defer func() {
				if r := recover(); r != v {
					t.Errorf("recovered %v, want %v", r, v)
				}
			}()
			_ = zero.Try(func() { panic(v) })
			t.Errorf("Try swallowed %v", v)
		}()
	}
}

func TestThrowRejectsCheckedAtCompileTime(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	out, err := exec.Command("go", "build", "-o", t.TempDir()+"/x", "./testdata/throwchecked").CombinedOutput()
	if err == nil {
		t.Fatal("zero.Throw accepted a checked exception")
	}
	if !strings.Contains(string(out), "does not implement zero.Runtime") {
		t.Errorf("unexpected compiler output:\n%s", out)
	}
}

func TestTargetOf(t *testing.T) {
	type UserHandler struct{}
	if got := zero.TargetOf(&UserHandler{}); got != "UserHandler" {
		t.Errorf("TargetOf = %q", got)
	}
	if got := zero.TargetOf(nil); got != "" {
		t.Errorf("TargetOf(nil) = %q", got)
	}
	if got := zero.TargetOf([]int{}); got != "[]int" {
		t.Errorf("TargetOf([]int) = %q", got)
	}
}

// A template the params do not fit still yields a message: the template
// as written and the reason, never an empty message or a panic.
func TestParamsThatDoNotFitTheTemplate(t *testing.T) {
	cat, err := catalog.Load(catalog.WithoutFramework(), catalog.ErrorFS(fstest.MapFS{
		"e.yml": {Data: []byte("E100001: \"Took {0,number,integer} ms\"\n")},
	}, "e.yml"))
	if err != nil {
		t.Fatal(err)
	}
	prev := catalog.Swap(cat)
	defer catalog.Swap(prev)
	if got := zero.NewRun("T", -100001, 1234).Message(); got != "Took 1,234 ms" {
		t.Errorf("fitting params: %q", got)
	}
	got := zero.NewRun("T", -100001, "slow").Message()
	if !strings.HasPrefix(got, "Took {0,number,integer} ms (unformatted: ") || !strings.Contains(got, "Number") {
		t.Errorf("unfitting params: %q", got)
	}
	// Without the framework catalog even E11003 is missing: the built-in
	// text names the code.
	if got := zero.NewRun("T", -7).Message(); got != "No message template is defined for error code -7" {
		t.Errorf("no E11003: %q", got)
	}
}

func TestHasCode(t *testing.T) {
	base := zero.NewRun("T", -60010, "/a", "GET")
	other := zero.NewRun("T", -60011)
	cases := []struct {
		name string
		err  error
		code int
		want bool
	}{
		{"direct", base, -60010, true},
		{"other code", other, -60010, false},
		{"wrapped", fmt.Errorf("ctx: %w", base), -60010, true},
		{"joined second", errors.Join(errors.New("x"), other, base), -60010, true},
		{"cause", withCause(zero.NewRun("T", -60011), base), -60010, true},
		{"nil", nil, -60010, false},
		{"plain", errors.New("x"), -60010, false},
		{"zero code", zero.NewArgument("T", "d"), 0, false},
	}
	for _, c := range cases {
		if got := zero.HasCode(c.err, c.code); got != c.want {
			t.Errorf("%s: HasCode = %v, want %v", c.name, got, c.want)
		}
	}
}

func withCause(e *zero.ZeroRunException, cause error) error {
	e.SetCause(cause)
	return e
}

func TestStatusPrefix(t *testing.T) {
	for msg, want := range map[string]int{"(404) - x": 404, "(599)": 599, "(099) - x": 0, "(4x4) - x": 0, "404 - x": 0, "(40)": 0, "": 0} {
		got, ok := zero.StatusPrefix(msg)
		if ok != (want != 0) || (ok && got != want) {
			t.Errorf("StatusPrefix(%q) = %d, %v", msg, got, ok)
		}
		b := []byte(msg)
		zero.ReplaceStatusPrefix(b, 503)
		if want != 0 && string(b[:5]) != "(503)" || want == 0 && string(b) != msg {
			t.Errorf("ReplaceStatusPrefix(%q) = %q", msg, b)
		}
	}
	b := []byte("(400) - x")
	zero.ReplaceStatusPrefix(b, 42)
	if string(b) != "(400) - x" {
		t.Errorf("a status out of range replaced the prefix: %q", b)
	}
}
