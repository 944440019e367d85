package decl

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Catalog is one catalog file as written: its keys, their lines and their
// template sources. Unlike package catalog it compiles nothing and keeps
// going past bad keys, because the lint wants to see every template,
// including those a loader would refuse.
type Catalog struct {
	Path     string
	Readable bool // a readable overlay (bare-number keys), not an error catalog
	Entries  []*Entry
	byCode   map[int]*Entry
}

// Entry is one key of a catalog file.
type Entry struct {
	Catalog *Catalog
	Key     string // as written: "E40011", "W40011" or, in an overlay, "40011"
	Code    int    // negative
	Line    int
	Source  string // the template
}

// Where returns "file:line" of the entry.
func (e *Entry) Where() string { return e.Catalog.Path + ":" + strconv.Itoa(e.Line) }

// Lookup returns the entry of code, if the file has one.
func (c *Catalog) Lookup(code int) (*Entry, bool) {
	e, ok := c.byCode[code]
	return e, ok
}

// ParseCatalog reads a catalog file: an error catalog, whose keys are E, W
// or I and the code's digits, or a readable overlay, whose keys are the
// bare digits. A key repeated under any prefix keeps its first entry; the
// repetition is reported, as are malformed keys and non-string values.
func ParseCatalog(name string, data []byte, readable bool) (*Catalog, []Finding) {
	c := &Catalog{Path: name, Readable: readable, byCode: map[int]*Entry{}}
	var fs []Finding
	bad := func(line int, key, msg string) {
		fs = append(fs, Finding{File: name, Line: line, Key: key, Rule: RuleSyntax, Msg: msg, Fatal: true})
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		bad(yamlLine(err), "", strings.TrimPrefix(err.Error(), "yaml: "))
		return c, fs
	}
	if len(doc.Content) == 0 {
		return c, fs // an empty catalog defines nothing; the lint finds what it lacks
	}
	root := deref(doc.Content[0])
	if root.Kind != yaml.MappingNode {
		bad(root.Line, "", "a catalog is a mapping of keys to templates, found "+describe(root))
		return c, fs
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := deref(root.Content[i]), deref(root.Content[i+1])
		code, msg := catalogKey(k, readable)
		if msg != "" {
			bad(k.Line, k.Value, msg)
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
			bad(v.Line, k.Value, "want a template string, found "+describe(v))
			continue
		}
		if prev, dup := c.byCode[code]; dup {
			bad(k.Line, k.Value, "the code is already defined by "+prev.Key+" on line "+strconv.Itoa(prev.Line))
			continue
		}
		e := &Entry{Catalog: c, Key: k.Value, Code: code, Line: k.Line, Source: v.Value}
		c.Entries = append(c.Entries, e)
		c.byCode[code] = e
	}
	return c, fs
}

// catalogKey reads a key as a code, or says why it is not one.
func catalogKey(k *yaml.Node, readable bool) (int, string) {
	if k.Kind != yaml.ScalarNode {
		return 0, "a key must be a plain scalar, found " + describe(k)
	}
	digits := k.Value
	if !readable {
		if digits == "" || !strings.ContainsRune("EWI", rune(digits[0])) {
			return 0, "an error catalog key is E, W or I followed by the code's digits"
		}
		digits = digits[1:]
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n <= 0 || n > -minCode || strings.TrimLeft(digits, "0123456789") != "" {
		if readable {
			return 0, "a readable key is the code's digits without the minus sign"
		}
		return 0, "the code after the prefix is not a positive number"
	}
	return -n, ""
}
