// Package lint checks exception declarations against their catalogs, and
// catalogs on their own, by the rules of docs/declarations.md.
//
// Declarations runs every rule over a decl.Set and then applies the
// exemptions the declarations carry: a finding about an exception is
// waived when that exception exempts the finding's rule with a reason
// (for a code or class several share, when any of them does), and an
// exemption that waives nothing is itself reported (rule stale-exemption),
// so exemptions cannot outlive the defect they excuse. Findings about
// malformed input (rules declaration and syntax) are never waived.
//
// Catalogs runs the template rules over plain catalog files, with no
// declarations: that is how Zero's own catalog is checked, and how a team
// checks an application catalog before it loads.
package lint

import (
	"fmt"
	"math"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/gen/internal/decl"
	"github.com/zeroport/zerofault/zero/catalog"
	"github.com/zeroport/zerofault/zero/msgfmt"
)

// Options tune the template rules.
type Options struct {
	// Slf4j accepts "{}" placeholders, for catalogs meant to be read in
	// slf4j mode. Without it every "{}" is a finding (rule slf4j).
	Slf4j bool
	// Locale compiles the templates; "" means catalog.DefaultLocale.
	Locale string
}

func (o Options) locale() string {
	if o.Locale == "" {
		return catalog.DefaultLocale
	}
	return o.Locale
}

// Result is the outcome of a lint run. Both lists are sorted.
type Result struct {
	Findings []decl.Finding // what fails the run
	Exempted []decl.Finding // waived by an exemption; for information
}

// OK reports whether the run found nothing that fails it.
func (r Result) OK() bool { return len(r.Findings) == 0 }

// problem is a finding's rule and text before it is placed.
type problem struct {
	rule  string
	msg   string
	fatal bool
}

// compiled is a template with what the rules learnt about it.
type compiled struct {
	src   string
	slf4j bool // has "{}": formatted slf4j-style, as package catalog does
	args  int  // arguments it consumes
	used  map[int]bool
}

// checkTemplate compiles src and applies the template-level rules: syntax,
// slf4j and apostrophe. inline marks a declaration's own message, which
// the generated code compiles as MessageFormat only. It returns nil when
// src does not compile.
func (o Options) checkTemplate(src string, inline bool) (*compiled, []problem) {
	c := &compiled{src: src, slf4j: strings.Contains(src, "{}")}
	if c.slf4j {
		if inline {
			return nil, []problem{{decl.RuleSlf4j, `an inline message is MessageFormat only; write {0} for the first param, not {}`, true}}
		}
		c.args = slf4jCount(src)
		var probs []problem
		switch {
		case !o.Slf4j:
			probs = append(probs, problem{rule: decl.RuleSlf4j, msg: `"{}" is an slf4j placeholder, and this catalog is MessageFormat; write {0}, {1}, … (or lint with -slf4j)`})
		case mfPlaceholder.MatchString(src):
			probs = append(probs, problem{rule: decl.RuleSlf4j, msg: `mixes slf4j "{}" with ` + mfPlaceholder.FindString(src) + `…, which then prints literally`})
		}
		return c, probs
	}
	var err error
	if inline {
		_, err = msgfmt.Compile(o.locale(), src)
	} else {
		_, err = catalog.Compile(o.locale(), src)
	}
	if err != nil {
		return nil, []problem{{decl.RuleSyntax, "does not compile: " + err.Error(), true}}
	}
	sh := scanPattern(src)
	c.used = sh.Used
	for n := range sh.Used {
		c.args = max(c.args, n+1)
	}
	var probs []problem
	for _, msg := range sh.apostropheMessages(src) {
		probs = append(probs, problem{rule: decl.RuleApostrophe, msg: msg})
	}
	return c, probs
}

// unused lists the indices below args a MessageFormat template never
// uses; slf4j templates use every position.
func (c *compiled) unused() []int {
	if c.slf4j {
		return nil
	}
	var out []int
	for i := 0; i < c.args; i++ {
		if !c.used[i] {
			out = append(out, i)
		}
	}
	return out
}

