package mfpattern

import "testing"

func TestArgs(t *testing.T) {
	for src, want := range map[string]int{
		"plain":                          0,
		"{0} and {2}":                    3,
		"{0,choice,0#none|1#{1} of {2}}": 3, // choice texts count
		"'{5}' is quoted, {0} is not":    1,
		"it''s {1}":                      2,
		"slf4j {} and {}":                2,
		`slf4j \{} and {}`:               1,
		"{0,number,#'{'}":                1,
		"{3,date,short}":                 4,
	} {
		if got := Args(src); got != want {
			t.Errorf("Args(%q) = %d, want %d", src, got, want)
		}
	}
}
