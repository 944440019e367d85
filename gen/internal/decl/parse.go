package decl

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/internal/yamlnode"
)

// Identifier shapes. Names are ASCII so that generated identifiers read
// the same everywhere; class names follow Java, whose $ Zero never uses
// but which is legal.
var (
	exportedIdent = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	paramIdent    = regexp.MustCompile(`^[a-z][A-Za-z0-9]*$`)
	packageIdent  = regexp.MustCompile(`^[a-z][a-z0-9]*$`)
	javaIdent     = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)
	// generatedIdent matches the unexported package-level names the
	// generated code declares (classX, messageX, argsX), which a param would
	// shadow inside its constructor.
	generatedIdent = regexp.MustCompile(`^(class|message|args)[A-Z]`)
)

// reservedParams are names the generated constructor body uses: its first
// parameter, its locals, the packages it imports and the unexported
// helpers of package zero it calls.
var reservedParams = []string{
	"target", "e", "params", "msg", "err",
	"zero", "errors", "msgfmt", "catalog", "webexc", "up", "demon",
	"uncoded",
}

var (
	topFields       = []string{"package", "family", "catalogs", "readables", "ranges", "docs", "exceptions"}
	exceptionFields = []string{"name", "class", "code", "status", "params", "doc", "exempt", "message", "handwritten"}
	paramFields     = []string{"name", "type"}
	exemptFields    = []string{"rule", "reason"}
)

// parser collects the findings of one file.
type parser struct {
	file     *File
	findings []Finding
}

// Parse reads the declaration file name (its path, as findings should name
// it) from data. It returns the file, which is nil when the document is
// unusable, and every problem found, so that one mistake does not hide the
// next.
func Parse(name string, data []byte) (*File, []Finding) {
	name = filepath.Clean(name)
	p := &parser{file: &File{Path: name, Dir: filepath.Dir(name)}}
	node, yerr := yamlnode.Document(data)
	if yerr != nil {
		p.errorf(yerr.Line, "", "%s", yamlLineRE.ReplaceAllString(strings.TrimPrefix(yerr.Error(), "yaml: "), ""))
		return nil, p.findings
	}
	if node == nil {
		p.errorf(1, "", "the file is empty; see docs/declarations.md for the format")
		return nil, p.findings
	}
	root := deref(node)
	if root.Kind != yaml.MappingNode {
		p.errorf(root.Line, "", "the document must be a mapping of %s, found %s", strings.Join(topFields, ", "), describe(root))
		return nil, p.findings
	}
	p.top(root)
	return p.file, p.findings
}

// yamlLineRE finds the line in a yaml.v3 syntax error, which a finding
// gives on its own.
var yamlLineRE = regexp.MustCompile(`line (\d+): `)

func (p *parser) errorf(line int, key, format string, args ...any) {
	p.findings = append(p.findings, Finding{
		File: p.file.Path, Line: line, Key: key, Rule: RuleDeclaration,
		Msg: fmt.Sprintf(format, args...), Fatal: true,
	})
}

