package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One category of a subject's month: its maximum, the points taken (or added) and every line.
 * Immutable.
 */
public final class CategoryResult {
    private final String code;
    private final String name;
    private final BigDecimal max;
    private final BigDecimal points;
    private final BigDecimal score;
    private final List<Line> lines;
    private final String zeroedBy;

    private CategoryResult(JsonNode o) {
        this.code = Json.text(o, "code");
        this.name = Json.text(o, "name");
        this.max = Json.decimal(o, "max");
        this.points = Json.decimal(o, "points");
        this.score = Json.decimal(o, "score");
        this.lines = Json.optList(o, "lines", e -> Line.from(e));
        this.zeroedBy = Json.optText(o, "zeroed_by");
    }

    static CategoryResult from(JsonNode o) {
        return new CategoryResult(o);
    }

    /** The category's code, like {@code S1}. */
    public String getCode() {
        return code;
    }

    /** The category's name, like {@code 工作考勤}. */
    public String getName() {
        return name;
    }

    /** The category's maximum. */
    public BigDecimal getMax() {
        return max;
    }

    /** Points taken (deduction category) or added (bonus category), after caps. */
    public BigDecimal getPoints() {
        return points;
    }

    /** max − points for a deduction category; points for a bonus category. */
    public BigDecimal getScore() {
        return score;
    }

    /** Every line that moved the category, in the order applied (empty in scores-only results). */
    public List<Line> getLines() {
        return lines;
    }

    /** Set when a threshold zeroed the category, or null. */
    public String getZeroedBy() {
        return zeroedBy;
    }

    @Override
    public String toString() {
        return code + " " + score.toPlainString() + "/" + max.toPlainString();
    }
}
