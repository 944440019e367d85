package msgfmt_test

import (
	"fmt"
	"testing"

	"github.com/zeroport/zerofault/zero/msgfmt"
)

// A template shaped like Zero's: two string arguments, one used out of
// order, and a quoted apostrophe.
const zeroTemplate = "(Boot) Application `{1}` in namespace `{0}` can''t be merged with the running one"

func BenchmarkMessageFormat(b *testing.B) {
	m := msgfmt.MustCompile("en-US", zeroTemplate)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Format("ns-app", "app-name"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMessageAppendFormat(b *testing.B) {
	m := msgfmt.MustCompile("en-US", zeroTemplate)
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if buf, err = m.AppendFormat(buf[:0], "ns-app", "app-name"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMessageFormatNumber(b *testing.B) {
	m := msgfmt.MustCompile("en-US", "code = {0}, count = {1,number,integer}, {2,choice,0#none|1#one|1<many}")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Format(40101, 1234.5, 3); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFormatOneOff(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := msgfmt.Format("en-US", zeroTemplate, "ns-app", "app-name"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineSprintf is the same message through fmt.Sprintf: the
// Go-native floor the compiled form is measured against.
func BenchmarkBaselineSprintf(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sinkString = fmt.Sprintf("(Boot) Application `%s` in namespace `%s` can't be merged with the running one", "app-name", "ns-app")
	}
}

var sinkString string
