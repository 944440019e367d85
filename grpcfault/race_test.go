//go:build race

package grpcfault_test

const raceEnabled = true
