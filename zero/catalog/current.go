package catalog

import (
	"errors"
	"sync"
	"sync/atomic"
)

var (
	current      atomic.Pointer[Catalog]
	frameworkErr error
	initOnce     sync.Once
)

// Current returns the catalog in force. Until Swap or Reload installs
// another, it is the framework catalog alone. It never returns nil.
func Current() *Catalog {
	if c := current.Load(); c != nil {
		return c
	}
	initOnce.Do(func() {
		// The framework's catalogs and those the imported packages of
		// generated exceptions registered; before start-up, codes whose
		// catalogs the application loads itself may still be missing.
		c, err := Load(func(o *options) { o.lazy = true })
		if err != nil {
			// A registered catalog gen would have refused: keep the
			// framework's, and say why in FrameworkError.
			frameworkErr = err
			c, err = loadFramework()
		}
		if err != nil {
			// The embedded catalogs are tested; should they ever fail, every
			// message reports ErrorMissing rather than taking the process down.
			c = &Catalog{locale: DefaultLocale, errors: map[int]*Entry{}, readable: map[int]*Entry{}}
		}
		current.CompareAndSwap(nil, c)
	})
	return current.Load()
}

// FrameworkError returns the error, if any, with which the embedded
// catalogs, or those registered by packages of generated exceptions,
// failed to load when Current first needed them.
func FrameworkError() error {
	Current()
	return frameworkErr
}

// Swap installs c as the catalog in force and returns the previous one.
// Requests already formatting with the previous catalog finish with it.
// Swap(nil) is ignored and returns the current catalog.
func Swap(c *Catalog) *Catalog {
	prev := Current()
	if c == nil {
		return prev
	}
	return current.Swap(c)
}

// Reload loads a catalog with opts and, only if it loads cleanly, installs
// it. On error the catalog in force is left as it was.
func Reload(opts ...Option) (*Catalog, error) {
	c, err := Load(opts...)
	if err != nil {
		return nil, err
	}
	Swap(c)
	return c, nil
}

// loadFramework loads the framework's catalogs alone.
func loadFramework() (*Catalog, error) {
	c := &Catalog{locale: DefaultLocale, errors: map[int]*Entry{}, readable: map[int]*Entry{}}
	l := &loading{opts: options{locale: DefaultLocale, framework: true, lazy: true}, named: map[int]bool{}}
	var errs []error
	for _, s := range frameworkSources {
		f := readFile{source: s}
		f.data, f.err = s.read()
		errs = append(errs, c.add(f, l)...)
	}
	c.finish()
	return c, errors.Join(errs...)
}
