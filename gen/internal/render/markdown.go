package render

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/gen/internal/decl"
)

// mdFile is what exceptions.md.tmpl prints.
type mdFile struct {
	Package     string
	Source      string
	Family      decl.Family
	FamilyText  string
	Handwritten bool
	Rows        []mdRow
	Exemptions  []string
}

type mdRow struct{ Code, Name, Status, Template, Doc string }

// Markdown returns the reference table of f. source names the declaration
// file as the reader should see it (say, relative to the module root);
// the generator passes a path that does not depend on where it runs.
//
// Rows are ordered by code as the catalogs are (-10001 before -10002),
// uncoded exceptions last by name; exemptions follow the table with their
// reasons.
func Markdown(s *decl.Set, f *decl.File, source string) ([]byte, error) {
	out := mdFile{
		Package:    f.Package,
		Source:     source,
		Family:     f.Family,
		FamilyText: families[f.Family].describe,
	}
	es := sorted(f.Exceptions)
	slices.SortStableFunc(es, func(a, b *decl.Exception) int {
		switch {
		case a.Code == b.Code:
			return 0
		case a.Code == 0:
			return 1
		case b.Code == 0:
			return -1
		case a.Code > b.Code:
			return -1
		}
		return 1
	})
	for _, e := range es {
		r := mdRow{Code: "—", Status: "—", Doc: cell(e.Doc)}
		if e.Code != 0 {
			r.Code = strconv.Itoa(e.Code)
		}
		if st := e.EffectiveStatus(); st != 0 {
			r.Status = strconv.Itoa(st)
		}
		r.Name = "`" + e.TypeName() + "` (`" + e.Class + "`)"
		if e.Handwritten {
			r.Name += " *hand-written*"
			out.Handwritten = true
		}
		if src, _, ok := templateOf(s, e); ok {
			r.Template = cell(src)
		} else {
			r.Template = "*(no template)*"
		}
		out.Rows = append(out.Rows, r)
		for _, x := range e.Exempt {
			out.Exemptions = append(out.Exemptions, "`"+e.TypeName()+"`, "+x.Rule+": "+inline(x.Reason))
		}
	}
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, "exceptions.md.tmpl", out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// cellEscaper makes text safe in a Markdown table cell: a pipe would end
// the cell and a newline the row; the others would start emphasis, code
// or HTML. Backslashes are escaped first so that the escapes stay escapes.
var cellEscaper = strings.NewReplacer(
	`\`, `\\`,
	"|", `\|`,
	"`", "\\`",
	"*", `\*`,
	"_", `\_`,
	"<", "&lt;",
	"\r\n", "<br>",
	"\n", "<br>",
	"\r", "<br>",
)

func cell(s string) string { return cellEscaper.Replace(s) }

// inline escapes an exemption's reason for a list item, which may not
// break the line either.
func inline(s string) string { return strings.Join(strings.Fields(s), " ") }
