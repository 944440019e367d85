package main

import (
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	echofault "github.com/zeroport/zerofault/echofault/v5"
	"github.com/zeroport/zerofault/examples/shop/internal/shop"
	"github.com/zeroport/zerofault/httpfault/catalogpage"
)

// Options configure the shop.
type Options struct {
	Logger     *slog.Logger
	DebugToken string // X-Debug-Token value that unlocks debug details; "" never
}

// newServer wires the shop on Echo v5: zerofault's error handler and
// recover middleware, a body limit, a validator that reports JSON field
// names, the routes, and the error catalog page at /errors/.
func newServer(opts Options) (*echo.Echo, error) {
	if err := shop.Load(); err != nil {
		return nil, err
	}
	e := echo.New()
	e.Validator = echofault.NewValidator()
	cfg := echofault.DefaultErrorHandlerConfig
	cfg.Logger = opts.Logger
	// Every problem type URI names the page of its code in the catalog
	// page mounted below.
	cfg.ProblemTypeBase = shop.CatalogPath + "/"
	if opts.DebugToken != "" {
		cfg.Debug = echofault.DebugToken(shop.DebugHeader, opts.DebugToken)
	}
	e.HTTPErrorHandler = echofault.ErrorHandlerWithConfig(cfg)
	e.Use(echofault.Recover())
	e.Use(middleware.BodyLimit(shop.BodyLimit))

	h := &handlers{svc: shop.New()}
	e.POST("/accounts", h.signUp)
	e.GET("/accounts/:id", h.getAccount)
	orders := e.Group("/orders", requireToken)
	orders.POST("", h.placeOrder)
	orders.GET("/:id", h.getOrder)
	// The error catalog in force, as a web page and as JSON.
	page := echo.WrapHandler(http.StripPrefix(shop.CatalogPath, catalogpage.New(nil)))
	e.GET(shop.CatalogPath, page)
	e.GET(shop.CatalogPath+"/*", page)
	e.GET("/boom", func(*echo.Context) error { shop.Boom(); return nil })
	return e, nil
}

type handlers struct{ svc *shop.Service }

// bind reads and validates a request body: the error handler answers
// what fails with -60004, -60011 or -60000.
func bind(c *echo.Context, req any) error {
	if err := c.Bind(req); err != nil {
		return err
	}
	return c.Validate(req)
}

// answer writes v with status, or returns err for the error handler.
func answer(c *echo.Context, status int, v any, err error) error {
	if err != nil {
		return err
	}
	return c.JSON(status, v)
}

func (h *handlers) signUp(c *echo.Context) error {
	var req shop.SignUp
	if err := bind(c, &req); err != nil {
		return err
	}
	a, err := h.svc.SignUp(req)
	return answer(c, http.StatusCreated, a, err)
}

func (h *handlers) getAccount(c *echo.Context) error {
	a, err := h.svc.Account(c.Param("id"))
	return answer(c, http.StatusOK, a, err)
}

func (h *handlers) placeOrder(c *echo.Context) error {
	var req shop.OrderRequest
	if err := bind(c, &req); err != nil {
		return err
	}
	o, err := h.svc.PlaceOrder(c.Get("account").(string), req)
	return answer(c, http.StatusCreated, o, err)
}

func (h *handlers) getOrder(c *echo.Context) error {
	o, err := h.svc.Order(c.Get("account").(string), c.Param("id"))
	return answer(c, http.StatusOK, o, err)
}

// requireToken lets a request through only with the demo bearer token.
func requireToken(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		account, err := shop.Authenticate(c.Request().Header.Get(echo.HeaderAuthorization))
		if err != nil {
			return err
		}
		c.Set("account", account)
		return next(c)
	}
}
