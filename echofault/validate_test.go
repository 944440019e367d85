package echofault

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"
)

const badUser = `{"name":"","email":"not-an-email","age":12,"nick":"ab","tags":[],"role":"root","address":{"city":""}}`

func TestValidation(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	want := []fieldBody{
		{"name", "required", "", "name is required."},
		{"email", "email", "", "email must be a valid email address."},
		{"age", "gte", "18", "age must be 18 or more."},
		{"nick", "min", "3", "nick must be at least 3 characters long."},
		{"tags", "min", "1", "tags must contain at least 1 item."},
		{"role", "oneof", "admin user", "role must be one of: admin user."},
		{"address.city", "required", "", "address.city is required."},
		{"Secret", "required", "", "Secret is required."}, // json:"-": the Go name
	}
	for _, url := range []string{"/users", "/users-wrapped"} {
		rec := s.do("POST", url, map[string]string{"Content-Type": "application/json"}, badUser)
		if rec.Code != 400 {
			t.Errorf("%s: status %d", url, rec.Code)
		}
		b := decode(t, rec)
		if b.Code != -60000 || b.Info != infoIn(t, "en", -60000) {
			t.Errorf("%s: %+v", url, b)
		}
		if !strings.HasSuffix(b.Message, "name: required; email: email; age: gte=18; nick: min=3; tags: min=1; role: oneof=admin user; address.city: required; Secret: required") ||
			!strings.Contains(b.Message, url) || !strings.Contains(b.Message, "POST") {
			t.Errorf("%s: message %q", url, b.Message)
		}
		if len(b.Fields) != len(want) {
			t.Fatalf("%s: %d fields, want %d: %s", url, len(b.Fields), len(want), rec.Body)
		}
		for i, w := range want {
			if b.Fields[i] != w {
				t.Errorf("%s: field %d = %+v, want %+v", url, i, b.Fields[i], w)
			}
		}
		if strings.Contains(rec.Body.String(), `"param":""`) {
			t.Errorf("empty param written: %s", rec.Body)
		}
	}
}

func TestValidationLanguages(t *testing.T) {
	s := newServer(t, ErrorHandlerConfig{})
	cases := []struct {
		lang string
		want []string
	}{
		{"zh-CN", []string{"name为必填项。", "email必须是有效的电子邮件地址。", "age不能小于18。", "nick的长度不能少于3个字符。"}},
		// German rule texts ship with the framework, as do ja and the
		// other eight languages.
		{"de", []string{"Das Feld „name“ muss ausgefüllt werden.", "Das Feld „email“ muss eine gültige E-Mail-Adresse enthalten.", "Der Wert im Feld „age“ muss mindestens 18 betragen.", "Das Feld „nick“ muss mindestens 3 Zeichen lang sein."}},
	}
	for _, tc := range cases {
		rec := s.do("POST", "/users?lang="+tc.lang, map[string]string{"Content-Type": "application/json"}, badUser)
		b := decode(t, rec)
		if b.Info != infoIn(t, tc.lang, -60000) {
			t.Errorf("%s: info %q", tc.lang, b.Info)
		}
		for i, w := range tc.want {
			if b.Fields[i].Info != w {
				t.Errorf("%s: field %s: %q, want %q", tc.lang, b.Fields[i].Field, b.Fields[i].Info, w)
			}
		}
	}
}

func TestCustomRulesInResponse(t *testing.T) {
	r, err := NewRules(map[string]map[string]string{"de": {"required": "Bitte {0} angeben."}})
	if err != nil {
		t.Fatal(err)
	}
	s := newServer(t, ErrorHandlerConfig{Rules: r})
	b := decode(t, s.do("POST", "/users", map[string]string{"Content-Type": "application/json", "Accept-Language": "de"}, badUser))
	if b.Fields[0].Info != "Bitte name angeben." {
		t.Errorf("de rule text = %q", b.Fields[0].Info)
	}
}

func TestValidator(t *testing.T) {
	v := NewValidator()
	var _ echo.Validator = v
	type item struct {
		Name string `json:"item_name" validate:"required"`
	}
	type order struct {
		Items []item `json:"items" validate:"dive"`
		Note  string `validate:"max=2"`
	}
	err := v.Validate(&order{Items: []item{{"a"}, {""}}, Note: "long"})
	var ve validator.ValidationErrors
	if !errors.As(err, &ve) || len(ve) != 2 {
		t.Fatalf("err = %v", err)
	}
	if got := ve[0].Namespace(); got != "order.items[1].item_name" {
		t.Errorf("nested namespace = %q", got)
	}
	if err := v.Validate(&order{}); err != nil {
		t.Errorf("valid order: %v", err)
	}
	// A non-struct is a programming error, answered 500.
	if err := v.Validate(42); err == nil {
		t.Error("validating an int succeeded")
	}
}
