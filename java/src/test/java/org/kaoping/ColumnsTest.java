package org.kaoping;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * The hall-year as columns ({@code KP_COLUMNS}, {@link HallYearColumns}) holds the same numbers as
 * the typed scores-only hall-year of the sample hall: every subject-month's base, bonus, total,
 * grade and categories, every period row's score, grade, ranks, deductions, bonus and complaints,
 * every award standing — row for row, in the same order, decimals equal as BigDecimal (the same
 * digits, not only the same value).
 */
public class ColumnsTest {
    private static Engine en;
    private static byte[] sample;
    private static HallYear lean;
    private static HallYearColumns cols;

    @BeforeClass
    public static void open() throws IOException {
        en = Engine.builtin(Language.EN);
        sample = Fixtures.sampleBytes();
        lean = en.evaluateHallYear(sample, Detail.SCORES_ONLY);
        cols = en.evaluateHallYearColumns(sample);
    }

    @AfterClass
    public static void close() {
        en.close();
    }

    @Test
    public void the_header_and_the_subjects() {
        assertEquals(HallYearColumns.FORMAT, cols.getFormat());
        assertEquals(lean.getYear().getPolicy(), cols.getPolicy());
        assertEquals(lean.getYear().getHall(), cols.getHall());
        assertEquals(lean.getYear().getYear(), cols.getYear());
        // every subject of every month, with kind, name and department, in the order first met
        Set<String> want = new LinkedHashSet<>();
        for (MonthResult m : lean.getYear().getMonths()) {
            for (SubjectMonth s : all(m)) want.add(s.getSubject() + "|" + s.getKind() + "|" + s.getName() + "|" + s.getDepartment());
        }
        List<String> got = new ArrayList<>();
        for (HallYearColumns.Subject s : cols.getSubjects().asList()) {
            got.add(s.getId() + "|" + s.getKind() + "|" + s.getName() + "|" + s.getDepartment());
            assertEquals(s.getIndex(), cols.getSubjects().indexOf(s.getId()));
        }
        assertEquals(new ArrayList<>(want), got);
        assertEquals(150, got.size());
        assertEquals(-1, cols.getSubjects().indexOf("nobody"));
        assertEquals("W01", cols.findSubject("W01").get().getId());
        assertTrue(cols.findSubject("nobody").isEmpty());
    }

    @Test
    public void every_subject_month_and_category_equals_the_typed_result() {
        List<String> want = new ArrayList<>();
        List<String> wantCategories = new ArrayList<>();
        for (MonthResult m : lean.getYear().getMonths()) {
            for (SubjectMonth s : all(m)) {
                want.add(m.getMonth() + " " + s.getSubject() + " " + s.getBase() + " " + s.getBonus() + " " + s.getTotal() + " " + s.getGrade());
                List<CategoryResult> cs = new ArrayList<>(s.getCategories());
                cs.addAll(s.getBonuses());
                for (CategoryResult c : cs) {
                    wantCategories.add(m.getMonth() + " " + s.getSubject() + " " + c.getCode() + " " + c.getPoints() + " " + c.getScore());
                }
            }
        }
        HallYearColumns.Months ms = cols.getMonths();
        List<String> got = new ArrayList<>();
        for (int r = 0; r < ms.size(); r++) {
            got.add(ms.yearMonth(r) + " " + ms.subjectOf(r).getId() + " " + ms.base(r) + " " + ms.bonus(r) + " " + ms.total(r) + " " + ms.gradeOf(r));
        }
        assertEquals(want, got);
        HallYearColumns.Categories cs = cols.getCategories();
        List<String> gotCategories = new ArrayList<>();
        for (int r = 0; r < cs.size(); r++) {
            gotCategories.add(cols.getYear() + "-" + String.format("%02d", cs.month(r)) + " " + cs.subjectOf(r).getId() + " "
                    + cs.categoryOf(r) + " " + cs.points(r) + " " + cs.score(r));
        }
        assertEquals(wantCategories, gotCategories);
        // 1720 subject-months; each window has 6 categories and a bonus, each staff member 5 and a bonus
        assertEquals(1720, ms.size());
        assertTrue(cs.size() > 6 * 1720);
        // the decimals are the same objects' values and scales (equals, not only compareTo)
        for (int r = 0; r < ms.size(); r++) {
            SubjectMonth s = lean.getYear().findMonth(ms.yearMonth(r)).get().findSubject(ms.subjectOf(r).getId()).get();
            assertEquals(s.getTotal(), ms.total(r));
            assertEquals(s.getTotal().scale(), ms.total(r).scale());
        }
    }

