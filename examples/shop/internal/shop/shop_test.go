package shop

import (
	"strings"
	"testing"

	"github.com/zeroport/zerofault/examples/shop/shoperr"
)

// Out-of-stock texts read well for every count, 0 among them, in every
// language the shop ships.
func TestOutOfStockTexts(t *testing.T) {
	b, err := shoperr.Readable()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang      string
		available int
		want      string
	}{
		{"en", 0, "Sorry, this item is sold out."},
		{"en", 1, "Sorry, only one is left in stock."},
		{"en", 2, "Sorry, only 2 are left in stock."},
		{"en", 1500, "Sorry, only 1,500 are left in stock."},
		{"zh-CN", 0, "抱歉，该商品已售罄。"},
		{"zh-CN", 1, "抱歉，库存仅剩 1 件。"},
		{"zh-CN", 7, "抱歉，库存仅剩 7 件。"},
	}
	for _, tc := range cases {
		got, _, ok := b.Text(b.Match(tc.lang), shoperr.CodeOutOfStock, "MUG-02", 3, tc.available)
		if !ok || got != tc.want {
			t.Errorf("%s, %d left: %q, want %q", tc.lang, tc.available, got, tc.want)
		}
	}
	// And no text of the shop says "none are" or "0 件".
	for _, lang := range []string{"en", "zh-CN"} {
		got, _, _ := b.Text(b.Match(lang), shoperr.CodeOutOfStock, "MUG-02", 3, 0)
		if strings.Contains(got, "none are") || strings.Contains(got, "0 件") {
			t.Errorf("%s: %q", lang, got)
		}
	}
}

// The stock is restocked the moment it sells out, and order ids are
// random: a replayed tour sees the same answers.
func TestRestock(t *testing.T) {
	s := New()
	for range 3 {
		o, err := s.PlaceOrder("1", OrderRequest{SKU: "MUG-02", Quantity: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(o.ID) != 16 {
			t.Errorf("order id %q", o.ID)
		}
	}
	if _, err := s.PlaceOrder("1", OrderRequest{SKU: "MUG-02", Quantity: 2}); !shoperr.IsOutOfStock(err) {
		t.Errorf("2 mugs: %v", err)
	}
}
