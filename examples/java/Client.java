import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kaoping.AwardResult;
import org.kaoping.Engine;
import org.kaoping.Kaoping;
import org.kaoping.KaopingException;
import org.kaoping.Language;
import org.kaoping.MonthResult;
import org.kaoping.PeriodResult;
import org.kaoping.Problem;
import org.kaoping.RecordOutcome;
import org.kaoping.Standing;
import org.kaoping.Status;
import org.kaoping.SubjectMonth;
import org.kaoping.SubjectPeriod;
import org.kaoping.YearResult;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * kaoping from Java through the org.kaoping library: scores the sample hall and compares the
 * typed results with the kaoping command's JSON (as values: scores as BigDecimal), prints
 * October's top windows and the year's award winners with names, exercises the errors and 8
 * threads on one engine.
 *
 *   java Client DATASET FIXTURES_DIR BAD_DATASET
 *
 * Exit 0 only when every check holds; the last line is "N passed, M failed".
 */
public final class Client {
    // Never the platform charset: under LC_ALL=C it is ASCII and the Chinese names would become '?'.
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static int passed;
    private static int failed;

    private interface Check {
        /** Returns a short note on success; throws otherwise. */
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

    private static void same(String what, Object want, Object got) throws Failure {
        if (!Objects.equals(want, got)) throw new Failure(what + ": the core says " + want + ", the library gave " + got);
    }

    /** A decimal of the command's JSON, read exactly from its text. */
    private static BigDecimal dec(JsonNode n, String field) {
        return new BigDecimal(n.get(field).asText());
    }

    /** Every subject's scores and every record's outcome of a month, against the command's. */
    private static String sameMonth(JsonNode want, MonthResult got) throws Failure {
        int n = 0;
        for (String list : new String[] {"windows", "staff"}) {
            List<SubjectMonth> subjects = list.equals("windows") ? got.getWindows() : got.getStaff();
            same(list + " count", want.get(list).size(), subjects.size());
            for (int i = 0; i < subjects.size(); i++) {
                JsonNode w = want.get(list).get(i);
                SubjectMonth s = subjects.get(i);
                String at = list + "[" + i + "]";
                same(at + ".subject", w.get("subject").asText(), s.getSubject());
                same(at + ".name", w.get("name").asText(), s.getName());
                same(at + ".base", dec(w, "base"), s.getBase());
                same(at + ".bonus", dec(w, "bonus"), s.getBonus());
                same(at + ".total", dec(w, "total"), s.getTotal());
                same(at + ".grade", w.get("grade").asText(), s.getGrade());
                n += 3;
            }
        }
        same("records count", want.get("records").size(), got.getRecords().size());
        for (int i = 0; i < got.getRecords().size(); i++) {
            JsonNode w = want.get("records").get(i);
            RecordOutcome r = got.getRecords().get(i);
            same("records[" + i + "].record", w.get("record").asText(), r.getRecord());
            same("records[" + i + "].points", dec(w, "points"), r.getPoints());
            same("records[" + i + "].outcome", w.get("outcome").asText(), r.getOutcome().code());
            n++;
        }
        return n + " decimals equal";
    }

    /** Every subject's period score and rank, and every award list, against the command's. */
    private static String samePeriod(JsonNode want, PeriodResult got) throws Failure {
        int n = 0;
        for (String list : new String[] {"windows", "staff"}) {
            List<SubjectPeriod> subjects = list.equals("windows") ? got.getWindows() : got.getStaff();
            same(list + " count", want.get(list).size(), subjects.size());
            for (int i = 0; i < subjects.size(); i++) {
                JsonNode w = want.get(list).get(i);
                SubjectPeriod s = subjects.get(i);
                String at = list + "[" + i + "]";
                same(at + ".subject", w.get("subject").asText(), s.getSubject());
                same(at + ".score", dec(w, "score"), s.getScore());
                same(at + ".deductions", dec(w, "deductions"), s.getDeductions());
                same(at + ".bonus", dec(w, "bonus"), s.getBonus());
                same(at + ".rank", w.get("rank").asInt(), s.getRank());
                n += 3;
            }
        }
        return n + " decimals equal, " + sameAwards(want.get("awards"), got.getAwards());
    }

    private static String sameAwards(JsonNode want, List<AwardResult> got) throws Failure {
        same("award lists", want.size(), got.size());
        int n = 0;
        for (int a = 0; a < got.size(); a++) {
            AwardResult g = got.get(a);
            JsonNode w = want.get(a);
            same(g.getAward() + ".quota", w.get("quota").asInt(), g.getQuota());
            List<String> awarded = new ArrayList<>();
            for (JsonNode x : w.get("awarded")) awarded.add(x.asText());
            same(g.getAward() + ".awarded", awarded, g.getAwarded());
            same(g.getAward() + " standings", w.get("standings").size(), g.getStandings().size());
            for (int i = 0; i < g.getStandings().size(); i++) {
                Standing s = g.getStandings().get(i);
                same(g.getAward() + ".standings[" + i + "].score", dec(w.get("standings").get(i), "score"), s.getScore());
                same(g.getAward() + ".standings[" + i + "].status", w.get("standings").get(i).get("status").asText(), s.getStatus().code());
                if (s.getName() == null) throw new Failure(s.getSubject() + " has no name");
                n++;
            }
        }
        return n + " standings equal";
    }

