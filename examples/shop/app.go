package main

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/zeroport/zerofault/echofault"
	"github.com/zeroport/zerofault/examples/shop/shoperr"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// demoToken is the bearer token of the seeded account "1"; a real service
// would verify a signed token instead.
const demoToken = "demo-token"

// Options configure the shop.
type Options struct {
	Logger     *slog.Logger
	DebugToken string // X-Debug-Token value that unlocks debug details; "" never
}

// newServer wires the shop: zerofault's error handler and recover
// middleware, a validator that reports JSON field names, and the routes.
func newServer(opts Options) (*echo.Echo, error) {
	cat, err := shoperr.Catalog()
	if err != nil {
		return nil, err
	}
	bundle, err := shoperr.Readable()
	if err != nil {
		return nil, err
	}
	// The shop's catalogs join the framework's for the whole process:
	// exceptions format their messages from catalog.Current().
	catalog.Swap(cat)
	readable.Swap(bundle)

	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.Validator = echofault.NewValidator()
	cfg := echofault.DefaultErrorHandlerConfig
	cfg.Logger = opts.Logger
	if opts.DebugToken != "" {
		cfg.Debug = echofault.DebugToken("X-Debug-Token", opts.DebugToken)
	}
	e.HTTPErrorHandler = echofault.ErrorHandlerWithConfig(cfg)
	e.Use(echofault.Recover())

	h := &handlers{store: newStore()}
	e.POST("/accounts", h.signUp)
	e.GET("/accounts/:id", h.getAccount)
	orders := e.Group("/orders", requireToken)
	orders.POST("", h.placeOrder)
	orders.GET("/:id", h.getOrder)
	e.GET("/boom", h.boom)
	return e, nil
}

type handlers struct{ store *store }

const target zero.Target = "ShopAPI"

type signUpRequest struct {
	Email string `json:"email" validate:"required,email"`
	Name  string `json:"name" validate:"required,min=2,max=64"`
	Age   int    `json:"age" validate:"gte=18"`
}

func (h *handlers) signUp(c echo.Context) error {
	var req signUpRequest
	if err := c.Bind(&req); err != nil {
		return err // the error handler answers binder errors with -60004 or -60011
	}
	if err := c.Validate(&req); err != nil {
		return err // -60000 with every violation listed
	}
	a, ok := h.store.addAccount(req.Email, req.Name)
	if !ok {
		return shoperr.NewAccountExists(target, req.Email)
	}
	return c.JSON(http.StatusCreated, a)
}

func (h *handlers) getAccount(c echo.Context) error {
	a, ok := h.store.account(c.Param("id"))
	if !ok {
		return shoperr.NewAccountNotFound(target, c.Param("id"))
	}
	return c.JSON(http.StatusOK, a)
}

type orderRequest struct {
	SKU      string `json:"sku" validate:"required"`
	Quantity int    `json:"quantity" validate:"required,gte=1,lte=100"`
}

func (h *handlers) placeOrder(c echo.Context) error {
	var req orderRequest
	if err := c.Bind(&req); err != nil {
		return err
	}
	if err := c.Validate(&req); err != nil {
		return err
	}
	o, available, ok := h.store.placeOrder(c.Get("account").(string), req.SKU, req.Quantity)
	if !ok {
		return shoperr.NewOutOfStock(target, req.SKU, req.Quantity, available)
	}
	return c.JSON(http.StatusCreated, o)
}

func (h *handlers) getOrder(c echo.Context) error {
	o, ok := h.store.order(c.Get("account").(string), c.Param("id"))
	if !ok {
		return shoperr.NewOrderNotFound(target, c.Param("id"))
	}
	return c.JSON(http.StatusOK, o)
}

// boom fails the way real code does now and then: a bug that panics. The
// recover middleware answers -60007 without leaking the panic value.
func (h *handlers) boom(c echo.Context) error {
	var prices map[string]int
	prices["TEA-01"]++ // assignment to a nil map
	return c.NoContent(http.StatusOK)
}

// requireToken lets a request through only with the demo bearer token.
func requireToken(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		token, ok := strings.CutPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
		if !ok || token != demoToken {
			return webexc.NewUnauthorized(target)
		}
		c.Set("account", "1")
		return next(c)
	}
}
