//go:build !race

package echofault

const raceEnabled = false
