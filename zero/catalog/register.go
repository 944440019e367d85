package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/zeroport/zerofault/internal/catfile"
)

// Package is what a package of generated exceptions tells the loaders
// about itself (see Register): the codes its constructors use and, when
// its catalogs lie beside its declaration, the catalogs themselves.
type Package struct {
	// Path is the package's import path, e.g.
	// "example.com/shop/shoperr"; errors and file names use it.
	Path string
	// Declaration is the declaration file, from its module's root, for
	// messages: "shoperr/exceptions.yml".
	Declaration string
	// Codes are every code the package declares.
	Codes []int
	// FS holds the files below; nil when the package carries none, its
	// catalogs lying outside its directory.
	FS fs.FS
	// Errors are error catalogs in FS.
	Errors []string
	// Readables are readable overlays in FS, in any language: the catalog
	// loader reads those without a language tag in their name, package
	// readable all of them.
	Readables []string
}

var (
	registryMu sync.Mutex
	registry   []Package
)

// Register records the catalogs of a package of generated exceptions.
// Generated code calls it from an init function, so that importing the
// package, which a service does to use its constructors, brings its
// catalogs along: Load and readable.Load then read the package's files
// after the framework's and before any given explicitly, and Current
// has the package's templates before any Load. A package whose catalogs
// are not beside it registers its codes only, and Load fails, naming
// them, unless the files it is given define them: a forgotten catalog is
// found at start-up, not by a client reading that the template is
// missing.
func Register(p Package) {
	p.Codes = slices.Clone(p.Codes)
	p.Errors, p.Readables = slices.Clone(p.Errors), slices.Clone(p.Readables)
	registryMu.Lock()
	defer registryMu.Unlock()
	registry = append(registry, p)
}

// Registered returns the packages Register recorded, in the order they
// registered (the order of their init functions).
func Registered() []Package {
	registryMu.Lock()
	defer registryMu.Unlock()
	return slices.Clone(registry)
}

// ErrNoTemplate: a registered package declares codes that no loaded
// catalog defines.
var ErrNoTemplate = errors.New("declared codes have no template")

// registeredSources lists the files of the registered packages the
// catalog loader reads: every error catalog, and the overlays without a
// language tag.
func registeredSources() []source {
	var out []source
	for _, p := range Registered() {
		if p.FS == nil {
			continue
		}
		for _, n := range p.Errors {
			out = append(out, source{name: p.Path + "/" + n, path: n, fsys: p.FS, kind: errorsKind, registered: true})
		}
		for _, n := range p.Readables {
			if _, tagged := catfile.Language(n); !tagged {
				out = append(out, source{name: p.Path + "/" + n, path: n, fsys: p.FS, kind: readablesKind, registered: true})
			}
		}
	}
	return out
}

// missingTemplates reports, for each registered package, the codes c
// has no template for. Codes some file names but failed to load are
// reported where they are, and not again here.
func missingTemplates(c *Catalog, named map[int]bool) []error {
	var errs []error
	for _, p := range Registered() {
		var missing []string
		for _, code := range p.Codes {
			if _, ok := c.errors[code]; !ok && !named[code] {
				missing = append(missing, strconv.Itoa(code))
			}
		}
		if len(missing) == 0 {
			continue
		}
		hint := "load the error catalogs its declaration names with ErrorFile or ErrorFS"
		if p.FS != nil {
			hint = "its own catalogs (" + strings.Join(p.Errors, ", ") + ") do not define them; run go generate and check its declaration"
		}
		where := p.Path
		if p.Declaration != "" {
			where += " (" + p.Declaration + ")"
		}
		errs = append(errs, &LoadError{File: p.Path, Err: fmt.Errorf("%w: package %s declares %s, which no loaded catalog defines: %s",
			ErrNoTemplate, where, strings.Join(missing, ", "), hint)})
	}
	return errs
}
