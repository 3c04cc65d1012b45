package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a period: a month, a quarter or a year ({@code schemas/period_result.schema.json}):
 * every subject's period score, ranks, award lists and department feedback, subjects in rank order.
 * Immutable.
 */
public final class PeriodResult {
    private final String policy;
    private final String hall;
    private final String period;
    private final PeriodKind kind;
    private final List<YearMonth> months;
    private final List<YearMonth> monthsWithoutData;
    private final List<SubjectPeriod> windows;
    private final List<SubjectPeriod> staff;
    private final List<AwardResult> awards;
    private final List<DepartmentFeedback> departments;

    private PeriodResult(JsonNode o) {
        this.policy = Json.text(o, "policy");
        this.hall = Json.text(o, "hall");
        this.period = Json.text(o, "period");
        this.kind = Json.code(PeriodKind.class, o, "kind");
        this.months = Json.list(o, "months", Json::yearMonth);
        this.monthsWithoutData = Json.optList(o, "months_without_data", Json::yearMonth);
        this.windows = Json.list(o, "windows", e -> SubjectPeriod.from(e));
        this.staff = Json.list(o, "staff", e -> SubjectPeriod.from(e));
        Map<String, String> names = Json.names(windows, staff);
        this.awards = Json.list(o, "awards", e -> AwardResult.from(e, names));
        this.departments = Json.list(o, "departments", e -> DepartmentFeedback.from(e));
    }

    static PeriodResult from(JsonNode o) {
        return new PeriodResult(o);
    }

    /** The policy's id. */
    public String getPolicy() {
        return policy;
    }

    /** The hall's id. */
    public String getHall() {
        return hall;
    }

    /** The period as written: {@code 2026-10}, {@code 2026-Q3} or {@code 2026}. */
    public String getPeriod() {
        return period;
    }

    /** Month, quarter or year. */
    public PeriodKind getKind() {
        return kind;
    }

    /** The period's months. */
    public List<YearMonth> getMonths() {
        return months;
    }

    /** Months of the period with no data at all. */
    public List<YearMonth> getMonthsWithoutData() {
        return monthsWithoutData;
    }

    /** Every window, in rank order. */
    public List<SubjectPeriod> getWindows() {
        return windows;
    }

    /** Every staff member, in rank order. */
    public List<SubjectPeriod> getStaff() {
        return staff;
    }

    /** The award lists (empty for a month), each standing with its subject's name. */
    public List<AwardResult> getAwards() {
        return awards;
    }

    /** Each department's windows and staff (P11) and indicator (P12). */
    public List<DepartmentFeedback> getDepartments() {
        return departments;
    }

    /** A window or staff member by id. */
    public Optional<SubjectPeriod> findSubject(String id) {
        for (SubjectPeriod s : windows) if (s.getSubject().equals(id)) return Optional.of(s);
        for (SubjectPeriod s : staff) if (s.getSubject().equals(id)) return Optional.of(s);
        return Optional.empty();
    }

    /** An award list by the award's id, like {@code "model_window"}. */
    public Optional<AwardResult> findAward(String award) {
        for (AwardResult a : awards) if (a.getAward().equals(award)) return Optional.of(a);
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "PeriodResult{" + hall + " " + period + ": " + windows.size() + " windows, " + staff.size() + " staff}";
    }
}
