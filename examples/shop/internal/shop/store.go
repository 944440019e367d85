package shop

import (
	"maps"
	"strconv"
	"sync"

	"github.com/zeroport/zerofault/internal/faultid"
)

// Account is a customer account.
type Account struct {
	ID    string `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

// Order is a customer's order of one item.
type Order struct {
	ID       string `json:"id"`
	Account  string `json:"account"`
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// store is the shop's in-memory data: enough state for every error the
// demo shows, and no database to install.
type store struct {
	mu       sync.Mutex
	accounts map[string]Account
	byEmail  map[string]string
	orders   map[string]Order
	stock    map[string]int
	nextID   int
}

// initialStock is what the warehouse holds at start, and what it holds
// again the moment an item sells out: the demo restocks at once, so that
// the README's tour answers the same on every replay.
var initialStock = map[string]int{"TEA-01": 12, "MUG-02": 1, "POT-03": 0}

func newStore() *store {
	s := &store{
		accounts: map[string]Account{},
		byEmail:  map[string]string{},
		orders:   map[string]Order{},
		stock:    maps.Clone(initialStock),
		nextID:   1,
	}
	s.addAccount("ada@example.com", "Ada")
	return s
}

// addAccount stores a new account; ok is false when the email is taken.
func (s *store) addAccount(email, name string) (a Account, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, taken := s.byEmail[email]; taken {
		return Account{}, false
	}
	a = Account{ID: strconv.Itoa(s.nextID), Email: email, Name: name}
	s.nextID++
	s.accounts[a.ID] = a
	s.byEmail[email] = a.ID
	return a, true
}

func (s *store) account(id string) (Account, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.accounts[id]
	return a, ok
}

// placeOrder takes quantity items of sku from stock; available is what
// was in stock when it is not enough.
func (s *store) placeOrder(account, sku string, quantity int) (o Order, available int, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	available = s.stock[sku]
	if quantity > available {
		return Order{}, available, false
	}
	s.stock[sku] = available - quantity
	if s.stock[sku] == 0 {
		s.stock[sku] = initialStock[sku]
	}
	// Random ids, as a real shop's would be: an order id tells no one how
	// many orders the shop took, and the tour replays the same.
	o = Order{ID: faultid.String(faultid.Next()), Account: account, SKU: sku, Quantity: quantity}
	s.orders[o.ID] = o
	return o, available, true
}

func (s *store) order(account, id string) (Order, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	return o, ok && o.Account == account
}
