package catalog

import "sort"

// Entry is one code's template in a loaded catalog, with where it came
// from.
type Entry struct {
	*Template
	Code      int    // negative, e.g. -40069
	Key       string // as written: "E40069", "W40069" or "40069"
	Level     Level  // from the key's prefix; LevelError for readable texts
	File      string // the file that defined it
	Line      int    // the line of the key in File
	Framework bool   // defined by zerofault's embedded catalogs
}

// Catalog is a loaded, immutable set of error templates and readable
// texts, compiled for one locale. It is safe for concurrent use.
type Catalog struct {
	locale   string
	errors   map[int]*Entry
	readable map[int]*Entry
}

// Locale returns the BCP 47 tag the templates were compiled for.
func (c *Catalog) Locale() string { return c.locale }

// Lookup returns the error template of code (negative, e.g. -40069). The
// Entry is a copy: a catalog cannot be changed through it.
func (c *Catalog) Lookup(code int) (Entry, bool) {
	if e, ok := c.errors[code]; ok {
		return *e, true
	}
	return Entry{}, false
}

// Readable returns the readable text of code, if an overlay defines one.
func (c *Catalog) Readable(code int) (Entry, bool) {
	if e, ok := c.readable[code]; ok {
		return *e, true
	}
	return Entry{}, false
}

// Len returns the number of error templates.
func (c *Catalog) Len() int { return len(c.errors) }

// Codes returns every code with an error template, in descending order
// (-10001 before -10002), the order the files conventionally use.
func (c *Catalog) Codes() []int {
	return sortedCodes(c.errors)
}

// ReadableCodes returns every code with a readable text, like Codes.
func (c *Catalog) ReadableCodes() []int {
	return sortedCodes(c.readable)
}

func sortedCodes(m map[int]*Entry) []int {
	codes := make([]int, 0, len(m))
	for code := range m {
		codes = append(codes, code)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(codes)))
	return codes
}