    private static JsonNode fixture(Path dir, String name) throws Exception {
        return JSON.readTree(dir.resolve(name).toFile());
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
        final byte[] dataset = Files.readAllBytes(Path.of(args[0]));
        final Path fixtures = Path.of(args[1]);
        final Path bad = Path.of(args[2]);
        final YearMonth october = YearMonth.of(2026, 10);

        check("library loads from the jar, ABI " + Kaoping.ABI_VERSION, () -> {
            same("ABI", Kaoping.ABI_VERSION, Kaoping.abiVersion());
            if (Kaoping.version().isEmpty()) throw new Failure("empty version");
            return "kaoping " + Kaoping.version() + " from " + Kaoping.libraryFile();
        });

        try (Engine engine = Engine.builtin(Language.EN)) {
            check("evaluateMonth 2026-10 equals month-2026-10.json", () ->
                    sameMonth(fixture(fixtures, "month-2026-10.json"), engine.evaluateMonth(dataset, october)));

            check("evaluatePeriod 2026-10 equals period-2026-10.json", () -> {
                PeriodResult period = engine.evaluatePeriod(dataset, "2026-10");
                String note = samePeriod(fixture(fixtures, "period-2026-10.json"), period);
                OUT.println("2026-10 top windows:");
                for (SubjectPeriod w : period.getWindows().subList(0, 5)) {
                    OUT.printf("  %2d. %s %s %s %s%n", w.getRank(), w.getSubject(), w.getName(), w.getScore().toPlainString(), w.getGrade());
                }
                return note;
            });

            check("evaluatePeriod 2026-Q3 equals period-2026-Q3.json", () ->
                    samePeriod(fixture(fixtures, "period-2026-Q3.json"), engine.evaluatePeriod(dataset, "2026-Q3")));

            check("awards 2026 equals awards-2026.json", () -> {
                List<AwardResult> awards = engine.awards(dataset, "2026");
                String note = sameAwards(fixture(fixtures, "awards-2026.json"), awards);
                for (AwardResult a : awards) {
                    OUT.println("2026 " + a.getName() + ":");
                    for (Standing s : a.getWinners()) OUT.println("  " + s.getRank() + ". " + s.getSubject() + " " + s.getName() + " " + s.getScore().toPlainString());
                }
                return note;
            });

            check("evaluateYear and explain answer", () -> {
                YearResult year = engine.evaluateYear(dataset);
                same("months", 12, year.getMonths().size());
                same("December", YearMonth.of(2026, 12), year.getMonths().get(11).getMonth());
                String why = engine.explain(dataset, "W26", october);
                if (!why.contains("W26")) throw new Failure("explanation does not name W26: " + why);
                return "explanation " + why.lines().count() + " lines";
            });

            check("bad dataset: INVALID_INPUT naming BAD-0001 and records[0].points", () -> {
                KaopingException e = expectError(() -> {
                    try {
                        engine.validate(bad);
                    } catch (java.io.IOException io) {
                        throw new java.io.UncheckedIOException(io);
                    }
                });
                same("status", Status.INVALID_INPUT, e.getStatus());
                same("status code", 1, e.getStatusCode());
                same("document", "dataset", e.getDocument());
                same("problems", 3, e.getProblems().size());
                Problem p = e.getProblems().get(0);
                same("path", "records[0].points", p.getPath());
                same("record", "BAD-0001", p.getRecord());
                same("rule", "S2.3", p.getRule());
                return "status " + e.getStatusCode() + ", " + p;
            });

            check("invalid period 2026-13, unknown schema, unknown subject: INVALID_ARGUMENT", () -> {
                same("period", Status.INVALID_ARGUMENT, expectError(() -> engine.evaluatePeriod(dataset, "2026-13")).getStatus());
                same("schema", Status.INVALID_ARGUMENT, expectError(() -> Kaoping.schema("no-such-schema")).getStatus());
                same("subject", Status.INVALID_ARGUMENT, expectError(() -> engine.explain(dataset, "NOBODY", october)).getStatus());
                return "status 4";
            });

            check("a policy that is not JSON: INVALID_INPUT; schema answers", () -> {
                KaopingException e = expectError(() -> Engine.fromPolicyJson("{not json"));
                same("status", Status.INVALID_INPUT, e.getStatus());
                same("document", "policy", e.getDocument());
                String schema = Kaoping.schema("dataset");
                if (!schema.startsWith("{")) throw new Failure("schema: " + schema);
                return "dataset schema " + schema.length() + " chars";
            });

            check("8 threads on one engine give identical results", () -> {
                List<BigDecimal> want = totals(engine.evaluateMonth(dataset, october));
                int n = 8;
                ExecutorService pool = Executors.newFixedThreadPool(n);
                try {
                    CyclicBarrier start = new CyclicBarrier(n);
                    List<Future<List<BigDecimal>>> results = new ArrayList<>();
                    for (int t = 0; t < n; t++) {
                        final boolean alsoFail = t % 2 == 1;
                        results.add(pool.submit(() -> {
                            start.await(60, TimeUnit.SECONDS);
                            List<BigDecimal> r = totals(engine.evaluateMonth(dataset, october));
                            if (alsoFail) {
                                // the last error is per thread: this thread's failure is its own
                                KaopingException e = expectError(() -> engine.evaluatePeriod(dataset, "2026-13"));
                                same("thread error", "period", e.getProblems().get(0).getPath());
                            }
                            return r;
                        }));
                    }
                    for (Future<List<BigDecimal>> f : results) same("a thread's totals", want, f.get(300, TimeUnit.SECONDS));
                } finally {
                    pool.shutdownNow();
                }
                return n + " equal results, " + n / 2 + " threads also saw their own error";
            });

            check("close is idempotent; a closed engine refuses calls", () -> {
                Engine e = Engine.builtin();
                e.close();
                e.close();
                try {
                    e.evaluateMonth(dataset, october);
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

    private static List<BigDecimal> totals(MonthResult m) {
        List<BigDecimal> out = new ArrayList<>();
        for (SubjectMonth s : m.getWindows()) out.add(s.getTotal());
        for (SubjectMonth s : m.getStaff()) out.add(s.getTotal());
        return out;
    }
}
