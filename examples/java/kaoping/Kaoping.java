package kaoping;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.ptr.ByReference;
import com.sun.jna.ptr.PointerByReference;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * kaoping from Java, over the C ABI (ffi/include/kaoping.h) with JNA.
 *
 * <pre>{@code
 * try (Kaoping.Engine engine = Kaoping.Engine.builtin()) {
 *     String json = engine.evaluate(datasetJson, "2026-10");
 * } catch (Kaoping.KaopingException e) {
 *     e.status(); e.problems();   // what was wrong, and where
 * }
 * }</pre>
 *
 * <p>Ownership: an {@link Engine} owns one native engine and frees it in {@link Engine#close()}
 * (or, if it is never closed, when it becomes unreachable, through a {@link Cleaner}). Every string
 * the library returns is copied into a Java {@code String} (decoded as UTF-8, never with the
 * platform charset) and freed with {@code kp_string_free} at once, in a {@code finally} block;
 * nothing native escapes this class. One engine may be used from many threads at once.
 *
 * <p>Errors: every status other than {@code KP_OK} becomes a {@link KaopingException} carrying the
 * status, the library's message and its problems (path, record, rule, message). The library keeps
 * the last error per thread, and JNA makes the call on the calling thread, so the error is read
 * right after the failing call on the same thread, before any other {@code kp_} call.
 *
 * <p>Load the library with {@code -Djna.library.path=target/debug} (or {@code target/release}).
 */
public final class Kaoping {
    private Kaoping() {}

    /** The ABI version this wrapper was written for ({@code KP_ABI_VERSION} in kaoping.h). */
    public static final int ABI_VERSION = 1;

    // ------------------------------------------------------------------ the raw ABI

    /**
     * {@code size_t}. The lengths in the ABI are {@code size_t}, which is 64 bits on x86_64 Linux.
     * Java's {@code int} (and {@code IntByReference}) would be 32 bits: the library would write 8
     * bytes into a 4-byte slot. A Java {@code long} / {@code LongByReference} matches on x86_64
     * but not on a 32-bit platform, and {@code NativeLong} is C's {@code long}, which equals
     * {@code size_t} on LP64 Linux but is 32 bits on 64-bit Windows. So this type takes its width
     * from {@link com.sun.jna.Native#SIZE_T_SIZE}: exactly {@code size_t} everywhere (8 here).
     */
    public static final class SizeT extends IntegerType {
        private static final long serialVersionUID = 1L;

        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(com.sun.jna.Native.SIZE_T_SIZE, value, true);
        }
    }

    /** A {@code size_t *} output, written by the library (see {@link SizeT} for the width). */
    public static final class SizeTByReference extends ByReference {
        public SizeTByReference() {
            super(com.sun.jna.Native.SIZE_T_SIZE);
            getPointer().clear(com.sun.jna.Native.SIZE_T_SIZE);
        }

        public long getValue() {
            return com.sun.jna.Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0) & 0xFFFFFFFFL;
        }
    }

    /** An engine handle ({@code KpEngine *}): opaque, only passed back to the library. */
    public static final class EngineHandle extends PointerType {
        public EngineHandle() {}

        public EngineHandle(Pointer p) {
            super(p);
        }
    }

    /**
     * The C ABI, one method per {@code kp_} function. Inputs are UTF-8 bytes: the JSON documents
     * with an explicit length, the short identifiers NUL-terminated (see {@link #cstr}); nothing
     * goes through JNA's String conversion, which uses the platform charset (ASCII under LC_ALL=C).
     * Returned strings are {@link Pointer}s, not {@code String}s, so that they can be freed.
     * Prefer {@link Engine}, which does all of that.
     */
    public interface Native extends Library {
        int kp_abi_version();

        /** Static, owned by the library: do not free. */
        Pointer kp_version();

        int kp_engine_new_builtin(PointerByReference out);

        int kp_engine_new(byte[] policyJson, SizeT policyLen, PointerByReference out);

        int kp_engine_free(EngineHandle engine);

        int kp_string_free(Pointer s);

        int kp_validate(EngineHandle engine, byte[] datasetJson, SizeT datasetLen);

        int kp_evaluate(EngineHandle engine, byte[] datasetJson, SizeT datasetLen, byte[] period,
                        PointerByReference out, SizeTByReference outLen);

        int kp_evaluate_period(EngineHandle engine, byte[] datasetJson, SizeT datasetLen, byte[] period,
                               PointerByReference out, SizeTByReference outLen);

        int kp_evaluate_year(EngineHandle engine, byte[] datasetJson, SizeT datasetLen,
                             PointerByReference out, SizeTByReference outLen);

        int kp_awards(EngineHandle engine, byte[] datasetJson, SizeT datasetLen, byte[] period,
                      PointerByReference out, SizeTByReference outLen);

        int kp_explain(EngineHandle engine, byte[] datasetJson, SizeT datasetLen, byte[] subject, byte[] month,
                       PointerByReference out, SizeTByReference outLen);

        int kp_schema(byte[] name, PointerByReference out, SizeTByReference outLen);

        /** Owned by the library, valid until the next kp_ call on this thread: do not free. */
        Pointer kp_last_error_message();

        int kp_last_error_json(PointerByReference out, SizeTByReference outLen);
    }

    /** Loaded on first use; fails early if the library's ABI is not the one this wrapper expects. */
    private static final class Lib {
        static final Native N = load();

        private static Native load() {
            Native n = com.sun.jna.Native.load("kaoping", Native.class);
            int abi = n.kp_abi_version();
            if (abi != ABI_VERSION) {
                throw new UnsatisfiedLinkError("libkaoping has ABI version " + abi + ", this wrapper needs " + ABI_VERSION);
            }
            return n;
        }
    }

    /** The raw ABI (loads the library on first use). */
    public static Native nativeLibrary() {
        return Lib.N;
    }

    // ------------------------------------------------------------------ statuses and errors

    /** The status of every call ({@code KpStatus}): fixed numbers, never reused. */
    public enum Status {
        OK(0), INVALID_INPUT(1), NULL_POINTER(2), INVALID_UTF8(3), INVALID_ARGUMENT(4), INVALID_HANDLE(5), PANIC(6),
        /** A number this wrapper does not know (a newer library). */
        UNKNOWN(-1);

        public final int code;

        Status(int code) {
            this.code = code;
        }

        public static Status of(int code) {
            for (Status s : values()) {
                if (s.code == code && s != UNKNOWN) return s;
            }
            return UNKNOWN;
        }

        /** The C name, like {@code KP_INVALID_INPUT}. */
        public String cName() {
            return "KP_" + name();
        }
    }

    /** One problem of an input document (the errors schema). {@code record} and {@code rule} may be null. */
    public record Problem(String kind, String path, String record, String rule, String message) {}

    /** A call returned a status other than {@code KP_OK}. */
    public static final class KaopingException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int statusCode;
        private final String errorMessage;
        private final String errorJson;
        private final String document;
        private final List<Problem> problems;

        KaopingException(String call, int statusCode, String errorMessage, String errorJson) {
            super(call + ": " + Status.of(statusCode).cName() + " (" + statusCode + ")"
                    + (errorMessage == null ? "" : ": " + errorMessage));
            this.statusCode = statusCode;
            this.errorMessage = errorMessage;
            this.errorJson = errorJson;
            String doc = null;
            List<Problem> ps = new ArrayList<>();
            if (errorJson != null) {
                try {
                    Object parsed = new MiniJson(errorJson).parse();
                    if (parsed instanceof Map<?, ?> m) {
                        doc = str(m.get("document"));
                        if (m.get("problems") instanceof List<?> list) {
                            for (Object o : list) {
                                if (o instanceof Map<?, ?> p) {
                                    ps.add(new Problem(str(p.get("kind")), str(p.get("path")), str(p.get("record")),
                                            str(p.get("rule")), str(p.get("message"))));
                                }
                            }
                        }
                    }
                } catch (IllegalArgumentException ignored) {
                    // keep the raw JSON; the problems list stays empty
                }
            }
            this.document = doc;
            this.problems = Collections.unmodifiableList(ps);
        }

        private static String str(Object o) {
            return o == null ? null : o.toString();
        }

        /** The status number, like 1 for {@code KP_INVALID_INPUT}. */
        public int statusCode() {
            return statusCode;
        }

        /** The status as an enum ({@link Status#UNKNOWN} for a number this wrapper does not know). */
        public Status status() {
            return Status.of(statusCode);
        }

        /** {@code kp_last_error_message}: every problem, one per line (null if the library gave none). */
        public String errorMessage() {
            return errorMessage;
        }

        /** {@code kp_last_error_json}: {@code {"document": …, "problems": [...]}} (null if none). */
        public String errorJson() {
            return errorJson;
        }

        /** Which document had the problems: {@code dataset}, {@code policy} or {@code request}. */
        public String document() {
            return document;
        }

        /** Every problem, with its path ({@code records[0].points}), record, rule and message. */
        public List<Problem> problems() {
            return problems;
        }
    }

    /** Throws unless {@code status} is KP_OK. Must run right after the call, on the same thread. */
    private static void check(String call, int status) {
        if (status == Status.OK.code) return;
        Native n = Lib.N;
        // The message pointer is valid only until the next kp_ call: copy it first.
        Pointer m = n.kp_last_error_message();
        String message = m == null ? null : m.getString(0, "UTF-8");
        String json = null;
        PointerByReference out = new PointerByReference();
        SizeTByReference len = new SizeTByReference();
        if (n.kp_last_error_json(out, len) == Status.OK.code) {
            json = take(out.getValue(), len.getValue());
        }
        throw new KaopingException(call, status, message, json);
    }

    // ------------------------------------------------------------------ strings

    /** Copies a library string (UTF-8, {@code len} bytes) and frees it, whatever happens. */
    private static String take(Pointer p, long len) {
        if (p == null) return null;
        try {
            if (len < 0 || len > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("kaoping returned a string of " + len + " bytes: too long for Java");
            }
            return new String(p.getByteArray(0, (int) len), StandardCharsets.UTF_8);
        } finally {
            Lib.N.kp_string_free(p); // cannot fail: p came from this library and is freed once
        }
    }

    private interface StringCall {
        int call(PointerByReference out, SizeTByReference outLen);
    }

    /** Runs a call that returns a string: checks the status, copies the string, frees it. */
    private static String callString(String name, StringCall c) {
        PointerByReference out = new PointerByReference();
        SizeTByReference len = new SizeTByReference();
        int status = c.call(out, len);
        check(name, status); // on failure the library wrote nothing to free
        return take(out.getValue(), len.getValue());
    }

    /** A NUL-terminated UTF-8 copy of a short identifier (period, subject, schema name), for the raw ABI. */
    public static byte[] cstr(String what, String s) {
        Objects.requireNonNull(s, what);
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException(what + " contains a NUL character");
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }

    /** UTF-8 bytes of a JSON document; never a zero-length array (JNA could pass NULL for it). */
    private static byte[] utf8(String what, String s) {
        Objects.requireNonNull(s, what);
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length == 0 ? new byte[1] : b;
    }

    private static SizeT lenOf(String s, byte[] bytes) {
        return new SizeT(s.isEmpty() ? 0 : bytes.length);
    }

    // ------------------------------------------------------------------ library-level calls

    /** The library version, like "0.1.0". */
    public static String version() {
        return Lib.N.kp_version().getString(0, "UTF-8");
    }

    /** The library's ABI version ({@link #ABI_VERSION} once loaded: loading checks it). */
    public static int abiVersion() {
        return Lib.N.kp_abi_version();
    }

    /** A published JSON Schema: "policy", "dataset", "result", "year_result", "period_result", "errors". */
    public static String schema(String name) {
        byte[] n = cstr("name", name);
        return callString("kp_schema", (out, len) -> Lib.N.kp_schema(n, out, len));
    }

    // ------------------------------------------------------------------ the engine

    private static final Cleaner CLEANER = Cleaner.create();

    /**
     * A compiled policy. Close it (try-with-resources); if it is dropped unclosed, a Cleaner frees
     * the native engine once it is unreachable. Thread-safe: many threads may evaluate at once, and
     * {@link #close()} waits for calls in flight. Using a closed engine throws IllegalStateException.
     */
    public static final class Engine implements AutoCloseable {
        private final EngineHandle handle;
        private final Release release;
        private final Cleaner.Cleanable cleanable;
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private boolean closed; // guarded by lock

        /** Frees the native engine at most once. Holds the handle, never the Engine (or it would never become unreachable). */
        private static final class Release implements Runnable {
            private final AtomicReference<EngineHandle> handle;

            Release(EngineHandle h) {
                handle = new AtomicReference<>(h);
            }

            int free() {
                EngineHandle h = handle.getAndSet(null);
                return h == null ? Status.OK.code : Lib.N.kp_engine_free(h);
            }

            @Override
            public void run() {
                free(); // the Cleaner's thread: nobody to report a failure to
            }
        }

        private Engine(Pointer p) {
            handle = new EngineHandle(p);
            release = new Release(handle);
            cleanable = CLEANER.register(this, release);
        }

        /** An engine with the built-in policy (the county measure). */
        public static Engine builtin() {
            PointerByReference out = new PointerByReference();
            check("kp_engine_new_builtin", Lib.N.kp_engine_new_builtin(out));
            return new Engine(out.getValue());
        }

        /** An engine from a policy document; KaopingException (INVALID_INPUT) lists its problems. */
        public static Engine fromPolicyJson(String policyJson) {
            byte[] b = utf8("policyJson", policyJson);
            PointerByReference out = new PointerByReference();
            check("kp_engine_new", Lib.N.kp_engine_new(b, lenOf(policyJson, b), out));
            return new Engine(out.getValue());
        }

        private interface EngineCall<T> {
            T call(EngineHandle h);
        }

        /** Runs a call while the engine is open, and keeps this object reachable until it returns. */
        private <T> T use(EngineCall<T> c) {
            lock.readLock().lock();
            try {
                if (closed) throw new IllegalStateException("the kaoping engine is closed");
                return c.call(handle);
            } finally {
                lock.readLock().unlock();
                // Without this the JIT may consider `this` dead once `handle` is loaded, and the
                // Cleaner could free the engine while the native call is still running.
                Reference.reachabilityFence(this);
            }
        }

        /** Checks a dataset; throws KaopingException (INVALID_INPUT) listing every problem. */
        public void validate(String datasetJson) {
            byte[] ds = utf8("datasetJson", datasetJson);
            SizeT n = lenOf(datasetJson, ds);
            use(h -> {
                check("kp_validate", Lib.N.kp_validate(h, ds, n));
                return null;
            });
        }

        /**
         * A month ("2026-10": the full month result, as {@code kaoping score --month}), or a quarter
         * / year ("2026-Q3", "2026": the period result). Pretty-printed JSON without a final newline.
         */
        public String evaluate(String datasetJson, String period) {
            byte[] ds = utf8("datasetJson", datasetJson);
            SizeT n = lenOf(datasetJson, ds);
            byte[] p = cstr("period", period);
            return use(h -> callString("kp_evaluate", (out, len) -> Lib.N.kp_evaluate(h, ds, n, p, out, len)));
        }

        /** The period result of a month, quarter or year (as {@code kaoping score --period}). */
        public String evaluatePeriod(String datasetJson, String period) {
            byte[] ds = utf8("datasetJson", datasetJson);
            SizeT n = lenOf(datasetJson, ds);
            byte[] p = cstr("period", period);
            return use(h -> callString("kp_evaluate_period", (out, len) -> Lib.N.kp_evaluate_period(h, ds, n, p, out, len)));
        }

        /** Every month of the dataset's year (the year result). */
        public String evaluateYear(String datasetJson) {
            byte[] ds = utf8("datasetJson", datasetJson);
            SizeT n = lenOf(datasetJson, ds);
            return use(h -> callString("kp_evaluate_year", (out, len) -> Lib.N.kp_evaluate_year(h, ds, n, out, len)));
        }

        /** The award lists of a quarter or a year, a JSON array (as {@code kaoping awards}). */
        public String awards(String datasetJson, String period) {
            byte[] ds = utf8("datasetJson", datasetJson);
            SizeT n = lenOf(datasetJson, ds);
            byte[] p = cstr("period", period);
            return use(h -> callString("kp_awards", (out, len) -> Lib.N.kp_awards(h, ds, n, p, out, len)));
        }

        /** How one window's or staff member's month was scored, as text (INVALID_ARGUMENT if not evaluated). */
        public String explain(String datasetJson, String subject, String month) {
            byte[] ds = utf8("datasetJson", datasetJson);
            SizeT n = lenOf(datasetJson, ds);
            byte[] s = cstr("subject", subject);
            byte[] m = cstr("month", month);
            return use(h -> callString("kp_explain", (out, len) -> Lib.N.kp_explain(h, ds, n, s, m, out, len)));
        }

        /** Frees the native engine; waits for calls in flight. Closing twice is a no-op. */
        @Override
        public void close() {
            int status;
            lock.writeLock().lock();
            try {
                if (closed) return;
                closed = true;
                status = release.free();
                cleanable.clean(); // deregisters; the action is now a no-op
                if (status != Status.OK.code) check("kp_engine_free", status);
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
    }

    // ------------------------------------------------------------------ a minimal JSON reader

    /** Just enough JSON to read the error documents: objects, arrays, strings, numbers, literals. */
    private static final class MiniJson {
        private final String s;
        private int i;

        MiniJson(String s) {
            this.s = s;
        }

        Object parse() {
            Object v = value();
            ws();
            if (i != s.length()) throw err("trailing text");
            return v;
        }

        private IllegalArgumentException err(String what) {
            return new IllegalArgumentException("error JSON: " + what + " at " + i);
        }

        private void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
        }

        private char peek() {
            if (i >= s.length()) throw err("unexpected end");
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) throw err("expected '" + c + "'");
            i++;
        }

        private Object value() {
            ws();
            char c = peek();
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek() == '}') { i++; return m; }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                        if (peek() == ',') { i++; continue; }
                        expect('}');
                        return m;
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek() == ']') { i++; return l; }
                    while (true) {
                        l.add(value());
                        ws();
                        if (peek() == ',') { i++; continue; }
                        expect(']');
                        return l;
                    }
                }
                case '"':
                    return string();
                default: {
                    int start = i;
                    while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) i++;
                    String t = s.substring(start, i);
                    if (t.equals("null")) return null;
                    if (t.equals("true") || t.equals("false")) return Boolean.valueOf(t);
                    if (t.isEmpty() || !t.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) throw err("bad value " + t);
                    return t; // numbers kept as their text
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = peek();
                i++;
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                char e = peek();
                i++;
                switch (e) {
                    case '"': case '\\': case '/': b.append(e); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 't': b.append('\t'); break;
                    case 'u':
                        if (i + 4 > s.length()) throw err("short \\u escape");
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException x) {
                            throw err("bad \\u escape");
                        }
                        i += 4;
                        break;
                    default:
                        throw err("bad escape");
                }
            }
        }
    }
}