// classStatus reads the status in a class name such as _404ServiceNotFoundException.
var classStatus = regexp.MustCompile(`^_(\d{3})`)

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func braces(idx []int) []string {
	out := make([]string, len(idx))
	for i, n := range idx {
		out[i] = "{" + strconv.Itoa(n) + "}"
	}
	return out
}

// Declarations lints every declaration of s and applies their exemptions.
func Declarations(s *decl.Set, o Options) Result {
	var all []decl.Finding
	for _, f := range s.Files {
		for _, e := range f.Exceptions {
			all = append(all, o.exception(s, e)...)
		}
	}
	all = append(all, duplicates(s)...)
	all = append(all, o.readableUnknown(s)...)
	return exempt(s, all)
}

// at places a problem about e at its declaration.
func at(e *decl.Exception, rule, msg string, fatal bool) decl.Finding {
	return decl.Finding{File: e.File.Path, Line: e.Line, Key: e.Name, Rule: rule, Msg: msg, Fatal: fatal, Subject: e}
}

// placed places a template problem: at the declaration of e, where its
// exemption would go, unless it cannot be exempted (a template that does
// not compile), which is a defect of the catalog file and is placed at
// the entry, where the loaders report it too.
func placed(e *decl.Exception, entry *decl.Entry, line int, label string, p problem) decl.Finding {
	if p.fatal {
		return decl.Finding{File: entry.Catalog.Path, Line: line, Key: entry.Key, Rule: p.rule, Msg: p.msg, Fatal: true}
	}
	return at(e, p.rule, label+": "+p.msg, false)
}

// readableText checks one readable text of e (or, with e nil, of an
// undeclared code) against the n arguments its code's template takes,
// which what describes. A text using more is fatal: it would print the
// placeholder itself, and readable.Check refuses it at start-up.
func (o Options) readableText(e *decl.Exception, r *decl.Entry, n int, what string) []decl.Finding {
	var out []decl.Finding
	o.Locale = r.Catalog.Lang
	args := 0
	forms := r.Forms()
	for _, f := range forms {
		label := "readable " + r.Key + " (" + r.Catalog.Path + ":" + strconv.Itoa(f.Line) + ")"
		if len(forms) > 1 || f.Name != "other" {
			label = "readable " + r.Key + " form " + f.Name + " (" + r.Catalog.Path + ":" + strconv.Itoa(f.Line) + ")"
		}
		rt, probs := o.checkTemplate(f.Source, false)
		for _, p := range probs {
			if e == nil {
				out = append(out, decl.Finding{File: r.Catalog.Path, Line: f.Line, Key: r.Key, Rule: p.rule, Msg: p.msg, Fatal: p.fatal})
			} else {
				out = append(out, placed(e, r, f.Line, label, p))
			}
		}
		if rt != nil {
			args = max(args, rt.args)
		}
	}
	fatal := func(msg string) {
		out = append(out, decl.Finding{File: r.Catalog.Path, Line: r.Line, Key: r.Key, Rule: decl.RuleParams, Msg: msg, Fatal: true})
	}
	if args > n {
		fatal(fmt.Sprintf("uses {%d} but %s", args-1, what))
	}
	if c, ok := r.Count(); ok && c >= n {
		fatal(fmt.Sprintf("count: %d names an argument beyond those the template takes (%s)", c, what))
	}
	return out
}

