package generate

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/gen/internal/decl"
	"github.com/zeroport/zerofault/internal/catfile"
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
	"github.com/zeroport/zerofault/zero/msgfmt"
)

// The lint shares the loaders' parser, but the loaders have rules of
// their own across files: a code defined in two files, a framework code
// redefined, a file name that is no language, a language without plural
// rules. So that gen and start-up never disagree, gen also hands every
// group of catalog files to catalog.Load and readable.Load, as the
// documented start-up does, and reports what they refuse.

// group is the catalog files one application loads together.
type group struct {
	errors   []string // error catalogs
	overlays []string // readable overlays, any language
	override bool     // loaded with catalog.AllowOverride()
	declared map[int]bool
}

// readFS serves a ReadFunc to the loaders. Only ReadFile is used, with
// the paths the declarations name ("../config/app-error.yml"), which
// fs.ValidPath would refuse, so Open refuses everything.
type readFS decl.ReadFunc

func (r readFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
}

func (r readFS) ReadFile(name string) ([]byte, error) { return r(name) }

// loaderFindings loads g as an application would and turns what the
// loaders refuse into findings. Files identical to the framework's own
// catalogs are left out: the loaders load those anyway, as the framework.
func loaderFindings(read decl.ReadFunc, g group) []decl.Finding {
	fsys := readFS(read)
	keep := func(name string) bool {
		data, err := read(name)
		return err == nil && !decl.IsFramework(data)
	}
	var copts []catalog.Option
	var ropts []readable.Option
	for _, n := range g.errors {
		if keep(n) {
			copts = append(copts, catalog.ErrorFS(fsys, n))
		}
	}
	for _, n := range g.overlays {
		if !keep(n) {
			continue
		}
		if _, tagged := catfile.Language(n); !tagged {
			copts = append(copts, catalog.ReadableFS(fsys, n))
		}
		ropts = append(ropts, readable.FS(fsys, n))
	}
	if len(copts)+len(ropts) == 0 {
		return nil
	}
	if g.override {
		copts = append(copts, catalog.AllowOverride())
	}
	cat, err := catalog.Load(copts...)
	out := g.findings(err)
	if len(ropts) > 0 {
		if cat != nil {
			ropts = append(ropts, readable.Check(cat))
		}
		_, err = readable.Load(ropts...)
		out = append(out, g.findings(err)...)
	}
	return out
}

// findings turns the problems of a load into findings, each under the
// rule the lint would give it. A framework code redefined by a key the
// run declares is left to the lint's framework-code rule, which a team
// loading with catalog.AllowOverride() may exempt.
func (g group) findings(err error) []decl.Finding {
	var out []decl.Finding
	for _, p := range catalog.Problems(err) {
		if errors.Is(p, catalog.ErrFrameworkCode) && g.declared[codeOfKey(p.Key)] {
			continue
		}
		var syn *msgfmt.SyntaxError
		rule := decl.RuleCatalog
		switch {
		case errors.As(p, &syn):
			rule = decl.RuleSyntax
		case errors.Is(p, catalog.ErrUnknownCode):
			rule = decl.RuleReadableUnknown
		case errors.Is(p, catalog.ErrArgs):
			rule = decl.RuleParams
		}
		out = append(out, decl.Finding{File: p.File, Line: p.Line, Key: p.Key, Rule: rule, Msg: p.Err.Error(), Fatal: true})
	}
	if err != nil && len(out) == 0 && !errors.Is(err, catalog.ErrFrameworkCode) {
		// Not a problem of a file; say so rather than drop it.
		out = append(out, decl.Finding{Rule: decl.RuleCatalog, Msg: err.Error(), Fatal: true})
	}
	return out
}

// codeOfKey reads the code of a catalog key, "E60010" or "60010"; 0 when
// it is none.
func codeOfKey(key string) int {
	n, err := strconv.Atoi(strings.TrimLeft(key, "EWI"))
	if err != nil {
		return 0
	}
	return -n
}

// merge adds the loaders' findings to the lint's, leaving out what the
// lint already reports: a finding that cannot be waived for the same key
// of the same file (or, without a key, the same line). The loaders stop at
// a key's first problem, the lint at its own; either way the key is
// reported, and the next run shows what remains.
func merge(lint, loaders []decl.Finding) []decl.Finding {
	type spot struct {
		file, key string
		line      int
	}
	at := func(f decl.Finding) spot {
		if f.Key != "" {
			return spot{f.File, f.Key, 0}
		}
		return spot{f.File, "", f.Line}
	}
	seen := map[spot]bool{}
	for _, f := range lint {
		if f.Fatal {
			seen[at(f)] = true
		}
	}
	out := lint
	for _, f := range loaders {
		if s := at(f); !seen[s] {
			seen[s] = true
			out = append(out, f)
		}
	}
	return out
}
