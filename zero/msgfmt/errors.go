package msgfmt

import "strconv"

// A SyntaxError reports a pattern that java.text.MessageFormat rejects while
// parsing (applyPattern). Compile returns it; a Message never produces one
// while formatting, except wrapped in an *ArgError for a choice sub-message
// (see ArgError).
//
// Msg is the text of the JDK's IllegalArgumentException, so a log line reads
// the same as it did under Java, e.g. "Unmatched braces in the pattern." or
// "unknown format type: foo".
type SyntaxError struct {
	Pattern string // the pattern being compiled
	Offset  int    // byte offset in Pattern: the offending character of a number or date style when known, else the element's '{'; -1 if unknown
	Msg     string // the JDK's message
}

func (e *SyntaxError) Error() string {
	if e.Offset < 0 {
		return "msgfmt: " + e.Msg
	}
	return "msgfmt: offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// An ArgError reports an argument that a compiled Message cannot format,
// such as a string given to {0,number} ("Cannot format given Object as a
// Number"), or a choice branch whose selected text is not a valid pattern.
// In the JDK both are exceptions thrown by MessageFormat.format.
//
// Err, when non-nil, is the underlying cause: a *SyntaxError for a selected
// choice text that does not parse (the JDK parses that text only when the
// branch is chosen, so the error belongs to formatting, not to Compile).
// Errors from nested choice sub-messages are returned unchanged, so Index is
// then the index inside the sub-message (which shares its arguments).
type ArgError struct {
	Index int    // the argument index of the element that failed
	Msg   string // the JDK's message
	Err   error  // the cause, or nil
}

func (e *ArgError) Error() string {
	return "msgfmt: argument " + strconv.Itoa(e.Index) + ": " + e.Msg
}

// Unwrap returns the cause, so errors.As can reach a nested *SyntaxError.
func (e *ArgError) Unwrap() error { return e.Err }

// JDK messages for format-phase failures.
const (
	msgNotNumber = "Cannot format given Object as a Number"
	msgNotDate   = "Cannot format given Object as a Date"
	// The JDK fails with ArrayIndexOutOfBoundsException ("Index 0 out of
	// bounds for length 0") when a choice format without any choice is
	// asked to format a number.
	msgEmptyChoice = "Index 0 out of bounds for length 0"
)