    @Test
    public void every_period_row_equals_the_typed_result() {
        List<PeriodResult> periods = new ArrayList<>(lean.getQuarters());
        periods.add(lean.getAnnual());
        List<String> want = new ArrayList<>();
        for (PeriodResult p : periods) {
            for (SubjectPeriod s : allPeriod(p)) {
                want.add(p.getPeriod() + " " + s.getSubject() + " " + s.getScore() + " " + s.getGrade() + " " + s.getRank() + " "
                        + s.getDepartmentRank() + " " + s.getMonthsEvaluated() + " " + s.getDeductions() + " " + s.getBonus() + " " + s.getComplaints());
            }
        }
        HallYearColumns.Periods ps = cols.getPeriods();
        List<String> got = new ArrayList<>();
        for (int r = 0; r < ps.size(); r++) {
            got.add(ps.period(r) + " " + ps.subjectOf(r).getId() + " " + ps.score(r) + " " + ps.gradeOf(r) + " " + ps.rank(r) + " "
                    + ps.departmentRank(r) + " " + ps.monthsEvaluated(r) + " " + ps.deductions(r) + " " + ps.bonus(r) + " " + ps.complaints(r));
        }
        // the sample's policy awards no month, so the periods are the four quarters and the year
        assertEquals(want, got);
        assertEquals(Arrays.asList("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"), new ArrayList<>(new LinkedHashSet<>(ps.periodColumn())));
    }

    @Test
    public void every_standing_equals_the_typed_result() {
        List<PeriodResult> periods = new ArrayList<>(lean.getQuarters());
        periods.add(lean.getAnnual());
        List<String> want = new ArrayList<>();
        for (PeriodResult p : periods) {
            for (AwardResult a : p.getAwards()) {
                for (Standing s : a.getStandings()) {
                    want.add(p.getPeriod() + " " + a.getAward() + " " + s.getSubject() + " " + s.getRank() + " " + s.getScore() + " " + s.getStatus());
                }
            }
        }
        HallYearColumns.Standings st = cols.getStandings();
        List<String> got = new ArrayList<>();
        for (int r = 0; r < st.size(); r++) {
            got.add(st.period(r) + " " + st.awardOf(r) + " " + st.subjectOf(r).getId() + " " + st.rank(r) + " " + st.score(r) + " " + st.status(r));
        }
        assertEquals(want, got);
        assertTrue(got.size() > 700);
        // the awarded of the year's model windows, as the typed result lists them
        List<String> awarded = new ArrayList<>();
        for (int r = 0; r < st.size(); r++) {
            if (st.period(r).equals("2026") && st.awardOf(r).equals("model_window") && st.status(r) == AwardStatus.AWARDED) {
                awarded.add(st.subjectOf(r).getId());
            }
        }
        assertEquals(lean.getAnnual().findAward("model_window").get().getAwarded(), awarded);
    }

    @Test
    public void every_kind_of_input_gives_the_same_columns_and_the_json_reads_the_same() throws IOException {
        String want = digest(cols);
        assertEquals(want, digest(en.evaluateHallYearColumns(Fixtures.sample())));
        assertEquals(want, digest(en.evaluateHallYearColumns(new ByteArrayInputStream(sample))));
        assertEquals(want, digest(en.evaluateHallYearColumns(new String(sample, StandardCharsets.UTF_8))));
        byte[] json = en.evaluateHallYearColumnsJson(sample);
        assertTrue(new String(json, 0, 40, StandardCharsets.UTF_8), new String(json, StandardCharsets.UTF_8).startsWith("{\"format\":\"kaoping-columns/1\""));
        assertEquals(want, digest(HallYearColumns.parse(json)));
        // the scores-only JSON reads into the same typed hall-year as evaluateHallYear
        HallYear again = HallYear.parse(en.evaluateHallYearJson(sample, Detail.SCORES_ONLY));
        assertEquals(lean.getAnnual().getWindows().get(0).getScore(), again.getAnnual().getWindows().get(0).getScore());
        // the columns are an eighth of the scores-only JSON, or less
        int scoresOnly = en.evaluateHallYearJson(sample, Detail.SCORES_ONLY).length;
        assertTrue(json.length + " vs " + scoresOnly, json.length * 6 < scoresOnly);
    }

    @Test
    public void the_columns_are_immutable() {
        try {
            cols.getMonths().totalColumn().set(0, BigDecimal.ZERO);
            fail("a column was modified");
        } catch (UnsupportedOperationException expected) {
            // as it should be
        }
        try {
            cols.getPeriods().rankColumn().set(0, 7);
            fail("a column was modified");
        } catch (UnsupportedOperationException expected) {
            // as it should be
        }
        try {
            cols.getTexts().add("x");
            fail("the texts were modified");
        } catch (UnsupportedOperationException expected) {
            // as it should be
        }
        try {
            cols.getSubjects().asList().clear();
            fail("the subjects were modified");
        } catch (UnsupportedOperationException expected) {
            // as it should be
        }
        assertEquals(cols.getMonths().size(), cols.getMonths().totalColumn().size());
        assertEquals(cols.getMonths().total(5), cols.getMonths().totalColumn().get(5));
        assertEquals(Integer.valueOf(cols.getStandings().rank(3)), cols.getStandings().rankColumn().get(3));
    }

    @Test
    public void other_json_is_refused() {
        for (String bad : new String[] {
            "{\"year\": {}, \"quarters\": [], \"annual\": {}}",
            "{\"format\": \"kaoping-columns/2\"}",
            "[1, 2]",
        }) {
            try {
                HallYearColumns.parse(bad.getBytes(StandardCharsets.UTF_8));
                fail("read " + bad);
            } catch (IllegalStateException expected) {
                assertNotNull(expected.getMessage());
            }
        }
        // a column shorter than its table, and an index beyond its table
        String good = new String(en.evaluateHallYearColumnsJson(sample), StandardCharsets.UTF_8);
        for (String bad : new String[] {
            good.replace("\"total\":[\"", "\"total\":[\"1\",\""),
            good.replace("\"grade\":[0,", "\"grade\":[99,"),
        }) {
            assertTrue(!bad.equals(good));
            try {
                HallYearColumns.parse(bad.getBytes(StandardCharsets.UTF_8));
                fail("read a broken table");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().contains("months"));
            }
        }
    }

    private static String digest(HallYearColumns c) {
        StringBuilder b = new StringBuilder(c.toString());
        b.append(c.getMonths().totalColumn()).append(c.getCategories().pointsColumn()).append(c.getPeriods().scoreColumn())
                .append(c.getStandings().statusColumn()).append(c.getTexts());
        return b.toString();
    }

    private static List<SubjectMonth> all(MonthResult m) {
        List<SubjectMonth> out = new ArrayList<>(m.getWindows());
        out.addAll(m.getStaff());
        return out;
    }

    private static List<SubjectPeriod> allPeriod(PeriodResult p) {
        List<SubjectPeriod> out = new ArrayList<>(p.getWindows());
        out.addAll(p.getStaff());
        return out;
    }
}
