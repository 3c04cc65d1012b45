package org.kaoping;

import org.junit.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** One engine, many threads (the C ABI allows it); errors stay with the thread that caused them. */
public class ThreadsTest {
    private static List<String> totals(MonthResult m) {
        List<String> out = new ArrayList<>();
        for (SubjectMonth s : m.getWindows()) out.add(s.getSubject() + " " + s.getTotal());
        for (SubjectMonth s : m.getStaff()) out.add(s.getSubject() + " " + s.getTotal());
        return out;
    }

    @Test
    public void eight_threads_on_one_engine() throws Exception {
        byte[] ds = Fixtures.sampleBytes();
        byte[] bad = java.nio.file.Files.readAllBytes(Fixtures.bad());
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try (Engine engine = Engine.builtin()) {
            List<String> want = totals(engine.evaluateMonth(ds, java.time.YearMonth.of(2026, 10)));
            CyclicBarrier start = new CyclicBarrier(n);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                final boolean alsoFail = t % 2 == 1;
                results.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    List<String> r = totals(engine.evaluateMonth(ds, java.time.YearMonth.of(2026, 10)));
                    if (alsoFail) {
                        try {
                            engine.validate(bad);
                            fail("the bad dataset validated");
                        } catch (KaopingException e) {
                            // this thread's error is its own: three problems, BAD-0001 first
                            assertEquals(3, e.getProblems().size());
                            assertEquals("BAD-0001", e.getProblems().get(0).getRecord());
                        }
                    }
                    return r;
                }));
            }
            for (Future<List<String>> f : results) assertEquals(want, f.get(300, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void close_waits_for_calls_in_progress() throws Exception {
        byte[] ds = Fixtures.sampleBytes();
        Engine engine = Engine.builtin();
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<PeriodResult> f = pool.submit(() -> {
                started.countDown();
                return engine.evaluatePeriod(ds, "2026");
            });
            started.await();
            Thread.sleep(50); // let the call reach the library (a year takes about a second)
            engine.close();   // waits for it, then frees the engine
            assertTrue(engine.isClosed());
            try {
                PeriodResult year = f.get(300, TimeUnit.SECONDS);
                assertEquals(30, year.getWindows().size()); // the call finished on a live engine
            } catch (java.util.concurrent.ExecutionException e) {
                // or, if close() won the race, the call was refused before it began: never a crash
                assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof IllegalStateException);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
