package msgfmt

import (
	"sync"
	"sync/atomic"

	"github.com/zeroport/zerofault/zero/msgfmt/internal/datefmt"
	"github.com/zeroport/zerofault/zero/msgfmt/internal/decimal"
	"github.com/zeroport/zerofault/zero/msgfmt/internal/jlocale"
)

// localeFormats holds the JDK's factory formats for one locale
// (NumberFormat.getInstance, DateFormat.getDateInstance, …). They are
// immutable, so every Message of the locale shares them; each is built on
// first use, because most messages need none of them.
type localeFormats struct {
	loc jlocale.Locale

	numOnce [4]sync.Once // indexed by decimal.Style
	num     [4]*decimal.Format

	dateOnce [2][4]sync.Once // [isTime][datefmt.Style]
	date     [2][4]*datefmt.Format

	dtOnce sync.Once
	dt     *datefmt.Format // SHORT date + SHORT time, for a plain {n} given a date
}

// The locale caches: tag → *localeFormats (skipping jlocale.Parse), and
// jlocale.Locale → *localeFormats (sharing formats between spellings of a
// tag). Tags may come from outside (an Accept-Language header), so both
// stop growing at maxLocales entries; beyond that a locale gets fresh,
// uncached formats, which is correct, only slower.
const maxLocales = 1024

var (
	tagCache, localeCache sync.Map
	tagCount, localeCount atomic.Int64
)

// lookupLocale returns the parsed locale and shared formats for a tag.
func lookupLocale(tag string) *localeFormats {
	if f, ok := tagCache.Load(tag); ok {
		return f.(*localeFormats)
	}
	f := formatsFor(jlocale.Parse(tag))
	storeBounded(&tagCache, &tagCount, tag, f)
	return f
}

func formatsFor(loc jlocale.Locale) *localeFormats {
	if f, ok := localeCache.Load(loc); ok {
		return f.(*localeFormats)
	}
	return storeBounded(&localeCache, &localeCount, loc, &localeFormats{loc: loc})
}

// storeBounded stores f under k unless the cache is full, and returns the
// value stored under k (f, or one stored concurrently).
func storeBounded(m *sync.Map, n *atomic.Int64, k any, f *localeFormats) *localeFormats {
	if n.Load() >= maxLocales {
		return f
	}
	v, loaded := m.LoadOrStore(k, f)
	if !loaded {
		n.Add(1)
	}
	return v.(*localeFormats)
}

// number returns NumberFormat.get{,Integer,Percent,Currency}Instance.
func (lf *localeFormats) number(s decimal.Style) *decimal.Format {
	lf.numOnce[s].Do(func() { lf.num[s] = decimal.New(lf.loc, s) })
	return lf.num[s]
}

// dateOrTime returns DateFormat.getDateInstance or getTimeInstance.
func (lf *localeFormats) dateOrTime(isTime bool, s datefmt.Style) *datefmt.Format {
	t := 0
	if isTime {
		t = 1
	}
	lf.dateOnce[t][s].Do(func() {
		if isTime {
			lf.date[t][s] = datefmt.NewTime(lf.loc, s)
		} else {
			lf.date[t][s] = datefmt.NewDate(lf.loc, s)
		}
	})
	return lf.date[t][s]
}

// dateTime returns DateFormat.getDateTimeInstance(SHORT, SHORT), the format
// of a plain {n} whose argument is a date.
func (lf *localeFormats) dateTime() *datefmt.Format {
	lf.dtOnce.Do(func() { lf.dt = datefmt.NewDateTime(lf.loc, datefmt.Short, datefmt.Short) })
	return lf.dt
}
