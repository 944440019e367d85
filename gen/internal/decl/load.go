package decl

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// ReadFunc reads a file by the path a finding would name it by. The
// generator passes os.ReadFile; tests pass a map.
type ReadFunc func(name string) ([]byte, error)

// Set is every declaration of one generator run, with the catalog files
// they name, each read once.
type Set struct {
	Files     []*File             // in the order given
	Catalogs  map[string]*Catalog // error catalogs by path
	Readables map[string]*Catalog // readable overlays by path
}

// Load parses the declaration files names and reads the catalogs and
// overlays they name. It reports what keeps the set from being linted or
// generated: unreadable files, malformed declarations and catalogs, and
// two declarations that would write the same output file.
func Load(read ReadFunc, names ...string) (*Set, []Finding) {
	s := &Set{Catalogs: map[string]*Catalog{}, Readables: map[string]*Catalog{}}
	var out []Finding
	seen := map[string]bool{}
	for _, name := range names {
		name = filepath.Clean(name)
		if seen[name] {
			continue // a file named twice is still one module
		}
		seen[name] = true
		data, err := read(name)
		if err != nil {
			out = append(out, readFinding(name, 0, "", err))
			continue
		}
		f, fs := Parse(name, data)
		out = append(out, fs...)
		if f != nil {
			s.Files = append(s.Files, f)
		}
	}
	for _, f := range s.Files {
		out = append(out, s.readAll(read, f, f.Catalogs, "catalogs", s.Catalogs, false)...)
		out = append(out, s.readAll(read, f, f.Readables, "readables", s.Readables, true)...)
	}
	for _, f := range s.Files {
		for _, e := range f.Exceptions {
			s.derive(e)
		}
	}
	out = append(out, s.collisions()...)
	return s, out
}

// derive fills in what a declaration may leave out, from what it says
// elsewhere: a web exception's status from its template's "(NNN) -"
// prefix, and the class from the status and the name, in the shape of
// Zero's web classes (_409OutOfStockException) or, outside family web,
// the Go type's name (EmptyStreamException). Fields that are declared
// stay as declared, and the lint holds them to the derived facts.
func (s *Set) derive(e *Exception) {
	if e.File.Family == FamilyWeb && e.Status == 0 {
		if entry, ok := s.Template(e); ok {
			if st, ok := PrefixStatus(entry.Source); ok && st >= 100 && st <= 599 {
				e.Status, e.StatusDerived = st, true
			}
		}
	}
	if e.Class == "" {
		e.ClassDerived = true
		e.Class = e.TypeName()
		if e.File.Family == FamilyWeb {
			e.Class = "_" + strconv.Itoa(e.EffectiveStatus()) + e.TypeName()
		}
	}
}

// readAll reads the files refs names into cache, once each.
func (s *Set) readAll(read ReadFunc, f *File, refs []Ref, field string, cache map[string]*Catalog, readable bool) []Finding {
	var out []Finding
	for _, r := range refs {
		if _, ok := cache[r.Path]; ok {
			continue
		}
		data, err := read(r.Path)
		if err != nil {
			out = append(out, readFinding(f.Path, r.Line, field, err))
			continue
		}
		c, fs := ParseCatalog(r.Path, data, readable)
		cache[r.Path] = c
		out = append(out, fs...)
	}
	return out
}

func readFinding(file string, line int, key string, err error) Finding {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = "cannot read " + pe.Path + ": " + pe.Err.Error()
	}
	return Finding{File: file, Line: line, Key: key, Rule: RuleDeclaration, Msg: msg, Fatal: true}
}

// collisions reports two declarations that would write the same file.
func (s *Set) collisions() []Finding {
	var out []Finding
	dirs, docs := map[string]*File{}, map[string]*File{}
	for _, f := range s.Files {
		if prev, ok := dirs[f.Dir]; ok {
			out = append(out, Finding{File: f.Path, Line: 1, Key: "package", Rule: RuleDeclaration, Fatal: true,
				Msg: "a directory holds one declaration file, and " + prev.Path + " is in this one too"})
		} else {
			dirs[f.Dir] = f
		}
		if f.Docs == "" {
			continue
		}
		if prev, ok := docs[f.Docs]; ok {
			out = append(out, Finding{File: f.Path, Line: 1, Key: "docs", Rule: RuleDeclaration, Fatal: true,
				Msg: f.Docs + " is also written for " + prev.Path + "; give each module its own docs file"})
		} else {
			docs[f.Docs] = f
		}
	}
	return out
}

// Template returns the error-catalog entry of a coded exception, from
// the first of its file's catalogs that defines the code.
func (s *Set) Template(e *Exception) (*Entry, bool) {
	if e.Code == 0 {
		return nil, false
	}
	for _, r := range e.File.Catalogs {
		if c, ok := s.Catalogs[r.Path]; ok {
			if entry, ok := c.Lookup(e.Code); ok {
				return entry, true
			}
		}
	}
	return nil, false
}

// ReadableTexts returns the readable texts of a coded exception, one per
// overlay of its file that has one, in the order the file lists them.
func (s *Set) ReadableTexts(e *Exception) []*Entry {
	var out []*Entry
	for _, r := range e.File.Readables {
		if c, ok := s.Readables[r.Path]; ok {
			if entry, ok := c.Lookup(e.Code); ok {
				out = append(out, entry)
			}
		}
	}
	return out
}

// IsFramework reports whether f declares the framework's own exceptions:
// its catalogs are zerofault's embedded ones, which every program loads.
func (s *Set) IsFramework(f *File) bool {
	for _, r := range f.Catalogs {
		if c, ok := s.Catalogs[r.Path]; ok && c.Framework {
			return true
		}
	}
	return false
}

// OSRead is the ReadFunc of the operating system.
func OSRead(name string) ([]byte, error) { return os.ReadFile(name) }

// Keys returns the catalog keys a code may have, "E40011, W40011 or
// I40011", for findings about a missing key.
func Keys(code int) string {
	n := strconv.Itoa(-code)
	return "E" + n + ", W" + n + " or I" + n
}
