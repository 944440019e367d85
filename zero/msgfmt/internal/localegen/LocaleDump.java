// LocaleDump prints, as JSON lines, the locale data of the running JDK that
// zerofault's MessageFormat port needs: for every locale of
// Locale.getAvailableLocales(), its DecimalFormatSymbols and NumberFormat
// patterns (per numbering system), currency names, calendar names and
// DateFormat patterns (per calendar type), the UTC zone names and week rules;
// and the tables the JDK resolves a requested locale with (CLDR parent
// locales and language aliases, the locales each provider serves, region
// currencies and week rules).
//
// It is the first half of the generator in this directory; main.go turns its
// output into the *_gen.go tables. It must run on JDK 17 with the default
// locale providers (CLDR, COMPAT), and needs access to JDK internals:
//
//	javac -d /tmp/localegen --add-exports java.base/sun.util.locale.provider=ALL-UNNAMED \
//	    --add-exports java.base/sun.util.cldr=ALL-UNNAMED --add-exports java.base/sun.util.resources=ALL-UNNAMED \
//	    LocaleDump.java
//	java -cp /tmp/localegen --add-exports ... (the same three) --add-opens java.base/java.text=ALL-UNNAMED \
//	    LocaleDump > jdk17-locales.jsonl
//
// "go run . -dump" in this directory does exactly that. Records are printed
// in a stable order, so that a new JDK release shows up as a readable diff.
//
// Line kinds (field "k"):
//   - meta: the JDK that produced the file.
//   - nu: the numbering systems some locale bundle defines symbols for.
//   - symbols: one distinct DecimalFormatSymbols record, referenced by id.
//   - patterns: one distinct triple of number, currency and percent patterns.
//   - dates: one distinct calendar data record, referenced by id.
//   - locale: one available locale; see dumpLocale.
//   - region: an ISO 3166 region's currency and week rules.
//   - currency: an ISO 4217 currency's default fraction digits.
//   - alias, parent: CLDR language aliases and irregular parent locales.
import java.lang.reflect.Method;
import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.text.spi.DateFormatProvider;
import java.text.spi.DecimalFormatSymbolsProvider;
import java.text.spi.NumberFormatProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Currency;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;

import sun.util.cldr.CLDRBaseLocaleDataMetaInfo;
import sun.util.locale.provider.JRELocaleProviderAdapter;
import sun.util.locale.provider.LocaleProviderAdapter;
import sun.util.locale.provider.ResourceBundleBasedAdapter;

public final class LocaleDump {
    static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    /** The calendar types java.util.Calendar implements. */
    static final String[] CALENDARS = {"gregory", "buddhist", "japanese"};

    static final StringBuilder out = new StringBuilder();

    public static void main(String[] args) throws Exception {
        if (!"17".equals(System.getProperty("java.specification.version"))) {
            throw new IllegalStateException("LocaleDump must run on JDK 17, not " + System.getProperty("java.version"));
        }
        TimeZone.setDefault(UTC);
        new LocaleDump().run();
        System.out.print(out);
    }

    final LocaleProviderAdapter cldr = LocaleProviderAdapter.forType(LocaleProviderAdapter.Type.CLDR);
    final LocaleProviderAdapter jre = LocaleProviderAdapter.forType(LocaleProviderAdapter.Type.JRE);

    /** Available locales by key, and the key order: parents before children. */
    final Map<String, Locale> locales = new TreeMap<>();
    final Map<String, List<String>> chainOf = new HashMap<>();
    final List<String> order = new ArrayList<>();
    final Set<String> cyclic = new HashSet<>();

    /** Distinct records, by their JSON text, with their ids. */
    final Map<String, Integer> symbolIds = new LinkedHashMap<>();
    final Map<String, Integer> patternIds = new LinkedHashMap<>();
    final Map<String, Integer> dateIds = new LinkedHashMap<>();


    final Method minusText, percentText, perMillText;

    LocaleDump() throws Exception {
        minusText = DecimalFormatSymbols.class.getDeclaredMethod("getMinusSignText");
        percentText = DecimalFormatSymbols.class.getDeclaredMethod("getPercentText");
        perMillText = DecimalFormatSymbols.class.getDeclaredMethod("getPerMillText");
        minusText.setAccessible(true);
        percentText.setAccessible(true);
        perMillText.setAccessible(true);
    }

