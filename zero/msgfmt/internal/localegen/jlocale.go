package main

import (
	"bytes"
	"fmt"
)

// genJLocale writes the available locales (sorted, so that an ID is the
// same index in every package's tables), which adapter serves each, their
// bundle chains, and CLDR's language aliases and irregular parents.
func genJLocale(d *dumpData) []byte {
	var b bytes.Buffer
	header(&b, "jlocale", d)
	t := newStrtab()
	fmt.Fprintf(&b, "// numLocales is the number of locales of JDK 17's Locale.getAvailableLocales().\nconst numLocales = %d\n\n", len(d.Locales))

	b.WriteString("// localeParts holds the language, script, region and Java variant of\n// each available locale, as indexes into partStrings, sorted: an ID is an\n// index into it (and into the locale tables of decimal and datefmt).\nvar localeParts = [numLocales][4]uint16{\n")
	for _, l := range d.Locales {
		p := parts(l.Key)
		fmt.Fprintf(&b, "{%d, %d, %d, %d}, // %s\n", t.add(p[0]), t.add(p[1]), t.add(p[2]), t.add(p[3]), l.Tag)
	}
	b.WriteString("}\n\n")

	b.WriteString("// localeServed tells how the locale providers judge each locale (bits\n// cldrBundles, cldrServes, jreServes) and which one its data come from\n// (dataFromJRE).\nvar localeServed = [numLocales]uint8{")
	served := make([]uint8, len(d.Locales))
	for i, l := range d.Locales {
		for bit, set := range []bool{l.CLDRDirect, l.CLDR, l.JRE, l.Adapter == "JRE"} {
			if set {
				served[i] |= 1 << bit
			}
		}
	}
	uints(&b, served)
	b.WriteString("}\n\n")

	b.WriteString("// chainIDs[chainStart[id]:chainStart[id+1]] are the other available\n// locales in the order the JDK searches bundles for id's data, ending\n// with the root locale.\nvar chainStart = [numLocales + 1]uint16{")
	var starts, ids []int
	for _, l := range d.Locales {
		starts = append(starts, len(ids))
		for _, c := range l.Chain {
			ids = append(ids, d.Index[c])
		}
	}
	starts = append(starts, len(ids))
	uints(&b, starts)
	b.WriteString("}\n\nvar chainIDs = [...]ID{")
	uints(&b, ids)
	b.WriteString("}\n\n")

	b.WriteString("// aliasFrom and aliasTo are CLDR's language aliases, sorted by the\n// language tag they replace.\nvar aliasFrom = [...]string{\n")
	for _, a := range d.Aliases {
		fmt.Fprintf(&b, "%q,\n", a[0])
	}
	b.WriteString("}\n\nvar aliasTo = [...]string{\n")
	for _, a := range d.Aliases {
		fmt.Fprintf(&b, "%q,\n", a[1])
	}
	b.WriteString("}\n\n")

	b.WriteString("// parentChild and parentOf are CLDR's irregular parent locales (en-AU\n// reads en-001 before en), sorted by the child's language tag.\nvar parentChild = [...]string{\n")
	for _, p := range d.Parents {
		fmt.Fprintf(&b, "%q,\n", p[0])
	}
	b.WriteString("}\n\nvar parentOf = [...]string{\n")
	for _, p := range d.Parents {
		fmt.Fprintf(&b, "%q,\n", p[1])
	}
	b.WriteString("}\n\n")
	t.write(&b, "part", "holds the parts of the available locales.")
	return b.Bytes()
}