// fields walks a mapping, reporting unknown and repeated keys, and calls
// visit for each known one.
func (p *parser) fields(m *yaml.Node, key string, known []string, visit func(field string, k, v *yaml.Node)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := deref(m.Content[i]), deref(m.Content[i+1])
		key := key
		if key == "" { // a top-level field keys its own findings
			key = k.Value
		}
		if k.Kind != yaml.ScalarNode {
			p.errorf(k.Line, key, "a field name must be a plain word, found %s", describe(k))
			continue
		}
		if !slices.Contains(known, k.Value) {
			p.errorf(k.Line, key, "unknown field %q; the fields here are %s", k.Value, strings.Join(known, ", "))
			continue
		}
		if line, dup := seen[k.Value]; dup {
			p.errorf(k.Line, key, "field %q is repeated; it was first given on line %d", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		visit(k.Value, k, v)
	}
}

func (p *parser) top(root *yaml.Node) {
	f := p.file
	var (
		seen       = map[string]bool{}
		rangesLine int
		catsLine   int
		// A field already reported as malformed is not reported missing.
		rangesBad, catsBad bool
	)
	p.fields(root, "", topFields, func(field string, k, v *yaml.Node) {
		seen[field] = true
		switch field {
		case "package":
			if s, ok := p.str(v, field, field); ok {
				if !packageIdent.MatchString(s) || token.IsKeyword(s) {
					p.errorf(v.Line, field, "%q is not a Go package name (lower-case letters and digits)", s)
				}
				f.Package = s
			}
		case "family":
			if s, ok := p.str(v, field, field); ok {
				if !slices.Contains(Families, Family(s)) {
					p.errorf(v.Line, field, "unknown family %q; it is one of zero, demon, up, web", s)
				} else {
					f.Family = Family(s)
				}
			}
		case "catalogs":
			catsLine = k.Line
			before := len(p.findings)
			f.Catalogs = p.refs(v, field)
			catsBad = len(p.findings) > before
		case "readables":
			f.Readables = p.refs(v, field)
		case "ranges":
			rangesLine = k.Line
			before := len(p.findings)
			p.ranges(v)
			rangesBad = len(p.findings) > before
		case "docs":
			if s, ok := p.str(v, field, field); ok {
				if !strings.HasSuffix(s, ".md") {
					p.errorf(v.Line, field, "%q is not a Markdown file name (.md)", s)
				}
				f.Docs = p.join(s)
			}
		case "exceptions":
			p.exceptions(v)
		}
	})
	for _, field := range []string{"package", "family", "exceptions"} {
		if !seen[field] {
			p.errorf(root.Line, field, "the field is required")
		}
	}
	coded := slices.ContainsFunc(f.Exceptions, func(e *Exception) bool { return e.Code != 0 })
	if coded && len(f.Catalogs) == 0 && !catsBad {
		p.errorf(orLine(catsLine, root.Line), "catalogs", "coded exceptions need at least one catalog for their templates")
	}
	if coded && len(f.Ranges) == 0 && !rangesBad {
		p.errorf(orLine(rangesLine, root.Line), "ranges", "coded exceptions need at least one code range; the ranges are %s", rangeNames())
	}
	p.familyRules()
}

// familyRules checks what depends on the family, once it is known.
func (p *parser) familyRules() {
	f := p.file
	for _, e := range f.Exceptions {
		if e.Status != 0 && f.Family != FamilyWeb && f.Family != "" {
			p.errorf(e.StatusLine, e.Name, "status: only family web has HTTP statuses")
		}
		if e.codeGiven {
			if e.Message != "" {
				p.errorf(e.MessageLine, e.Name, "message: a coded exception takes its template from the catalogs, not from an inline message")
			}
			continue
		}
		switch {
		case f.Family != FamilyZero && f.Family != "":
			p.errorf(e.Line, e.Name, "code: required in family %s; only family zero has uncoded exceptions", f.Family)
		case e.Handwritten:
		case f.Package != "zero" && f.Package != "":
			p.errorf(e.Line, e.Name, "code: required outside package zero, whose unexported uncoded helper gives uncoded exceptions their message")
		case e.Message == "":
			p.errorf(e.Line, e.Name, "message: an uncoded exception needs an inline message template")
		}
	}
}

func orLine(line, fallback int) int {
	if line > 0 {
		return line
	}
	return fallback
}

func rangeNames() string {
	names := make([]string, len(Ranges))
	for i, r := range Ranges {
		names[i] = r.Name
	}
	return strings.Join(names, ", ")
}

func (p *parser) join(rel string) string {
	if filepath.IsAbs(rel) {
		return filepath.Clean(rel)
	}
	return filepath.Join(p.file.Dir, filepath.FromSlash(rel))
}

func (p *parser) refs(v *yaml.Node, field string) []Ref {
	items, ok := p.list(v, field, field)
	if !ok {
		return nil
	}
	var refs []Ref
	for _, it := range items {
		if s, ok := p.str(it, field, field); ok {
			if s == "" {
				p.errorf(it.Line, field, "a file name must not be empty")
				continue
			}
			refs = append(refs, Ref{Path: p.join(s), Line: it.Line})
		}
	}
	return refs
}

func (p *parser) ranges(v *yaml.Node) {
	items, ok := p.list(v, "ranges", "ranges")
	if !ok {
		return
	}
	for _, it := range items {
		s, ok := p.str(it, "ranges", "ranges")
		if !ok {
			continue
		}
		r, known := RangeNamed(s)
		switch {
		case !known:
			p.errorf(it.Line, "ranges", "unknown range %q; the ranges are %s", s, rangeNames())
		case slices.Contains(p.file.Ranges, r):
			p.errorf(it.Line, "ranges", "range %q is listed twice", s)
		default:
			p.file.Ranges = append(p.file.Ranges, r)
		}
	}
}

func (p *parser) exceptions(v *yaml.Node) {
	items, ok := p.list(v, "exceptions", "exceptions")
	if !ok {
		return
	}
	if len(items) == 0 {
		p.errorf(v.Line, "exceptions", "the list is empty")
	}
	for i, it := range items {
		key := fmt.Sprintf("exceptions[%d]", i)
		if it.Kind != yaml.MappingNode {
			p.errorf(it.Line, key, "an exception is a mapping of %s, found %s", strings.Join(exceptionFields, ", "), describe(it))
			continue
		}
		p.exception(it, key)
	}
}

func (p *parser) exception(m *yaml.Node, key string) {
	e := &Exception{File: p.file, Line: m.Line}
	// The name keys every other finding, so read it first.
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := deref(m.Content[i]); k.Kind == yaml.ScalarNode && k.Value == "name" {
			v := deref(m.Content[i+1])
			if v.Kind == yaml.ScalarNode && exportedIdent.MatchString(v.Value) {
				key = v.Value
			}
			break
		}
	}
	seen := map[string]bool{}
	p.fields(m, key, exceptionFields, func(field string, k, v *yaml.Node) {
		seen[field] = true
		switch field {
		case "name":
			s, ok := p.str(v, key, field)
			switch {
			case !ok:
			case !exportedIdent.MatchString(s):
				p.errorf(v.Line, key, "name: %q is not an exported Go name (an upper-case letter, then letters and digits)", s)
			case strings.HasSuffix(s, "Exception"):
				p.errorf(v.Line, key, "name: leave out the Exception suffix; the generator adds it to the type name")
			default:
				e.Name = s
			}
		case "class":
			if s, ok := p.str(v, key, field); ok {
				if !javaIdent.MatchString(s) {
					p.errorf(v.Line, key, "class: %q is not a Java class name", s)
				} else {
					e.Class = s
				}
			}
		case "code":
			e.codeGiven = true
			if n, ok := p.int(v, key, field); ok {
				if n >= 0 || n < minCode {
					p.errorf(v.Line, key, "code: %d is not a negative 32-bit code; omit the field for an uncoded exception", n)
				} else {
					e.Code = n
				}
			}
		case "status":
			if n, ok := p.int(v, key, field); ok {
				if n < 100 || n > 599 {
					p.errorf(v.Line, key, "status: %d is not an HTTP status (100 … 599)", n)
				} else {
					e.Status, e.StatusLine = n, v.Line
				}
			}
		case "params":
			p.params(e, v, key)
		case "doc":
			if s, ok := p.str(v, key, field); ok {
				switch s = strings.TrimSpace(s); {
				case s == "":
					p.errorf(v.Line, key, "doc: say in one line when the exception happens")
				case strings.ContainsAny(s, "\r\n"):
					p.errorf(v.Line, key, "doc: must be one line")
				default:
					e.Doc = s
				}
			}
		case "exempt":
			p.exempts(e, v, key)
		case "message":
			if s, ok := p.str(v, key, field); ok {
				if strings.TrimSpace(s) == "" {
					p.errorf(v.Line, key, "message: must not be blank")
				} else {
					e.Message, e.MessageLine = s, v.Line
				}
			}
		case "handwritten":
			if b, ok := p.bool(v, key, field); ok {
				e.Handwritten = b
			}
		}
	})
	for _, field := range []string{"name", "doc"} {
		if !seen[field] {
			p.errorf(m.Line, key, "%s: the field is required", field)
		}
	}
	if e.Name == "" {
		return // findings keyed by an unusable name would mislead
	}
	p.file.Exceptions = append(p.file.Exceptions, e)
}