    void run() throws Exception {
        line(obj("k", "meta", "java", System.getProperty("java.runtime.version"),
                "providers", String.valueOf(LocaleProviderAdapter.getAdapterPreference())));

        for (Locale l : Locale.getAvailableLocales()) {
            locales.put(key(l), l);
        }
        if (locales.size() != Locale.getAvailableLocales().length) {
            throw new IllegalStateException("two available locales share a key");
        }
        for (String k : locales.keySet()) {
            chainOf.put(k, chain(locales.get(k)));
        }
        sortLocales();

        TreeSet<String> nus = numberingSystems();
        line(obj("k", "nu", "values", new ArrayList<>(nus)));

        for (String k : order) {
            dumpLocale(k, nus);
        }
        var nuSymbols = listings(new Kind<Integer>() {
            public Map<String, Integer> actual(Info i) { return i.nuSymbols(); }
            public Integer fallback(Info i, String nu) { return i.ownSymbols(); }
            public boolean forced(String k, String nu) { return rootDefines(k, nu + ".NumberElements"); }
            public boolean direct(Info i, String nu) { return nu.equals(i.defaultNu()); }
        });
        var nuPatterns = listings(new Kind<Integer>() {
            public Map<String, Integer> actual(Info i) { return i.nuPatterns(); }
            public Integer fallback(Info i, String nu) { return i.ownPatterns(); }
            public boolean forced(String k, String nu) { return rootDefines(k, nu + ".NumberPatterns"); }
            public boolean direct(Info i, String nu) { return nu.equals(i.defaultNu()); }
        });
        var symbols = listings(new Kind<String>() {
            public Map<String, String> actual(Info i) { return i.symbols(); }
            public String fallback(Info i, String code) { return code; }
            public boolean forced(String k, String code) { return false; }
        });
        List<String> localeLines = new ArrayList<>();
        for (String k : order) {
            Map<String, Object> m = info.get(k).line();
            m.put("nuSymbols", nuSymbols.get(k));
            m.put("nuPatterns", nuPatterns.get(k));
            m.put("symbols", symbols.get(k));
            m.put("calendar", m.remove("calendar"));
            m.put("dates", m.remove("dates"));
            m.put("zone", m.remove("zone"));
            m.put("week", m.remove("week"));
            localeLines.add(json(m));
        }
        // Records first, then the locales that reference them.
        for (var e : symbolIds.entrySet()) {
            line("{\"k\":\"symbols\",\"id\":" + e.getValue() + "," + e.getKey().substring(1));
        }
        for (var e : patternIds.entrySet()) {
            line("{\"k\":\"patterns\",\"id\":" + e.getValue() + ",\"patterns\":" + e.getKey() + "}");
        }
        for (var e : dateIds.entrySet()) {
            line("{\"k\":\"dates\",\"id\":" + e.getValue() + "," + e.getKey().substring(1));
        }
        localeLines.sort(null);
        for (String s : localeLines) {
            line(s);
        }
        dumpRegions();
        TreeMap<String, Integer> digits = new TreeMap<>();
        for (Currency c : Currency.getAvailableCurrencies()) {
            digits.put(c.getCurrencyCode(), c.getDefaultFractionDigits());
        }
        for (var e : digits.entrySet()) {
            line(obj("k", "currency", "code", e.getKey(), "digits", e.getValue()));
        }
        CLDRBaseLocaleDataMetaInfo meta = new CLDRBaseLocaleDataMetaInfo();
        for (var e : new TreeMap<>(meta.getLanguageAliasMap()).entrySet()) {
            line(obj("k", "alias", "from", e.getKey(), "to", e.getValue()));
        }
        TreeMap<String, List<String>> parents = new TreeMap<>();
        for (var e : meta.parentLocales().entrySet()) {
            List<String> children = new ArrayList<>(Arrays.asList(e.getValue()));
            children.sort(null);
            parents.put(e.getKey().toLanguageTag(), children);
        }
        for (var e : parents.entrySet()) {
            line(obj("k", "parent", "parent", e.getKey(), "children", e.getValue()));
        }
    }

