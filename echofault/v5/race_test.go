//go:build race

package echofault_test

const raceEnabled = true
