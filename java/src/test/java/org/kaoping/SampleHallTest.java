package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The sample hall (examples/data/county-2026.json): every value of the typed results equals the
 * kaoping command's JSON of the same core ({@code kaoping score … --format json --lang en}, written
 * by java/test.sh), compared as parsed values through {@link Mirror}.
 */
public class SampleHallTest {
    private static Engine en;
    private static Engine zh;
    private static byte[] sample;

    @BeforeClass
    public static void open() throws IOException {
        en = Engine.builtin(Language.EN);
        zh = Engine.builtin(Language.ZH_CN);
        sample = Fixtures.sampleBytes();
    }

    @AfterClass
    public static void close() {
        en.close();
        zh.close();
    }

    @Test
    public void month_2026_10_equals_the_cli() throws IOException {
        Mirror m = Mirror.check(Fixtures.cli("month-2026-10.json"), en.evaluateMonth(sample, YearMonth.of(2026, 10)));
        // 146 subjects × (base, bonus, total, every category's max/points/score, every line) + records
        assertTrue(m.toString(), m.decimals() > 3000);
    }

    @Test
    public void period_2026_10_equals_the_cli() throws IOException {
        Mirror m = Mirror.check(Fixtures.cli("period-2026-10.json"), en.evaluatePeriod(sample, "2026-10"));
        assertTrue(m.toString(), m.decimals() > 400);
    }

    @Test
    public void quarter_2026_q3_equals_the_cli() throws IOException {
        PeriodResult q3 = en.evaluatePeriod(Fixtures.sample(), "2026-Q3");
        Mirror m = Mirror.check(Fixtures.cli("period-2026-Q3.json"), q3);
        assertTrue(m.toString(), m.decimals() > 1000 && m.integers() > 500);
        // a few anchors, read off the command's output: the model windows of Q3 with names
        AwardResult mw = q3.findAward("model_window").get();
        assertEquals(Arrays.asList("W13", "W16", "W25"), mw.getAwarded());
        Standing first = mw.getWinners().get(0);
        assertEquals("税费综合窗口1", first.getName());
        assertEquals(new BigDecimal("101.18"), first.getScore());
        SubjectPeriod w13 = q3.findSubject("W13").get();
        assertEquals(new BigDecimal("1.35"), w13.getDeductions());
        assertEquals(new BigDecimal("4.9"), w13.getBonus());
    }

    @Test
    public void quarter_in_chinese_equals_the_cli() throws IOException {
        PeriodResult q3 = zh.evaluatePeriod(sample, "2026-Q3");
        Mirror.check(Fixtures.cli("period-2026-Q3.zh.json"), q3);
        Standing s = q3.findAward("service_star").get().getWinners().get(0);
        assertTrue(s.getDetail(), HandBuiltTest.hasHan(s.getDetail()));
    }

    @Test
    public void awards_equal_the_cli_and_carry_the_rosters_names() throws IOException {
        List<AwardResult> year = en.awards(sample, "2026");
        Mirror.check(Fixtures.cli("awards-2026.json"), year);
        List<AwardResult> q3 = en.awards(sample, "2026-Q3");
        Mirror.check(Fixtures.cli("awards-2026-Q3.json"), q3);
        // every standing's name is its subject's name in the dataset's roster
        Map<String, String> roster = new java.util.HashMap<>();
        JsonNode ds = Fixtures.JSON.readTree(sample);
        for (String list : new String[] {"windows", "staff"}) {
            for (JsonNode x : ds.get(list)) roster.put(x.get("id").asText(), x.get("name").asText());
        }
        int named = 0;
        for (List<AwardResult> awards : Arrays.asList(year, q3)) {
            for (AwardResult a : awards) {
                for (Standing s : a.getStandings()) {
                    assertEquals(s.getSubject(), roster.get(s.getSubject()), s.getName());
                    named++;
                }
            }
        }
        // the year: 30 windows and 120 staff take part; Q3: 30 and 116
        assertEquals(30 + 120 + 30 + 116, named);
        // the awards of a period result carry the same names as kp_awards'
        PeriodResult p = en.evaluatePeriod(sample, "2026-Q3");
        assertEquals(names(q3.get(1)), names(p.findAward("service_star").get()));
    }

    private static List<String> names(AwardResult a) {
        List<String> out = new ArrayList<>();
        for (Standing s : a.getStandings()) out.add(s.getSubject() + " " + s.getName() + " " + s.getScore().toPlainString());
        return out;
    }

    @Test
    public void the_hall_year_agrees_with_the_single_calls() throws IOException {
        HallYear full = en.evaluateHallYear(sample, Detail.FULL);
        // the year's October and the third quarter are the command's month and quarter
        Mirror.check(Fixtures.cli("month-2026-10.json"), full.getYear().findMonth(YearMonth.of(2026, 10)).get());
        Mirror.check(Fixtures.cli("period-2026-Q3.json"), full.getQuarters().get(2));
        // scores only: the same numbers
        HallYear lean = en.evaluateHallYear(sample, Detail.SCORES_ONLY);
        assertEquals(scores(full.getAnnual()), scores(lean.getAnnual()));
        for (int q = 0; q < 4; q++) assertEquals(scores(full.getQuarters().get(q)), scores(lean.getQuarters().get(q)));
        for (int i = 0; i < 12; i++) {
            MonthResult a = full.getYear().getMonths().get(i);
            MonthResult b = lean.getYear().getMonths().get(i);
            for (int w = 0; w < a.getWindows().size(); w++) {
                assertEquals(a.getWindows().get(w).getTotal(), b.getWindows().get(w).getTotal());
            }
        }
        // the year equals evaluatePeriod("2026")
        assertEquals(scores(en.evaluatePeriod(sample, "2026")), scores(full.getAnnual()));
    }

    private static List<String> scores(PeriodResult p) {
        List<String> out = new ArrayList<>();
        for (SubjectPeriod s : p.getWindows()) out.add(s.getSubject() + " " + s.getScore() + " " + s.getRank());
        for (SubjectPeriod s : p.getStaff()) out.add(s.getSubject() + " " + s.getScore() + " " + s.getRank());
        for (AwardResult a : p.getAwards()) out.add(a.getAward() + " " + a.getAwarded());
        for (DepartmentFeedback d : p.getDepartments()) out.add(d.getDepartment() + " " + d.getIndicator());
        return out;
    }

    @Test
    public void every_kind_of_input_gives_the_same_result() throws IOException {
        List<String> want = scores(en.evaluatePeriod(sample, "2026-Q3"));
        Path path = Fixtures.sample();
        assertEquals(want, scores(en.evaluatePeriod(path, "2026-Q3")));
        assertEquals(want, scores(en.evaluatePeriod(new ByteArrayInputStream(sample), "2026-Q3")));
        assertEquals(want, scores(en.evaluatePeriod(new String(sample, StandardCharsets.UTF_8), "2026-Q3")));
        en.validate(path);
        en.validate(sample);
        en.validate(new ByteArrayInputStream(sample));
        en.validate(new String(sample, StandardCharsets.UTF_8));
        YearResult y = en.evaluateYear(path);
        assertEquals(12, y.getMonths().size());
        String why = en.explain(path, "W26", YearMonth.of(2026, 10));
        assertTrue(why, why.contains("W26"));
    }
}
