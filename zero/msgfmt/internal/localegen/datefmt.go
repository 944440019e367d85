package main

import (
	"bytes"
	"fmt"
	"strings"
)

// sets interns fixed-size arrays of string indexes.
type sets[T comparable] struct {
	idx  map[T]int
	list []T
}

func (s *sets[T]) add(v T) int {
	if s.idx == nil {
		s.idx = map[T]int{}
	}
	if i, ok := s.idx[v]; ok {
		return i
	}
	s.idx[v] = len(s.list)
	s.list = append(s.list, v)
	return len(s.list) - 1
}

func writeSets[T [2]int | [3]int | [4]int | [6]int | [7]int | [8]int | [12]int](b *bytes.Buffer, name, typ, doc string, s *sets[T]) {
	fmt.Fprintf(b, "// %s %s\nvar %s = [...]%s{\n", name, doc, name, typ)
	for _, v := range s.list {
		b.WriteString("{" + strings.Trim(strings.ReplaceAll(fmt.Sprint(v), " ", ", "), "[]") + "},\n")
	}
	b.WriteString("}\n\n")
}

// genDatefmt writes the calendar tables: name sets, pattern sets, the
// distinct calendar records, each locale's record per calendar type and
// UTC names, and the regions whose week rules are not the world's.
func genDatefmt(d *dumpData) []byte {
	var b bytes.Buffer
	header(&b, "datefmt", d)
	t := newStrtab()
	name := func(s *string) int {
		if s == nil {
			return 0 // SimpleDateFormat prints nothing for a missing name
		}
		return t.add(*s)
	}
	var s2 sets[[2]int]
	var s4 sets[[4]int]
	var s6 sets[[6]int]
	var s7 sets[[7]int]
	var s12 sets[[12]int]
	var nameRecs, calRecs sets[[8]int]
	var recs [][2]int
	for i, r := range d.Dates {
		var eras [2]int
		for st, list := range r.Eras {
			switch len(list) {
			case 2:
				eras[st] = s2.add([2]int{name(list[0]), name(list[1])})
			case 6:
				var v [6]int
				for j, s := range list {
					v[j] = name(s)
				}
				eras[st] = s6.add(v)
			default:
				panic(fmt.Sprintf("dates %d: %d eras", i, len(list)))
			}
		}
		var months [4]int
		for st, list := range r.Months {
			var v [12]int
			for j, s := range list {
				v[j] = name(s)
			}
			months[st] = s12.add(v)
		}
		var weekdays [2]int
		for st, list := range r.Weekdays {
			var v [7]int
			for j, s := range list {
				v[j] = name(s)
			}
			weekdays[st] = s7.add(v)
		}
		var ampm [2]int
		for st, list := range r.AmPm {
			ampm[st] = s2.add([2]int{name(list[0]), name(list[1])})
		}
		pats := func(p [4]string) int {
			return s4.add([4]int{t.add(p[0]), t.add(p[1]), t.add(p[2]), t.add(p[3])})
		}
		names := nameRecs.add([8]int{months[0], months[1], months[2], months[3], weekdays[0], weekdays[1], ampm[0], ampm[1]})
		cal := calRecs.add([8]int{eras[0], eras[1], pats(r.Date), pats(r.Time), pats(r.Glue), name(r.FirstYear)})
		recs = append(recs, [2]int{names, cal})
	}
	b.WriteString("// dateRecs are the distinct calendar data of JDK 17's locales, one per\n// locale and calendar type: a nameRecs and a calendarRecs index.\nvar dateRecs = [...][2]uint16{")
	for i, r := range recs {
		if i%8 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "{%d, %d}, ", r[0], r[1])
	}
	b.WriteString("\n}\n\n")
	b.WriteString("// nameRecs are month names (format short, long, standalone short, long:\n// nameSets12), weekday names (short, long: nameSets7) and AM/PM names\n// (short, long: nameSets2).\nvar nameRecs = [...]nameRec{\n")
	for _, v := range nameRecs.list {
		fmt.Fprintf(&b, "{[4]uint16{%d, %d, %d, %d}, [2]uint16{%d, %d}, [2]uint16{%d, %d}},\n", v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7])
	}
	b.WriteString("}\n\n")
	b.WriteString("// calendarRecs are era names (short, long: nameSets2, or nameSets6 in\n// the Japanese calendar), the date, time and date-time patterns\n// (patternSets) and the name of an era's first year (dateStrings).\nvar calendarRecs = [...]calendarRec{\n")
	for _, v := range calRecs.list {
		fmt.Fprintf(&b, "{[2]uint16{%d, %d}, %d, %d, %d, %d},\n", v[0], v[1], v[2], v[3], v[4], v[5])
	}
	b.WriteString("}\n\n")

	var triples sets[[3]int]
	var zones sets[[2]int]
	b.WriteString("// localeDates holds, by jlocale.ID, the index of the locale's calendar\n// records (calendarSets) and of UTC's short and long names (zoneSets).\nvar localeDates = [...][2]uint16{\n")
	for _, l := range d.Locales {
		cal := triples.add([3]int{l.Dates["gregory"], l.Dates["buddhist"], l.Dates["japanese"]})
		zone := zones.add([2]int{t.add(l.Zone[0]), t.add(l.Zone[1])})
		fmt.Fprintf(&b, "{%d, %d}, // %s\n", cal, zone, l.Tag)
	}
	b.WriteString("}\n\n")
	writeSets(&b, "calendarSets", "[3]uint16", "are dateRecs indexes by calendar type: Gregorian, Buddhist, Japanese.", &triples)
	writeSets(&b, "zoneSets", "[2]uint16", "are UTC's short and long names.", &zones)

	writeSets(&b, "nameSets2", "[2]uint16", "are eras (BC, AD) and AM/PM names.", &s2)
	writeSets(&b, "nameSets6", "[6]uint16", "are the eras of the Japanese calendar, before Meiji to Reiwa.", &s6)
	writeSets(&b, "nameSets7", "[7]uint16", "are weekday names, Sunday first.", &s7)
	writeSets(&b, "nameSets12", "[12]uint16", "are month names, January first.", &s12)
	writeSets(&b, "patternSets", "[4]uint16", "are DateFormat patterns by style, FULL first.", &s4)

	// Week rules: the regions that differ from the world's Monday/1.
	var regions []string
	var rules []int
	for _, r := range d.Regions {
		if r.Region == "" {
			if r.Week != [2]int{1, 1} {
				panic("the empty region no longer has Sunday/1 weeks")
			}
			continue
		}
		if r.Week != [2]int{2, 1} {
			regions = append(regions, r.Region)
			rules = append(rules, r.Week[0]<<4|r.Week[1])
		}
	}
	b.WriteString("// weekRegions are the regions whose weeks do not start on Monday with\n// one day in the first week, sorted; weekRules their first day of week\n// (1 = Sunday) times 16 plus minimal days in the first week.\nvar weekRegions = [...]string{")
	for i, r := range regions {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%q, ", r)
	}
	b.WriteString("\n}\n\nvar weekRules = [...]uint8{")
	uints(&b, rules)
	b.WriteString("}\n\n")

	t.write(&b, "date", "holds the names and patterns of the tables above.")
	return b.Bytes()
}
