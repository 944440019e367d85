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
	c.used = sh.used
	for n := range sh.used {
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

// statusPrefix reads the "(404) -" prefix of a web template.
var statusPrefix = regexp.MustCompile(`^\s*\((\d{3})\)\s*-`)

// classStatus reads the status in a class name such as _404ServiceNotFoundException.
var classStatus = regexp.MustCompile(`^_(\d{3})`)

func prefixStatus(src string) (int, bool) {
	m := statusPrefix.FindStringSubmatch(src)
	if m == nil {
		return 0, false
	}
	n, _ := strconv.Atoi(m[1])
	return n, true
}

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
	all = append(all, readableUnknown(s)...)
	return exempt(s, all)
}

// at places a problem about e at its declaration.
func at(e *decl.Exception, rule, msg string, fatal bool) decl.Finding {
	return decl.Finding{File: e.File.Path, Line: e.Line, Key: e.Name, Rule: rule, Msg: msg, Fatal: fatal, Subject: e}
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
			out = append(out, at(e, p.rule, label+": "+p.msg, p.fatal))
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
		rl := "readable " + r.Key + " (" + r.Where() + ")"
		rt, probs := o.checkTemplate(r.Source, false)
		for _, p := range probs {
			out = append(out, at(e, p.rule, rl+": "+p.msg, p.fatal))
		}
		if rt != nil && rt.args > len(e.Params) {
			add(decl.RuleParams, fmt.Sprintf("%s uses {%d} but %s declared", rl, rt.args-1, plural(len(e.Params), "param is", "params are")))
		}
	}

	if f.Family == decl.FamilyWeb {
		st := e.EffectiveStatus()
		if m := classStatus.FindStringSubmatch(e.Class); m != nil && m[1] != strconv.Itoa(st) {
			if e.Status == 0 {
				add(decl.RuleStatusName, fmt.Sprintf("the status defaults to %d but the class name %s says %s; declare status: %s", st, e.Class, m[1], m[1]))
			} else {
				add(decl.RuleStatusName, fmt.Sprintf("status %d differs from %s in the class name %s", st, m[1], e.Class))
			}
		}
		if tmpl != nil && e.Code != 0 {
			if p, ok := prefixStatus(tmpl.src); ok && p != st {
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

// readableUnknown reports readable texts whose code no catalog of the
// declarations listing the overlay defines.
func readableUnknown(s *decl.Set) []decl.Finding {
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
	declared := map[int]*decl.Exception{}
	for _, f := range s.Files {
		for _, e := range f.Exceptions {
			if _, ok := declared[e.Code]; !ok && e.Code != 0 {
				declared[e.Code] = e
			}
		}
	}
	var out []decl.Finding
	for _, p := range paths {
		for _, f := range unknownCodes(s.Readables[p], cats[p]) {
			f.Subject = declared[codeOf(f)]
			out = append(out, f)
		}
	}
	return out
}

// unknownCodes reports the keys of an overlay that no catalog defines.
func unknownCodes(overlay *decl.Catalog, cats []*decl.Catalog) []decl.Finding {
	names := make([]string, len(cats))
	for i, c := range cats {
		names[i] = c.Path
	}
	where := strings.Join(names, ", ")
	if where == "" {
		where = "no catalog"
	}
	var out []decl.Finding
	for _, r := range overlay.Entries {
		if !slices.ContainsFunc(cats, func(c *decl.Catalog) bool { _, ok := c.Lookup(r.Code); return ok }) {
			out = append(out, decl.Finding{File: overlay.Path, Line: r.Line, Key: r.Key, Rule: decl.RuleReadableUnknown,
				Msg: "no " + decl.Keys(r.Code) + " key in " + where + " defines the code"})
		}
	}
	return out
}

func codeOf(f decl.Finding) int {
	n, _ := strconv.Atoi(f.Key)
	return -n
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
// readable texts for codes none of cats defines (readable-unknown).
// Nothing is exempt. The status rules need a declared status and so are
// left to Declarations, where an exemption can be attached.
func Catalogs(cats, overlays []*decl.Catalog, o Options) Result {
	var all []decl.Finding
	args := map[int]int{}    // code → arguments of its error template
	keys := map[int]string{} // code → its error template's key
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
			args[e.Code], keys[e.Code] = t.args, e.Key
			if miss := t.unused(); len(miss) > 0 {
				add(decl.RuleParams, fmt.Sprintf("never uses %s though it uses {%d}", joinOr(braces(miss), " or "), t.args-1), false)
			}
		}
	}
	for _, c := range overlays {
		for _, e := range c.Entries {
			t, probs := o.checkTemplate(e.Source, false)
			for _, p := range probs {
				all = append(all, decl.Finding{File: c.Path, Line: e.Line, Key: e.Key, Rule: p.rule, Msg: p.msg, Fatal: p.fatal})
			}
			if n, ok := args[e.Code]; ok && t != nil && t.args > n {
				all = append(all, decl.Finding{File: c.Path, Line: e.Line, Key: e.Key, Rule: decl.RuleParams,
					Msg: fmt.Sprintf("uses {%d} but %s takes %s", t.args-1, keys[e.Code], plural(n, "argument", "arguments"))})
			}
		}
		all = append(all, unknownCodes(c, cats)...)
	}
	decl.SortFindings(all)
	return Result{Findings: all}
}
