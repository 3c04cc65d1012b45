import kaoping.Kaoping;
import kaoping.Kaoping.Engine;
import kaoping.Kaoping.KaopingException;
import kaoping.Kaoping.Problem;
import kaoping.Kaoping.Status;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kaoping from Java: scores the sample hall, compares the bytes with the core's (the kaoping
 * command's output), prints October's top windows, exercises the error path and 8 threads.
 *
 *   java Client DATASET FIXTURES_DIR BAD_DATASET
 *
 * Exit 0 only when every check holds; the last line is "N passed, M failed".
 */
public final class Client {
    // Never the platform charset: under LC_ALL=C it is ASCII and the Chinese names would become '?'.
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private static int passed;
    private static int failed;

    private interface Check {
        /** Returns a short note on success; throws (or returns via fail) otherwise. */
        String run() throws Exception;
    }

    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    private static void check(String name, Check c) {
        try {
            String note = c.run();
            passed++;
            OUT.println("ok: " + name + (note == null || note.isEmpty() ? "" : " (" + note + ")"));
        } catch (Failure f) {
            failed++;
            ERR.println("FAIL: " + name + ": " + f.getMessage());
        } catch (Throwable t) {
            failed++;
            ERR.println("FAIL: " + name + ": unexpected " + t);
        }
    }

    /** The expected bytes: the kaoping command's output minus its final newline. */
    private static byte[] fixture(Path dir, String name) throws Exception {
        byte[] b = Files.readAllBytes(dir.resolve(name));
        return b.length > 0 && b[b.length - 1] == '\n' ? Arrays.copyOf(b, b.length - 1) : b;
    }

    /** Compares the UTF-8 bytes of a result with a fixture, byte for byte. */
    private static String sameBytes(String got, byte[] want, String what) throws Failure {
        byte[] g = got.getBytes(StandardCharsets.UTF_8);
        int d = Arrays.mismatch(g, want);
        if (d >= 0) {
            throw new Failure(what + " differs from the core's at byte " + d + " (" + g.length + " bytes, expected " + want.length + ")");
        }
        return g.length + " bytes, identical";
    }

    private static final Pattern WINDOW = Pattern.compile(
            "\"subject\": \"([^\"]*)\".*?\"name\": \"([^\"]*)\".*?\"score\": \"([^\"]*)\".*?\"grade\": \"([^\"]*)\".*?\"rank\": (\\d+)",
            Pattern.DOTALL);

    /** The first n windows of a period result (display only: the check is on the bytes). */
    private static List<String> topWindows(String periodJson, int n) {
        List<String> rows = new ArrayList<>();
        int start = periodJson.indexOf("\"windows\": [");
        int end = periodJson.indexOf("\n  \"staff\": [");
        if (start < 0 || end < start) return rows;
        Matcher m = WINDOW.matcher(periodJson.substring(start, end));
        while (rows.size() < n && m.find()) {
            rows.add(String.format("%2s. %s %s %s %s", m.group(5), m.group(1), m.group(2), m.group(3), m.group(4)));
        }
        return rows;
    }

