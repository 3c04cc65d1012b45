package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A hall's whole year: the twelve months, the four quarters and the year.
 * Immutable.
 */
public final class HallYear {
    private final YearResult year;
    private final List<PeriodResult> quarters;
    private final PeriodResult annual;

    private HallYear(JsonNode o) {
        this.year = YearResult.from(Json.field(o, "year"));
        this.quarters = Json.list(o, "quarters", e -> PeriodResult.from(e));
        this.annual = PeriodResult.from(Json.field(o, "annual"));
    }

    static HallYear from(JsonNode o) {
        return new HallYear(o);
    }

    /**
     * Reads a hall-year's JSON, as {@link Engine#evaluateHallYearJson(byte[], Detail)} returns it
     * ({@code {"year": …, "quarters": […], "annual": …}}).
     *
     * @throws IllegalStateException for JSON of another shape (a library of another version)
     */
    public static HallYear parse(byte[] json) {
        return from(Json.parse(json));
    }

    /** The twelve month results. */
    public YearResult getYear() {
        return year;
    }

    /** The four quarters' period results. */
    public List<PeriodResult> getQuarters() {
        return quarters;
    }

    /** The year's period result (scores, ranks, awards, department indicators). */
    public PeriodResult getAnnual() {
        return annual;
    }

    @Override
    public String toString() {
        return "HallYear{" + year + ", " + quarters.size() + " quarters}";
    }
}
