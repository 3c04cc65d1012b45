package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A flag on a subject's month or period, like {@code recommend_reassignment} or {@code disqualified}.
 * Immutable.
 */
public final class Flag {
    private final String code;
    private final PeriodKind period;
    private final String rule;
    private final String record;
    private final String category;
    private final String detail;

    private Flag(JsonNode o) {
        this.code = Json.text(o, "code");
        this.period = Json.optCode(PeriodKind.class, o, "period");
        this.rule = Json.optText(o, "rule");
        this.record = Json.optText(o, "record");
        this.category = Json.optText(o, "category");
        this.detail = Json.textOrEmpty(o, "detail");
    }

    static Flag from(JsonNode o) {
        return new Flag(o);
    }

    /** {@code recommend_reassignment}, {@code disqualified}, {@code category_zeroed_for_year}, {@code forced_grade}, or a policy's own flag. */
    public String getCode() {
        return code;
    }

    /** For {@code disqualified}: the period lost; else null. */
    public PeriodKind getPeriod() {
        return period;
    }

    /** The rule, or null. */
    public String getRule() {
        return rule;
    }

    /** The record, or null. */
    public String getRecord() {
        return record;
    }

    /** For {@code category_zeroed_for_year}: the category; else null. */
    public String getCategory() {
        return category;
    }

    /** A human-readable account. */
    public String getDetail() {
        return detail;
    }

    @Override
    public String toString() {
        return code + (period == null ? "" : "(" + period.code() + ")") + (record == null ? "" : " " + record);
    }
}
