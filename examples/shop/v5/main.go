// Command v5 is zerofault's demo service on Echo v5: the same
// accounts-and-orders API as examples/shop (Echo v4), from the same
// domain code, answering the README's tour byte for byte alike.
//
//	go run ./examples/shop/v5
//	curl -s localhost:8080/accounts/42
//
// It serves the error catalog page at /errors/ too.
package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"

	"github.com/labstack/echo/v5"
)

func main() {
	addr := flag.String("addr", "localhost:8080", "address to listen on")
	flag.Parse()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	e, err := newServer(Options{Logger: logger, DebugToken: os.Getenv("SHOP_DEBUG_TOKEN")})
	if err != nil {
		logger.Error("shop: cannot start", "err", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	logger.Info("shop: listening", "addr", *addr, "echo", "v5")
	sc := echo.StartConfig{Address: *addr, HideBanner: true, HidePort: true}
	if err := sc.Start(ctx, e); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("shop: stopped", "err", err)
		os.Exit(1)
	}
}
