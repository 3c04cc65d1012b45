package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A subject and item a record was charged to.
 * Immutable.
 */
public final class Charge {
    private final String subject;
    private final String rule;
    private final int occurrences;
    private final int countedOccurrences;
    private final BigDecimal raw;
    private final BigDecimal points;
    private final Reason reason;

    private Charge(JsonNode o) {
        this.subject = Json.text(o, "subject");
        this.rule = Json.text(o, "rule");
        this.occurrences = Json.integer(o, "occurrences");
        this.countedOccurrences = Json.integer(o, "counted_occurrences");
        this.raw = Json.decimal(o, "raw");
        this.points = Json.decimal(o, "points");
        this.reason = Json.optCode(Reason.class, o, "reason");
    }

    static Charge from(JsonNode o) {
        return new Charge(o);
    }

    /** The window or staff member charged. */
    public String getSubject() {
        return subject;
    }

    /** The rule item charged. */
    public String getRule() {
        return rule;
    }

    /** Occurrences charged. */
    public int getOccurrences() {
        return occurrences;
    }

    /** Occurrences that counted. */
    public int getCountedOccurrences() {
        return countedOccurrences;
    }

    /** Points before caps. */
    public BigDecimal getRaw() {
        return raw;
    }

    /** Points that counted. */
    public BigDecimal getPoints() {
        return points;
    }

    /** Why not all counted, or null. */
    public Reason getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return subject + " " + rule + " " + points.toPlainString();
    }
}
