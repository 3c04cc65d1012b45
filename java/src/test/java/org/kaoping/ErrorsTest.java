package org.kaoping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Errors: every problem of a bad document, undecodable bytes, bad arguments, a closed engine. */
public class ErrorsTest {
    private static Engine engine;

    @BeforeClass
    public static void open() {
        engine = Engine.builtin();
    }

    @AfterClass
    public static void close() {
        engine.close();
    }

    private interface Call {
        void run() throws Exception;
    }

    private static KaopingException expect(Status status, Call c) throws Exception {
        try {
            c.run();
        } catch (KaopingException e) {
            assertEquals(e.getMessage(), status, e.getStatus());
            assertEquals(status.code(), e.getStatusCode());
            return e;
        }
        fail("no KaopingException");
        return null;
    }

    @Test
    public void a_bad_dataset_reports_every_problem() throws Exception {
        for (Call c : Arrays.<Call>asList(
                () -> engine.validate(Fixtures.bad()),
                () -> engine.evaluatePeriod(Fixtures.bad(), "2026-Q3"),
                () -> engine.evaluateMonth(Files.newInputStream(Fixtures.bad()), YearMonth.of(2026, 10)),
                () -> engine.awards(Files.readAllBytes(Fixtures.bad()), "2026"))) {
            KaopingException e = expect(Status.INVALID_INPUT, c);
            assertEquals("dataset", e.getDocument());
            List<Problem> ps = e.getProblems();
            assertEquals(e.getErrorJson(), 3, ps.size());
            // tests/fixtures/README.md: BAD-0001 S2.3 points 6 outside 3–5; BAD-0002 unknown rule
            // S9.9; BAD-0003 a staff rule on a window
            assertEquals("records[0].points", ps.get(0).getPath());
            assertEquals("BAD-0001", ps.get(0).getRecord());
            assertEquals("S2.3", ps.get(0).getRule());
            assertTrue(ps.get(0).getMessage(), ps.get(0).getMessage().contains("3–5"));
            assertEquals("records[1].rule", ps.get(1).getPath());
            assertEquals("BAD-0002", ps.get(1).getRecord());
            assertEquals("S9.9", ps.get(1).getRule());
            assertEquals("unknown_reference", ps.get(1).getKind());
            assertEquals("records[2].subject", ps.get(2).getPath());
            assertEquals("BAD-0003", ps.get(2).getRecord());
            for (String part : new String[] {"BAD-0001", "BAD-0002", "BAD-0003", "records[0].points"}) {
                assertTrue(e.getErrorMessage(), e.getErrorMessage().contains(part));
                assertTrue(e.getMessage(), e.getMessage().contains(part));
            }
        }
    }

    @Test
    public void problems_are_written_in_the_engines_language() throws Exception {
        try (Engine zh = Engine.builtin(Language.ZH_CN)) {
            KaopingException e = expect(Status.INVALID_INPUT, () -> zh.validate(Fixtures.bad()));
            assertTrue(e.getProblems().get(0).getMessage(), HandBuiltTest.hasHan(e.getProblems().get(0).getMessage()));
            assertEquals("records[0].points", e.getProblems().get(0).getPath());
        }
    }

    @Test
    public void a_gbk_file_is_refused_not_misread() throws Exception {
        // The sample hall re-encoded in GBK (its names are Chinese): not UTF-8, so the library
        // refuses the bytes; nothing decodes them with a guessed charset on the way.
        String text = new String(Fixtures.sampleBytes(), StandardCharsets.UTF_8);
        byte[] gbk = text.getBytes(Charset.forName("GBK"));
        assertFalse(Arrays.equals(gbk, Fixtures.sampleBytes()));
        Path f = Files.createTempFile("kaoping-gbk", ".json");
        try {
            Files.write(f, gbk);
            expect(Status.INVALID_UTF8, () -> engine.validate(f));
            expect(Status.INVALID_UTF8, () -> engine.evaluatePeriod(f, "2026-Q3"));
            expect(Status.INVALID_UTF8, () -> engine.awards(Files.newInputStream(f), "2026"));
        } finally {
            Files.delete(f);
        }
    }

