package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A compiled policy that scores datasets: the built-in county measure ({@link #builtin()}) or a
 * policy document ({@link #fromPolicy(Path)}), writing its texts in a {@link Language}.
 *
 * <pre>{@code
 * try (Engine engine = Engine.builtin(Language.ZH_CN)) {
 *     PeriodResult q3 = engine.evaluatePeriod(Path.of("county-2026.json"), "2026-Q3");
 *     for (Standing s : q3.findAward("model_window").get().getWinners())
 *         System.out.println(s.getName() + " " + s.getScore().toPlainString());
 * }
 * }</pre>
 *
 * <p><b>Inputs.</b> Every method takes the dataset as {@code byte[]}, {@link InputStream},
 * {@link Path} or {@code String} (the JSON text itself, not a file name). Bytes are passed to the
 * library unchanged, so the library checks that they are UTF-8 ({@link Status#INVALID_UTF8}
 * otherwise); a String is encoded as UTF-8. Streams are read to their end and not closed.
 *
 * <p><b>Errors.</b> A dataset or policy with problems, a bad argument, or any other failing status
 * throws {@link KaopingException} with every problem. I/O errors reading a Path or an InputStream
 * are {@link IOException}s. A closed engine throws {@link IllegalStateException}.
 *
 * <p><b>Threads.</b> One engine may be used from any number of threads at once (the C ABI allows
 * it; each call's error is kept per thread). {@link #close()} waits for calls in progress and
 * frees the native engine; an engine never closed is freed once unreachable.
 */
public final class Engine implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Language language;
    private boolean closed; // guarded by lock

    /** Frees the native engine at most once; holds the pointer, never the Engine. */
    private static final class Handle implements Runnable {
        private final AtomicReference<Pointer> pointer;

        Handle(Pointer p) {
            pointer = new AtomicReference<>(p);
        }

        Pointer get() {
            return pointer.get();
        }

        int free() {
            Pointer p = pointer.getAndSet(null);
            return p == null ? Status.OK.code() : Lib.n().kp_engine_free(p);
        }

        @Override
        public void run() {
            free(); // on the Cleaner's thread: nobody to report a failure to
        }
    }

    private Engine(Pointer p, Language language) {
        this.handle = new Handle(p);
        this.language = language;
        this.cleanable = CLEANER.register(this, handle);
    }

    // ------------------------------------------------------------------ making engines

    /** An engine with the built-in policy (the county measure), writing English texts. */
    public static Engine builtin() {
        PointerByReference out = new PointerByReference();
        Lib.check("kp_engine_new_builtin", Lib.n().kp_engine_new_builtin(out));
        return new Engine(out.getValue(), Language.EN);
    }

    /** An engine with the built-in policy writing its texts in {@code language}. */
    public static Engine builtin(Language language) {
        return withLanguage(builtin(), language);
    }

    /**
     * An engine with a policy document (UTF-8 JSON, {@code schemas/policy.schema.json}).
     *
     * @throws KaopingException {@link Status#INVALID_INPUT} with every problem of the policy
     *                          ({@link KaopingException#getDocument()} is {@code policy})
     */
    public static Engine fromPolicy(byte[] policyJson) {
        byte[] b = Lib.doc("policyJson", policyJson);
        KpNative.SizeT n = new KpNative.SizeT(policyJson.length);
        PointerByReference out = new PointerByReference();
        Lib.check("kp_engine_new", Lib.n().kp_engine_new(b, n, out));
        return new Engine(out.getValue(), Language.EN);
    }

    /** {@link #fromPolicy(byte[])} writing its texts in {@code language}. */
    public static Engine fromPolicy(byte[] policyJson, Language language) {
        return withLanguage(fromPolicy(policyJson), language);
    }

    /** {@link #fromPolicy(byte[])} of a file. */
    public static Engine fromPolicy(Path policyJson) throws IOException {
        return fromPolicy(Files.readAllBytes(policyJson));
    }

    /** {@link #fromPolicy(byte[])} of a file, writing its texts in {@code language}. */
    public static Engine fromPolicy(Path policyJson, Language language) throws IOException {
        return fromPolicy(Files.readAllBytes(policyJson), language);
    }

    /** {@link #fromPolicy(byte[])} of a stream (read to its end, not closed). */
    public static Engine fromPolicy(InputStream policyJson) throws IOException {
        return fromPolicy(policyJson.readAllBytes());
    }

    /** {@link #fromPolicy(byte[])} of a stream, writing its texts in {@code language}. */
    public static Engine fromPolicy(InputStream policyJson, Language language) throws IOException {
        return fromPolicy(policyJson.readAllBytes(), language);
    }

    /** {@link #fromPolicy(byte[])} of the JSON text itself. */
    public static Engine fromPolicyJson(String policyJson) {
        return fromPolicy(utf8("policyJson", policyJson));
    }

    /** {@link #fromPolicy(byte[])} of the JSON text itself, writing its texts in {@code language}. */
    public static Engine fromPolicyJson(String policyJson, Language language) {
        return fromPolicy(utf8("policyJson", policyJson), language);
    }

    /**
     * A new engine with this engine's policy that writes its texts in {@code language}. This
     * engine is unchanged and stays open; close both.
     */
    public Engine withLanguage(Language language) {
        Objects.requireNonNull(language, "language");
        return new Engine(newWithLang(language.tag()), language);
    }

    /**
     * A new engine writing its texts in the language of a tag ({@code "zh-CN"}, {@code "en"}).
     *
     * @throws KaopingException {@link Status#INVALID_ARGUMENT} for a language the library does not have
     */
    public Engine withLanguage(String languageTag) {
        Language known = null;
        for (Language l : Language.values()) if (l.tag().equals(languageTag)) known = l;
        return new Engine(newWithLang(languageTag), known);
    }

    private Pointer newWithLang(String tag) {
        byte[] t = Lib.cstr("language", tag);
        return use("kp_engine_with_lang", h -> {
            PointerByReference out = new PointerByReference();
            Lib.check("kp_engine_with_lang", Lib.n().kp_engine_with_lang(h, t, out));
            return out.getValue();
        });
    }

    /** A new engine in {@code language} made from {@code base}, which is closed (also on failure). */
    private static Engine withLanguage(Engine base, Language language) {
        Objects.requireNonNull(language, "language");
        try (Engine b = base) {
            return b.withLanguage(language);
        }
    }

    /** The language of this engine's texts (null if made from a tag this jar does not know). */
    public Language getLanguage() {
        return language;
    }

    // ------------------------------------------------------------------ validate

    /**
     * Checks a dataset against the policy.
     *
     * @throws KaopingException {@link Status#INVALID_INPUT} with every problem of the dataset;
     *                          {@link Status#INVALID_UTF8} for bytes that are not UTF-8
     */
    public void validate(byte[] dataset) {
        byte[] ds = Lib.doc("dataset", dataset);
        KpNative.SizeT n = new KpNative.SizeT(dataset.length);
        use("kp_validate", h -> {
            Lib.check("kp_validate", Lib.n().kp_validate(h, ds, n));
            return null;
        });
    }

    /** {@link #validate(byte[])} of a stream (read to its end, not closed). */
    public void validate(InputStream dataset) throws IOException {
        validate(dataset.readAllBytes());
    }

    /** {@link #validate(byte[])} of a file. */
    public void validate(Path dataset) throws IOException {
        validate(Files.readAllBytes(dataset));
    }

    /** {@link #validate(byte[])} of the JSON text itself. */
    public void validate(String datasetJson) {
        validate(utf8("datasetJson", datasetJson));
    }

    // ------------------------------------------------------------------ a month

    /**
     * A month's full result: every window's and staff member's score, every category line and
     * every record's outcome ({@code kp_evaluate}; as {@code kaoping score --month}).
     *
     * @throws KaopingException {@link Status#INVALID_INPUT} for a dataset with problems (also a
     *                          month outside the dataset's year)
     */
    public MonthResult evaluateMonth(byte[] dataset, YearMonth month) {
        Objects.requireNonNull(month, "month");
        byte[] p = Lib.cstr("month", month.toString());
        return MonthResult.from(Json.parse(call("kp_evaluate", dataset,
                (h, ds, n, out, len) -> Lib.n().kp_evaluate(h, ds, n, p, out, len))));
    }

    /** {@link #evaluateMonth(byte[], YearMonth)} of a stream (read to its end, not closed). */
    public MonthResult evaluateMonth(InputStream dataset, YearMonth month) throws IOException {
        return evaluateMonth(dataset.readAllBytes(), month);
    }

    /** {@link #evaluateMonth(byte[], YearMonth)} of a file. */
    public MonthResult evaluateMonth(Path dataset, YearMonth month) throws IOException {
        return evaluateMonth(Files.readAllBytes(dataset), month);
    }

    /** {@link #evaluateMonth(byte[], YearMonth)} of the JSON text itself. */
    public MonthResult evaluateMonth(String datasetJson, YearMonth month) {
        return evaluateMonth(utf8("datasetJson", datasetJson), month);
    }

    // ------------------------------------------------------------------ a period

    /**
     * The result of a month ({@code "2026-10"}), a quarter ({@code "2026-Q3"}) or a year
     * ({@code "2026"}): every subject's period score, ranks, award lists (names in every standing)
     * and department feedback ({@code kp_evaluate_period}; as {@code kaoping score --period}).
     *
     * @throws KaopingException {@link Status#INVALID_ARGUMENT} for a malformed period;
     *                          {@link Status#INVALID_INPUT} for a dataset with problems or a period
     *                          outside the dataset's year
     */
    public PeriodResult evaluatePeriod(byte[] dataset, String period) {
        byte[] p = Lib.cstr("period", period);
        return PeriodResult.from(Json.parse(call("kp_evaluate_period", dataset,
                (h, ds, n, out, len) -> Lib.n().kp_evaluate_period(h, ds, n, p, out, len))));
    }

    /** {@link #evaluatePeriod(byte[], String)} of a stream (read to its end, not closed). */
    public PeriodResult evaluatePeriod(InputStream dataset, String period) throws IOException {
        return evaluatePeriod(dataset.readAllBytes(), period);
    }

    /** {@link #evaluatePeriod(byte[], String)} of a file. */
    public PeriodResult evaluatePeriod(Path dataset, String period) throws IOException {
        return evaluatePeriod(Files.readAllBytes(dataset), period);
    }

    /** {@link #evaluatePeriod(byte[], String)} of the JSON text itself. */
    public PeriodResult evaluatePeriod(String datasetJson, String period) {
        return evaluatePeriod(utf8("datasetJson", datasetJson), period);
    }

    // ------------------------------------------------------------------ the year

    /** Every month of the dataset's year: twelve month results ({@code kp_evaluate_year}). */
    public YearResult evaluateYear(byte[] dataset) {
        return YearResult.from(Json.parse(call("kp_evaluate_year", dataset,
                (h, ds, n, out, len) -> Lib.n().kp_evaluate_year(h, ds, n, out, len))));
    }

    /** {@link #evaluateYear(byte[])} of a stream (read to its end, not closed). */
    public YearResult evaluateYear(InputStream dataset) throws IOException {
        return evaluateYear(dataset.readAllBytes());
    }

    /** {@link #evaluateYear(byte[])} of a file. */
    public YearResult evaluateYear(Path dataset) throws IOException {
        return evaluateYear(Files.readAllBytes(dataset));
    }

    /** {@link #evaluateYear(byte[])} of the JSON text itself. */
    public YearResult evaluateYear(String datasetJson) {
        return evaluateYear(utf8("datasetJson", datasetJson));
    }

    /**
     * A hall's whole year, each month evaluated once: the twelve months, the four quarters and
     * the year ({@code kp_evaluate_hall_year}). {@link Detail#SCORES_ONLY} leaves out category
     * lines and texts (every number is the same) and is faster to make and to read.
     */
    public HallYear evaluateHallYear(byte[] dataset, Detail detail) {
        return HallYear.parse(evaluateHallYearJson(dataset, detail));
    }

    /**
     * The JSON text (UTF-8, compact) that {@link #evaluateHallYear(byte[], Detail)} reads, for
     * passing on unread or for timing the call apart from the reading ({@link HallYear#parse(byte[])}).
     */
    public byte[] evaluateHallYearJson(byte[] dataset, Detail detail) {
        Objects.requireNonNull(detail, "detail");
        int flags = KpNative.KP_COMPACT | (detail == Detail.SCORES_ONLY ? KpNative.KP_SCORES_ONLY : 0);
        return hallYear(dataset, flags);
    }

    private byte[] hallYear(byte[] dataset, int flags) {
        return call("kp_evaluate_hall_year", dataset,
                (h, ds, n, out, len) -> Lib.n().kp_evaluate_hall_year(h, ds, n, flags, out, len));
    }

    /** {@link #evaluateHallYear(byte[], Detail)} of a stream (read to its end, not closed). */
    public HallYear evaluateHallYear(InputStream dataset, Detail detail) throws IOException {
        return evaluateHallYear(dataset.readAllBytes(), detail);
    }

    /** {@link #evaluateHallYear(byte[], Detail)} of a file. */
    public HallYear evaluateHallYear(Path dataset, Detail detail) throws IOException {
        return evaluateHallYear(Files.readAllBytes(dataset), detail);
    }

    /** {@link #evaluateHallYear(byte[], Detail)} of the JSON text itself. */
    public HallYear evaluateHallYear(String datasetJson, Detail detail) {
        return evaluateHallYear(utf8("datasetJson", datasetJson), detail);
    }

    /**
     * A hall's whole year as columns ({@code kp_evaluate_hall_year} with {@code KP_COLUMNS}): the
     * numbers of {@link #evaluateHallYear(byte[], Detail) evaluateHallYear(dataset, Detail.SCORES_ONLY)}
     * — each subject-month's total and categories, each period's scores, ranks and grades, each
     * award's standings — as tables of columns with subjects and texts listed once. About an eighth
     * of the scores-only JSON and much faster to read; for platforms that store or compare many halls.
     * The texts that explain the numbers are left out.
     */
    public HallYearColumns evaluateHallYearColumns(byte[] dataset) {
        return HallYearColumns.parse(evaluateHallYearColumnsJson(dataset));
    }

    /** {@link #evaluateHallYearColumns(byte[])} of a stream (read to its end, not closed). */
    public HallYearColumns evaluateHallYearColumns(InputStream dataset) throws IOException {
        return evaluateHallYearColumns(dataset.readAllBytes());
    }

    /** {@link #evaluateHallYearColumns(byte[])} of a file. */
    public HallYearColumns evaluateHallYearColumns(Path dataset) throws IOException {
        return evaluateHallYearColumns(Files.readAllBytes(dataset));
    }

    /** {@link #evaluateHallYearColumns(byte[])} of the JSON text itself. */
    public HallYearColumns evaluateHallYearColumns(String datasetJson) {
        return evaluateHallYearColumns(utf8("datasetJson", datasetJson));
    }

    /**
     * The JSON text (UTF-8, format {@value HallYearColumns#FORMAT}) that
     * {@link #evaluateHallYearColumns(byte[])} reads, for passing on unread or for timing the call
     * apart from the reading ({@link HallYearColumns#parse(byte[])}).
     */
    public byte[] evaluateHallYearColumnsJson(byte[] dataset) {
        return hallYear(dataset, KpNative.KP_COLUMNS);
    }

    // ------------------------------------------------------------------ awards

    /**
     * The award lists of a quarter ({@code "2026-Q3"}) or a year ({@code "2026"}): quota, the
     * awarded, ties at the quota line, and every participant's standing with its name from the
     * dataset's roster ({@code kp_awards}; as {@code kaoping awards}). A month has no award lists:
     * the list is empty.
     */
    public List<AwardResult> awards(byte[] dataset, String period) {
        byte[] p = Lib.cstr("period", period);
        JsonNode root = Json.parse(call("kp_awards", dataset,
                (h, ds, n, out, len) -> Lib.n().kp_awards(h, ds, n, p, out, len)));
        if (!root.isArray()) throw Json.shape("kp_awards returned no array");
        if (root.size() == 0) return Collections.emptyList();
        Map<String, String> names = Json.rosterNames(dataset);
        java.util.ArrayList<AwardResult> out = new java.util.ArrayList<>(root.size());
        for (JsonNode a : root) out.add(AwardResult.from(a, names));
        return Collections.unmodifiableList(out);
    }

    /** {@link #awards(byte[], String)} of a stream (read to its end, not closed). */
    public List<AwardResult> awards(InputStream dataset, String period) throws IOException {
        return awards(dataset.readAllBytes(), period);
    }

    /** {@link #awards(byte[], String)} of a file. */
    public List<AwardResult> awards(Path dataset, String period) throws IOException {
        return awards(Files.readAllBytes(dataset), period);
    }

    /** {@link #awards(byte[], String)} of the JSON text itself. */
    public List<AwardResult> awards(String datasetJson, String period) {
        return awards(utf8("datasetJson", datasetJson), period);
    }

    // ------------------------------------------------------------------ explain

    /**
     * How one window's or staff member's month was scored, as text: how each point was lost or
     * won ({@code kp_explain}).
     *
     * @throws KaopingException {@link Status#INVALID_ARGUMENT} when the subject was not evaluated
     *                          in that month
     */
    public String explain(byte[] dataset, String subject, YearMonth month) {
        byte[] s = Lib.cstr("subject", subject);
        byte[] m = Lib.cstr("month", Objects.requireNonNull(month, "month").toString());
        return new String(call("kp_explain", dataset,
                (h, ds, n, out, len) -> Lib.n().kp_explain(h, ds, n, s, m, out, len)), StandardCharsets.UTF_8);
    }

    /** {@link #explain(byte[], String, YearMonth)} of a stream (read to its end, not closed). */
    public String explain(InputStream dataset, String subject, YearMonth month) throws IOException {
        return explain(dataset.readAllBytes(), subject, month);
    }

    /** {@link #explain(byte[], String, YearMonth)} of a file. */
    public String explain(Path dataset, String subject, YearMonth month) throws IOException {
        return explain(Files.readAllBytes(dataset), subject, month);
    }

    /** {@link #explain(byte[], String, YearMonth)} of the JSON text itself. */
    public String explain(String datasetJson, String subject, YearMonth month) {
        return explain(utf8("datasetJson", datasetJson), subject, month);
    }

    // ------------------------------------------------------------------ lifetime

    /** Frees the native engine, after the calls in progress on other threads. Closing twice does nothing. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            int status = handle.free();
            cleanable.clean(); // deregisters; the action is now a no-op
            Lib.check("kp_engine_free", status);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "Engine{" + (language == null ? "?" : language.tag()) + (isClosed() ? ", closed" : "") + "}";
    }

    // ------------------------------------------------------------------ calls

    private interface EngineCall<T> {
        T call(Pointer engine);
    }

    /** Runs a call while the engine is open, keeping this object reachable until it returns. */
    private <T> T use(String name, EngineCall<T> c) {
        lock.readLock().lock();
        try {
            if (closed) throw new IllegalStateException(name + ": the kaoping engine is closed");
            return c.call(handle.get());
        } finally {
            lock.readLock().unlock();
            // Without the fence the JIT may treat `this` as dead once the pointer is loaded, and
            // the Cleaner could free the engine during the native call.
            Reference.reachabilityFence(this);
        }
    }

    private interface DatasetCall {
        int call(Pointer engine, byte[] dataset, KpNative.SizeT len, PointerByReference out, KpNative.SizeTByReference outLen);
    }

    /** A call on a dataset that returns a string: its bytes (copied, the string freed). */
    private byte[] call(String name, byte[] dataset, DatasetCall c) {
        byte[] ds = Lib.doc("dataset", dataset);
        KpNative.SizeT n = new KpNative.SizeT(dataset.length);
        return use(name, h -> Lib.bytes(name, (out, len) -> c.call(h, ds, n, out, len)));
    }

    private static byte[] utf8(String what, String s) {
        return Objects.requireNonNull(s, what).getBytes(StandardCharsets.UTF_8);
    }
}
