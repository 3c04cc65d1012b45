package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How a record fared: every input record appears exactly once (C10).
 * Immutable.
 */
public final class RecordOutcome {
    private final String record;
    private final String rule;
    private final String subject;
    private final LocalDate date;
    private final RecordStatus status;
    private final OutcomeKind outcome;
    private final int occurrences;
    private final int countedOccurrences;
    private final BigDecimal points;
    private final Reason reason;
    private final String detail;
    private final List<Charge> charges;

    private RecordOutcome(JsonNode o) {
        this.record = Json.text(o, "record");
        this.rule = Json.text(o, "rule");
        this.subject = Json.text(o, "subject");
        this.date = Json.date(o, "date");
        this.status = Json.code(RecordStatus.class, o, "status");
        this.outcome = Json.code(OutcomeKind.class, o, "outcome");
        this.occurrences = Json.integer(o, "occurrences");
        this.countedOccurrences = Json.integer(o, "counted_occurrences");
        this.points = Json.decimal(o, "points");
        this.reason = Json.optCode(Reason.class, o, "reason");
        this.detail = Json.textOrEmpty(o, "detail");
        this.charges = Json.list(o, "charges", e -> Charge.from(e));
    }

    static RecordOutcome from(JsonNode o) {
        return new RecordOutcome(o);
    }

    /** The record's id. */
    public String getRecord() {
        return record;
    }

    /** The rule item's code. */
    public String getRule() {
        return rule;
    }

    /** The window or staff member the record names. */
    public String getSubject() {
        return subject;
    }

    /** The record's date. */
    public LocalDate getDate() {
        return date;
    }

    /** Confirmed, pending or revoked. */
    public RecordStatus getStatus() {
        return status;
    }

    /** Counted, partly counted or not counted. */
    public OutcomeKind getOutcome() {
        return outcome;
    }

    /** Occurrences on the record (C8). */
    public int getOccurrences() {
        return occurrences;
    }

    /** Occurrences that counted on the record's own item. */
    public int getCountedOccurrences() {
        return countedOccurrences;
    }

    /** Points that counted on the record's own item. */
    public BigDecimal getPoints() {
        return points;
    }

    /** Why it did not count, or not fully; null when it counted. */
    public Reason getReason() {
        return reason;
    }

    /** A human-readable account, like "1 of 3 counted: yearly cap". */
    public String getDetail() {
        return detail;
    }

    /** Every subject and item the record was charged to (its own item first, then linked ones). */
    public List<Charge> getCharges() {
        return charges;
    }

    @Override
    public String toString() {
        return record + " " + rule + " " + subject + " " + date + ": " + outcome.code() + " " + points.toPlainString();
    }
}
