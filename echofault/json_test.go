package echofault

import (
	"strings"
	"testing"
)

// isBlank must agree with strings.TrimSpace(s) == "", Unicode spaces
// included, as webexc's AppendJSON decides "info" that way.
func TestIsBlank(t *testing.T) {
	for s, want := range map[string]bool{"": true, " \t\n": true, "\u00a0\u3000": true, "x": false, " 您": false, "\xff": false} {
		if got, trimmed := isBlank(s), strings.TrimSpace(s) == ""; got != want || got != trimmed {
			t.Errorf("isBlank(%q) = %v, want %v", s, got, want)
		}
	}
}
