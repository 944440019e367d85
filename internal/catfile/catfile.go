// Package catfile reads one catalog file by the rules every reader of
// catalogs shares: the catalog loader (zero/catalog), the readable loader
// (readable) and the generator's lint (gen). One parser means one verdict:
// a file the lint accepts is a file the loaders accept, and the other way
// round, with the same words for each problem.
//
// A file is one YAML document holding one mapping. An error catalog maps
// E<n>, W<n> or I<n> to a template string; a readable overlay maps the
// bare number n to a text. The overlays package readable reads may also
// map a number to the CLDR plural forms of its text. What happens with
// the entries (compiling templates, merging files) is the readers' own.
package catfile

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/internal/yamlnode"
)

// Kind is what a file maps its keys to.
type Kind int

const (
	// Errors is an error catalog (vertx-error.yml): keys E<n>, W<n>, I<n>,
	// values template strings.
	Errors Kind = iota
	// Readable is a readable overlay as the catalog loader reads it: bare
	// number keys, string values only.
	Readable
	// Texts is a readable overlay as package readable reads it: bare
	// number keys, strings or maps of plural forms.
	Texts
)

// Sentinel causes; the loaders export them under their own names
// (catalog.ErrEmpty is ErrEmpty), so errors.Is works across packages.
var (
	// ErrEmpty: the file holds no entries (nothing, comments, "{}").
	ErrEmpty = errors.New("catalog is empty")
	// ErrDuplicate: a code is defined twice, under one prefix or two.
	ErrDuplicate = errors.New("code defined twice")
	// ErrKey: a key is not E/W/I and digits, or bare digits in an overlay.
	ErrKey = errors.New("malformed key")
	// ErrValue: a value is not a string (or, in Texts, a plural map).
	ErrValue = errors.New("value must be a string")
	// ErrShape: the document is not a mapping.
	ErrShape = errors.New("catalog must be a mapping of keys to message strings")
	// ErrPlural: a plural map is malformed.
	ErrPlural = errors.New("malformed plural map")
	// ErrDocuments: the file holds a second YAML document.
	ErrDocuments = yamlnode.ErrDocuments
)

// MaxCode bounds the number in a key, so that codes stay within int32 and
// a typo of thirty digits is reported instead of wrapping.
const MaxCode = 1<<31 - 1

// MaxArg is the highest argument index a plural map's count may name, as
// in msgfmt.
const MaxArg = 9999

// The CLDR plural categories, in go-i18n's order; a plural text's forms
// are indexed by them.
const (
	FormZero = iota
	FormOne
	FormTwo
	FormFew
	FormMany
	FormOther
	NumForms
)

// FormNames spells the plural categories as a map's keys do.
var FormNames = [NumForms]string{"zero", "one", "two", "few", "many", "other"}

// Entry is one well-formed key of a file.
type Entry struct {
	Key   string // as written: "E40069", "W40069" or "40069"
	Code  int    // negative
	Level byte   // the key's prefix, 'E', 'W' or 'I'; 'E' in an overlay
	Line  int    // of the key
	Text  string // the template; for a plural map, its "other" form

	// TextLine is the line of the value, which may follow the key's.
	TextLine int

	// Plural is set for a map of plural forms (Texts only).
	Plural *Plural
}

// Plural is a text written as a map of CLDR plural forms.
type Plural struct {
	Forms [NumForms]string
	Lines [NumForms]int  // of each form's value
	Has   [NumForms]bool // "other" always is
	Count int            // the argument whose value picks the form
}

// Problem is one thing wrong with a file, at a line, perhaps of a key.
type Problem struct {
	Line int    // 1-based
	Key  string // "" for a problem with the file as a whole
	Code int    // the key's code when the key itself is well-formed, else 0
	Err  error  // wraps one of the sentinels, or is a yaml.v3 error
}

func problem(line int, key string, err error, format string, args ...any) Problem {
	if format != "" {
		err = fmt.Errorf("%w: "+format, append([]any{err}, args...)...)
	}
	return Problem{Line: line, Key: key, Err: err}
}

