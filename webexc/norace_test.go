//go:build !race

package webexc_test

const raceEnabled = false
