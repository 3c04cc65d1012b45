import org.kaoping.Detail;
import org.kaoping.Engine;
import org.kaoping.HallYear;
import org.kaoping.HallYearColumns;
import org.kaoping.Kaoping;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 22, lean results: how long Java takes to read a hall-year in each form the library offers.
 * For each dataset, and for each form — the scores-only compact hall-year JSON
 * ({@code KP_SCORES_ONLY | KP_COMPACT}, read into {@link HallYear}) and the columns
 * ({@code KP_COLUMNS}, read into {@link HallYearColumns}) — it times, separately:
 * (a) the native call ({@code Engine.evaluateHallYearJson} / {@code evaluateHallYearColumnsJson}:
 * libkaoping evaluates and writes the JSON, the jar copies the bytes), and
 * (b) reading those bytes into the library's typed result ({@code HallYear.parse} /
 * {@code HallYearColumns.parse}), in rounds that read every form of every hall once (warm-up
 * rounds first, for the JIT); it prints the medians (and the parse minima) in milliseconds and
 * the JSON's size in bytes.
 *
 *   java ParseTime [--native-runs N] [--parse-runs N] [--warmup N] DATASET...
 *
 * The native time is that of whichever libkaoping.so the jar carries (a debug build in CI); the
 * parse time does not depend on it.
 */
public final class ParseTime {
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    /** Keeps the results alive, so the JIT cannot drop the work. */
    private static long sink;

    public static void main(String[] args) throws Exception {
        int nativeRuns = 7;
        int parseRuns = 21;
        int warmup = 20;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--native-runs": nativeRuns = Integer.parseInt(args[++i]); break;
                case "--parse-runs": parseRuns = Integer.parseInt(args[++i]); break;
                case "--warmup": warmup = Integer.parseInt(args[++i]); break;
                default: files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: java ParseTime [--native-runs N] [--parse-runs N] [--warmup N] DATASET...");
            System.exit(2);
        }
        OUT.printf(Locale.ROOT, "# Java %s (%s), %d processors; libkaoping %s from %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(), Kaoping.version(), Kaoping.libraryFile());
        OUT.printf(Locale.ROOT, "# native: median of %d calls after 2; parse: median of %d rounds after %d warm-up rounds, the forms and halls interleaved%n", nativeRuns, parseRuns, warmup);
        OUT.printf(Locale.ROOT, "%-24s %-12s %10s %12s %12s %12s%n", "dataset", "form", "bytes", "native ms", "parse ms", "parse min");
        List<String> names = new ArrayList<>();
        List<Timing> lean = new ArrayList<>();
        List<Timing> cols = new ArrayList<>();
        try (Engine engine = Engine.builtin()) {
            // (a) the native calls, each form of each hall: 2 calls, then the timed ones
            for (Path f : files) {
                byte[] ds = Files.readAllBytes(f);
                names.add(f.getParent() == null ? f.toString() : f.getParent().getFileName() + "/" + f.getFileName());
                lean.add(call(nativeRuns, false, () -> engine.evaluateHallYearJson(ds, Detail.SCORES_ONLY)));
                cols.add(call(nativeRuns, true, () -> engine.evaluateHallYearColumnsJson(ds)));
            }
        }
        // (b) reading the JSON into the typed results: warm-up rounds over every form of every hall
        // (the JIT compiles the readers), then timed rounds, interleaved so that a slow spell of the
        // machine falls on all of them
        List<Timing> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            all.add(lean.get(i));
            all.add(cols.get(i));
        }
        for (Timing t : all) t.parseNs = new long[parseRuns];
        for (int round = -warmup; round < parseRuns; round++) {
            for (Timing t : all) {
                long t0 = System.nanoTime();
                sink += t.columns ? readColumns(t.json) : readLean(t.json);
                long ns = System.nanoTime() - t0;
                if (round >= 0) t.parseNs[round] = ns;
            }
        }
        for (int i = 0; i < names.size(); i++) {
            Timing l = lean.get(i);
            Timing c = cols.get(i);
            print(names.get(i), "scores-only", l);
            print(names.get(i), "columns", c);
            OUT.printf(Locale.ROOT, "%-24s %-12s %9.1f%% %11.2fx %11.2fx%n", names.get(i), "columns/lean",
                    100.0 * c.json.length / l.json.length, l.nativeMs() / c.nativeMs(), l.parseMs() / c.parseMs());
        }
        OUT.println("# checksum " + sink);
    }

    private interface NativeCall {
        byte[] call();
    }

    /** The scores-only compact JSON into the typed hall-year. */
    private static long readLean(byte[] json) {
        HallYear h = HallYear.parse(json);
        return h.getAnnual().getWindows().size() + h.getYear().getMonths().size();
    }

    /** The columns into HallYearColumns. */
    private static long readColumns(byte[] json) {
        HallYearColumns c = HallYearColumns.parse(json);
        return c.getMonths().size() + c.getStandings().size();
    }

    private static final class Timing {
        final boolean columns;
        byte[] json;
        long[] nativeNs;
        long[] parseNs;

        Timing(boolean columns) {
            this.columns = columns;
        }

        double nativeMs() {
            return median(nativeNs) / 1e6;
        }

        double parseMs() {
            return median(parseNs) / 1e6;
        }
    }

    private static Timing call(int nativeRuns, boolean columns, NativeCall call) {
        Timing t = new Timing(columns);
        for (int i = 0; i < 2; i++) t.json = call.call();
        t.nativeNs = new long[nativeRuns];
        for (int i = 0; i < nativeRuns; i++) {
            long t0 = System.nanoTime();
            t.json = call.call();
            t.nativeNs[i] = System.nanoTime() - t0;
        }
        return t;
    }

    private static void print(String name, String form, Timing t) {
        OUT.printf(Locale.ROOT, "%-24s %-12s %10d %12.1f %12.2f %12.2f%n", name, form, t.json.length, t.nativeMs(), t.parseMs(),
                Arrays.stream(t.parseNs).min().getAsLong() / 1e6);
    }

    private static double median(long[] a) {
        long[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }
}