    @Test
    public void a_closed_engine_is_refused_cleanly() throws Exception {
        Engine e = Engine.builtin();
        e.close();
        e.close(); // closing twice does nothing
        assertTrue(e.isClosed());
        byte[] ds = Fixtures.sampleBytes();
        for (Call c : Arrays.<Call>asList(
                () -> e.validate(ds),
                () -> e.evaluateMonth(ds, YearMonth.of(2026, 10)),
                () -> e.evaluatePeriod(ds, "2026-Q3"),
                () -> e.evaluateYear(ds),
                () -> e.evaluateHallYear(ds, Detail.SCORES_ONLY),
                () -> e.awards(ds, "2026"),
                () -> e.explain(ds, "W26", YearMonth.of(2026, 10)),
                () -> e.withLanguage(Language.ZH_CN))) {
            try {
                c.run();
                fail("a closed engine answered");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("closed"));
            }
        }
        // other engines are unaffected
        engine.validate(ds);
    }

    @Test
    public void bad_arguments() throws Exception {
        byte[] ds = Fixtures.sampleBytes();
        KaopingException p = expect(Status.INVALID_ARGUMENT, () -> engine.evaluatePeriod(ds, "2026-13"));
        assertEquals("request", p.getDocument());
        assertEquals("period", p.getProblems().get(0).getPath());
        expect(Status.INVALID_ARGUMENT, () -> engine.awards(ds, "2026-Q5"));
        expect(Status.INVALID_ARGUMENT, () -> engine.explain(ds, "NOBODY", YearMonth.of(2026, 10)));
        expect(Status.INVALID_ARGUMENT, () -> Kaoping.schema("no-such-schema"));
        expect(Status.INVALID_ARGUMENT, () -> engine.withLanguage("fr").close());
        try {
            engine.evaluatePeriod(ds, "2026\0-Q3");
            fail("a NUL in a period was passed on");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("NUL"));
        }
    }

    @Test
    public void a_period_outside_the_datasets_year_is_refused() throws Exception {
        byte[] ds = Fixtures.sampleBytes();
        for (Call c : Arrays.<Call>asList(
                () -> engine.evaluatePeriod(ds, "2025-Q3"),
                () -> engine.evaluatePeriod(ds, "2027"),
                () -> engine.evaluateMonth(ds, YearMonth.of(2025, 10)))) {
            try {
                c.run();
                fail("a period outside 2026 was evaluated");
            } catch (KaopingException e) {
                assertEquals("request", e.getDocument());
                assertEquals("unsupported", e.getProblems().get(0).getKind());
                assertTrue(e.getProblems().get(0).getMessage(), e.getProblems().get(0).getMessage().contains("outside the dataset's year 2026"));
            }
        }
    }

    @Test
    public void a_period_outside_the_datasets_year_is_an_invalid_argument() throws Exception {
        // kaoping.h: KP_INVALID_ARGUMENT (4) for a month or period outside the dataset's year
        byte[] ds = Fixtures.sampleBytes();
        KaopingException e = expect(Status.INVALID_ARGUMENT, () -> engine.evaluatePeriod(ds, "2025-Q3"));
        assertEquals("request", e.getDocument());
        assertEquals("period", e.getProblems().get(0).getPath());
        expect(Status.INVALID_ARGUMENT, () -> engine.evaluateMonth(ds, YearMonth.of(2025, 10)));
    }

    @Test
    public void a_bad_policy_reports_its_problems() throws Exception {
        KaopingException e = expect(Status.INVALID_INPUT, () -> Engine.fromPolicyJson("{not json"));
        assertEquals("policy", e.getDocument());
        assertEquals("syntax", e.getProblems().get(0).getKind());
        // a policy that is valid: the built-in one's schema is published, an empty object is not a policy
        expect(Status.INVALID_INPUT, () -> Engine.fromPolicy(new byte[0]));
        String schema = Kaoping.schema("policy");
        assertTrue(schema.startsWith("{"));
    }

    @Test
    public void an_empty_or_broken_dataset() throws Exception {
        KaopingException e = expect(Status.INVALID_INPUT, () -> engine.validate(new byte[0]));
        assertEquals("syntax", e.getProblems().get(0).getKind());
        ObjectNode ds = Halls.hall(1);
        Halls.rec(ds, "x", "S2.3", "S01", "2026-10-09"); // C7: S2.3 needs its points
        KaopingException p = expect(Status.INVALID_INPUT, () -> engine.evaluatePeriod(Halls.bytes(ds), "2026-Q4"));
        assertEquals("x", p.getProblems().get(0).getRecord());
    }

    @Test
    public void the_library_is_the_jars_own() {
        assertEquals(Kaoping.ABI_VERSION, Kaoping.abiVersion());
        assertFalse(Kaoping.version().isEmpty());
        assertNotNull(Kaoping.libraryFile());
        if (Boolean.getBoolean("kaoping.expectBundled")) {
            // java/test.sh runs the tests against the jar, with no jna.library.path
            assertEquals(null, System.getProperty("jna.library.path"));
            // JNA's temporary copy of the jar's linux-x86-64/libkaoping.so, not a file of the tree
            assertFalse(Kaoping.libraryFile(), Kaoping.libraryFile().startsWith(Path.of("").toAbsolutePath().toString()));
        }
    }

    @Test
    public void the_abi_catches_double_frees() {
        // The Engine never frees twice; the library must still catch it when the raw ABI does.
        KpNative n = Lib.n();
        PointerByReference out = new PointerByReference();
        assertEquals(0, n.kp_schema(Lib.cstr("name", "errors"), out, null));
        Pointer s = out.getValue();
        assertEquals(0, n.kp_string_free(s));
        assertEquals(Status.INVALID_HANDLE.code(), n.kp_string_free(s));
        assertEquals(0, n.kp_engine_new_builtin(out));
        Pointer h = out.getValue();
        assertEquals(0, n.kp_engine_free(h));
        assertEquals(Status.INVALID_HANDLE.code(), n.kp_engine_free(h));
    }

    @Test
    public void a_long_list_of_problems_keeps_the_message_short() throws Exception {
        ObjectNode ds = Halls.hall(1);
        for (int i = 0; i < 50; i++) Halls.rec(ds, "bad" + i, "S9.9", "S01", "2026-10-09");
        KaopingException e = expect(Status.INVALID_INPUT, () -> engine.validate(Halls.bytes(ds)));
        assertEquals(50, e.getProblems().size());
        assertTrue(e.getMessage().split("\n").length <= 11);
        assertTrue(e.getMessage(), e.getMessage().contains("more (see getProblems())"));
    }

    @Test
    public void io_errors_are_io_exceptions() {
        try {
            engine.validate(Path.of("no/such/file.json"));
            fail();
        } catch (IOException expected) {
            // a missing file is the caller's problem, not the library's
        }
    }
}
