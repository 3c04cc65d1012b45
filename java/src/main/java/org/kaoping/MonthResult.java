package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The result of one month ({@code schemas/result.schema.json}): every evaluated window and staff
 * member, and the outcome of every record dated in the month.
 * Immutable.
 */
public final class MonthResult {
    private final String policy;
    private final String hall;
    private final YearMonth month;
    private final List<SubjectMonth> windows;
    private final List<SubjectMonth> staff;
    private final List<RecordOutcome> records;
    private final List<Warning> warnings;

    private MonthResult(JsonNode o) {
        this.policy = Json.text(o, "policy");
        this.hall = Json.text(o, "hall");
        this.month = Json.yearMonth(o, "month");
        this.windows = Json.list(o, "windows", e -> SubjectMonth.from(e));
        this.staff = Json.list(o, "staff", e -> SubjectMonth.from(e));
        this.records = Json.list(o, "records", e -> RecordOutcome.from(e));
        this.warnings = Json.list(o, "warnings", e -> Warning.from(e));
    }

    static MonthResult from(JsonNode o) {
        return new MonthResult(o);
    }

    /** The policy's id. */
    public String getPolicy() {
        return policy;
    }

    /** The hall's id. */
    public String getHall() {
        return hall;
    }

    /** The month. */
    public YearMonth getMonth() {
        return month;
    }

    /** Every evaluated window, in the dataset's order. */
    public List<SubjectMonth> getWindows() {
        return windows;
    }

    /** Every evaluated staff member, in the dataset's order. */
    public List<SubjectMonth> getStaff() {
        return staff;
    }

    /** One outcome per record dated in the month, in date then id order. */
    public List<RecordOutcome> getRecords() {
        return records;
    }

    /** Problems that did not stop the evaluation (a window-month without metrics, …). */
    public List<Warning> getWarnings() {
        return warnings;
    }

    /** A window or staff member by id. */
    public Optional<SubjectMonth> findSubject(String id) {
        for (SubjectMonth s : windows) if (s.getSubject().equals(id)) return Optional.of(s);
        for (SubjectMonth s : staff) if (s.getSubject().equals(id)) return Optional.of(s);
        return Optional.empty();
    }

    /** A record's outcome by record id. */
    public Optional<RecordOutcome> findRecord(String id) {
        for (RecordOutcome r : records) if (r.getRecord().equals(id)) return Optional.of(r);
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "MonthResult{" + hall + " " + month + ": " + windows.size() + " windows, " + staff.size() + " staff, " + records.size() + " records}";
    }
}
