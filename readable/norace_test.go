//go:build !race

package readable

const raceEnabled = false
