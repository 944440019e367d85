package yamlnode

import (
	"errors"
	"testing"
)

func TestDocument(t *testing.T) {
	tests := []struct {
		src  string
		line int  // of the error; 0 for none
		docs bool // the error is ErrDocuments
		root bool // a root node is returned
	}{
		{"a: 1\n", 0, false, true},
		{"---\na: 1\n", 0, false, true},
		{"a: 1\n...\n", 0, false, true},
		{"", 0, false, false},
		{"# only a comment\n", 0, false, false},
		{"---\n", 0, false, true}, // a null document: the caller decides
		{"a: 1\n---\nb: 2\n", 2, true, false},
		{"a: 1\n---\n", 2, true, false},
		{"# c\n---\n# d\n---\nb: 2\n", 4, true, false},
		{"a: 1\n...\n---\nb: 2\n", 3, true, false},
		{"a: 1\n\n\n---\n\n\nb: 2\n", 4, true, false},
		{"a: 1\n---\n\nb: [\n", 4, false, false}, // a syntax error in the second document
		{"a: [\n", 1, false, false},
	}
	for _, tt := range tests {
		root, err := Document([]byte(tt.src))
		switch {
		case tt.line == 0 && err != nil:
			t.Errorf("%q: %v", tt.src, err)
		case tt.line != 0 && err == nil:
			t.Errorf("%q: no error", tt.src)
		case err != nil && (err.Line != tt.line || errors.Is(err, ErrDocuments) != tt.docs):
			t.Errorf("%q: error at line %d (%v), want line %d, documents %v", tt.src, err.Line, err, tt.line, tt.docs)
		case (root != nil) != tt.root:
			t.Errorf("%q: root %v, want one: %v", tt.src, root, tt.root)
		}
	}
}
