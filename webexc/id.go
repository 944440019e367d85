package webexc

import "github.com/zeroport/zerofault/internal/faultid"

// id is an exception id: a number from the process's one id sequence
// (package faultid, shared with echofault's standard exceptions), so that
// making one costs an atomic add and no allocation; it is written out as
// 16 hex digits only when asked for.
type id struct {
	n    uint64
	text string // set by SetID; wins over n
}

// newID returns the next id of the sequence.
func newID() id { return id{n: faultid.Next()} }

// String returns the id's text.
func (i id) String() string {
	if i.text != "" {
		return i.text
	}
	return faultid.String(i.n)
}
