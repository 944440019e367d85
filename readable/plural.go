package readable

import (
	"fmt"
	"math"
	"strconv"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// go-i18n keeps its CLDR plural rules internal: the only public way to
// learn a count's form is to localize a message with a PluralCount. So a
// probe bundle holds, for each language that needs one, a message whose
// forms are the names of the forms, and a language's rule is learnt from
// it once, at load, for the counts 0 to tableSize-1. Requests then read
// the table; only other counts (large, fractional, or given as text) ask
// go-i18n again, at the cost of its allocations.

// tableSize is how many integer counts are tabulated per language. CLDR
// rules for integers look at n, n%10 and n%100 (and, for the "many" of
// French or Spanish, n%1000000), so the everyday counts are all below it.
const tableSize = 1000

const probeID = "zerofault.plural"

var probeMessage = i18n.Message{
	ID:    probeID,
	Zero:  formNames[formZero],
	One:   formNames[formOne],
	Two:   formNames[formTwo],
	Few:   formNames[formFew],
	Many:  formNames[formMany],
	Other: formNames[formOther],
}

type pluralProbe struct{ b *i18n.Bundle }

func newPluralProbe(def language.Tag) *pluralProbe {
	return &pluralProbe{b: i18n.NewBundle(def)}
}

// pluralRule chooses the plural form of a count in one language.
type pluralRule struct {
	table [tableSize]form
	loc   *i18n.Localizer // for counts outside the table
}

// rule learns the plural rule of tag from go-i18n.
func (p *pluralProbe) rule(tag language.Tag) (*pluralRule, error) {
	m := probeMessage
	if err := p.b.AddMessages(tag, &m); err != nil {
		return nil, err
	}
	r := &pluralRule{loc: i18n.NewLocalizer(p.b, tag.String())}
	for n := range tableSize {
		f, err := r.ask(n)
		if err != nil {
			return nil, err
		}
		r.table[n] = f
	}
	return r, nil
}

// ask asks go-i18n for the form of count (an integer type or a decimal
// string).
func (r *pluralRule) ask(count any) (form, error) {
	s, err := r.loc.Localize(&i18n.LocalizeConfig{MessageID: probeID, PluralCount: count})
	if err != nil {
		return formOther, err
	}
	f, ok := formOf(s)
	if !ok {
		return formOther, fmt.Errorf("plural probe answered %q", s)
	}
	return f, nil
}

// form returns the plural form of the count v, formOther when v is not a
// number.
func (r *pluralRule) form(v any) form {
	var n int64
	switch x := v.(type) {
	case int:
		n = int64(x)
	case int8:
		n = int64(x)
	case int16:
		n = int64(x)
	case int32:
		n = int64(x)
	case int64:
		n = x
	case uint:
		return r.formUint(uint64(x))
	case uint8:
		n = int64(x)
	case uint16:
		n = int64(x)
	case uint32:
		n = int64(x)
	case uint64:
		return r.formUint(x)
	case float64:
		return r.formFloat(x, 64)
	case float32:
		return r.formFloat(float64(x), 32)
	case string:
		f, err := r.ask(x)
		if err != nil {
			return formOther
		}
		return f
	default:
		return formOther
	}
	if n < 0 && n != math.MinInt64 {
		n = -n // CLDR operands are absolute values
	}
	if n >= 0 && n < tableSize {
		return r.table[n]
	}
	f, _ := r.ask(n)
	return f
}

func (r *pluralRule) formUint(u uint64) form {
	if u < tableSize {
		return r.table[u]
	}
	f, _ := r.ask(strconv.FormatUint(u, 10))
	return f
}

// formFloat treats an integral float as the integer (1.0 is "one" in
// English, as MessageFormat prints it "1"), and gives go-i18n any other
// as its shortest decimal text, whose visible fraction digits CLDR
// rules look at.
func (r *pluralRule) formFloat(x float64, bits int) form {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return formOther
	}
	if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
		return r.form(int64(x))
	}
	f, _ := r.ask(strconv.FormatFloat(math.Abs(x), 'f', -1, bits))
	return f
}