func (p *parser) params(e *Exception, v *yaml.Node, key string) {
	items, ok := p.list(v, key, "params")
	if !ok {
		return
	}
	for i, it := range items {
		where := fmt.Sprintf("params[%d]", i)
		if it.Kind != yaml.MappingNode {
			p.errorf(it.Line, key, "%s: a param is a mapping {name: …, type: …}, found %s", where, describe(it))
			continue
		}
		prm := Param{Line: it.Line}
		before := len(p.findings)
		p.fields(it, key, paramFields, func(field string, _, fv *yaml.Node) {
			s, ok := p.str(fv, key, where+"."+field)
			if !ok {
				return
			}
			switch field {
			case "name":
				if msg := checkParamName(s); msg != "" {
					p.errorf(fv.Line, key, "%s.name: %s", where, msg)
				} else {
					prm.Name = s
				}
			case "type":
				if !slices.Contains(ParamTypes, s) {
					p.errorf(fv.Line, key, "%s.type: %q is not one of %s", where, s, strings.Join(ParamTypes, ", "))
				} else {
					prm.Type = s
				}
			}
		})
		if prm.Name == "" || prm.Type == "" {
			if len(p.findings) == before { // not already reported as malformed
				p.errorf(it.Line, key, "%s: both name and type are required", where)
			}
			continue
		}
		if j := slices.IndexFunc(e.Params, func(q Param) bool { return q.Name == prm.Name }); j >= 0 {
			p.errorf(it.Line, key, "%s.name: %q is also the name of params[%d]", where, prm.Name, j)
			continue
		}
		e.Params = append(e.Params, prm)
	}
}

