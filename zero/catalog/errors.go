package catalog

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/zeroport/zerofault/internal/catfile"
	"github.com/zeroport/zerofault/internal/errtree"
)

// LoadError reports one problem found while loading a catalog file. Load
// returns every problem it found, joined with errors.Join, so nothing is lost
// to the first one; use errors.As to reach a LoadError, or range over
// Problems.
type LoadError struct {
	File string // the file's name as given to Load
	Line int    // 1-based line of the problem, 0 when the file could not be read
	Key  string // the key concerned, "" for a problem with the file as a whole
	Err  error  // what is wrong
}

// Error formats the problem as "file:line: key K: message".
func (e *LoadError) Error() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
	}
	if e.Key != "" {
		s += ": key " + e.Key
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the underlying error, e.g. a *msgfmt.SyntaxError.
func (e *LoadError) Unwrap() error { return e.Err }

// Problems lists the LoadErrors inside an error returned by Load, in the
// order they were found.
func Problems(err error) []*LoadError {
	var out []*LoadError
	for e := range errtree.All(err) {
		if le, ok := e.(*LoadError); ok {
			out = append(out, le)
		}
	}
	return out
}

// Sentinel causes, for errors.Is on a LoadError. The readable loader and
// the generator's lint report the same causes, being the same rules.
var (
	// ErrEmpty: the file holds no entries at all.
	ErrEmpty = catfile.ErrEmpty
	// ErrDuplicate: a key, or a code under another prefix, is defined twice.
	ErrDuplicate = catfile.ErrDuplicate
	// ErrFrameworkCode: an application key redefines a framework code
	// without AllowOverride.
	ErrFrameworkCode = errors.New("redefines a framework code")
	// ErrUnknownCode: a readable overlay names a code no error catalog defines.
	ErrUnknownCode = errors.New("readable text for a code no error catalog defines")
	// ErrArgs: a readable text uses an argument its code's template does
	// not take, e.g. {5} where the template takes two. The exception has
	// no such param, so the placeholder would print as written.
	ErrArgs = errors.New("readable text uses an argument its code's template does not take")
	// ErrKey: a key does not have the required form.
	ErrKey = catfile.ErrKey
	// ErrValue: a value is not a string.
	ErrValue = catfile.ErrValue
	// ErrShape: the document is not a mapping of keys to strings.
	ErrShape = catfile.ErrShape
	// ErrDocuments: the file holds more than one YAML document ("---").
	// Only the first would be read, so the file is refused instead.
	ErrDocuments = catfile.ErrDocuments
)

// problem locates err in a file; format, when not "", details it.
func problem(file string, line int, key string, err error, format string, args ...any) *LoadError {
	if format != "" {
		err = wrapf(err, format, args...)
	}
	return &LoadError{File: file, Line: line, Key: key, Err: err}
}

// wrapf details a sentinel error, keeping it for errors.Is.
func wrapf(err error, format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{err}, args...)...)
}
