// Package shop is the domain of zerofault's demo service, shared by its
// Echo v4 (examples/shop) and Echo v5 (examples/shop/v5) front ends:
// accounts, orders, stock, and the typed exceptions of package shoperr
// that every failure is. The front ends only bind, validate and answer.
package shop

import (
	"strings"

	"github.com/zeroport/zerofault/examples/shop/shoperr"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
	"github.com/zeroport/zerofault/zero/catalog"
)

// Target is where the shop's exceptions arise.
const Target zero.Target = "ShopAPI"

// BodyLimit bounds a request body, in bytes: a sign-up or an order is a
// few hundred bytes, and nothing bigger is read. Every service should
// set one; Echo's BodyLimit middleware does it for all routes.
const BodyLimit = 64 << 10

// DebugHeader carries the token that unlocks debug details.
const DebugHeader = "X-Debug-Token"

// CatalogPath is where both shops serve the error catalog page; their
// problem type URIs are CatalogPath + "/" + the code's number.
const CatalogPath = "/errors"

// demoToken is the bearer token of the seeded account "1"; a real service
// would verify a signed token instead.
const demoToken = "demo-token"

// Load joins the shop's catalogs to the framework's for the whole
// process: exceptions format their messages from catalog.Current(), and
// responses localize from readable.Current().
func Load() error {
	cat, err := shoperr.Catalog()
	if err != nil {
		return err
	}
	bundle, err := shoperr.Readable()
	if err != nil {
		return err
	}
	catalog.Swap(cat)
	readable.Swap(bundle)
	return nil
}

// SignUp is the body of POST /accounts.
type SignUp struct {
	Email string `json:"email" validate:"required,email,max=254"`
	Name  string `json:"name" validate:"required,min=2,max=64"`
	Age   int    `json:"age" validate:"gte=18"`
}

// OrderRequest is the body of POST /orders.
type OrderRequest struct {
	SKU      string `json:"sku" validate:"required,max=32"`
	Quantity int    `json:"quantity" validate:"required,gte=1,lte=100"`
}

// Service is the shop.
type Service struct{ store *store }

// New returns a shop with its seed data: account "1" (Ada) and a little
// stock.
func New() *Service { return &Service{store: newStore()} }

// SignUp opens an account; the email must be new.
func (s *Service) SignUp(req SignUp) (Account, error) {
	a, ok := s.store.addAccount(req.Email, req.Name)
	if !ok {
		return Account{}, shoperr.NewAccountExists(Target, req.Email)
	}
	return a, nil
}

// Account returns an account.
func (s *Service) Account(id string) (Account, error) {
	a, ok := s.store.account(id)
	if !ok {
		return Account{}, shoperr.NewAccountNotFound(Target, id)
	}
	return a, nil
}

// PlaceOrder takes an order for account, if the stock allows.
func (s *Service) PlaceOrder(account string, req OrderRequest) (Order, error) {
	o, available, ok := s.store.placeOrder(account, req.SKU, req.Quantity)
	if !ok {
		return Order{}, shoperr.NewOutOfStock(Target, req.SKU, req.Quantity, available)
	}
	return o, nil
}

// Order returns one of account's orders.
func (s *Service) Order(account, id string) (Order, error) {
	o, ok := s.store.order(account, id)
	if !ok {
		return Order{}, shoperr.NewOrderNotFound(Target, id)
	}
	return o, nil
}

// Authenticate returns the account an Authorization header stands for.
func Authenticate(authorization string) (account string, err error) {
	token, ok := strings.CutPrefix(authorization, "Bearer ")
	if !ok || token != demoToken {
		return "", webexc.NewUnauthorized(Target)
	}
	return "1", nil
}

// Boom fails the way real code does now and then: a bug that panics. The
// recover middleware answers -60007 without leaking the panic value.
func Boom() {
	var prices map[string]int
	prices["TEA-01"]++ // assignment to a nil map
}
