package yamlnode

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"
)

// ErrDocuments is the cause of a file that holds more than one YAML
// document. yaml.Unmarshal reads the first document and ignores the rest,
// which would drop whatever a user wrote after a "---" without a word.
var ErrDocuments = errors.New("the file holds more than one YAML document")

// Error is a problem with a YAML file as a whole: its syntax, or a second
// document.
type Error struct {
	Line int   // 1-based
	Err  error // a yaml.v3 error, or ErrDocuments wrapped with detail
}

// Error returns the cause's text; the caller places it in its file.
func (e *Error) Error() string { return e.Err.Error() }

// Unwrap returns the cause, for errors.Is(err, ErrDocuments).
func (e *Error) Unwrap() error { return e.Err }

// Document parses data as exactly one YAML document and returns its root
// node: nil when the file is empty or holds only comments, else the
// document's single content node (which may be a null scalar, for a file
// that says only "---"). Aliases are left as they are.
//
// A syntax error anywhere in the file, or a second document, is an *Error
// at its line, so that nothing after a "---" is dropped silently.
func Document(data []byte) (*yaml.Node, *Error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case err == io.EOF:
		return nil, nil
	case err != nil:
		return nil, &Error{Line: Line(err), Err: err}
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
	case err != nil:
		return nil, &Error{Line: Line(err), Err: err}
	default:
		return nil, &Error{Line: next.Line, Err: errDocumentAt(next.Line)}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

func errDocumentAt(line int) error {
	return &documentsError{line}
}

// documentsError details ErrDocuments with where the second document
// starts and what to do about it.
type documentsError struct{ line int }

func (e *documentsError) Error() string {
	return ErrDocuments.Error() + ": a second one starts with the \"---\" on line " + strconv.Itoa(e.line) +
		"; merge the documents into one, or put each in a file of its own"
}

func (e *documentsError) Unwrap() error { return ErrDocuments }

// yamlLine finds the line in a yaml.v3 error ("yaml: line 3: …"), the only
// place yaml.v3 gives it.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// Line returns the line a yaml.v3 error names, or 1 when it names none.
func Line(err error) int {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			return n
		}
	}
	return 1
}
