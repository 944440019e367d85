// Package xmltext writes Go strings as XML character data, escaped so
// that any input, a client's included, yields well-formed XML 1.0.
package xmltext

import "unicode/utf8"

// AppendEscaped appends s escaped for XML text or a quoted attribute:
// & < > " ' as entities, and what XML 1.0 cannot hold at all (control
// characters other than tab, newline and carriage return, invalid UTF-8,
// U+FFFE and U+FFFF) as U+FFFD. Carriage returns are written as &#xD; so
// that a parser's newline handling keeps them.
func AppendEscaped[Text []byte | string](dst []byte, s Text) []byte {
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			var esc string
			switch {
			case b == '&':
				esc = "&amp;"
			case b == '<':
				esc = "&lt;"
			case b == '>':
				esc = "&gt;"
			case b == '"':
				esc = "&quot;"
			case b == '\'':
				esc = "&apos;"
			case b == '\r':
				esc = "&#xD;"
			case b < 0x20 && b != '\t' && b != '\n':
				esc = "\uFFFD"
			default:
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			dst = append(dst, esc...)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
			dst = append(dst, s[start:i]...)
			dst = append(dst, "\uFFFD"...)
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(dst, s[start:]...)
}

// AppendElement appends <name>escaped text</name>.
func AppendElement[Text []byte | string](dst []byte, name string, text Text) []byte {
	dst = append(dst, '<')
	dst = append(dst, name...)
	dst = append(dst, '>')
	dst = AppendEscaped(dst, text)
	dst = append(dst, '<', '/')
	dst = append(dst, name...)
	return append(dst, '>')
}
