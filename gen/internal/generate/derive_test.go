package generate

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/zeroport/zerofault/gen/internal/decl"
)

// repoDeclarations lists every declaration file of the module that go
// generate runs, relative to this directory.
func repoDeclarations(t *testing.T) []string {
	t.Helper()
	root := filepath.Join("..", "..", "..")
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.Name() == "exceptions.yml" {
			if _, err := os.Stat(filepath.Join(filepath.Dir(p), "gen.go")); err == nil {
				out = append(out, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDerivedFieldsKeepOutput leaves out, from every declaration of the
// module, each class and status that derivation gives back, and wants
// the generated files unchanged: deriving does not change the meaning of
// what is declared.
func TestDerivedFieldsKeepOutput(t *testing.T) {
	decls := repoDeclarations(t)
	if len(decls) < 10 {
		t.Fatalf("found only %d declarations", len(decls))
	}
	root := filepath.Join("..", "..", "..")
	full, load := decl.Load(decl.OSRead, decls...)
	if len(load) > 0 {
		t.Fatal(load)
	}
	stripped := map[string][]byte{}
	dropped := 0
	for _, f := range full.Files {
		data, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		byName := map[string]*decl.Exception{}
		for _, e := range f.Exceptions {
			byName[e.Name] = e
		}
		for _, m := range field(doc.Content[0], "exceptions").Content {
			e := byName[field(m, "name").Value]
			tpl, _ := full.Template(e)
			derivedStatus := 0
			if tpl != nil && f.Family == decl.FamilyWeb {
				derivedStatus, _ = decl.PrefixStatus(tpl.Source)
			}
			status := e.EffectiveStatus()
			if derivedStatus == 0 {
				derivedStatus = decl.DefaultStatus
			}
			keepStatus := f.Family == decl.FamilyWeb && status != derivedStatus
			derivedClass := e.TypeName()
			if f.Family == decl.FamilyWeb {
				derivedClass = "_" + itoa(status) + e.TypeName()
			}
			if !keepStatus && remove(m, "status") {
				dropped++
			}
			if e.Class == derivedClass && remove(m, "class") {
				dropped++
			}
		}
		out, err := yaml.Marshal(&doc)
		if err != nil {
			t.Fatal(err)
		}
		stripped[f.Path] = out
	}
	if dropped < 100 {
		t.Fatalf("only %d fields could be left out; the test would prove little", dropped)
	}
	read := func(name string) ([]byte, error) {
		if b, ok := stripped[filepath.Clean(name)]; ok {
			return b, nil
		}
		return os.ReadFile(name)
	}
	// One run per declaration, as each gen.go's go:generate line does.
	for _, d := range decls {
		res, err := Run(Config{Declarations: []string{d}, Read: read, Root: root})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) > 0 {
			t.Errorf("%s: findings without the derived fields: %v", d, res.Findings)
		}
		if len(res.Outputs) == 0 {
			t.Errorf("%s: no outputs", d)
		}
		for _, o := range res.Outputs {
			disk, err := os.ReadFile(o.Path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(disk, o.Data) {
				t.Errorf("%s changes when derivable fields are left out", o.Path)
			}
		}
	}
	t.Logf("%d class and status fields left out of %d declarations", dropped, len(decls))
}

func field(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func remove(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = slices.Delete(m.Content, i, i+2)
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }
