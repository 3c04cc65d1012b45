package org.kaoping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

/**
 * Small halls built by hand, each expected number worked out from ../shared/spec/rules.md with the
 * arithmetic beside it (every hall starts at 100: see {@link Halls}). The numbers come from the
 * core through the C ABI; these tests check that they arrive exactly, in the right places.
 */
public class HandBuiltTest {
    private static Engine engine;

    @BeforeClass
    public static void open() {
        engine = Engine.builtin(Language.EN);
    }

    @AfterClass
    public static void close() {
        engine.close();
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static final YearMonth MAR = YearMonth.of(2026, 3);
    private static final YearMonth APR = YearMonth.of(2026, 4);
    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final YearMonth JUN = YearMonth.of(2026, 6);
    private static final YearMonth JUL = YearMonth.of(2026, 7);
    private static final YearMonth SEP = YearMonth.of(2026, 9);
    private static final YearMonth OCT = YearMonth.of(2026, 10);

    private static SubjectMonth subject(MonthResult r, String id) {
        return r.findSubject(id).orElseThrow(() -> new AssertionError(id + " not in " + r));
    }

    private static SubjectPeriod subject(PeriodResult r, String id) {
        return r.findSubject(id).orElseThrow(() -> new AssertionError(id + " not in " + r));
    }

    private static CategoryResult category(SubjectMonth s, String code) {
        return s.findCategory(code).orElseThrow(() -> new AssertionError(code + " not in " + s));
    }

    @Test
    public void lateness_over_30_minutes_is_two_points_and_moves_the_windows_w2() {
        ObjectNode ds = Halls.hall(2);
        Halls.rec(ds, "late45", "S1.1", "S01", "2026-10-09").put("minutes", 45);
        Halls.rec(ds, "late30", "S1.1", "S02", "2026-10-09").put("minutes", 30);
        MonthResult r = engine.evaluateMonth(Halls.bytes(ds), OCT);

        SubjectMonth s01 = subject(r, "S01");
        // S1.1 45 min → −2 (C6: more than 30); S1 = 20 − 2 = 18; total 100 − 2 = 98
        assertEquals(d("2"), category(s01, "S1").getPoints());
        assertEquals(d("18"), category(s01, "S1").getScore());
        assertEquals(d("98"), s01.getTotal());
        assertEquals("优秀", s01.getGrade()); // P10: ≥ 90
        assertEquals("员工1", s01.getName());
        // S1.1 30 min → −1 (C6: exactly 30 is not "more than 30"); total 100 − 1 = 99
        assertEquals(d("99"), subject(r, "S02").getTotal());

        // W2 = weighted mean of the staff's S1 ÷ 20 × 15: W01 has S01 alone, 18 / 20 × 15 = 13.5;
        // W2 points 15 − 13.5 = 1.5; total 100 − 1.5 = 98.5
        SubjectMonth w01 = subject(r, "W01");
        assertEquals(0, d("13.5").compareTo(category(w01, "W2").getScore()));
        assertEquals(0, d("98.5").compareTo(w01.getTotal()));
        // W02: 19 / 20 × 15 = 14.25; total 100 − 0.75 = 99.25
        assertEquals(0, d("99.25").compareTo(subject(r, "W02").getTotal()));

        RecordOutcome late = r.findRecord("late45").get();
        assertEquals(OutcomeKind.COUNTED, late.getOutcome());
        assertEquals(RecordStatus.CONFIRMED, late.getStatus());
        assertEquals(d("2"), late.getPoints());
        assertEquals(LocalDate.of(2026, 10, 9), late.getDate());
        assertNull(late.getReason());
        assertEquals(SubjectKind.STAFF, s01.getKind());
        assertEquals(Arrays.asList("W01"), ids(s01.getLinks()));
        assertEquals(31, s01.getLinks().get(0).getDays()); // October: 31 days at W01
    }

    private static List<String> ids(List<DaysLink> links) {
        List<String> out = new ArrayList<>();
        for (DaysLink l : links) out.add(l.getId());
        return out;
    }

    @Test
    public void a_category_never_goes_below_zero() {
        ObjectNode ds = Halls.hall(1);
        Halls.rec(ds, "bribe", "S2.5", "S01", "2026-03-10").put("count", 3);
        MonthResult r = engine.evaluateMonth(Halls.bytes(ds), MAR);
        SubjectMonth s01 = subject(r, "S01");
        // S2.5 −10 × 3 occurrences = 30 raw, but S2's max is 20 (C2): 10 + 10 count, the third
        // finds the category empty; S2 = 0; total 100 − 20 = 80 → 良好 (P10: ≥ 80)
        assertEquals(d("20"), category(s01, "S2").getPoints());
        assertEquals(0, BigDecimal.ZERO.compareTo(category(s01, "S2").getScore()));
        assertEquals(d("80"), s01.getTotal());
        assertEquals("良好", s01.getGrade());
        RecordOutcome o = r.findRecord("bribe").get();
        assertEquals(OutcomeKind.PARTLY_COUNTED, o.getOutcome());
        assertEquals(3, o.getOccurrences());
        assertEquals(2, o.getCountedOccurrences()); // E6: "2 of 3 counted"
        assertEquals(d("20"), o.getPoints());
        assertEquals(Reason.CATEGORY_EXHAUSTED, o.getReason());
        // W3 = S2 mean ÷ 20 × 15 = 0 / 20 × 15 = 0: W3 loses 15; total 100 − 15 = 85
        assertEquals(0, d("85").compareTo(subject(r, "W01").getTotal()));
    }

    @Test
    public void banners_stop_at_two_points_a_year() {
        ObjectNode ds = Halls.hall(1);
        for (int i = 1; i <= 5; i++) Halls.rec(ds, "b" + i, "SB.1", "S01", "2026-03-0" + (i + 1));
        Halls.rec(ds, "b6", "SB.1", "S01", "2026-04-02");
        YearResult y = engine.evaluateYear(Halls.bytes(ds));
        MonthResult mar = y.findMonth(MAR).get();
        // SB.1 +0.5 each, at most +2 a year: b1…b4 = 2; b5 not counted (yearly cap); total 100 + 2 = 102
        assertEquals(0, d("2").compareTo(subject(mar, "S01").getBonus()));
        assertEquals(0, d("102").compareTo(subject(mar, "S01").getTotal()));
        assertEquals(OutcomeKind.COUNTED, mar.findRecord("b4").get().getOutcome());
        assertEquals(Reason.YEAR_CAP, mar.findRecord("b5").get().getReason());
        assertEquals(OutcomeKind.NOT_COUNTED, mar.findRecord("b5").get().getOutcome());
        // April: the year's 2 are used up: b6 not counted; total 100
        MonthResult apr = y.findMonth(APR).get();
        assertEquals(Reason.YEAR_CAP, apr.findRecord("b6").get().getReason());
        assertEquals(0, d("100").compareTo(subject(apr, "S01").getTotal()));
        assertEquals(12, y.getMonths().size());
        assertEquals(2026, y.getYear());
    }

    @Test
    public void bonus_is_at_most_ten_a_month() {
        ObjectNode ds = Halls.hall(1);
        for (int i = 1; i <= 6; i++) Halls.rec(ds, "idea" + i, "SB.4", "S01", "2026-05-0" + i);
        MonthResult r = engine.evaluateMonth(Halls.bytes(ds), MAY);
        // SB.4 +2 × 6 = 12 raw; C3: at most 10 a month → bonus 10; total 100 + 10 = 110
        SubjectMonth s01 = subject(r, "S01");
        assertEquals(0, d("10").compareTo(s01.getBonus()));
        assertEquals(0, d("110").compareTo(s01.getTotal()));
        // idea1…idea5 = 10; idea6 is cut by the monthly bonus cap
        assertEquals(Reason.BONUS_CAP, r.findRecord("idea6").get().getReason());
    }

    @Test
    public void worked_example_1_w2_with_a_mover() {
        // rules.md worked example 1: window K, staff X all month; Y moves from L to K on 11 September
        // and has three S1.1 records of 10 minutes on the 15th; Z at L all month.
        ObjectNode ds = Halls.empty();
        Halls.window(ds, "K", "窗口K", "D1", "X");
        Halls.window(ds, "L", "窗口L", "D2", "Z");
        Halls.staff(ds, "X", "员工X", "K");
        Halls.staff(ds, "Z", "员工Z", "L");
        Halls.staffMoving(ds, "Y", "员工Y", new String[] {"L", null, "2026-09-10"}, new String[] {"K", "2026-09-11", null});
        for (int i = 1; i <= 3; i++) Halls.rec(ds, "y" + i, "S1.1", "Y", "2026-09-15").put("minutes", 10);
        MonthResult r = engine.evaluateMonth(Halls.bytes(ds), SEP);
        // Y: S1.1 −1 × 3; S1 = 20 − 3 = 17; total 97
        assertEquals(d("17"), category(subject(r, "Y"), "S1").getScore());
        // K: X 30 days at 20, Y 20 days at 17: W2 = (30·20 + 20·17) / 50 / 20 · 15 = 18.8 / 20 · 15 = 14.10
        SubjectMonth k = subject(r, "K");
        assertEquals(0, d("14.10").compareTo(category(k, "W2").getScore()));
        assertEquals(0, d("99.10").compareTo(k.getTotal())); // 100 − (15 − 14.10)
        // L: Z 30 days at 20, Y 10 days at 17: W2 = (30·20 + 10·17) / 40 / 20 · 15 = 14.4375 → 14.44 (C11)
        SubjectMonth l = subject(r, "L");
        assertEquals(0, d("14.44").compareTo(category(l, "W2").getScore()));
        assertEquals(0, d("99.44").compareTo(l.getTotal()));
        // the days behind the weights
        int yDaysAtK = -1;
        for (DaysLink link : k.getLinks()) if (link.getId().equals("Y")) yDaysAtK = link.getDays();
        assertEquals(20, yDaysAtK);
    }

    @Test
    public void worked_example_2_complaints_over_a_year() {
        // rules.md worked example 2: window M with staff P and Q; S5.1 records
        // P 8 Jan (2), Q 20 Jan (3), P 2 Apr (2), Q 3 Jun (2), P 9 Jun (4).
        ObjectNode ds = Halls.empty();
        Halls.window(ds, "M", "窗口M", "D1", "P");
        Halls.staff(ds, "P", "员工P", "M");
        Halls.staff(ds, "Q", "员工Q", "M");
        Halls.rec(ds, "c1", "S5.1", "P", "2026-01-08").put("points", "2");
        Halls.rec(ds, "c2", "S5.1", "Q", "2026-01-20").put("points", "3");
        Halls.rec(ds, "c3", "S5.1", "P", "2026-04-02").put("points", "2");
        Halls.rec(ds, "c4", "S5.1", "Q", "2026-06-03").put("points", "2");
        Halls.rec(ds, "c5", "S5.1", "P", "2026-06-09").put("points", "4");
        HallYear hy = engine.evaluateHallYear(Halls.bytes(ds), Detail.FULL);

        MonthResult jan = hy.getYear().findMonth(YearMonth.of(2026, 1)).get();
        // January: W6 = 20 − 2 − 3 = 15; total 95
        assertEquals(d("15"), category(subject(jan, "M"), "W6").getScore());
        assertEquals(d("95"), subject(jan, "M").getTotal());
        // June: the window's fifth complaint of the year: W6 = 0; total 80
        MonthResult jun = hy.getYear().findMonth(JUN).get();
        assertEquals(0, BigDecimal.ZERO.compareTo(category(subject(jun, "M"), "W6").getScore()));
        assertEquals(d("80"), subject(jun, "M").getTotal());
        // Q1 = (95 + 100 + 100) / 3 = 98.333… → 98.33; Q2 = (98 + 100 + 80) / 3 = 92.666… → 92.67
        assertEquals(d("98.33"), subject(hy.getQuarters().get(0), "M").getScore());
        assertEquals(d("92.67"), subject(hy.getQuarters().get(1), "M").getScore());
        // the year counts W6 as 0 in every month: 12 × 80 / 12 = 80
        assertEquals(0, d("80").compareTo(subject(hy.getAnnual(), "M").getScore()));
        assertEquals(PeriodKind.YEAR, hy.getAnnual().getKind());
        // Staff in June: P's third complaint of the year → S5 = 0 and the reassignment flag;
        // Q's second of the year (one in June) → S5 = 20 − 2 = 18
        SubjectMonth p = subject(jun, "P");
        assertEquals(0, BigDecimal.ZERO.compareTo(category(p, "S5").getScore()));
        boolean flagged = false;
        for (Flag f : p.getFlags()) flagged |= f.getCode().equals("recommend_reassignment");
        assertTrue("P carries recommend_reassignment: " + p.getFlags(), flagged);
        assertEquals(d("18"), category(subject(jun, "Q"), "S5").getScore());

        // The scores-only form has the same numbers.
        HallYear lean = engine.evaluateHallYear(Halls.bytes(ds), Detail.SCORES_ONLY);
        assertEquals(d("92.67"), subject(lean.getQuarters().get(1), "M").getScore());
        assertEquals(d("80"), subject(lean.getYear().findMonth(JUN).get(), "M").getTotal());
        assertTrue(category(subject(lean.getYear().findMonth(JUN).get(), "M"), "W6").getLines().isEmpty());
    }

    @Test
    public void worked_example_3_the_same_article_across_months() {
        // rules.md worked example 3 (E4): SB.2 records of staff R with key A: city on 5 March,
        // province on 6 May, city on 7 July.
        ObjectNode ds = Halls.hall(1);
        Halls.rec(ds, "a-mar", "SB.2", "S01", "2026-03-05").put("level", "city").put("key", "A");
        Halls.rec(ds, "a-may", "SB.2", "S01", "2026-05-06").put("level", "province").put("key", "A");
        Halls.rec(ds, "a-jul", "SB.2", "S01", "2026-07-07").put("level", "city").put("key", "A");
        YearResult y = engine.evaluateYear(Halls.bytes(ds));
        // March +1 (city)
        assertEquals(0, d("1").compareTo(subject(y.findMonth(MAR).get(), "S01").getBonus()));
        // May +1: the top-up from city 1 to province 2
        assertEquals(0, d("1").compareTo(subject(y.findMonth(MAY).get(), "S01").getBonus()));
        // July 0: already counted at a higher level
        MonthResult jul = y.findMonth(JUL).get();
        assertEquals(0, BigDecimal.ZERO.compareTo(subject(jul, "S01").getBonus()));
        assertEquals(Reason.ALREADY_COUNTED, jul.findRecord("a-jul").get().getReason());
    }

    @Test
    public void a_quarter_is_the_mean_of_its_months() {
        ObjectNode ds = Halls.hall(1);
        Halls.rec(ds, "r1", "W1.3", "W01", "2026-09-05");
        PeriodResult q3 = engine.evaluatePeriod(Halls.bytes(ds), "2026-Q3");
        SubjectPeriod w = subject(q3, "W01");
        // W1.3 −2 in September: totals 100, 100, 98 → (100 + 100 + 98) / 3 = 99.333… → 99.33 (C11)
        assertEquals(d("99.33"), w.getScore());
        assertEquals(3, w.getMonthsEvaluated());
        // E8: deductions Σ (100 − base) = 2
        assertEquals(0, d("2").compareTo(w.getDeductions()));
        assertEquals(0, d("98").compareTo(w.getMonthly().get(2).getTotal()));
        assertEquals(SEP, w.getMonthly().get(2).getMonth());
        assertEquals(Arrays.asList(JUL, YearMonth.of(2026, 8), SEP), q3.getMonths());
        assertEquals(PeriodKind.QUARTER, q3.getKind());
        assertEquals("2026-Q3", q3.getPeriod());
    }

    @Test
    public void equal_scores_share_a_rank_and_standings_carry_names() {
        ObjectNode ds = Halls.hall(4);
        Halls.rec(ds, "a", "W1.3", "W01", "2026-01-05");
        Halls.rec(ds, "b", "W1.2", "W04", "2026-01-05");
        PeriodResult q1 = engine.evaluatePeriod(Halls.bytes(ds), "2026-Q1");
        // W01 (98 + 100 + 100) / 3 = 99.33; W04 (97 + 100 + 100) / 3 = 99; W02, W03 100
        // P8: 100, 100, 99.33, 99 → ranks 1, 1, 3, 4
        List<String> order = new ArrayList<>();
        for (SubjectPeriod w : q1.getWindows()) order.add(w.getSubject() + "=" + w.getRank() + "@" + w.getScore().toPlainString());
        assertEquals(Arrays.asList("W02=1@100", "W03=1@100", "W01=3@99.33", "W04=4@99"), order);
        // department ranks: D1 = W01, W03 → W03 1, W01 2; D2 = W02, W04 → W02 1, W04 2
        assertEquals(1, subject(q1, "W03").getDepartmentRank());
        assertEquals(2, subject(q1, "W01").getDepartmentRank());
        assertEquals(1, subject(q1, "W02").getDepartmentRank());
        assertEquals(2, subject(q1, "W04").getDepartmentRank());
        // P4: 10% of 4 = 0.4 → 0: nobody is awarded, and every standing has its window's name
        AwardResult mw = q1.findAward("model_window").get();
        assertEquals(0, mw.getQuota());
        assertTrue(mw.getAwarded().isEmpty());
        for (Standing s : mw.getStandings()) {
            assertEquals(AwardStatus.QUOTA_FULL, s.getStatus());
            assertEquals("窗口" + Integer.parseInt(s.getSubject().substring(1)), s.getName());
        }
        assertEquals("一局", q1.getDepartments().get(0).getName());
    }

    @Test
    public void quotas_round_down() {
        byte[] ds = Halls.bytes(Halls.hall(31));
        // P4/P5: 10% of 31 = 3.1 → 3
        List<AwardResult> q1 = engine.awards(ds, "2026-Q1");
        assertEquals(2, q1.size());
        for (AwardResult a : q1) {
            assertEquals(31, a.getParticipants());
            assertEquals(3, a.getQuota());
            assertEquals(31, a.getStandings().size());
            for (Standing s : a.getStandings()) assertTrue(s.getName(), s.getName().startsWith(a.getSubject() == SubjectKind.WINDOW ? "窗口" : "员工"));
        }
        // P6: 15% of 31 = 4.65 → 4 for the year
        AwardResult year = engine.awards(ds, "2026").get(0);
        assertEquals("model_window", year.getAward());
        assertEquals(4, year.getQuota());
        // a month has no award lists
        assertTrue(engine.awards(ds, "2026-01").isEmpty());
    }

    @Test
    public void the_quota_goes_to_the_best_and_a_tie_across_the_line_is_left_to_the_centre() {
        // Ten windows; all but W03 lose 2 in January: W03 (100 + 100 + 100) / 3 = 100, the others
        // (98 + 100 + 100) / 3 = 99.33. P4: 10% of 10 = 1 → W03 alone.
        ObjectNode ds = Halls.hall(10);
        for (int i = 1; i <= 10; i++) if (i != 3) Halls.rec(ds, "m" + i, "W1.3", String.format("W%02d", i), "2026-01-05");
        AwardResult mw = engine.evaluatePeriod(Halls.bytes(ds), "2026-Q1").findAward("model_window").get();
        assertEquals(1, mw.getQuota());
        assertEquals(Arrays.asList("W03"), mw.getAwarded());
        Standing w03 = mw.getWinners().get(0);
        assertEquals("窗口3", w03.getName());
        assertEquals(0, d("100").compareTo(w03.getScore()));
        assertEquals(1, w03.getRank());
        assertEquals(AwardStatus.AWARDED, w03.getStatus());
        assertEquals(d("99.33"), mw.getStandings().get(1).getScore());

        // W03 and W05 both 100 with equal tie-breakers (no deductions, complaints or bonus):
        // P9: tied across the line, neither is awarded; both listed for the centre to decide.
        ObjectNode tie = Halls.hall(10);
        for (int i = 1; i <= 10; i++) if (i != 3 && i != 5) Halls.rec(tie, "m" + i, "W1.3", String.format("W%02d", i), "2026-01-05");
        AwardResult t = engine.evaluatePeriod(Halls.bytes(tie), "2026-Q1").findAward("model_window").get();
        assertTrue(t.getAwarded().isEmpty());
        assertEquals(Arrays.asList("W03", "W05"), t.getTiedAtLine());
        assertEquals(AwardStatus.TIE_AT_QUOTA_LINE, t.getStandings().get(0).getStatus());
        assertEquals("窗口5", t.getStandings().get(1).getName());
    }

    @Test
    public void a_window_without_a_head_loses_two_points_every_month() {
        ObjectNode ds = Halls.empty();
        Halls.window(ds, "W01", "无负责人窗口", "D1", null);
        Halls.staff(ds, "S01", "员工1", "W01");
        MonthResult r = engine.evaluateMonth(Halls.bytes(ds), OCT);
        // W1.1: no designated head → −2 (a state: once a month); total 100 − 2 = 98
        assertEquals(d("2"), category(subject(r, "W01"), "W1").getPoints());
        assertEquals(d("98"), subject(r, "W01").getTotal());
        Line line = category(subject(r, "W01"), "W1").getLines().get(0);
        assertEquals("W1.1", line.getRule());
        assertNull(line.getRecord());
        assertEquals(1, line.getOccurrences());
    }

    @Test
    public void explain_tells_how_points_were_lost_in_either_language() {
        ObjectNode ds = Halls.hall(1);
        Halls.rec(ds, "late45", "S1.1", "S01", "2026-10-09").put("minutes", 45);
        String en = engine.explain(Halls.bytes(ds), "S01", OCT);
        assertTrue(en, en.contains("S1.1") && en.contains("late45"));
        try (Engine zh = engine.withLanguage(Language.ZH_CN)) {
            assertEquals(Language.ZH_CN, zh.getLanguage());
            String text = zh.explain(Halls.bytes(ds), "S01", OCT);
            assertTrue(text, text.contains("员工1") && text.contains("S1.1"));
            // the same numbers in both languages, different texts
            ObjectNode h = Halls.hall(10);
            for (int i = 1; i <= 10; i++) if (i != 3) Halls.rec(h, "m" + i, "W1.3", String.format("W%02d", i), "2026-01-05");
            Standing a = engine.awards(Halls.bytes(h), "2026-Q1").get(0).getStandings().get(0);
            Standing b = zh.awards(Halls.bytes(h), "2026-Q1").get(0).getStandings().get(0);
            assertEquals(a.getScore(), b.getScore());
            assertFalse(a.getDetail(), hasHan(a.getDetail()));
            assertTrue(b.getDetail(), hasHan(b.getDetail()));
        }
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
