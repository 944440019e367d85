package echofault_test

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing/fstest"

	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/echofault"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero/catalog"
)

// The setup: one error handler for every failure, and Recover for
// panics. Each failure is answered {"id","code","message","info"}.
func Example() {
	e := echo.New()
	e.HTTPErrorHandler = echofault.ErrorHandler()
	e.Use(echofault.Recover())
	e.Validator = echofault.NewValidator()

	e.GET("/users/:id", func(c echo.Context) error {
		return webexc.NewRecordNotFound("UserHandler") // generated: -60008, status 404
	})
	e.POST("/users", func(c echo.Context) error {
		var u struct {
			Email string `json:"email" validate:"required,email"`
		}
		if err := c.Bind(&u); err != nil {
			return err
		}
		return c.Validate(&u)
	})
	e.GET("/crash", func(echo.Context) error { panic("nil map") })

	for _, r := range []struct{ method, path string }{
		{"GET", "/users/42"}, {"GET", "/nowhere"}, {"DELETE", "/users/42"},
		{"POST", "/users"}, {"GET", "/crash"},
	} {
		req := httptest.NewRequest(r.method, r.path, nil)
		req.Header.Set(echo.HeaderXRequestID, "req-7")
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		var body struct {
			ID   string `json:"id"`
			Code int    `json:"code"`
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &body)
		fmt.Println(rec.Code, body.Code, body.ID)
	}
	// Output:
	// 404 -60008 req-7
	// 404 -60010 req-7
	// 405 -60014 req-7
	// 400 -60000 req-7
	// 500 -60007 req-7
}

// An application's codes, with texts in two languages: the language comes
// from ?lang=, then Accept-Language.
func ExampleErrorHandlerWithConfig() {
	app := fstest.MapFS{
		"vertx-error.yml":       {Data: []byte("E100001: \"(409) - Order {0} is locked by {1}.\"\n")},
		"vertx-readible.yml":    {Data: []byte("100001: \"Someone else is editing order {0}.\"\n")},
		"vertx-readible.de.yml": {Data: []byte("100001: \"Jemand anderes bearbeitet Bestellung {0}.\"\n")},
	}
	cat, err := catalog.Load(catalog.ErrorFS(app, "vertx-error.yml"), catalog.ReadableFS(app, "vertx-readible.yml"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer catalog.Swap(catalog.Swap(cat))
	texts, err := readable.Load(readable.Glob(app, "vertx-readible*.yml"))
	if err != nil {
		fmt.Println(err)
		return
	}

	e := echo.New()
	e.HTTPErrorHandler = echofault.ErrorHandlerWithConfig(echofault.ErrorHandlerConfig{
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		Readable: texts,
	})
	e.PUT("/orders/:id", func(c echo.Context) error {
		return webexc.New("OrderHandler", -100001, c.Param("id"), "alice").SetStatus(http.StatusConflict)
	})

	for _, lang := range []string{"en", "de"} {
		req := httptest.NewRequest(http.MethodPut, "/orders/A-7?lang="+lang, nil)
		req.Header.Set(echo.HeaderXRequestID, "req-"+lang)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		fmt.Println(rec.Code, rec.Body.String())
	}
	// Output:
	// 409 {"id":"req-en","code":-100001,"message":"(409) - Order A-7 is locked by alice.","info":"Someone else is editing order A-7."}
	// 409 {"id":"req-de","code":-100001,"message":"(409) - Order A-7 is locked by alice.","info":"Jemand anderes bearbeitet Bestellung A-7."}
}

// A debug token lets a developer see the error chain of one request.
func ExampleDebugToken() {
	e := echo.New()
	e.HTTPErrorHandler = echofault.ErrorHandlerWithConfig(echofault.ErrorHandlerConfig{
		Debug: echofault.DebugToken("X-Debug-Token", "let-me-see"),
	})
	e.GET("/report", func(echo.Context) error { return fmt.Errorf("render report: %w", io.ErrUnexpectedEOF) })

	for _, token := range []string{"", "let-me-see"} {
		req := httptest.NewRequest(http.MethodGet, "/report", nil)
		req.Header.Set("X-Debug-Token", token)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		var body struct {
			Message string `json:"message"`
			Debug   *struct {
				Class  string   `json:"class"`
				Causes []string `json:"causes"`
			} `json:"debug"`
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &body)
		if body.Debug == nil {
			fmt.Println(rec.Code, "no debug")
			continue
		}
		fmt.Println(rec.Code, body.Debug.Class, body.Debug.Causes)
	}
	// Output:
	// 500 no debug
	// 500 _500InternalServerException [render report: unexpected EOF]
}
