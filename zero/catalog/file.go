package catalog

import (
	"bytes"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/internal/yamlnode"
)

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

// rawEntry is one key of one file, before templates are compiled.
type rawEntry struct {
	key    string
	code   int // negative
	level  Level
	line   int
	source string
}

// maxCode bounds the number in a key, so that codes stay within int32 and a
// typo of thirty digits is reported instead of wrapping.
const maxCode = 1<<31 - 1

// parseFile reads one catalog file. It returns the well-formed entries and
// a problem for each malformed one, so one bad key does not hide the rest.
func parseFile(name string, data []byte, k kind) ([]rawEntry, []error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []error{problem(name, 1, "", ErrEmpty, "")}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, []error{problem(name, lineOf(err), "", err, "")}
	}
	if len(doc.Content) == 0 {
		return nil, []error{problem(name, 1, "", ErrEmpty, "the file holds only comments")}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, []error{problem(name, root.Line, "", ErrShape, "found %s", yamlnode.Kind(root))}
	}
	if len(root.Content) == 0 {
		return nil, []error{problem(name, root.Line, "", ErrEmpty, "")}
	}
	var (
		entries []rawEntry
		errs    []error
		seen    = make(map[int]rawEntry, len(root.Content)/2)
	)
	for i := 0; i+1 < len(root.Content); i += 2 {
		keyNode, value := root.Content[i], root.Content[i+1]
		if keyNode.Kind != yaml.ScalarNode {
			errs = append(errs, problem(name, keyNode.Line, "", ErrKey, "a key must be a plain scalar, found %s", yamlnode.Kind(keyNode)))
			continue
		}
		e, err := parseKey(keyNode.Value, k)
		if err != nil {
			errs = append(errs, problem(name, keyNode.Line, keyNode.Value, err, ""))
			continue
		}
		e.line = keyNode.Line
		if value.Kind == yaml.AliasNode && value.Alias != nil {
			value = value.Alias
		}
		if value.Kind != yaml.ScalarNode || value.Tag != "!!str" {
			errs = append(errs, problem(name, value.Line, keyNode.Value, ErrValue, "found %s (quote it)", yamlnode.Kind(value)))
			continue
		}
		e.source = value.Value
		if prev, dup := seen[e.code]; dup {
			if prev.key == e.key {
				errs = append(errs, problem(name, e.line, e.key, ErrDuplicate, "first defined on line %d", prev.line))
			} else {
				errs = append(errs, problem(name, e.line, e.key, ErrDuplicate, "one number under two prefixes: %s is on line %d", prev.key, prev.line))
			}
			continue
		}
		seen[e.code] = e
		entries = append(entries, e)
	}
	return entries, errs
}

// parseKey reads "E40069" (errorsKind) or "40069" (readablesKind) as code -40069.
func parseKey(key string, k kind) (rawEntry, error) {
	e := rawEntry{key: key, level: LevelError}
	digits := key
	if k == errorsKind {
		if key == "" || (key[0] != 'E' && key[0] != 'W' && key[0] != 'I') {
			return e, wrapf(ErrKey, "an error catalog key is E, W or I followed by the code's digits, e.g. E40069")
		}
		e.level, digits = Level(key[0]), key[1:]
	}
	if digits == "" {
		return e, wrapf(ErrKey, "the code's digits are missing")
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			if k == readablesKind {
				return e, wrapf(ErrKey, "a readable key is the code's bare digits, e.g. 80220")
			}
			return e, wrapf(ErrKey, "the code %q is not a number", digits)
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n > maxCode {
		return e, wrapf(ErrKey, "the code %s is out of range (at most %d)", digits, maxCode)
	}
	if n == 0 {
		return e, wrapf(ErrKey, "code 0 is not an error code")
	}
	e.code = -n
	return e, nil
}
