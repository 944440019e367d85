package webexc

import "github.com/zeroport/zerofault/internal/faultid"

// id is an exception id: 64 random bits from package faultid (shared
// with httpfault's standard exceptions), so that making one costs no lock
// and no allocation, and no client can count failures by it; it is
// written out as 16 hex digits only when asked for.
type id struct {
	n uint64
	// text is set by SetID and wins over n; a pointer, so that the few
	// exceptions that have one do not make every exception bigger.
	text *string
}

// newID returns a fresh id.
func newID() id { return id{n: faultid.Next()} }

// String returns the id's text.
func (i id) String() string {
	if i.text != nil {
		return *i.text
	}
	return faultid.String(i.n)
}

// set sets the id's text; "" restores the generated one.
func (i *id) set(text string) {
	if text == "" {
		i.text = nil
		return
	}
	i.text = &text
}