func (o Options) exception(s *decl.Set, e *decl.Exception) []decl.Finding {
	var out []decl.Finding
	add := func(rule, msg string) { out = append(out, at(e, rule, msg, false)) }
	f := e.File

	if e.Code != 0 && !slices.ContainsFunc(f.Ranges, func(r decl.Range) bool { return r.Contains(e.Code) }) {
		names := make([]string, len(f.Ranges))
		for i, r := range f.Ranges {
			names[i] = r.String()
		}
		add(decl.RuleCodeRange, fmt.Sprintf("code %d lies outside %s", e.Code, joinOr(names, " and ")))
	}

	// The template: the catalog's for a coded exception, the inline one
	// otherwise.
	var (
		tmpl  *compiled
		label string
	)
	switch entry, ok := s.Template(e); {
	case ok:
		label = entry.Key + " (" + entry.Where() + ")"
		var probs []problem
		tmpl, probs = o.checkTemplate(entry.Source, false)
		for _, p := range probs {
			out = append(out, placed(e, entry, entry.Line, label, p))
		}
	case e.Code != 0:
		paths := make([]string, len(f.Catalogs))
		for i, r := range f.Catalogs {
			paths[i] = r.Path
		}
		add(decl.RuleMissingTemplate, "no "+decl.Keys(e.Code)+" key in "+strings.Join(paths, ", "))
	case e.Message != "":
		label = "message (line " + strconv.Itoa(e.MessageLine) + ")"
		var probs []problem
		tmpl, probs = o.checkTemplate(e.Message, true)
		for _, p := range probs {
			out = append(out, at(e, p.rule, label+": "+p.msg, p.fatal))
		}
	}
	if tmpl != nil {
		if tmpl.args != len(e.Params) {
			add(decl.RuleParams, fmt.Sprintf("%s takes %s but %s declared", label,
				plural(tmpl.args, "argument", "arguments"), plural(len(e.Params), "param is", "params are")))
		} else if miss := tmpl.unused(); len(miss) > 0 {
			var what []string
			for _, i := range miss {
				what = append(what, fmt.Sprintf("{%d} (%s)", i, e.Params[i].Name))
			}
			add(decl.RuleParams, label+" never uses "+joinOr(what, " or ")+"; params are listed in placeholder order")
		}
	}

	// Readable texts are formatted with the same params.
	for _, r := range s.ReadableTexts(e) {
		out = append(out, o.readableText(e, r, len(e.Params), plural(len(e.Params), "param is", "params are")+" declared")...)
	}

	if e.Code != 0 && !s.IsFramework(f) {
		if fe, ok := decl.LoadFramework().Lookup(e.Code); ok {
			add(decl.RuleFrameworkCode, fmt.Sprintf("code %d is the framework's %s (%s): catalog.Load refuses to redefine it unless given catalog.AllowOverride(); choose a code of your own range", e.Code, fe.Key, fe.Where()))
		}
	}

	if f.Family == decl.FamilyWeb {
		st := e.EffectiveStatus()
		if m := classStatus.FindStringSubmatch(e.Class); m != nil && m[1] != strconv.Itoa(st) {
			switch {
			case e.Status == 0:
				add(decl.RuleStatusName, fmt.Sprintf("the status defaults to %d but the class name %s says %s; declare status: %s", st, e.Class, m[1], m[1]))
			case e.StatusDerived:
				add(decl.RuleStatusName, fmt.Sprintf("the template's (%d) prefix gives status %d but the class name %s says %s", st, st, e.Class, m[1]))
			default:
				add(decl.RuleStatusName, fmt.Sprintf("status %d differs from %s in the class name %s", st, m[1], e.Class))
			}
		}
		if tmpl != nil && e.Code != 0 {
			if p, ok := decl.PrefixStatus(tmpl.src); ok && p != st {
				add(decl.RuleStatusPrefix, fmt.Sprintf("status %d differs from the (%d) prefix of %s", st, p, label))
			}
		}
		if http.StatusText(st) == "" {
			add(decl.RuleStatusStandard, fmt.Sprintf("%d is not a standard HTTP status; clients and proxies may not know it", st))
		}
	}
	return out
}

