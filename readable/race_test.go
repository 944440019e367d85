//go:build race

package readable

const raceEnabled = true