    /**
     * sortLocales fills order so that every locale follows the locales of
     * its chain, except where chains form a cycle (no and nb list each
     * other): those follow in key order, marked cyclic (see listings).
     */
    void sortLocales() {
        Set<String> done = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (String k : locales.keySet()) {
                if (!done.contains(k) && done.containsAll(chainOf.get(k))) {
                    order.add(k);
                    done.add(k);
                    progress = true;
                }
            }
        }
        for (String k : locales.keySet()) {
            if (done.add(k)) {
                order.add(k);
                cyclic.add(k);
            }
        }
    }

    /**
     * key names a locale by its base (language, script, region and Java
     * variant, the parts resource bundles are looked up by) as the Go side
     * spells it: the non-empty parts joined by "-", the root locale "".
     */
    static String key(Locale l) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[]{l.getLanguage(), l.getScript(), l.getCountry(), l.getVariant()}) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return String.join("-", parts);
    }

    /** The adapter that serves DecimalFormatSymbols for l (CLDR or JRE). */
    LocaleProviderAdapter adapter(Locale l) {
        return LocaleProviderAdapter.getAdapter(DecimalFormatSymbolsProvider.class, l);
    }

    /**
     * chain returns the keys of the available locales other than l in the
     * candidate list its adapter searches resource bundles in, ending with
     * the root locale (""). (The list does not always hold l: no_NO_NY reads
     * nn_NO, nn, no; zh_HK reads zh_Hant_HK.) The Go side walks these for data a locale
     * inherits (currency names, numbering systems).
     */
    List<String> chain(Locale l) {
        List<String> keys = new ArrayList<>();
        if (l.equals(Locale.ROOT)) {
            return keys;
        }
        for (Locale c : ((ResourceBundleBasedAdapter) adapter(l)).getCandidateLocales("", l.stripExtensions())) {
            if (!key(c).equals(key(l)) && locales.containsKey(key(c)) && !keys.contains(key(c))) {
                keys.add(key(c));
            }
        }
        check(keys.size() > 0 && keys.get(keys.size() - 1).isEmpty(), key(l) + ": odd candidate list");
        return keys;
    }

    /** The numbering systems any available locale's number data names. */
    TreeSet<String> numberingSystems() {
        TreeSet<String> nus = new TreeSet<>();
        for (Locale l : locales.values()) {
            LocaleProviderAdapter a = adapter(l);
            for (String s : ((ResourceBundleBasedAdapter) a).getLocaleData().getNumberFormatData(l).keySet()) {
                if (s.endsWith(".NumberElements")) {
                    nus.add(s.substring(0, s.indexOf('.')));
                }
            }
        }
        return nus;
    }

    /**
     * dumpLocale collects what the locale line of k says: its tag, the
     * adapter its data come from and how each provider judges it, its chain,
     * its currency (which the Go tests compare with what the tables
     * derive), its own number records and what the other numbering systems
     * and the currencies select (run() keeps only the listings the Go side
     * needs, see listings), one date record per calendar type, UTC's names
     * and the week rules.
     */
    void dumpLocale(String k, TreeSet<String> nus) throws Exception {
        Locale l = locales.get(k);
        Locale plain = l;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("k", "locale");
        m.put("key", k);
        m.put("tag", l.toLanguageTag());
        m.put("adapter", adapter(l).getAdapterType().toString());
        if (LocaleProviderAdapter.getAdapter(DateFormatProvider.class, l).getAdapterType() != adapter(l).getAdapterType()) {
            throw new IllegalStateException(k + ": dates and numbers come from different adapters");
        }
        // How each provider judges the locale: CLDR has its bundles
        // (cldrDirect), or serves it, possibly through an alias (cldr);
        // COMPAT serves it (jre).
        JRELocaleProviderAdapter c17 = (JRELocaleProviderAdapter) cldr, j17 = (JRELocaleProviderAdapter) jre;
        Locale stripped = l.stripExtensions();
        m.put("cldrDirect", c17.getLanguageTagSet("FormatData").contains(stripped.toLanguageTag()));
        m.put("cldr", c17.isSupportedProviderLocale(stripped, c17.getLanguageTagSet("FormatData")));
        m.put("jre", j17.isSupportedProviderLocale(stripped, j17.getLanguageTagSet("FormatData")));
        m.put("chain", chainOf.get(k));
        m.put("ext", extensions(l));

        DecimalFormatSymbols dfs = DecimalFormatSymbols.getInstance(l);
        m.put("currency", List.of(dfs.getInternationalCurrencySymbol(), dfs.getCurrencySymbol(),
                dfs.getCurrency() == null ? -1 : dfs.getCurrency().getDefaultFractionDigits()));

        // The symbols and patterns of the locale's own numbering system, and
        // what the others select; run() lists the latter where the Go
        // side's rule would get them wrong (see listings).
        int ownSymbols = symbolsId(l), ownPatterns = patternsId(l);
        m.put("symbolsId", ownSymbols);
        m.put("patternsId", ownPatterns);
        String defaultNu = defaultNumberingSystem(l);
        m.put("defaultNu", defaultNu);
        Map<String, Integer> nuSymbols = new TreeMap<>(), nuPatterns = new TreeMap<>();
        for (String nu : nus) {
            Locale ln = Locale.forLanguageTag(withKeyword(l, "nu", nu));
            check(key(ln).equals(k) && nu.equals(ln.getUnicodeLocaleType("nu")), k + ": cannot add nu-" + nu);
            nuSymbols.put(nu, symbolsId(ln));
            nuPatterns.put(nu, patternsId(ln));
        }
        Map<String, String> symbols = new TreeMap<>();
        for (Currency c : Currency.getAvailableCurrencies()) {
            symbols.put(c.getCurrencyCode(), c.getSymbol(l));
        }
        info.put(k, new Info(m, defaultNu, ownSymbols, ownPatterns, nuSymbols, nuPatterns, symbols));

        Map<String, Object> cals = new LinkedHashMap<>();
        for (String ca : CALENDARS) {
            cals.put(ca, dateId(Locale.forLanguageTag(withKeyword(plain, "ca", ca)), ca));
        }
        m.put("calendar", Calendar.getInstance(UTC, l).getCalendarType());
        m.put("dates", cals);
        m.put("zone", List.of(UTC.getDisplayName(false, TimeZone.SHORT, l), UTC.getDisplayName(false, TimeZone.LONG, l)));
        Calendar c = Calendar.getInstance(UTC, l);
        m.put("week", List.of(c.getFirstDayOfWeek(), c.getMinimalDaysInFirstWeek()));
    }

    /** What dumpLocale found out about one locale. */
    record Info(Map<String, Object> line, String defaultNu, int ownSymbols, int ownPatterns,
            Map<String, Integer> nuSymbols, Map<String, Integer> nuPatterns, Map<String, String> symbols) {
    }

    final Map<String, Info> info = new HashMap<>();

    /**
     * A kind of listing: what a locale selects for each name (numbering
     * system or currency), what the Go side falls back to when nothing on
     * the chain lists a name, and which names a locale must list anyway.
     */
    interface Kind<V> {
        Map<String, V> actual(Info i);

        V fallback(Info i, String name);

        boolean forced(String k, String name);

        /** The Go side takes the fallback for name without looking further. */
        default boolean direct(Info i, String name) {
            return false;
        }
    }

    /**
     * listings computes, for every locale, the names whose value the Go
     * side would get wrong without a listing: it looks at the locale's own
     * listing, then at those of its chain, then takes the fallback. Locales
     * are done after their chain; those in a chain cycle (no and nb list
     * each other, as do zh-CN and zh-Hans-CN) are redone until nothing
     * changes, then checked.
     */
    <V> Map<String, Map<String, V>> listings(Kind<V> kind) {
        Map<String, Map<String, V>> at = new HashMap<>();
        for (String k : order) {
            if (!cyclic.contains(k)) {
                at.put(k, listing(kind, at, k));
            }
        }
        for (int round = 0; ; round++) {
            check(round < 20, "listings of the chain cycles do not settle");
            boolean changed = false;
            for (String k : order) {
                if (cyclic.contains(k)) {
                    Map<String, V> l = listing(kind, at, k);
                    changed |= !l.equals(at.put(k, l));
                }
            }
            if (!changed) {
                break;
            }
        }
        for (String k : order) {
            Info i = info.get(k);
            for (var e : kind.actual(i).entrySet()) {
                V got = kind.direct(i, e.getKey()) ? kind.fallback(i, e.getKey()) : at.get(k).get(e.getKey());
                if (got == null) {
                    got = walk(at, k, e.getKey());
                }
                if (got == null) {
                    got = kind.fallback(i, e.getKey());
                }
                check(got.equals(e.getValue()), k + ": the listings miss " + e.getKey());
            }
        }
        return at;
    }

    <V> Map<String, V> listing(Kind<V> kind, Map<String, Map<String, V>> at, String k) {
        Info i = info.get(k);
        Map<String, V> l = new TreeMap<>();
        for (var e : kind.actual(i).entrySet()) {
            V predicted = kind.direct(i, e.getKey()) ? kind.fallback(i, e.getKey()) : walk(at, k, e.getKey());
            if (predicted == null) {
                predicted = kind.fallback(i, e.getKey());
            }
            if (kind.forced(k, e.getKey()) || !predicted.equals(e.getValue())) {
                l.put(e.getKey(), e.getValue());
            }
        }
        return l;
    }

    /**
     * rootDefines tells whether k is the root locale and its bundle has
     * key: the root's own listings are what every walk ends on.
     */
    boolean rootDefines(String k, String key) {
        return k.isEmpty() && ((ResourceBundleBasedAdapter) cldr).getLocaleData().getNumberFormatData(Locale.ROOT).containsKey(key);
    }

    /**
     * The numbering system the locale's bundles name as their default
     * ("" when they name none), whose symbols and patterns a "nu" keyword
     * for it selects.
     */
    String defaultNumberingSystem(Locale l) {
        var rb = ((ResourceBundleBasedAdapter) adapter(l)).getLocaleData().getNumberFormatData(l);
        return rb.containsKey("DefaultNumberingSystem") ? rb.getString("DefaultNumberingSystem") : "";
    }

    /** The Unicode extension keywords l carries (ja_JP_JP and th_TH_TH have one). */
    static Map<String, String> extensions(Locale l) {
        Map<String, String> m = new TreeMap<>();
        for (String key : l.getUnicodeLocaleKeys()) {
            m.put(key, l.getUnicodeLocaleType(key));
        }
        return m;
    }

    /**
     * The nearest listing for name on the chain of k (k itself excluded),
     * among the locales listed so far. For the locale's own numbering
     * system the Go side takes the locale's own record, never a listing.
     */
    <V> V walk(Map<String, Map<String, V>> at, String k, String name) {
        for (String c : chainOf.get(k)) {
            V v = at.getOrDefault(c, Map.of()).get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * withKeyword returns a language tag for l with the Unicode extension
     * keyword key set to value, keeping its other keywords. It spells the
     * tag itself because toLanguageTag turns no_NO_NY into "nn-NO", and
     * Locale.Builder drops the variant of ja_JP_JP and th_TH_TH.
     */
    static String withKeyword(Locale l, String key, String value) {
        StringBuilder b = new StringBuilder(l.getLanguage().isEmpty() ? "und" : l.getLanguage());
        for (String s : new String[]{l.getScript(), l.getCountry()}) {
            if (!s.isEmpty()) {
                b.append('-').append(s);
            }
        }
        String variant = l.getVariant().replace('_', '-');
        boolean wellFormed = variant.matches("(-?([0-9A-Za-z]{5,8}|[0-9][0-9A-Za-z]{3}))*");
        if (!variant.isEmpty() && wellFormed) {
            b.append('-').append(variant);
        }
        TreeMap<String, String> kw = new TreeMap<>(extensions(l));
        kw.put(key, value);
        b.append("-u");
        for (var e : kw.entrySet()) {
            b.append('-').append(e.getKey()).append('-').append(e.getValue());
        }
        if (!variant.isEmpty() && !wellFormed) {
            b.append("-x-lvariant-").append(variant);
        }
        return b.toString();
    }

    /** The id of l's DecimalFormatSymbols record, adding it when new. */
    int symbolsId(Locale l) throws Exception {
        DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(l);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zero", String.valueOf(s.getZeroDigit()));
        m.put("group", String.valueOf(s.getGroupingSeparator()));
        m.put("decimal", String.valueOf(s.getDecimalSeparator()));
        m.put("monGroup", String.valueOf(s.getMonetaryGroupingSeparator()));
        m.put("monDecimal", String.valueOf(s.getMonetaryDecimalSeparator()));
        m.put("minus", minusText.invoke(s));
        m.put("percent", percentText.invoke(s));
        m.put("perMill", perMillText.invoke(s));
        m.put("exponent", s.getExponentSeparator());
        m.put("infinity", s.getInfinity());
        m.put("nan", s.getNaN());
        return symbolIds.computeIfAbsent(json(m), x -> symbolIds.size());
    }

    /**
     * The id of l's number, currency and percent patterns (as the locale
     * provider holds them, before NumberFormat adapts the currency digits),
     * adding them when new.
     */
    int patternsId(Locale l) {
        String[] p = LocaleProviderAdapter.getAdapter(NumberFormatProvider.class, l).getLocaleResources(l).getNumberPatterns();
        // The factories compile exactly these patterns with these symbols.
        DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(l);
        check(new DecimalFormat(p[0], s).equals(NumberFormat.getInstance(l)), key(l) + ": number pattern");
        check(new DecimalFormat(p[2], s).equals(NumberFormat.getPercentInstance(l)), key(l) + ": percent pattern");
        return patternIds.computeIfAbsent(json(List.of(p[0], p[1], p[2])), x -> patternIds.size());
    }

    /** Instants for the names: 2001 is a Gregorian, Buddhist and Heisei year. */
    static long millis(int year, int month, int day) {
        GregorianCalendar g = new GregorianCalendar(UTC);
        g.clear();
        g.set(year, month - 1, day);
        return g.getTimeInMillis();
    }

    /** Instants inside each era of the Japanese calendar, BeforeMeiji to Reiwa. */
    static final long[] JAPANESE_ERAS = {
        millis(1800, 1, 1), millis(1900, 1, 1), millis(1920, 1, 1),
        millis(1950, 1, 1), millis(2000, 1, 1), millis(2020, 1, 1),
    };

    /**
     * The id of the calendar record of l, whose calendar type must be ca,
     * adding it when new: Calendar.getDisplayName for every value of ERA,
     * MONTH (format and standalone), DAY_OF_WEEK and AM_PM in SHORT and LONG
     * (null where the JDK has none), the LONG name of the first year of an
     * era (Japanese "元"), and the DateFormat patterns per style together
     * with the pattern getDateTimeInstance wraps around them.
     */
    int dateId(Locale l, String ca) {
        Calendar c = Calendar.getInstance(UTC, l);
        check(c.getCalendarType().equals(ca), key(l) + ": calendar " + c.getCalendarType() + ", want " + ca);
        Map<String, Object> m = new LinkedHashMap<>();
        long[] eraDates = ca.equals("japanese") ? JAPANESE_ERAS : new long[]{millis(-100, 1, 1), millis(2001, 1, 1)};
        List<List<String>> eras = new ArrayList<>();
        for (int style : new int[]{Calendar.SHORT, Calendar.LONG}) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < eraDates.length; i++) {
                c.setTimeInMillis(eraDates[i]);
                check(c.get(Calendar.ERA) == i, key(l) + ": era " + i);
                names.add(c.getDisplayName(Calendar.ERA, style, l));
            }
            eras.add(names);
        }
        m.put("eras", eras);
        List<List<String>> months = new ArrayList<>();
        for (int style : new int[]{Calendar.SHORT_FORMAT, Calendar.LONG_FORMAT, Calendar.SHORT_STANDALONE, Calendar.LONG_STANDALONE}) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                c.setTimeInMillis(millis(2001, i + 1, 15));
                names.add(c.getDisplayName(Calendar.MONTH, style, l));
            }
            months.add(names);
        }
        m.put("months", months);
        List<List<String>> weekdays = new ArrayList<>();
        for (int style : new int[]{Calendar.SHORT, Calendar.LONG}) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                c.setTimeInMillis(millis(2001, 1, 7 + i)); // 2001-01-07 was a Sunday
                check(c.get(Calendar.DAY_OF_WEEK) == i + 1, "weekday");
                names.add(c.getDisplayName(Calendar.DAY_OF_WEEK, style, l));
            }
            weekdays.add(names);
        }
        m.put("weekdays", weekdays);
        List<List<String>> ampm = new ArrayList<>();
        for (int style : new int[]{Calendar.SHORT, Calendar.LONG}) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                c.setTimeInMillis(millis(2001, 1, 1) + i * 12 * 3600000L);
                names.add(c.getDisplayName(Calendar.AM_PM, style, l));
            }
            ampm.add(names);
        }
        m.put("ampm", ampm);
        c.setTimeInMillis(millis(2019, 6, 1)); // Reiwa 1
        String first = c.getDisplayName(Calendar.YEAR, Calendar.LONG, l);
        c.setTimeInMillis(millis(2020, 6, 1));
        check(c.getDisplayName(Calendar.YEAR, Calendar.LONG, l) == null, key(l) + ": a year name beyond the first");
        m.put("firstYear", first);

        String[] date = new String[4], time = new String[4], glue = new String[4];
        for (int s = 0; s < 4; s++) {
            date[s] = pattern(DateFormat.getDateInstance(s, l), ca);
            time[s] = pattern(DateFormat.getTimeInstance(s, l), ca);
        }
        // The glue of a style is read off a combination of that style whose
        // date and time patterns are not empty (eo-u-ca-buddhist has an
        // empty LONG time pattern, which would make it ambiguous).
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < 8 && glue[s] == null; i++) {
                int ds = i < 4 ? s : i - 4, ts = i < 4 ? i : s;
                if (Math.max(ds, ts) == s && !date[ds].isEmpty() && !time[ts].isEmpty()) {
                    glue[s] = glue(pattern(DateFormat.getDateTimeInstance(ds, ts, l), ca), date[ds], time[ts]);
                }
            }
            if (glue[s] == null) {
                glue[s] = glue(pattern(DateFormat.getDateTimeInstance(s, s, l), ca), date[s], time[s]);
            }
            check(glue[s] != null, key(l) + ": cannot find the date-time glue of style " + s);
        }
        for (int ds = 0; ds < 4; ds++) {
            for (int ts = 0; ts < 4; ts++) {
                String want = pattern(DateFormat.getDateTimeInstance(ds, ts, l), ca);
                String got = glue[Math.max(ds, ts)].replace("{1}", date[ds]).replace("{0}", time[ts]);
                check(want.equals(got), key(l) + ": date-time " + ds + "," + ts + ": " + got + " != " + want);
            }
        }
        m.put("date", List.of(date));
        m.put("time", List.of(time));
        m.put("glue", List.of(glue));
        return dateIds.computeIfAbsent(json(m), x -> dateIds.size());
    }

    static String pattern(DateFormat f, String ca) {
        check(f.getCalendar().getCalendarType().equals(ca), "DateFormat calendar");
        return ((SimpleDateFormat) f).toPattern();
    }

    /**
     * glue recovers the pattern ("{1} 'at' {0}") the JDK combined a date
     * and a time pattern with, by finding them in the combination.
     */
    static String glue(String both, String date, String time) {
        if (both.isEmpty()) {
            return both; // the JDK lacks the pattern (ast-u-ca-japanese SHORT)
        }
        int d = both.indexOf(date);
        int t = d < 0 ? -1 : both.indexOf(time, d + date.length());
        if (t >= 0) {
            return both.substring(0, d) + "{1}" + both.substring(d + date.length(), t) + "{0}" + both.substring(t + time.length());
        }
        t = both.indexOf(time);
        d = t < 0 ? -1 : both.indexOf(date, t + time.length());
        if (d >= 0) {
            return both.substring(0, t) + "{0}" + both.substring(t + time.length(), d) + "{1}" + both.substring(d + date.length());
        }
        return null;
    }

    /**
     * dumpRegions prints the currency (Currency.getInstance of the region,
     * "" when it has none or is not a region the JDK knows) and week rules of
     * every ISO 3166 region and of the regions available locales use, the
     * numeric ones and the empty region included.
     */
    void dumpRegions() {
        TreeSet<String> regions = new TreeSet<>(Arrays.asList(Locale.getISOCountries()));
        for (Locale l : locales.values()) {
            regions.add(l.getCountry());
        }
        for (String r : regions) {
            Locale l = new Locale("", r);
            String cur = "";
            try {
                Currency c = Currency.getInstance(l);
                cur = c == null ? "" : c.getCurrencyCode();
            } catch (IllegalArgumentException e) {
                // Not a region the JDK knows (CS, or numeric): DecimalFormatSymbols
                // then uses XXX, as for a region without currency.
            }
            Calendar c = Calendar.getInstance(UTC, l);
            line(obj("k", "region", "region", r, "currency", cur, "week", List.of(c.getFirstDayOfWeek(), c.getMinimalDaysInFirstWeek())));
        }
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    static void line(String s) {
        out.append(s).append('\n');
    }

    static String obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return json(m);
    }

    static String json(Object v) {
        StringBuilder b = new StringBuilder();
        json(b, v);
        return b.toString();
    }

    static void json(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            quote(b, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            String sep = "";
            for (var e : m.entrySet()) {
                b.append(sep);
                quote(b, (String) e.getKey());
                b.append(':');
                json(b, e.getValue());
                sep = ",";
            }
            b.append('}');
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                json(b, l.get(i));
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("json: " + v.getClass());
        }
    }

    /**
     * quote writes s as a JSON string, escaping controls, format characters
     * (bidi marks) and spaces other than U+0020 so that they stay visible.
     */
    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c != ' ' && (c < 0x20 || type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }
}