// duplicates reports codes and class names declared twice anywhere in the
// set, and Go names declared twice in one package. Each declaration of a
// group gets its own finding naming the others, so the report does not
// depend on the order files were given in; an exemption on any member
// covers the findings of the whole group.
func duplicates(s *decl.Set) []decl.Finding {
	var (
		out     []decl.Finding
		byCode  = map[int][]*decl.Exception{}
		byClass = map[string][]*decl.Exception{}
		byName  = map[string][]*decl.Exception{}
	)
	for _, f := range s.Files {
		for _, e := range f.Exceptions {
			if e.Code != 0 {
				byCode[e.Code] = append(byCode[e.Code], e)
			}
			if e.Class != "" {
				byClass[e.Class] = append(byClass[e.Class], e)
			}
			byName[f.Dir+"\x00"+e.Name] = append(byName[f.Dir+"\x00"+e.Name], e)
		}
	}
	others := func(group []*decl.Exception, self *decl.Exception) string {
		var names []string
		for _, o := range group {
			if o != self {
				names = append(names, o.Name+" ("+o.Where()+")")
			}
		}
		return joinOr(names, " and ")
	}
	report := func(groups map[string][]*decl.Exception, rule string, fatal bool, msg func(e *decl.Exception) string) {
		keys := make([]string, 0, len(groups))
		for k := range groups {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if g := groups[k]; len(g) > 1 {
				for _, e := range g {
					f := at(e, rule, msg(e)+" is also declared by "+others(g, e), fatal)
					f.Peers = g
					out = append(out, f)
				}
			}
		}
	}
	codes := map[string][]*decl.Exception{}
	for c, g := range byCode {
		codes[strconv.Itoa(c)] = g
	}
	report(codes, decl.RuleDuplicateCode, false, func(e *decl.Exception) string { return "code " + strconv.Itoa(e.Code) })
	report(byClass, decl.RuleDuplicateName, false, func(e *decl.Exception) string { return "class " + e.Class })
	// One package cannot hold two types of one name, exemption or not.
	report(byName, decl.RuleDuplicateName, true, func(e *decl.Exception) string { return "Go name " + e.Name })
	return out
}

// readableUnknown reports readable texts whose code neither a catalog of
// the declarations listing the overlay nor the framework's catalog
// defines: the runtime loads the framework first, so a team may translate
// its texts. Texts of codes the run does not declare are checked against
// their code's template as well (the declared ones are, with their
// exception).
func (o Options) readableUnknown(s *decl.Set) []decl.Finding {
	cats := map[string][]*decl.Catalog{} // overlay path → catalogs beside it
	var paths []string
	for _, f := range s.Files {
		for _, r := range f.Readables {
			if _, ok := s.Readables[r.Path]; !ok {
				continue
			}
			if _, ok := cats[r.Path]; !ok {
				paths = append(paths, r.Path)
			}
			for _, c := range f.Catalogs {
				if cat, ok := s.Catalogs[c.Path]; ok && !slices.Contains(cats[r.Path], cat) {
					cats[r.Path] = append(cats[r.Path], cat)
				}
			}
			if cats[r.Path] == nil {
				cats[r.Path] = []*decl.Catalog{}
			}
		}
	}
	declared := map[int]bool{}
	for _, f := range s.Files {
		for _, e := range f.Exceptions {
			declared[e.Code] = e.Code != 0
		}
	}
	var out []decl.Finding
	for _, p := range paths {
		overlay := s.Readables[p]
		out = append(out, unknownCodes(overlay, cats[p])...)
		if overlay.Framework {
			continue // the framework's texts are the config package's to test
		}
		for _, r := range overlay.Entries {
			if declared[r.Code] {
				continue
			}
			if t, ok := o.templateOf(r.Code, cats[p]); ok {
				out = append(out, o.readableText(nil, r, t.args, t.key+" takes "+plural(t.args, "argument", "arguments"))...)
			}
		}
	}
	return out
}

// known is an error template the lint compiled to count its arguments.
type known struct {
	key  string
	args int
}

// templateOf finds code's error template in cats or, failing that, in
// the framework's catalog, and counts its arguments. It reports false
// when there is none, or it does not compile (which is found elsewhere).
func (o Options) templateOf(code int, cats []*decl.Catalog) (known, bool) {
	for _, c := range append(slices.Clone(cats), decl.LoadFramework().Errors) {
		if e, ok := c.Lookup(code); ok {
			t, _ := o.checkTemplate(e.Source, false)
			if t == nil {
				return known{}, false
			}
			return known{e.Key, t.args}, true
		}
	}
	return known{}, false
}

