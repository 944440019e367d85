package webexc

import (
	"github.com/zeroport/zerofault/internal/faultid"
	"github.com/zeroport/zerofault/internal/jsontext"
)

// An exception's id is 64 random bits from package faultid (shared with
// httpfault's standard exceptions), so that making one costs no lock and
// no allocation, and no client can count failures by it; it is written
// out as 16 hex digits only when asked for.

// ID returns the exception's id: unique within the process, and unlikely
// to repeat across processes, unless SetID replaced it.
func (e *WebException) ID() string {
	if e.given != nil && e.given.id != "" {
		return e.given.id
	}
	return faultid.String(e.id)
}

// AppendID appends the id, as ID returns it, without making a string of
// it: for writers that put it straight into a buffer.
func (e *WebException) AppendID(dst []byte) []byte {
	if e.given != nil && e.given.id != "" {
		return append(dst, e.given.id...)
	}
	return faultid.AppendHex(dst, e.id)
}

// appendID appends the id, escaped for the inside of a JSON string.
func (e *WebException) appendID(dst []byte) []byte {
	if e.given != nil && e.given.id != "" {
		return jsontext.AppendEscaped(dst, e.given.id)
	}
	return faultid.AppendHex(dst, e.id)
}

// SetID replaces the id, e.g. with the request id a gateway assigned;
// SetID("") restores the generated one.
func (e *WebException) SetID(text string) *WebException {
	g := e.give()
	g.id = text
	return e
}

// given holds what was given to an exception rather than formatted or
// generated: a readable text (SetReadable, Rebuild) and an id (SetID).
// Few exceptions have either, so a WebException points to one, if at all,
// rather than every exception carrying the fields.
type given struct {
	readable    string
	hasReadable bool
	id          string // "": the generated one
	remote      bool   // rebuilt from another process's answer (Rebuild)
}

// give returns a given of e's own to change: a copy, since copies of an
// exception value share the pointer.
func (e *WebException) give() *given {
	g := new(given)
	if e.given != nil {
		*g = *e.given
	}
	e.given = g
	return g
}