    /** Runs the call and returns the KaopingException it must throw. */
    private static KaopingException expectError(Runnable call) throws Failure {
        try {
            call.run();
        } catch (KaopingException e) {
            return e;
        }
        throw new Failure("no KaopingException");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            ERR.println("usage: java Client DATASET FIXTURES_DIR BAD_DATASET");
            System.exit(2);
        }
        final String dataset = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        final Path fixtures = Path.of(args[1]);
        final String bad = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);

        check("library loads, ABI " + Kaoping.ABI_VERSION, () -> {
            int abi = Kaoping.abiVersion();
            String v = Kaoping.version();
            if (abi != Kaoping.ABI_VERSION) throw new Failure("ABI " + abi);
            if (v.isEmpty()) throw new Failure("empty version");
            return "kaoping " + v + ", ABI " + abi;
        });

        try (Engine engine = Engine.builtin()) {
            final String[] month = new String[1];

            check("evaluate 2026-10 equals month-2026-10.json", () -> {
                month[0] = engine.evaluate(dataset, "2026-10");
                return sameBytes(month[0], fixture(fixtures, "month-2026-10.json"), "the month result");
            });

            check("evaluatePeriod 2026-10 equals period-2026-10.json", () -> {
                String period = engine.evaluatePeriod(dataset, "2026-10");
                String note = sameBytes(period, fixture(fixtures, "period-2026-10.json"), "the 2026-10 ranking");
                List<String> top = topWindows(period, 5);
                if (top.size() != 5) throw new Failure("found " + top.size() + " windows in the ranking");
                OUT.println("2026-10 top windows:");
                for (String row : top) OUT.println("  " + row);
                return note;
            });

            check("evaluatePeriod 2026-Q3 equals period-2026-Q3.json", () ->
                    sameBytes(engine.evaluatePeriod(dataset, "2026-Q3"), fixture(fixtures, "period-2026-Q3.json"), "the Q3 result"));

            check("awards 2026 equals awards-2026.json", () ->
                    sameBytes(engine.awards(dataset, "2026"), fixture(fixtures, "awards-2026.json"), "the 2026 awards"));

            check("evaluateYear and explain answer", () -> {
                String year = engine.evaluateYear(dataset);
                if (!year.startsWith("{") || !year.contains("\"2026-12\"")) throw new Failure("year result without 2026-12");
                String why = engine.explain(dataset, "W26", "2026-10");
                if (!why.contains("W26")) throw new Failure("explanation does not name W26: " + why);
                return "year " + year.length() + " chars, explanation " + why.lines().count() + " lines";
            });

            check("bad dataset: KP_INVALID_INPUT naming BAD-0001 and records[0].points", () -> {
                KaopingException e = expectError(() -> engine.validate(bad));
                if (e.statusCode() != 1 || e.status() != Status.INVALID_INPUT) throw new Failure("status " + e.statusCode());
                String msg = e.errorMessage();
                if (msg == null || !msg.contains("BAD-0001") || !msg.contains("records[0].points")) throw new Failure("message: " + msg);
                if (e.problems().size() != 3) throw new Failure(e.problems().size() + " problems in " + e.errorJson());
                Problem p = e.problems().get(0);
                if (!"records[0].points".equals(p.path()) || !"BAD-0001".equals(p.record()) || !"S2.3".equals(p.rule())) {
                    throw new Failure("first problem: " + p);
                }
                if (!"dataset".equals(e.document())) throw new Failure("document " + e.document());
                return "status " + e.statusCode() + ", " + p.path() + " [" + p.record() + "] " + p.message();
            });

            check("invalid period 2026-13: KP_INVALID_ARGUMENT", () -> {
                KaopingException e = expectError(() -> engine.evaluate(dataset, "2026-13"));
                if (e.statusCode() != 4 || e.status() != Status.INVALID_ARGUMENT) throw new Failure("status " + e.statusCode());
                KaopingException s = expectError(() -> Kaoping.schema("no-such-schema"));
                if (s.statusCode() != 4) throw new Failure("unknown schema: status " + s.statusCode());
                KaopingException x = expectError(() -> engine.explain(dataset, "NOBODY", "2026-10"));
                if (x.statusCode() != 4) throw new Failure("unknown subject: status " + x.statusCode());
                return "status " + e.statusCode() + ": " + e.errorMessage().lines().reduce((a, b) -> b).orElse("");
            });

            check("a policy that is not JSON: KP_INVALID_INPUT; schema answers", () -> {
                KaopingException e = expectError(() -> Engine.fromPolicyJson("{not json"));
                if (e.statusCode() != 1 || !"policy".equals(e.document())) throw new Failure("status " + e.statusCode() + ", document " + e.document());
                String schema = Kaoping.schema("dataset");
                if (!schema.startsWith("{")) throw new Failure("schema: " + schema.substring(0, Math.min(40, schema.length())));
                return "dataset schema " + schema.length() + " chars";
            });

            check("8 threads on one engine give identical results", () -> {
                if (month[0] == null) throw new Failure("no single-threaded result to compare with");
                int n = 8;
                ExecutorService pool = Executors.newFixedThreadPool(n);
                try {
                    CyclicBarrier start = new CyclicBarrier(n);
                    List<Future<String>> results = new ArrayList<>();
                    for (int t = 0; t < n; t++) {
                        final boolean alsoFail = t % 2 == 1;
                        results.add(pool.submit(() -> {
                            start.await(30, TimeUnit.SECONDS);
                            String r = engine.evaluate(dataset, "2026-10");
                            if (alsoFail) {
                                // the last error is per thread: this thread's failure is its own
                                KaopingException e = expectError(() -> engine.validate(bad));
                                if (e.statusCode() != 1 || !e.errorMessage().contains("BAD-0001")) throw new Failure("thread error: " + e);
                            }
                            return r;
                        }));
                    }
                    for (Future<String> f : results) {
                        if (!f.get(120, TimeUnit.SECONDS).equals(month[0])) throw new Failure("a thread's result differs");
                    }
                } finally {
                    pool.shutdownNow();
                }
                return n + " equal results, " + n / 2 + " threads also saw their own error";
            });

            check("raw ABI: double frees are detected (KP_INVALID_HANDLE)", () -> {
                // The wrapper never frees twice; the library must still catch it when the raw ABI does.
                Kaoping.Native raw = Kaoping.nativeLibrary();
                com.sun.jna.ptr.PointerByReference out = new com.sun.jna.ptr.PointerByReference();
                if (raw.kp_schema(Kaoping.cstr("name", "errors"), out, null) != 0) throw new Failure("kp_schema");
                com.sun.jna.Pointer s = out.getValue();
                if (raw.kp_string_free(s) != 0) throw new Failure("first string free");
                int again = raw.kp_string_free(s);
                if (again != Status.INVALID_HANDLE.code) throw new Failure("second string free gave " + again);
                if (raw.kp_engine_new_builtin(out) != 0) throw new Failure("kp_engine_new_builtin");
                Kaoping.EngineHandle h = new Kaoping.EngineHandle(out.getValue());
                if (raw.kp_engine_free(h) != 0) throw new Failure("first engine free");
                int twice = raw.kp_engine_free(h);
                if (twice != Status.INVALID_HANDLE.code) throw new Failure("second engine free gave " + twice);
                return "string and engine: status " + again;
            });

            check("close is idempotent; a closed engine refuses calls", () -> {
                Engine e = Engine.builtin();
                e.close();
                e.close();
                try {
                    e.evaluate(dataset, "2026-10");
                    throw new Failure("a closed engine evaluated");
                } catch (IllegalStateException expected) {
                    return "IllegalStateException: " + expected.getMessage();
                }
            });
        } catch (Throwable t) {
            failed++;
            ERR.println("FAIL: engine: " + t);
        }

        OUT.println(passed + " passed, " + failed + " failed");
        OUT.flush();
        System.exit(failed == 0 && passed > 0 ? 0 : 1);
    }
}
