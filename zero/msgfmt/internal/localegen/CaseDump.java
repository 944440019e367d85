// CaseDump prints the reference cases zero/msgfmt is tested against, from
// the running JDK (17, time zone UTC): how java.text.MessageFormat formats
// numbers, currencies, percentages, dates and times in every locale of
// Locale.getAvailableLocales() and in a set of other tags that exercise the
// JDK's fallback (unknown regions, aliases, scripts, variants, Unicode
// extension keywords).
//
// Standard output (zero/msgfmt/testdata/jdk17-locales.jsonl):
//   - the first line lists the cases: {"k":"cases","cases":[{"id","pattern","args"}…]};
//   - then one line per tag: {"locale":tag,"available":bool,"out":[…]}, the
//     text MessageFormat.format printed for each case, in order.
//
// The file named by the first argument (jlocale/testdata/jdk17-resolve.jsonl)
// gets one line per tag with what Locale.forLanguageTag read and how the JDK
// looks up its data: the locale's parts and keywords, hasExtensions, the
// adapter serving DecimalFormatSymbols, and ResourceBundle.Control's and
// that adapter's candidate lists.
//
// Run it through "go run . -dump" in this directory, which also gives the
// needed --add-exports flags.
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.spi.DecimalFormatSymbolsProvider;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;

import sun.util.locale.provider.LocaleProviderAdapter;
import sun.util.locale.provider.ResourceBundleBasedAdapter;

public final class CaseDump {
    // Instants: a summer afternoon; the first day of Reiwa (元年 in the
    // Japanese calendar); a Monday whose week belongs to the next year
    // under ISO rules; a date in 27 BC.
    static final long D1 = 1718456829042L;  // 2024-06-15T13:07:09.042Z
    static final long D2 = 1556683506000L;  // 2019-05-01T04:05:06Z
    static final long D3 = 1735516800000L;  // 2024-12-30T00:00:00Z
    static final long D4 = -62987356800000L; // 27 BC (Julian)

    /** A case: an id, a MessageFormat pattern and its arguments as JSON and Java values. */
    record Case(String id, String pattern, String argsJSON, Object[] args) {
    }

    static final String NUMBERS = "[-1234567.891,0.125,1234567890123,{\"double\":\"NaN\"},{\"double\":\"-Infinity\"}]";
    static final Object[] NUMBER_ARGS = {-1234567.891, 0.125, 1234567890123L, Double.NaN, Double.NEGATIVE_INFINITY};

    static final List<Case> CASES = List.of(
        new Case("number", "{0,number} | {1,number} | {2,number} | {3,number} | {4,number}", NUMBERS, NUMBER_ARGS),
        new Case("integer", "{0,number,integer} | {1,number,integer} | {2,number,integer} | {3,number,integer} | {4,number,integer}", NUMBERS, NUMBER_ARGS),
        new Case("percent", "{0,number,percent} | {1,number,percent} | {2,number,percent} | {3,number,percent} | {4,number,percent}", NUMBERS, NUMBER_ARGS),
        new Case("currency", "{0,number,currency} | {1,number,currency} | {2,number,currency} | {3,number,currency} | {4,number,currency}", NUMBERS, NUMBER_ARGS),
        new Case("date", "{0,date,short} | {0,date,medium} | {0,date,long} | {0,date,full} | {1,date,short} | {1,date,medium} | {1,date,long} | {1,date,full}",
            dates(D1, D2), new Object[]{new Date(D1), new Date(D2)}),
        new Case("time", "{0,time,short} | {0,time,medium} | {0,time,long} | {0,time,full} | {1,time,short} | {1,time,full}",
            dates(D1, D2), new Object[]{new Date(D1), new Date(D2)}),
        new Case("plain", "{0} | {0,date} | {0,time} | {1}", "[" + dateJSON(D1) + ",-98765.4321]", new Object[]{new Date(D1), -98765.4321}),
        new Case("number-patterns", "{0,number,#,##0.00} | {0,number,0.###E0} | {0,number,#,##0.0#%} | {1,number,\u00a4#,##0.00;(\u00a4#,##0.00)} | {1,number,\u00a4\u00a4 #,##0} | {0,number,#\u2030}",
            "[-1234.5678,98765.4321]", new Object[]{-1234.5678, 98765.4321}),
        new Case("date-patterns", "{0,date,EEEE d MMMM yyyy} | {0,date,EEE, MMM d, ''yy} | {0,time,h:mm a z} | {0,date,G yyyy LLLL LLL} | {0,date,MMMM} | {0,date,zzzz} | {1,date,yyyy} | {2,date,YYYY-'W'ww-u D F W} | {3,date,G y MMMM d}",
            dates(D1, D2, D3, D4), new Object[]{new Date(D1), new Date(D2), new Date(D3), new Date(D4)}),
        new Case("choice", "{0,choice,0#none|1#one|1<{0,number} items} / {1,choice,0#none|1#one|1<{1,number,integer} items}",
            "[1,1234.5]", new Object[]{1L, 1234.5})
    );