// Parse reads one file of kind k. It returns the well-formed entries, in
// the file's order, and a problem for each malformed one, so that one bad
// key does not hide the rest. A file with any problem must not load.
func Parse(data []byte, k Kind) ([]Entry, []Problem) {
	root, yerr := yamlnode.Document(data)
	if yerr != nil {
		return nil, []Problem{{Line: yerr.Line, Err: yerr.Err}}
	}
	if root == nil {
		if len(strings.TrimSpace(string(data))) == 0 {
			return nil, []Problem{problem(1, "", ErrEmpty, "")}
		}
		return nil, []Problem{problem(1, "", ErrEmpty, "the file holds only comments")}
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, []Problem{problem(1, "", ErrEmpty, "the document holds no mapping")}
	}
	if root.Kind != yaml.MappingNode {
		return nil, []Problem{problem(root.Line, "", ErrShape, "found %s", yamlnode.Kind(root))}
	}
	if len(root.Content) == 0 {
		return nil, []Problem{problem(root.Line, "", ErrEmpty, "")}
	}
	var (
		entries []Entry
		probs   []Problem
		seen    = make(map[int]Entry, len(root.Content)/2)
	)
	for i := 0; i+1 < len(root.Content); i += 2 {
		keyNode, value := root.Content[i], root.Content[i+1]
		if keyNode.Kind != yaml.ScalarNode {
			probs = append(probs, problem(keyNode.Line, "", ErrKey, "a key must be a plain scalar, found %s", yamlnode.Kind(keyNode)))
			continue
		}
		e, err := parseKey(keyNode.Value, k)
		if err != nil {
			probs = append(probs, Problem{Line: keyNode.Line, Key: keyNode.Value, Err: err})
			continue
		}
		e.Line = keyNode.Line
		before := len(probs)
		if value.Kind == yaml.AliasNode && value.Alias != nil {
			value = value.Alias
		}
		ok := true
		switch {
		case value.Kind == yaml.ScalarNode && value.Tag == "!!str":
			e.Text, e.TextLine = value.Value, value.Line
		case value.Kind == yaml.MappingNode && k == Texts:
			p, perr := parsePlural(keyNode, value)
			if len(perr) > 0 {
				probs, ok = append(probs, perr...), false
				break
			}
			e.Plural, e.Text, e.TextLine = p, p.Forms[FormOther], p.Lines[FormOther]
		case k == Texts:
			probs, ok = append(probs, problem(value.Line, e.Key, ErrValue, "found %s (quote it, or write a map of plural forms)", yamlnode.Kind(value))), false
		case value.Kind == yaml.MappingNode && k == Readable:
			probs, ok = append(probs, problem(value.Line, e.Key, ErrValue,
				"found a mapping: the catalog loader reads this overlay and takes strings only (use MessageFormat's choice here, and plural maps in translations)")), false
		default:
			probs, ok = append(probs, problem(value.Line, e.Key, ErrValue, "found %s (quote it)", yamlnode.Kind(value))), false
		}
		if prev, dup := seen[e.Code]; ok && dup {
			if prev.Key == e.Key {
				probs = append(probs, problem(e.Line, e.Key, ErrDuplicate, "first defined on line %d", prev.Line))
			} else {
				probs = append(probs, problem(e.Line, e.Key, ErrDuplicate, "one number under two prefixes: %s is on line %d", prev.Key, prev.Line))
			}
			ok = false
		}
		for i := before; i < len(probs); i++ {
			probs[i].Code = e.Code
		}
		if !ok {
			continue
		}
		seen[e.Code] = e
		entries = append(entries, e)
	}
	return entries, probs
}

// parseKey reads "E40069" (Errors) or "40069" (overlays) as code -40069.
func parseKey(key string, k Kind) (Entry, error) {
	e := Entry{Key: key, Level: 'E'}
	digits := key
	if k == Errors {
		if key == "" || (key[0] != 'E' && key[0] != 'W' && key[0] != 'I') {
			return e, fmt.Errorf("%w: an error catalog key is E, W or I followed by the code's digits, e.g. E40069", ErrKey)
		}
		e.Level, digits = key[0], key[1:]
	}
	if digits == "" {
		return e, fmt.Errorf("%w: the code's digits are missing", ErrKey)
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			if k != Errors {
				return e, fmt.Errorf("%w: a readable key is the code's bare digits, e.g. 60010", ErrKey)
			}
			return e, fmt.Errorf("%w: the code %q is not a number", ErrKey, digits)
		}
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n > MaxCode {
		return e, fmt.Errorf("%w: the code %s is out of range (at most %d)", ErrKey, digits, MaxCode)
	}
	if n == 0 {
		return e, fmt.Errorf("%w: code 0 is not an error code", ErrKey)
	}
	e.Code = -n
	return e, nil
}

// parsePlural reads a map of plural forms.
func parsePlural(keyNode, m *yaml.Node) (*Plural, []Problem) {
	key := keyNode.Value
	var (
		p         Plural
		probs     []Problem
		countLine int
	)
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		if k.Kind == yaml.ScalarNode && k.Value == "count" {
			if countLine != 0 {
				probs = append(probs, problem(k.Line, key, ErrDuplicate, "count is already given on line %d", countLine))
				continue
			}
			countLine = k.Line
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil || n < 0 || n > MaxArg {
				probs = append(probs, problem(v.Line, key, ErrPlural, "count must be an argument index from 0 to %d, found %q", MaxArg, v.Value))
				continue
			}
			p.Count = n
			continue
		}
		f := formOf(k.Value)
		if k.Kind != yaml.ScalarNode || f < 0 {
			probs = append(probs, problem(k.Line, key, ErrPlural, "unknown plural category %q: use zero, one, two, few, many, other, and count", k.Value))
			continue
		}
		if p.Has[f] {
			probs = append(probs, problem(k.Line, key, ErrDuplicate, "plural form %s is already given on line %d", k.Value, p.Lines[f]))
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
			probs = append(probs, problem(v.Line, key, ErrValue, "plural form %s: found %s (quote it)", k.Value, yamlnode.Kind(v)))
			continue
		}
		p.Forms[f], p.Lines[f], p.Has[f] = v.Value, v.Line, true
	}
	if len(probs) == 0 && !p.Has[FormOther] {
		probs = append(probs, problem(keyNode.Line, key, ErrPlural, "the form other is required"))
	}
	return &p, probs
}

func formOf(name string) int {
	for f, n := range FormNames {
		if n == name {
			return f
		}
	}
	return -1
}

// Language returns the language tag a readable overlay's name carries:
// the text between the last two dots, "zh-CN" for
// vertx-readible.zh-CN.yml. A name without one (vertx-readible.yml) is in
// the default language, and Language returns false. The tag is not
// validated here.
func Language(name string) (tag string, tagged bool) {
	base := path.Base(filepath.ToSlash(name))
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		return base[i+1:], true
	}
	return "", false
}
