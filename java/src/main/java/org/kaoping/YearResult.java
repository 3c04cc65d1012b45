package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Every month of a dataset's year ({@code schemas/year_result.schema.json}).
 * Immutable.
 */
public final class YearResult {
    private final String policy;
    private final String hall;
    private final int year;
    private final List<MonthResult> months;

    private YearResult(JsonNode o) {
        this.policy = Json.text(o, "policy");
        this.hall = Json.text(o, "hall");
        this.year = Json.integer(o, "year");
        this.months = Json.list(o, "months", e -> MonthResult.from(e));
    }

    static YearResult from(JsonNode o) {
        return new YearResult(o);
    }

    /** The policy's id. */
    public String getPolicy() {
        return policy;
    }

    /** The hall's id. */
    public String getHall() {
        return hall;
    }

    /** The year. */
    public int getYear() {
        return year;
    }

    /** The month results, January first. */
    public List<MonthResult> getMonths() {
        return months;
    }

    /** A month's result. */
    public Optional<MonthResult> findMonth(YearMonth month) {
        for (MonthResult m : months) if (m.getMonth().equals(month)) return Optional.of(m);
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "YearResult{" + hall + " " + year + ", " + months.size() + " months}";
    }
}
