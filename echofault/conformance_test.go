package echofault

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/httpfault/faulttest"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// The v4 adapter passes the suite every adapter passes.
func TestConformance(t *testing.T) {
	faulttest.Run(t, bundle(t), func(s faulttest.Setup) http.Handler {
		e := echo.New()
		e.HTTPErrorHandler = ErrorHandlerWithConfig(ErrorHandlerConfig{
			Logger: s.Logger, Readable: s.Readable, Debug: DebugToken(s.DebugHeader, s.DebugToken),
		})
		e.Use(Recover())
		e.Validator = NewValidator()
		notFound := func() *webexc.WebException { return webexc.New("UserHandler", -60008).SetStatus(404) }
		e.GET("/web", func(echo.Context) error { return notFound() })
		e.GET("/wrapped", func(echo.Context) error { return fmt.Errorf("load user 42: %w", notFound()) })
		e.GET("/joined", func(echo.Context) error {
			return errors.Join(errors.New("cache miss"), webexc.New("UserHandler", -60009).SetStatus(409))
		})
		e.GET("/status/:code", func(c echo.Context) error {
			code, _ := strconv.Atoi(c.Param("code"))
			return echo.NewHTTPError(code, "custom "+c.Param("code"))
		})
		e.POST("/users", func(c echo.Context) error {
			var u faulttest.User
			if err := c.Bind(&u); err != nil {
				return err
			}
			return c.Validate(&u)
		})
		e.GET("/panic", func(echo.Context) error { panic("secret value 1234") })
		e.GET("/panic-error", func(echo.Context) error { panic(errors.New("map write: secret")) })
		e.GET("/throw", func(echo.Context) error {
			zero.Throw(webexc.New("Deep", -60013).SetStatus(403))
			return nil
		})
		e.GET("/unknown", func(echo.Context) error { return errors.New("dial tcp 10.0.0.7:5432: password=hunter2") })
		e.GET("/committed", func(c echo.Context) error {
			_ = c.String(http.StatusOK, "partial")
			return errors.New("late failure")
		})
		e.GET("/download", func(c echo.Context) error {
			c.Response().Header().Set("Content-Length", "1000")
			c.Response().Header().Set("Content-Disposition", `attachment; filename="report.csv"`)
			c.Response().Header().Set("Content-Encoding", "gzip")
			return notFound()
		})
		return e
	})
}
