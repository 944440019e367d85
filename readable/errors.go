package readable

import (
	"errors"
	"fmt"

	"github.com/zeroport/zerofault/internal/catfile"
	"github.com/zeroport/zerofault/zero/catalog"
)

// LoadError is the error type of Load: the catalog loader's, so that one
// errors.As, and catalog.Problems, serve both kinds of file.
type LoadError = catalog.LoadError

// Problems lists the LoadErrors inside an error returned by Load, in the
// order they were found. It is catalog.Problems.
func Problems(err error) []*LoadError { return catalog.Problems(err) }

// Sentinel causes a LoadError may wrap, for errors.Is. Problems shared with
// the catalog loader wrap the catalog's sentinels (catalog.ErrDuplicate,
// catalog.ErrKey, catalog.ErrValue, catalog.ErrShape, catalog.ErrEmpty,
// catalog.ErrDocuments, catalog.ErrUnknownCode); those below are
// readable's own.
var (
	// ErrPlural: a plural map is malformed (unknown category, no "other",
	// a bad "count").
	ErrPlural = catfile.ErrPlural
	// ErrLanguage: a file's language is not a BCP 47 tag, or has no plural
	// rules to choose forms with.
	ErrLanguage = errors.New("unusable language")
)

// problem locates err in a file; format, when not "", details it while
// keeping err for errors.Is.
func problem(file string, line int, key string, err error, format string, args ...any) *LoadError {
	if format != "" {
		err = fmt.Errorf("%w: "+format, append([]any{err}, args...)...)
	}
	return &LoadError{File: file, Line: line, Key: key, Err: err}
}
