// Command gen generates zerofault's typed exceptions from declaration
// files, and lints declarations and catalogs.
//
// A package that holds catalogued exceptions declares them in
// exceptions.yml (format: docs/declarations.md) and runs gen from a
// go:generate line, gen being a tool of its module (go get -tool
// github.com/zeroport/zerofault/gen@latest adds it to go.mod):
//
//	//go:generate go tool gen exceptions.yml
//
// Each declaration file yields exceptions_gen.go beside it, the
// Markdown table its docs field names and, for family web, an OpenAPI
// 3.1 document beside that table (docs/x.md, docs/x.openapi.yaml). Before writing anything gen lints
// every file it was given, together: findings print as
//
//	file:line: key: rule: message
//
// and any finding that no exemption of the declarations covers makes gen
// write nothing and exit with status 1.
//
// Usage:
//
//	gen [flags] [declaration.yml ...]
//
// Flags:
//
//	-check           lint only; write nothing; print a summary line
//	-slf4j           accept "{}" placeholders in templates (slf4j mode)
//	-catalog file    also lint a plain error catalog (repeatable)
//	-readable file   also lint a plain readable overlay against the
//	                 -catalog files (repeatable)
//	-override        lint the -catalog files as catalog.AllowOverride()
//	                 loads them, redefining framework codes
//	-v               list the files written and the exempted findings
//
// Several declaration files may be given at once, as CI does with
// -check, so that codes and class names are checked across modules.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/zeroport/zerofault/gen/internal/generate"
	"github.com/zeroport/zerofault/gen/internal/lint"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// files is a repeatable string flag.
type files []string

// String lists the files given so far, for flag's defaults.
func (f *files) String() string { return strings.Join(*f, ",") }

// Set adds one more file.
func (f *files) Set(v string) error { *f = append(*f, v); return nil }

// usage says how to call gen, and how a module runs it at all: gen is a
// tool of the module that declares exceptions, not a command installed
// beside it.
const usage = `usage: gen [-check] [-slf4j] [-v] [-override] [-catalog file]... [-readable file]... [declaration.yml ...]

In a module of your own, add gen as a tool once:

	go get -tool github.com/zeroport/zerofault/gen@latest

and put beside each exceptions.yml a gen.go saying

	//go:generate go tool gen exceptions.yml

then run go generate ./... (docs/declarations.md has the format).

`

// summary is the closing line of a run: what was read and what was found.
func summary(res generate.Result) string {
	s := fmt.Sprintf("gen: checked %s, %s, %s: %s",
		count(res.Declarations, "declaration file"), count(res.Catalogs, "catalog file"),
		count(res.Exceptions, "exception"), count(len(res.Findings), "finding"))
	if n := len(res.Exempted); n > 0 {
		s += fmt.Sprintf(" (%d exempted)", n)
	}
	return s
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var (
		cfg     generate.Config
		check   = fl.Bool("check", false, "lint only; write nothing")
		slf4j   = fl.Bool("slf4j", false, `accept "{}" placeholders (slf4j mode)`)
		verbose = fl.Bool("v", false, "list files written and exempted findings")
		cats    files
		reads   files
	)
	fl.Var(&cats, "catalog", "lint a plain error catalog (repeatable)")
	fl.Var(&reads, "readable", "lint a plain readable overlay against the -catalog files (repeatable)")
	fl.BoolVar(&cfg.Override, "override", false, "lint the -catalog files as loaded with catalog.AllowOverride()")
	fl.Usage = func() {
		fmt.Fprint(stderr, usage)
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	cfg.Declarations, cfg.Catalogs, cfg.Readables = fl.Args(), cats, reads
	cfg.Lint = lint.Options{Slf4j: *slf4j}
	if len(cfg.Declarations)+len(cfg.Catalogs)+len(cfg.Readables) == 0 {
		fl.Usage()
		return 2
	}

	res, err := generate.Run(cfg)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}
	if *verbose {
		for _, f := range res.Exempted {
			fmt.Fprintln(stdout, "exempted:", f)
		}
	}
	for _, f := range res.Findings {
		fmt.Fprintln(stderr, f)
	}
	if len(res.Findings) > 0 {
		fmt.Fprintln(stderr, summary(res)+"; nothing written")
		return 1
	}
	if *check {
		fmt.Fprintln(stdout, summary(res))
		return 0
	}
	wrote, err := generate.Write(res.Outputs)
	if *verbose {
		for _, p := range wrote {
			fmt.Fprintln(stdout, "wrote", p)
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}
	return 0
}
