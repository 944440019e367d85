//go:build race

package httpfault_test

const raceEnabled = true