// unknownCodes reports the keys of an overlay that neither cats nor the
// framework's catalog defines. Each is fatal: the loaders refuse it.
func unknownCodes(overlay *decl.Catalog, cats []*decl.Catalog) []decl.Finding {
	fw := decl.LoadFramework().Errors
	var names []string
	for _, c := range cats {
		if !c.Framework {
			names = append(names, c.Path)
		}
	}
	names = append(names, "the framework's "+fw.Path)
	where := joinOr(names, " or ")
	var out []decl.Finding
	for _, r := range overlay.Entries {
		if _, ok := fw.Lookup(r.Code); ok {
			continue
		}
		if !slices.ContainsFunc(cats, func(c *decl.Catalog) bool { return c.Names(r.Code) }) {
			out = append(out, decl.Finding{File: overlay.Path, Line: r.Line, Key: r.Key, Rule: decl.RuleReadableUnknown, Fatal: true,
				Msg: "no " + decl.Keys(r.Code) + " key in " + where + " defines the code"})
		}
	}
	return out
}

// exempt splits findings into those that fail and those waived, and adds
// a finding for every exemption that waived nothing.
func exempt(s *decl.Set, all []decl.Finding) Result {
	type use struct {
		e    *decl.Exception
		rule string
	}
	used := map[use]bool{}
	var r Result
	for _, f := range all {
		covered := false
		if !f.Fatal && f.Subject != nil {
			for _, e := range append([]*decl.Exception{f.Subject}, f.Peers...) {
				if _, ok := e.Exempts(f.Rule); ok {
					used[use{e, f.Rule}] = true
					covered = true
				}
			}
		}
		if covered {
			r.Exempted = append(r.Exempted, f)
		} else {
			r.Findings = append(r.Findings, f)
		}
	}
	for _, file := range s.Files {
		for _, e := range file.Exceptions {
			for _, x := range e.Exempt {
				if !used[use{e, x.Rule}] {
					r.Findings = append(r.Findings, decl.Finding{File: file.Path, Line: x.Line, Key: e.Name,
						Rule: decl.RuleStaleExemption, Fatal: true,
						Msg: "the exemption from " + x.Rule + " covers no finding; remove it"})
				}
			}
		}
	}
	decl.SortFindings(r.Findings)
	decl.SortFindings(r.Exempted)
	return r
}

// Catalogs lints plain catalog files: every template of the error
// catalogs and readable overlays by the template rules (syntax, slf4j,
// apostrophe), placeholders a template skips (params), readable texts that
// use more arguments than their code's template takes (params), and
// readable texts for codes neither cats nor the framework's catalog
// defines (readable-unknown). Nothing is exempt. The status rules need a
// declared status and so are left to Declarations, where an exemption can
// be attached.
func Catalogs(cats, overlays []*decl.Catalog, o Options) Result {
	var all []decl.Finding
	for _, c := range cats {
		for _, e := range c.Entries {
			add := func(rule, msg string, fatal bool) {
				all = append(all, decl.Finding{File: c.Path, Line: e.Line, Key: e.Key, Rule: rule, Msg: msg, Fatal: fatal})
			}
			t, probs := o.checkTemplate(e.Source, false)
			for _, p := range probs {
				add(p.rule, p.msg, p.fatal)
			}
			if t == nil {
				continue
			}
			if miss := t.unused(); len(miss) > 0 {
				add(decl.RuleParams, fmt.Sprintf("never uses %s though it uses {%d}", joinOr(braces(miss), " or "), t.args-1), false)
			}
		}
	}
	for _, c := range overlays {
		for _, e := range c.Entries {
			if t, ok := o.templateOf(e.Code, cats); ok {
				all = append(all, o.readableText(nil, e, t.args, t.key+" takes "+plural(t.args, "argument", "arguments"))...)
			} else {
				all = append(all, o.readableText(nil, e, math.MaxInt, "")...)
			}
		}
		all = append(all, unknownCodes(c, cats)...)
	}
	decl.SortFindings(all)
	return Result{Findings: all}
}
