//go:build race

package msgfmt_test

const raceEnabled = true
