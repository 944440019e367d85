package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// genDecimal writes the number tables: DecimalFormatSymbols records,
// pattern triples, each locale's own records and its listings per
// numbering system, currency symbols, and region and currency facts.
func genDecimal(d *dumpData) []byte {
	var b bytes.Buffer
	header(&b, "decimal", d)
	t := newStrtab()

	char := func(s string) int {
		r, n := utf8.DecodeRuneInString(s)
		if n != len(s) || r > 0xffff {
			panic(fmt.Sprintf("symbol %q is not one BMP character", s))
		}
		return int(r)
	}
	b.WriteString("// symbolRecs are the distinct DecimalFormatSymbols of JDK 17: chars as\n// UTF-16 code units, strings as indexes into decimalStrings.\nvar symbolRecs = [...]symbolRec{\n")
	for _, s := range d.Symbols {
		fmt.Fprintf(&b, "{%#x, %#x, %#x, %#x, %#x, %d, %d, %d, %d, %d, %d},\n",
			char(s.Zero), char(s.Group), char(s.Decimal), char(s.MonGroup), char(s.MonDecimal),
			t.add(s.Minus), t.add(s.Percent), t.add(s.PerMill), t.add(s.Exponent), t.add(s.Infinity), t.add(s.NaN))
	}
	b.WriteString("}\n\n")

	b.WriteString("// patternRecs are the distinct number, currency and percent patterns of\n// the locale providers, as indexes into decimalStrings.\nvar patternRecs = [...][3]uint16{\n")
	for _, p := range d.Patterns {
		fmt.Fprintf(&b, "{%d, %d, %d}, // %q\n", t.add(p[0]), t.add(p[1]), t.add(p[2]), p[0])
	}
	b.WriteString("}\n\n")

	nuIndex := map[string]int{}
	b.WriteString("// nuNames are the numbering systems some locale has data for, sorted.\nvar nuNames = [...]string{")
	for i, nu := range d.Nu {
		nuIndex[nu] = i
		if i%8 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%q, ", nu)
	}
	b.WriteString("\n}\n\n")

	b.WriteString("// localeNumbers holds, by jlocale.ID, the symbols and patterns of the\n// locale's own numbering system and that system (1 + index into nuNames,\n// 0 when the locale names none).\nvar localeNumbers = [...]numbersRef{\n")
	for _, l := range d.Locales {
		nu := 0
		if l.DefaultNu != "" {
			i, ok := nuIndex[l.DefaultNu]
			if !ok {
				panic("unknown numbering system " + l.DefaultNu)
			}
			nu = i + 1
		}
		fmt.Fprintf(&b, "{%d, %d, %d}, // %s\n", l.SymbolsID, l.PatternsID, nu, l.Tag)
	}
	b.WriteString("}\n\n")

	// Listings per numbering system: one entry per (locale, nu) listed for
	// symbols or patterns, noRec where only the other one is.
	var starts []int
	var entries []string
	for _, l := range d.Locales {
		starts = append(starts, len(entries))
		var nus []string
		seen := map[string]bool{}
		for nu := range l.NuSymbols {
			nus, seen[nu] = append(nus, nu), true
		}
		for nu := range l.NuPatterns {
			if !seen[nu] {
				nus = append(nus, nu)
			}
		}
		sort.Strings(nus)
		for _, nu := range nus {
			sym, pat := "noRec", "noRec"
			if id, ok := l.NuSymbols[nu]; ok {
				sym = fmt.Sprint(id)
			}
			if id, ok := l.NuPatterns[nu]; ok {
				pat = fmt.Sprint(id)
			}
			entries = append(entries, fmt.Sprintf("{%d, %s, %s}", nuIndex[nu], sym, pat))
		}
	}
	starts = append(starts, len(entries))
	b.WriteString("// nuEntries[nuStart[id]:nuStart[id+1]] are the records the locale id\n// lists for other numbering systems (see symbols.go for how they are\n// found).\nvar nuStart = [...]uint16{")
	uints(&b, starts)
	b.WriteString("}\n\nvar nuEntries = [...]nuEntry{")
	for i, e := range entries {
		if i%6 == 0 {
			b.WriteString("\n")
		}
		b.WriteString(e + ", ")
	}
	b.WriteString("\n}\n\n")

	// Currencies, sorted by code.
	var codes []string
	for c := range d.Digits {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	codeIndex := map[string]int{}
	digits := make([]int, len(codes))
	for i, c := range codes {
		if len(c) != 3 {
			panic("currency code " + c)
		}
		codeIndex[c] = i
		digits[i] = d.Digits[c]
	}
	if len(codes) > 255 {
		panic("more currencies than a uint8 indexes")
	}
	fmt.Fprintf(&b, "// currencyCodes are the ISO 4217 codes the JDK knows, sorted, three\n// letters each; currencyDigits their default fraction digits (-1: none).\nconst currencyCodes = %q\n\nvar currencyDigits = [...]int8{", strings.Join(codes, ""))
	uints(&b, digits)
	b.WriteString("}\n\n")

	// Currency symbols per locale.
	starts, entries = nil, nil
	for _, l := range d.Locales {
		starts = append(starts, len(entries))
		var cs []string
		for c := range l.Symbols {
			cs = append(cs, c)
		}
		sort.Strings(cs)
		for _, c := range cs {
			i, ok := codeIndex[c]
			if !ok {
				panic("symbol for unknown currency " + c)
			}
			entries = append(entries, fmt.Sprintf("{%d, %d}", i, t.add(l.Symbols[c])))
		}
	}
	starts = append(starts, len(entries))
	b.WriteString("// symbolEntries[symbolStart[id]:symbolStart[id+1]] are the currency\n// symbols the locale id names differently from its chain (see\n// currencySymbol).\nvar symbolStart = [...]uint16{")
	uints(&b, starts)
	b.WriteString("}\n\nvar symbolEntries = [...]currencyName{")
	for i, e := range entries {
		if i%8 == 0 {
			b.WriteString("\n")
		}
		b.WriteString(e + ", ")
	}
	b.WriteString("\n}\n\n")

	// Region currencies: two-letter regions only, the JDK rejects others.
	var regions []string
	var regionCur []int
	for _, r := range d.Regions {
		if len(r.Region) != 2 || r.Region[0] < 'A' || r.Region[0] > 'Z' {
			continue
		}
		regions = append(regions, r.Region)
		c := 255
		if r.Currency != "" {
			c = codeIndex[r.Currency]
		}
		regionCur = append(regionCur, c)
	}
	fmt.Fprintf(&b, "// currencyRegions are the two-letter regions the JDK knows, sorted;\n// regionCurrency is Currency.getInstance of each, as an index into\n// currencyCodes (255: the region has none).\nconst currencyRegions = %q\n\nvar regionCurrency = [...]uint8{", strings.Join(regions, ""))
	uints(&b, regionCur)
	b.WriteString("}\n\n")

	t.write(&b, "decimal", "holds the strings of the tables above.")
	return b.Bytes()
}
