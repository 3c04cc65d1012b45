package org.kaoping;

import org.junit.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/** Issue 23's city measure (examples/policies/city.json): the fields only other measures write. */
public class OtherMeasuresTest {
    private static Path city() {
        Path here = Path.of("examples/policies/city.json");
        return Files.exists(here) ? here : Path.of("..").resolve("examples/policies/city.json");
    }

    @Test
    public void a_roll_up_and_no_grade_decode() throws Exception {
        // S01 and S02 all year, S03 from September (4 months); S01's year-end appraisal 80
        String ds = "{\"hall\": {\"id\": \"ZZ\", \"name\": \"ZZ市政务服务中心\"}, \"year\": 2026,"
                + " \"departments\": [{\"id\": \"D1\", \"name\": \"市场监管局\"}],"
                + " \"windows\": [{\"id\": \"W01\", \"name\": \"W01\", \"department\": \"D1\"}],"
                + " \"staff\": [{\"id\": \"S01\", \"name\": \"S01\", \"assignments\": [{\"window\": \"W01\"}]},"
                + " {\"id\": \"S02\", \"name\": \"S02\", \"assignments\": [{\"window\": \"W01\"}]},"
                + " {\"id\": \"S03\", \"name\": \"S03\", \"assignments\": [{\"window\": \"W01\", \"from\": \"2026-09-01\"}]}],"
                + " \"records\": [], \"inputs\": [{\"subject\": \"S01\", \"period\": \"2026\", \"name\": \"annual_appraisal\", \"value\": \"80\"}]}";
        try (Engine engine = Engine.fromPolicy(city())) {
            PeriodResult year = engine.evaluatePeriod(ds, "2026");
            SubjectPeriod s01 = year.getStaff().stream().filter(s -> s.getSubject().equals("S01")).findFirst().get();
            // V9: 0.8 × 1200/12 + 0.2 × 80 = 80 + 16 = 96, and how it was composed
            assertEquals(0, new BigDecimal("96").compareTo(s01.getScore()));
            assertNotNull(s01.getScoreDetail());
            SubjectPeriod s03 = year.getStaff().stream().filter(s -> s.getSubject().equals("S03")).findFirst().get();
            // V16: 4 months in post, fewer than the measure's 6: no grade, and why
            assertEquals("不定等次", s03.getGrade());
            assertTrue(s03.getGradeDetail() != null && !s03.getGradeDetail().isEmpty());
        }
    }
}
