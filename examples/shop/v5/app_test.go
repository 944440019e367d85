package main

import (
	"io"
	"log/slog"
	"testing"

	"github.com/labstack/echo/v5"

	"github.com/zeroport/zerofault/examples/shop/internal/shoptest"
)

func testServer(t *testing.T) *echo.Echo {
	e, err := newServer(Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), DebugToken: "let-me-see"})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// The README's tour is what the v5 shop answers, on every replay.
func TestREADMETranscript(t *testing.T) { shoptest.Replay(t, "../../../README.md", testServer(t)) }

func TestBoomDebugOnlyWithToken(t *testing.T) { shoptest.DebugOnlyWithToken(t, testServer(t)) }

func TestBodyLimit(t *testing.T) { shoptest.BodyLimit(t, testServer(t)) }

// A 404 and a validation failure answer in all ten languages.
func TestTenLanguages(t *testing.T) { shoptest.TenLanguages(t, testServer(t)) }

// Every problem type URI of the shop leads to its code's catalog page.
func TestProblemTypes(t *testing.T) { shoptest.ProblemTypes(t, testServer(t)) }