    static String dateJSON(long ms) {
        return "{\"date\":" + ms + "}";
    }

    static String dates(long... ms) {
        List<String> s = new ArrayList<>();
        for (long m : ms) {
            s.add(dateJSON(m));
        }
        return "[" + String.join(",", s) + "]";
    }

    /** Tags that are not available locales but show how the JDK falls back. */
    static final String[] PROBES = {
        // Regions without data of their own, and no region at all.
        "en-FR", "fr-US", "de-XX", "und-US", "xx-US", "xx", "es-XX", "pt-XX", "en-XX", "en-AQ", "de-419", "ar-001",
        // CLDR aliases and legacy codes.
        "sh", "sh-RS", "sh-u-nu-thai", "sh-u-fw-mon", "mo", "tl", "iw-IL", "in-ID", "ji", "cnr", "cnr-ME",
        // Norwegian.
        "no", "nb", "no-NO", "nb-NO", "nn-NO", "no-NO-x-lvariant-NY", "no-bok", "no-nyn", "no-SJ", "nn-SJ",
        // Chinese scripts and regions.
        "zh", "zh-TW", "zh-HK", "zh-MO", "zh-SG", "zh-CN", "zh-Hant", "zh-Hans-TW", "zh-Hant-CN", "zh-Latn", "zh-US",
        "zh-cmn-Hans-CN", "cmn-Hans-CN", "yue-CN",
        // Serbian.
        "sr-Latn", "sr-Cyrl-BA", "sr-BA", "sr-CS", "sr-Latn-CS", "sr-ME", "sr-Latn-XX",
        // Calendars.
        "ja-JP-x-lvariant-JP", "ja-JP-u-ca-japanese", "ja-JP-u-ca-gregory-x-lvariant-JP", "ja-JP-u-ca-islamic-x-lvariant-JP",
        "ja-JP-u-nu-thai-x-lvariant-JP", "ja-u-ca-japanese", "th-TH", "th-TH-u-ca-gregory", "th-TH-u-ca-islamic",
        "th-TH-x-lvariant-TH", "th-u-ca-buddhist", "en-US-u-ca-buddhist", "en-u-ca-japanese", "de-DE-u-ca-japanese",
        "zh-TW-u-ca-japanese", "en-US-u-ca-iso8601", "de-u-ca-iso8601", "ar-SA-u-ca-islamic",
        // Week, currency and region keywords.
        "en-US-u-fw-mon", "en-GB-u-fw-sun", "de-DE-u-fw-xyz", "en-US-u-rg-gbzzzz", "en-u-rg-uszzzz", "fr-CH-u-rg-frzzzz",
        "de-u-cu-usd", "de-DE-u-cu-usd", "de-DE-u-cu-xyz", "ja-JP-u-cu-eur",
        // Numbering systems.
        "en-US-u-nu-arab", "ar-EG-u-nu-latn", "fa-u-nu-latn", "hi-IN-u-nu-deva", "de-CH-u-nu-thai", "th-TH-u-nu-thai",
        "en-u-nu-hanidec", "ja-JP-u-nu-fullwide", "ar-u-nu-arabext", "bn-u-nu-latn", "my-u-nu-latn", "en-u-nu-bogus",
        "zh-TW-u-nu-arab", "fr-FR-u-nu-arabext", "und-u-nu-thai",
        // Variants, scripts, private use, grandfathered and bad tags.
        "en-US-POSIX", "en-US-posix", "de-DE-1996", "ca-ES-valencia", "ca-ES-VALENCIA", "en-Latn-US", "en-Cyrl",
        "az-Arab", "az-Arab-IR", "uz-Arab-XX", "pa-Arab-IN", "art-lojban", "i-klingon", "en-GB-oed", "x-private",
        "en-US-x-private", "und", "", "not a locale", "en_US", "EN-us", "de-CH-1996", "en-a-bbb-u-nu-arab",
        "ar-EG-u-ca-islamic-nu-arab", "en-x-lvariant-abc", "es-419", "es-AR", "pt-AO", "en-AU", "en-150",
        // Aliased languages with a region, and keyword combinations.
        "tl-PH", "mo-MD", "fil-u-rg-uszzzz", "en-u-rg-uszzzz-nu-thai", "de-CH-u-rg-dezzzz-cu-chf", "en-US-u-cu-jpy",
        "ja-JP-u-ca-japanese-fw-mon", "th-TH-u-ca-japanese", "en-GB-u-ca-iso8601-fw-sun", "und-Latn", "zh-Hant-SG",
        "es-MX-u-nu-latn",
    };

