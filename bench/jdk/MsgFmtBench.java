import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The JDK side of BENCHMARKS.md's msgfmt comparison: JDK 17's
 * java.text.MessageFormat over every template of Zero's vertx-error.yml,
 * formatted with the same four string arguments as the Go benchmark
 * BenchmarkZeroCatalog (zero/msgfmt/zero_bench_test.go).
 *
 * <pre>
 * java bench/jdk/MsgFmtBench.java [path/to/vertx-error.yml [rounds]]
 * </pre>
 *
 * The path defaults to ../shared/reference/zero-vertx-error.yml, as seen
 * from the repository root; without the file the harness says so and exits
 * 0, as the Go tests skip.
 *
 * Paths measured, one op being one template, all templates in turn:
 * <ul>
 * <li>static: MessageFormat.format(pattern, args), which parses the
 * pattern on every call, as Zero does for every exception;
 * <li>precompiled: a MessageFormat built once per template, then
 * format(args).
 * </ul>
 * After a warm-up long enough for the JIT to settle, each round times both
 * paths one after the other; the harness prints the median and the minimum
 * ns/op over the rounds, and a CRC-32 of the outputs that the Go benchmark
 * logs too, showing that both sides read the same templates.
 */
public final class MsgFmtBench {
    /** The arguments of zero_bench_test.go's zeroArgs. */
    static final Object[] ARGS = {"order-1001", "tenant-a", "GET /api/orders", "42"};

    /** Passes over all templates per timed round (about 0.3 s per path). */
    static final int PASSES = 2000;

    static final long WARMUP_NANOS = 5_000_000_000L;

    static volatile long sink;

    public static void main(String[] argv) throws IOException {
        Path path = Path.of(argv.length > 0 ? argv[0] : "../shared/reference/zero-vertx-error.yml");
        int rounds = argv.length > 1 ? Integer.parseInt(argv[1]) : 10;
        if (!Files.exists(path)) {
            System.out.println("skipped: " + path + " not found; give the path of Zero's vertx-error.yml as the first argument");
            return;
        }
        // Zero formats with the JVM's default locale; the Go side uses en-US.
        Locale.setDefault(Locale.US);
        String[] templates = readTemplates(path);
        MessageFormat[] compiled = new MessageFormat[templates.length];
        CRC32 crc = new CRC32();
        for (int i = 0; i < templates.length; i++) {
            compiled[i] = new MessageFormat(templates[i], Locale.US);
            String s = MessageFormat.format(templates[i], ARGS);
            if (!s.equals(compiled[i].format(ARGS))) {
                throw new IllegalStateException("static and precompiled differ for " + templates[i]);
            }
            crc.update((s + "\n").getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf("templates %d, crc32 %08x, java %s, %s%n", templates.length, crc.getValue(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));

        long end = System.nanoTime() + WARMUP_NANOS;
        while (System.nanoTime() < end) {
            runStatic(templates, 100);
            runPrecompiled(compiled, 100);
        }
        double[] st = new double[rounds];
        double[] pre = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            st[r] = runStatic(templates, PASSES);
            pre[r] = runPrecompiled(compiled, PASSES);
        }
        report("static", st);
        report("precompiled", pre);
    }

    /** Times passes over all templates with the static format; ns/op. */
    static double runStatic(String[] templates, int passes) {
        long acc = 0;
        long t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (String t : templates) {
                acc += MessageFormat.format(t, ARGS).length();
            }
        }
        long t1 = System.nanoTime();
        sink += acc;
        return (double) (t1 - t0) / ((long) passes * templates.length);
    }

    /** Times passes over all templates with precompiled formats; ns/op. */
    static double runPrecompiled(MessageFormat[] compiled, int passes) {
        long acc = 0;
        long t0 = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (MessageFormat m : compiled) {
                acc += m.format(ARGS).length();
            }
        }
        long t1 = System.nanoTime();
        sink += acc;
        return (double) (t1 - t0) / ((long) passes * compiled.length);
    }

    static void report(String name, double[] nsPerOp) {
        double[] s = nsPerOp.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        System.out.printf("%-12s %8.1f ns/op median, %8.1f min, %d rounds%n", name, median, s[0], s.length);
    }

    static final Pattern KEY = Pattern.compile("^([EWI]?)(\\d+):[ \\t]*(.*)$");

    /**
     * Reads the templates of an error catalog in the order of the Go
     * catalog's Codes(): by the number of the key, ascending. Only what
     * Zero's file uses is understood: one key per line with a plain,
     * single-quoted or double-quoted scalar; anything else is an error, so
     * that the two sides never measure different texts silently. Templates
     * with "{}" are slf4j-style and are left out, as on the Go side.
     */
    static String[] readTemplates(Path path) throws IOException {
        TreeMap<Long, String> byCode = new TreeMap<>();
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            Matcher m = KEY.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(path + ":" + (n + 1) + ": not a one-line \"KEY: value\" entry");
            }
            String value;
            try {
                value = scalar(m.group(3));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ":" + (n + 1) + ": key " + m.group(1) + m.group(2) + ": " + e.getMessage());
            }
            if (byCode.put(Long.parseLong(m.group(2)), value) != null) {
                throw new IllegalArgumentException(path + ":" + (n + 1) + ": duplicate code " + m.group(2));
            }
        }
        List<String> out = new ArrayList<>();
        for (String t : byCode.values()) {
            if (!t.contains("{}")) {
                out.add(t);
            }
        }
        return out.toArray(new String[0]);
    }

    /** A YAML flow scalar on one line, with an optional trailing comment. */
    static String scalar(String s) {
        if (s.startsWith("\"")) {
            StringBuilder b = new StringBuilder();
            int i = 1;
            for (; i < s.length() && s.charAt(i) != '"'; i++) {
                char c = s.charAt(i);
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (++i == s.length()) {
                    throw new IllegalArgumentException("escape at the end of the line");
                }
                switch (c = s.charAt(i)) {
                    case '"', '\\', '/' -> b.append(c);
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("unsupported escape \\" + c);
                }
            }
            checkRest(s, i);
            return b.toString();
        }
        if (s.startsWith("'")) {
            StringBuilder b = new StringBuilder();
            int i = 1;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\'') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        b.append(c);
                        i++;
                        continue;
                    }
                    break;
                }
                b.append(c);
            }
            checkRest(s, i);
            return b.toString();
        }
        if (s.isEmpty() || "|>&*!%@`[{".indexOf(s.charAt(0)) >= 0) {
            throw new IllegalArgumentException("unsupported YAML value " + s);
        }
        int comment = s.indexOf(" #");
        return (comment >= 0 ? s.substring(0, comment) : s).strip();
    }

    /** After a closing quote at i only a comment may follow. */
    static void checkRest(String s, int i) {
        if (i >= s.length()) {
            throw new IllegalArgumentException("unterminated quoted value");
        }
        String rest = s.substring(i + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw new IllegalArgumentException("text after the quoted value: " + rest);
        }
    }
}
