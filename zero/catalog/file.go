package catalog

import "github.com/zeroport/zerofault/internal/catfile"

// kind tells an error catalog from a readable overlay.
type kind int

const (
	// errorsKind is an error catalog: keys E<n>, W<n>, I<n>.
	errorsKind kind = iota
	// readablesKind is a readable overlay: keys are bare numbers.
	readablesKind
)

// Level is the log level a key's prefix gives its code.
type Level byte

// The levels, spelled as the key prefixes.
const (
	LevelError Level = 'E'
	LevelWarn  Level = 'W'
	LevelInfo  Level = 'I'
)

// String returns "Error", "Warn" or "Info".
func (l Level) String() string {
	switch l {
	case LevelWarn:
		return "Warn"
	case LevelInfo:
		return "Info"
	}
	return "Error"
}

// parseFile reads one catalog file by the rules all catalog readers share
// (internal/catfile). It returns the well-formed entries and a problem for
// each malformed one, so one bad key does not hide the rest, and adds the
// code of every well-formed key to named, malformed value or not.
func parseFile(name string, data []byte, k kind, named map[int]bool) ([]catfile.Entry, []error) {
	ck := catfile.Errors
	if k == readablesKind {
		ck = catfile.Readable
	}
	entries, probs := catfile.Parse(data, ck)
	var errs []error
	for _, p := range probs {
		errs = append(errs, &LoadError{File: name, Line: p.Line, Key: p.Key, Err: p.Err})
		if p.Code != 0 {
			named[p.Code] = true
		}
	}
	for _, e := range entries {
		named[e.Code] = true
	}
	return entries, errs
}
