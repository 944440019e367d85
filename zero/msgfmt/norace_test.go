//go:build !race

package msgfmt_test

const raceEnabled = false
