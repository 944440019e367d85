// Command gen generates zerofault's typed exceptions from declaration
// files, and lints declarations and catalogs.
//
// A package that holds catalogued exceptions declares them in
// exceptions.yml (format: docs/declarations.md) and runs gen from a
// go:generate line:
//
//	//go:generate go run github.com/zeroport/zerofault/gen exceptions.yml
//
// Each declaration file yields exceptions_gen.go beside it and the
// Markdown table its docs field names. Before writing anything gen lints
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
//	-check           lint only; write nothing
//	-slf4j           accept "{}" placeholders in templates (slf4j mode)
//	-catalog file    also lint a plain error catalog (repeatable)
//	-readable file   also lint a plain readable overlay against the
//	                 -catalog files (repeatable)
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
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: gen [-check] [-slf4j] [-v] [-catalog file]... [-readable file]... [declaration.yml ...]")
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
		fmt.Fprintf(stderr, "gen: %d finding(s); nothing written\n", len(res.Findings))
		return 1
	}
	if *check {
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
