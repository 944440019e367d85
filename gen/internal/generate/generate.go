// Package generate runs zerofault's generator: it loads declaration files,
// lints them with their catalogs, and renders the files they produce. It
// is everything the gen command does except parsing flags and touching
// the disk, so tests drive it with in-memory files.
//
// Lint always runs first, over every file of the run at once, so a code
// or class declared twice in two modules is found when both are given.
// Nothing is rendered unless the lint passes: a run either produces every
// output or none.
package generate

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zeroport/zerofault/gen/internal/decl"
	"github.com/zeroport/zerofault/gen/internal/lint"
	"github.com/zeroport/zerofault/gen/internal/render"
)

// Config says what one run does.
type Config struct {
	Declarations []string // exceptions.yml files
	Catalogs     []string // plain error catalogs to lint on their own
	Readables    []string // plain readable overlays to lint against Catalogs
	Lint         lint.Options
	// Override lints the plain catalogs as catalog.Load(catalog.AllowOverride())
	// loads them: keys may redefine framework codes.
	Override bool

	// Read reads inputs; nil means the operating system.
	Read decl.ReadFunc
	// Root is the directory the docs name declaration files relative to,
	// normally the module root; "" means the nearest directory upwards
	// from each declaration that holds a go.mod.
	Root string
}

// Output is one file the run produces.
type Output struct {
	Path string
	Data []byte
}

// Result is the outcome of a run.
type Result struct {
	Findings []decl.Finding // failing findings, sorted; no outputs when any
	Exempted []decl.Finding // findings waived by exemptions
	Outputs  []Output       // sorted by path

	// What the run read, for its summary.
	Declarations int // declaration files
	Catalogs     int // catalog files and overlays, each counted once
	Exceptions   int // declared exceptions
}

// Run loads, lints and renders. It returns an error only for a fault of
// the generator itself; problems with the inputs are findings.
func Run(cfg Config) (Result, error) {
	read := cfg.Read
	if read == nil {
		read = decl.OSRead
	}
	var res Result

	if len(cfg.Catalogs)+len(cfg.Readables) > 0 {
		res.Findings = append(res.Findings, lintCatalogs(read, cfg, &res)...)
	}

	var set *decl.Set
	if len(cfg.Declarations) > 0 {
		var load []decl.Finding
		set, load = decl.Load(read, cfg.Declarations...)
		res.Declarations = len(set.Files)
		res.Catalogs += len(set.Catalogs) + len(set.Readables)
		for _, f := range set.Files {
			res.Exceptions += len(f.Exceptions)
		}
		if len(load) > 0 {
			// Lint over a half-read set would mostly report the gaps.
			res.Findings = append(res.Findings, load...)
			set = nil
		} else {
			lr := lint.Declarations(set, cfg.Lint)
			var loaders []decl.Finding
			for _, g := range groups(set) {
				loaders = append(loaders, loaderFindings(read, g)...)
			}
			res.Findings = append(res.Findings, merge(lr.Findings, loaders)...)
			res.Exempted = lr.Exempted
		}
	}
	decl.SortFindings(res.Findings)
	if len(res.Findings) > 0 || set == nil {
		return res, nil
	}

	for _, f := range set.Files {
		src, err := render.Go(set, f, render.Where{ImportPath: importPath(f.Dir), Declaration: displayPath(cfg.Root, f.Path)})
		if err != nil {
			return res, err
		}
		res.Outputs = append(res.Outputs, Output{Path: filepath.Join(f.Dir, render.GoFile), Data: src})
		if f.Docs == "" {
			continue
		}
		md, err := render.Markdown(set, f, displayPath(cfg.Root, f.Path))
		if err != nil {
			return res, err
		}
		res.Outputs = append(res.Outputs, Output{Path: f.Docs, Data: md})
		if path := f.OpenAPI(); path != "" {
			api, err := render.OpenAPI(set, f, displayPath(cfg.Root, f.Path))
			if err != nil {
				return res, err
			}
			res.Outputs = append(res.Outputs, Output{Path: path, Data: api})
		}
	}
	slices.SortFunc(res.Outputs, func(a, b Output) int { return strings.Compare(a.Path, b.Path) })
	return res, nil
}