// checkParamName returns why name cannot be a constructor parameter, or "".
func checkParamName(name string) string {
	switch {
	case !paramIdent.MatchString(name):
		return fmt.Sprintf("%q is not a lower-case Go name (a lower-case letter, then letters and digits)", name)
	case token.IsKeyword(name):
		return fmt.Sprintf("%q is a Go keyword", name)
	case types.Universe.Lookup(name) != nil:
		return fmt.Sprintf("%q would shadow Go's predeclared %s", name, name)
	case slices.Contains(reservedParams, name) || generatedIdent.MatchString(name):
		return fmt.Sprintf("%q is used by the generated constructor; choose another name", name)
	}
	return ""
}

func (p *parser) exempts(e *Exception, v *yaml.Node, key string) {
	items, ok := p.list(v, key, "exempt")
	if !ok {
		return
	}
	for i, it := range items {
		where := fmt.Sprintf("exempt[%d]", i)
		if it.Kind != yaml.MappingNode {
			p.errorf(it.Line, key, "%s: an exemption is a mapping {rule: …, reason: …}, found %s", where, describe(it))
			continue
		}
		x := Exempt{Line: it.Line}
		before := len(p.findings)
		p.fields(it, key, exemptFields, func(field string, _, fv *yaml.Node) {
			s, ok := p.str(fv, key, where+"."+field)
			if !ok {
				return
			}
			switch field {
			case "rule":
				if !slices.Contains(ExemptRules, s) {
					p.errorf(fv.Line, key, "%s.rule: %q cannot be exempted; the rules are %s", where, s, strings.Join(ExemptRules, ", "))
				} else {
					x.Rule = s
				}
			case "reason":
				x.Reason = strings.TrimSpace(s)
			}
		})
		switch {
		case len(p.findings) > before: // already reported as malformed
		case x.Rule == "":
			p.errorf(it.Line, key, "%s: the rule is required", where)
		case x.Reason == "":
			p.errorf(it.Line, key, "%s: exempting %s needs a reason", where, x.Rule)
		case slices.ContainsFunc(e.Exempt, func(y Exempt) bool { return y.Rule == x.Rule }):
			p.errorf(it.Line, key, "%s: %s is already exempted", where, x.Rule)
		default:
			e.Exempt = append(e.Exempt, x)
		}
	}
}

// Scalar helpers. Each reports a wrong kind of node with the field's name,
// unless the field is the finding's key already.

func prefix(key, field string) string {
	if key == field {
		return ""
	}
	return field + ": "
}

func (p *parser) str(v *yaml.Node, key, field string) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
		p.errorf(v.Line, key, "%swant a string, found %s", prefix(key, field), describe(v))
		return "", false
	}
	return v.Value, true
}

func (p *parser) int(v *yaml.Node, key, field string) (int, bool) {
	var n int
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || v.Decode(&n) != nil {
		p.errorf(v.Line, key, "%swant an integer, found %s", prefix(key, field), describe(v))
		return 0, false
	}
	return n, true
}

func (p *parser) bool(v *yaml.Node, key, field string) (bool, bool) {
	var b bool
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" || v.Decode(&b) != nil {
		p.errorf(v.Line, key, "%swant true or false, found %s", prefix(key, field), describe(v))
		return false, false
	}
	return b, true
}

func (p *parser) list(v *yaml.Node, key, field string) ([]*yaml.Node, bool) {
	if v.Kind != yaml.SequenceNode {
		p.errorf(v.Line, key, "%swant a list, found %s", prefix(key, field), describe(v))
		return nil, false
	}
	items := make([]*yaml.Node, len(v.Content))
	for i, it := range v.Content {
		items[i] = deref(it)
	}
	return items, true
}

// deref follows an alias to the node it names.
func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// describe names a node's kind for a finding.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "no value"
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		case "!!str":
			return strconv.Quote(n.Value)
		}
		return "a " + n.Tag + " value"
	}
	return "an alias"
}
