package msgfmt_test

import (
	"testing"

	"github.com/zeroport/zerofault/zero/msgfmt"
)

// A typical Zero template: two string arguments, quotes in the text.
const zeroTemplate = "(Boot) The two app of HArk could not been combined, the current name = `{1}`, ns = `{0}`, it''s fatal"

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