// lintCatalogs lints the plain catalog files of cfg, and loads them as
// one application would.
func lintCatalogs(read decl.ReadFunc, cfg Config, res *Result) []decl.Finding {
	var (
		out            []decl.Finding
		cats, overlays []*decl.Catalog
		g              = group{override: cfg.Override}
	)
	load := func(name string, readable bool) *decl.Catalog {
		data, err := read(name)
		if err != nil {
			out = append(out, decl.Finding{File: name, Rule: decl.RuleDeclaration, Msg: err.Error(), Fatal: true})
			return nil
		}
		res.Catalogs++
		c, fs := decl.ParseCatalog(name, data, readable)
		out = append(out, fs...)
		return c
	}
	for _, n := range cfg.Catalogs {
		if c := load(n, false); c != nil {
			cats = append(cats, c)
			g.errors = append(g.errors, n)
		}
	}
	for _, n := range cfg.Readables {
		if c := load(n, true); c != nil {
			overlays = append(overlays, c)
			g.overlays = append(g.overlays, n)
		}
	}
	out = append(out, lint.Catalogs(cats, overlays, cfg.Lint).Findings...)
	return merge(out, loaderFindings(read, g))
}

// groups returns the catalog files of each declaration, as its
// application loads them, with the codes the run declares.
func groups(s *decl.Set) []group {
	declared := map[int]bool{}
	for _, f := range s.Files {
		for _, e := range f.Exceptions {
			declared[e.Code] = e.Code != 0
		}
	}
	var out []group
	for _, f := range s.Files {
		g := group{declared: declared}
		for _, r := range f.Catalogs {
			g.errors = append(g.errors, r.Path)
		}
		for _, r := range f.Readables {
			g.overlays = append(g.overlays, r.Path)
		}
		out = append(out, g)
	}
	return out
}

// displayPath names a declaration file for the docs, relative to root (or
// to its module root), with slashes, so the docs read the same wherever
// the generator runs.
func displayPath(root, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(filepath.Base(path))
	}
	if root == "" {
		root = moduleRoot(filepath.Dir(abs))
	}
	if root != "" {
		if r, err := filepath.Abs(root); err == nil {
			if rel, err := filepath.Rel(r, abs); err == nil && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
		}
	}
	return filepath.ToSlash(filepath.Base(path))
}

// importPath returns the import path of the package in dir, from the
// module line of the nearest go.mod above it; "" when there is none.
func importPath(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	mod := moduleRoot(abs)
	if mod == "" {
		return ""
	}
	data, err := os.ReadFile(filepath.Join(mod, "go.mod"))
	if err != nil {
		return ""
	}
	path := modulePath(data)
	rel, err := filepath.Rel(mod, abs)
	if path == "" || err != nil || strings.HasPrefix(rel, "..") {
		return ""
	}
	if rel == "." {
		return path
	}
	return path + "/" + filepath.ToSlash(rel)
}

// modulePath reads the module path of a go.mod: the "module" line, its
// path perhaps quoted, perhaps followed by a comment.
func modulePath(gomod []byte) string {
	for _, line := range strings.Split(string(gomod), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "module" {
			return strings.Trim(f[1], "\"`")
		}
	}
	return ""
}

// moduleRoot returns the nearest directory from dir upwards that holds a
// go.mod, or "".
func moduleRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Write writes the outputs whose content differs from what is on disk,
// creating directories as needed, and returns the paths it wrote. Leaving
// unchanged files alone keeps their modification times, so go generate
// does not make builds redo work.
func Write(outputs []Output) ([]string, error) {
	var wrote []string
	for _, o := range outputs {
		old, err := os.ReadFile(o.Path)
		if err == nil && bytes.Equal(old, o.Data) {
			continue
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return wrote, err
		}
		if err := os.MkdirAll(filepath.Dir(o.Path), 0o755); err != nil {
			return wrote, err
		}
		if err := os.WriteFile(o.Path, o.Data, 0o644); err != nil {
			return wrote, fmt.Errorf("writing generated file: %w", err)
		}
		wrote = append(wrote, o.Path)
	}
	return wrote, nil
}
