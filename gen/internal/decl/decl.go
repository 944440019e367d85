// Package decl reads the inputs of zerofault's generator: exception
// declarations (exceptions.yml, see docs/declarations.md) and the catalog
// files they name.
//
// Parsing works on yaml.v3 nodes rather than on decoded structs, so that
// every problem can be reported where it is: a Finding names the file, the
// line, the key (an exception's name, a catalog key, a field) and the rule
// it breaks. A declaration that does not parse cleanly yields findings of
// rule "declaration", which no exemption can cover: the generator cannot
// produce code from it.
//
// Loading stops short of judging content. Whether a code lies in its
// module's range or a template fits its params is for package lint; how
// the code looks is for package render. Both read the Set built here.
package decl

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Family is the family word of a declaration file: which base its
// exceptions embed.
type Family string

// The families a declaration may name.
const (
	FamilyZero  Family = "zero"  // zero.ZeroRunException, the runtime root
	FamilyDemon Family = "demon" // demon.DemonException, checked
	FamilyUp    Family = "up"    // up.UpException, runtime system
	FamilyWeb   Family = "web"   // webexc.WebException, runtime business
)

// Families lists the valid families in the order the docs give them.
var Families = []Family{FamilyZero, FamilyDemon, FamilyUp, FamilyWeb}

// Range is a named span of codes from seed section 3. Codes are negative,
// so High is the code nearest zero: Low <= code <= High.
type Range struct {
	Name string
	Low  int // e.g. -19999
	High int // e.g. -10000
}

// Contains reports whether code lies in r.
func (r Range) Contains(code int) bool { return code >= r.Low && code <= r.High }

// String returns e.g. "web (-60000 … -69999)", the form findings use.
func (r Range) String() string {
	if r.Low == minCode {
		return fmt.Sprintf("%s (%d and beyond)", r.Name, r.High)
	}
	return fmt.Sprintf("%s (%d … %d)", r.Name, r.High, r.Low)
}

// minCode is the lowest code a catalog key can spell (the catalog package
// bounds keys to 31 bits).
const minCode = -(1<<31 - 1)

// Ranges are the named code ranges of seed section 3, nearest zero first.
var Ranges = []Range{
	{"framework", -19999, -10000},
	{"plugin", -29999, -20000},
	{"bridge", -39999, -30000},
	{"container", -45000, -40000},
	{"rx", -49999, -45001},
	{"web", -69999, -60000},
	{"extension", -89999, -80000},
	{"user", minCode, -100001},
}

// RangeNamed returns the range called name.
func RangeNamed(name string) (Range, bool) {
	for _, r := range Ranges {
		if r.Name == name {
			return r, true
		}
	}
	return Range{}, false
}

// The lint rules. Findings carry one of these names; exemptions name the
// ones they waive.
const (
	RuleDeclaration     = "declaration"      // the declaration itself is malformed; never exempt
	RuleSyntax          = "syntax"           // a template does not compile; never exempt
	RuleCatalog         = "catalog"          // a catalog file breaks a loader's rule; never exempt
	RuleFrameworkCode   = "framework-code"   // a code the framework's catalog already uses
	RuleStaleExemption  = "stale-exemption"  // an exemption covers no finding; never exempt
	RuleDuplicateCode   = "duplicate-code"   // two declarations share a code
	RuleDuplicateName   = "duplicate-name"   // two declarations share a Go name or class
	RuleStatusName      = "status-name"      // status differs from the class's _NNN prefix
	RuleStatusPrefix    = "status-prefix"    // status differs from the template's (NNN) prefix
	RuleStatusStandard  = "status-standard"  // the status is not a standard HTTP status
	RuleCodeRange       = "code-range"       // the code lies outside the module's ranges
	RuleMissingTemplate = "missing-template" // no E/W/I key for a coded exception
	RuleParams          = "params"           // placeholders and params disagree
	RuleApostrophe      = "apostrophe"       // a lone apostrophe quotes text away
	RuleSlf4j           = "slf4j"            // a "{}" placeholder outside slf4j mode
	RuleReadableUnknown = "readable-unknown" // a readable text for an undefined code
)

// ExemptRules are the rules an exemption may name, in the docs' order.
var ExemptRules = []string{
	RuleDuplicateCode, RuleDuplicateName, RuleFrameworkCode, RuleStatusName,
	RuleStatusPrefix, RuleStatusStandard, RuleCodeRange, RuleMissingTemplate,
	RuleParams, RuleApostrophe, RuleSlf4j,
}

// Finding is one problem with the inputs.
type Finding struct {
	File string // as given on the command line, or joined from a declaration
	Line int    // 1-based; 0 when the file as a whole is concerned
	Key  string // exception name, catalog key or field; may be ""
	Rule string // one of the Rule constants
	Msg  string

	// Fatal findings cannot be exempted: the generator could not produce
	// working code despite an exemption.
	Fatal bool
	// Subject is the exception whose exemptions may cover the finding;
	// nil when none may.
	Subject *Exception
	// Peers are further exceptions whose exemptions cover it too: the
	// others of a group sharing a code or class, so that one exemption
	// excuses the whole group.
	Peers []*Exception
}

