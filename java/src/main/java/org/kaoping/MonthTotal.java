package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A month's total in a period result.
 * Immutable.
 */
public final class MonthTotal {
    private final YearMonth month;
    private final BigDecimal total;
    private final String adjusted;

    private MonthTotal(JsonNode o) {
        this.month = Json.yearMonth(o, "month");
        this.total = Json.decimal(o, "total");
        this.adjusted = Json.optText(o, "adjusted");
    }

    static MonthTotal from(JsonNode o) {
        return new MonthTotal(o);
    }

    /** The month. */
    public YearMonth getMonth() {
        return month;
    }

    /** The month's total as the period counts it. */
    public BigDecimal getTotal() {
        return total;
    }

    /** Why the period counts it differently from the month's own result (W6.1's zeroing), or null. */
    public String getAdjusted() {
        return adjusted;
    }

    @Override
    public String toString() {
        return month + " " + total.toPlainString();
    }
}