    /** Regions to pair each language with, for a tag the JDK has no data for. */
    static final String[] REGIONS = {"US", "FR", "DE", "JP", "BR", "IN", "CN", "RU", "ZA", "MX", "EG", "SE", "KR", "TR", "NG", "AR"};

    public static void main(String[] args) throws Exception {
        if (!"17".equals(System.getProperty("java.specification.version"))) {
            throw new IllegalStateException("CaseDump must run on JDK 17");
        }
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Set<Locale> available = new LinkedHashSet<>(List.of(Locale.getAvailableLocales()));

        // Tags: every available locale (spelled so that forLanguageTag
        // gives it back), then the probes, then each language with a
        // region it has no data for.
        TreeMap<String, Boolean> tags = new TreeMap<>();
        TreeSet<String> langs = new TreeSet<>();
        Set<String> pairs = new LinkedHashSet<>();
        for (Locale l : available) {
            String tag = tag(l);
            if (!Locale.forLanguageTag(tag).equals(l)) {
                throw new IllegalStateException("no tag for " + l);
            }
            tags.put(tag, true);
            if (!l.getLanguage().isEmpty()) {
                langs.add(l.getLanguage());
                pairs.add(l.getLanguage() + "-" + l.getCountry());
            }
        }
        List<String> extra = new ArrayList<>(List.of(PROBES));
        int n = 0;
        for (String lang : langs) {
            for (int i = 0; i < REGIONS.length; i++) {
                String r = REGIONS[(n + i) % REGIONS.length];
                if (!pairs.contains(lang + "-" + r)) {
                    extra.add(lang + "-" + r);
                    break;
                }
            }
            n++;
        }
        for (String t : extra) {
            tags.putIfAbsent(t, false);
        }

        StringBuilder out = new StringBuilder("{\"k\":\"cases\",\"cases\":[");
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            out.append(i == 0 ? "" : ",").append("{\"id\":").append(LocaleDump.json(c.id()))
                .append(",\"pattern\":").append(LocaleDump.json(c.pattern())).append(",\"args\":").append(c.argsJSON()).append('}');
        }
        out.append("]}\n");
        StringBuilder resolve = new StringBuilder();
        for (var e : tags.entrySet()) {
            Locale l = Locale.forLanguageTag(e.getKey());
            List<String> outs = new ArrayList<>();
            for (Case c : CASES) {
                outs.add(new MessageFormat(c.pattern(), l).format(c.args()));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("locale", e.getKey());
            m.put("available", e.getValue());
            m.put("out", outs);
            out.append(LocaleDump.json(m)).append('\n');
            resolve.append(LocaleDump.json(resolveFacts(e.getKey(), l))).append('\n');
        }
        System.out.print(out);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
            w.print(resolve);
        }
    }

    /** The tag of an available locale that Locale.forLanguageTag reads back as it. */
    static String tag(Locale l) {
        String t = l.toLanguageTag();
        if (Locale.forLanguageTag(t).equals(l)) {
            return t;
        }
        // no_NO_NY prints as nn-NO; spell its variant as private use.
        return LocaleDump.withKeyword(l, "ca", "gregory").replace("-u-ca-gregory", "");
    }

    static Map<String, Object> resolveFacts(String tag, Locale l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", tag);
        m.put("language", l.getLanguage());
        m.put("script", l.getScript());
        m.put("region", l.getCountry());
        m.put("variant", l.getVariant());
        Map<String, String> kw = new TreeMap<>();
        for (String k : List.of("ca", "cu", "fw", "nu", "rg")) {
            String v = l.getUnicodeLocaleType(k);
            if (v != null) {
                kw.put(k, v);
            }
        }
        m.put("keywords", kw);
        m.put("extended", l.hasExtensions());
        LocaleProviderAdapter a = LocaleProviderAdapter.getAdapter(DecimalFormatSymbolsProvider.class, l);
        m.put("adapter", a.getAdapterType().toString());
        m.put("control", keys(ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT).getCandidateLocales("", l.stripExtensions())));
        m.put("bundles", keys(((ResourceBundleBasedAdapter) a).getCandidateLocales("", l)));
        return m;
    }

    static List<String> keys(List<Locale> ls) {
        List<String> k = new ArrayList<>();
        for (Locale l : ls) {
            k.add(LocaleDump.key(l));
        }
        return k;
    }
}