// String formats f as "file:line: key: rule: message", the form the
// generator prints.
func (f Finding) String() string {
	var b strings.Builder
	b.WriteString(f.File)
	if f.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(f.Line))
	}
	b.WriteString(": ")
	if f.Key != "" {
		b.WriteString(f.Key)
		b.WriteString(": ")
	}
	b.WriteString(f.Rule)
	b.WriteString(": ")
	b.WriteString(f.Msg)
	return b.String()
}

// SortFindings orders findings by file, line, key, rule and message, so
// that output never depends on the order checks ran in.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Msg, b.Msg)
	})
}

// File is one parsed declaration file.
type File struct {
	Path       string // the file as named, cleaned
	Dir        string // its directory, where exceptions_gen.go goes
	Package    string
	Family     Family
	Catalogs   []Ref // error catalogs, paths joined with Dir
	Readables  []Ref // readable overlays, paths joined with Dir
	Ranges     []Range
	Docs       string // the Markdown file to write, joined with Dir; "" for none
	Exceptions []*Exception
}

// OpenAPIExt ends the name of the OpenAPI document of a module.
const OpenAPIExt = ".openapi.yaml"

// OpenAPI returns the path of the OpenAPI document written for f: its
// docs file with OpenAPIExt for ".md" (docs/webexc.md →
// docs/webexc.openapi.yaml), so one module's docs are two files beside
// each other, and two modules never share one. It is "" when f writes no docs, or when its
// family is not web: exceptions of the other families never reach a
// client with their own code and status (the HTTP core answers them as
// -60007), so there is no response to describe.
func (f *File) OpenAPI() string {
	if f.Docs == "" || f.Family != FamilyWeb {
		return ""
	}
	return strings.TrimSuffix(f.Docs, ".md") + OpenAPIExt
}

// Ref is a file named by a declaration, with the line naming it.
type Ref struct {
	Path string // joined with the declaration's directory
	Line int
}

// Exception is one declared exception.
type Exception struct {
	File        *File
	Line        int    // the line of the entry's first field
	Name        string // Go name without the Exception suffix
	Class       string // Zero's class name, declared or derived (see Set.derive)
	Code        int    // negative; 0 when uncoded
	Status      int    // declared status, else the template's (NNN) prefix; 0 when neither
	StatusLine  int    // of the declared status; 0 when not declared
	Params      []Param
	Doc         string
	Exempt      []Exempt
	Message     string // inline MessageFormat template of an uncoded exception
	MessageLine int
	Handwritten bool

	// ClassDerived and StatusDerived say that the field was left out and
	// Load derived it: the class from the name and status, the status
	// from the template's prefix.
	ClassDerived, StatusDerived bool

	codeGiven bool // the code field is present, if perhaps malformed
}

// Param is one constructor parameter; params[i] fills placeholder {i}.
type Param struct {
	Name string
	Type string // one of ParamTypes
	Line int
}

// Exempt waives one lint rule for an exception.
type Exempt struct {
	Rule   string
	Reason string
	Line   int
}

// ParamTypes are the Go types a param may have, as written in YAML.
// "zero.Target" stands for Zero's Class<?> params; inside package zero it
// is spelled Target.
var ParamTypes = []string{
	"string", "int", "int64", "float64", "bool", "any", "error",
	"[]string", "[]any", "map[string]any", "zero.Target",
}

// DefaultStatus is the status of a web exception that declares none, as
// in Zero (and webexc.DefaultStatus).
const DefaultStatus = 400

// EffectiveStatus returns the HTTP status a web exception is answered
// with: the declared one, else the one its template's prefix gives, else
// DefaultStatus. It is 0 outside family web.
func (e *Exception) EffectiveStatus() int {
	switch {
	case e.File.Family != FamilyWeb:
		return 0
	case e.Status != 0:
		return e.Status
	}
	return DefaultStatus
}

// TypeName returns the Go type name, Name + "Exception".
func (e *Exception) TypeName() string { return e.Name + "Exception" }

// Generated reports whether the generator writes Go for e.
func (e *Exception) Generated() bool { return !e.Handwritten }

// Exempts reports whether e waives rule, and with which reason.
func (e *Exception) Exempts(rule string) (Exempt, bool) {
	for _, x := range e.Exempt {
		if x.Rule == rule {
			return x, true
		}
	}
	return Exempt{}, false
}

// statusPrefix reads the "(404) -" prefix of a web template.
var statusPrefix = regexp.MustCompile(`^\s*\((\d{3})\)\s*-`)

// PrefixStatus returns the status a template's "(NNN) -" prefix states.
func PrefixStatus(src string) (int, bool) {
	m := statusPrefix.FindStringSubmatch(src)
	if m == nil {
		return 0, false
	}
	n, _ := strconv.Atoi(m[1])
	return n, true
}

// Where returns "file:line", for findings that point at e from elsewhere.
func (e *Exception) Where() string { return e.File.Path + ":" + strconv.Itoa(e.Line) }
