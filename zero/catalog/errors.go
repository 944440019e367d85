package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"

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

// Sentinel causes, for errors.Is on a LoadError.
var (
	// ErrEmpty: the file holds no entries at all.
	ErrEmpty = errors.New("catalog is empty")
	// ErrDuplicate: a key, or a code under another prefix, is defined twice.
	ErrDuplicate = errors.New("code defined twice")
	// ErrFrameworkCode: an application key redefines a framework code
	// without AllowOverride.
	ErrFrameworkCode = errors.New("redefines a framework code")
	// ErrUnknownCode: a readable overlay names a code no error catalog defines.
	ErrUnknownCode = errors.New("readable text for a code no error catalog defines")
	// ErrKey: a key does not have the required form.
	ErrKey = errors.New("malformed key")
	// ErrValue: a value is not a string.
	ErrValue = errors.New("value must be a string")
	// ErrShape: the document is not a mapping of keys to strings.
	ErrShape = errors.New("catalog must be a mapping of keys to message strings")
)

// yamlLine finds the line number in a yaml.v3 syntax error message
// ("yaml: line 3: ..."); yaml.v3 offers it no other way.
var yamlLine = regexp.MustCompile(`line (\d+)`)

func lineOf(err error) int {
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 1
}

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
