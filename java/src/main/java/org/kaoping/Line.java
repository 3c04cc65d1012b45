package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * One contribution to a category: a record's occurrences, a monthly state, a derived score.
 * Immutable.
 */
public final class Line {
    private final String rule;
    private final String record;
    private final BigDecimal raw;
    private final BigDecimal points;
    private final String detail;
    private final int occurrences;
    private final Reason cut;

    private Line(JsonNode o) {
        this.rule = Json.text(o, "rule");
        this.record = Json.optText(o, "record");
        this.raw = Json.decimal(o, "raw");
        this.points = Json.decimal(o, "points");
        this.detail = Json.textOrEmpty(o, "detail");
        this.occurrences = Json.optInteger(o, "occurrences", 1);
        this.cut = Json.optCode(Reason.class, o, "cut");
    }

    static Line from(JsonNode o) {
        return new Line(o);
    }

    /** The rule item's code. */
    public String getRule() {
        return rule;
    }

    /** The record's id, or null for a state or a derived score. */
    public String getRecord() {
        return record;
    }

    /** Points before caps (of all its occurrences). */
    public BigDecimal getRaw() {
        return raw;
    }

    /** Points that counted. */
    public BigDecimal getPoints() {
        return points;
    }

    /** A human-readable account. */
    public String getDetail() {
        return detail;
    }

    /** The occurrences the line stands for (1 for a state or derived score). */
    public int getOccurrences() {
        return occurrences;
    }

    /** Why fewer points counted than raw, or null. */
    public Reason getCut() {
        return cut;
    }

    @Override
    public String toString() {
        return rule + (record == null ? "" : " " + record) + " " + points.toPlainString();
    }
}
