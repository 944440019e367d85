package decimal

import (
	"math"
	"testing"
)

// Expectations printed by JDK 17.0.15's Double.toString.
func TestAppendJavaDouble(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{0.1, "0.1"}, {1.0, "1.0"}, {1e7, "1.0E7"}, {1e-3, "0.001"}, {9.999e-4, "9.999E-4"},
		{1e10, "1.0E10"}, {123456.789, "123456.789"}, {-5.5581852745535752e16, "-5.5581852745535752E16"},
		{2.82879384806159e17, "2.82879384806159008E17"}, {1e21, "1.0E21"}, {5e-5, "5.0E-5"},
		{4.9e-324, "4.9E-324"}, {math.MaxFloat64, "1.7976931348623157E308"}, {100, "100.0"},
		{12345678.9, "1.23456789E7"}, {math.Copysign(0, -1), "-0.0"}, {0, "0.0"},
		{math.NaN(), "NaN"}, {math.Inf(1), "Infinity"}, {math.Inf(-1), "-Infinity"},
	}
	for _, tc := range cases {
		if got := string(AppendJavaDouble(nil, tc.v)); got != tc.want {
			t.Errorf("AppendJavaDouble(%v) = %s, want %s", tc.v, got, tc.want)
		}
	}
}
