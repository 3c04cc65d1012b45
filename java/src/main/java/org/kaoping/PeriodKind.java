package org.kaoping;

/** The kind of a period: a month, a quarter or a year. */
public enum PeriodKind implements Coded {
    /** A month, like 2026-10. */
    MONTH("month"),
    /** A quarter, like 2026-Q3. */
    QUARTER("quarter"),
    /** A year, like 2026. */
    YEAR("year");

    private final String code;

    PeriodKind(String code) {
        this.code = code;
    }

    /** The code as results write it, like {@code "month"}. */
    @Override
    public String code() {
        return code;
    }

    /** The constant of a code; IllegalArgumentException for an unknown one. */
    public static PeriodKind of(String code) {
        for (PeriodKind v : values()) {
            if (v.code.equals(code)) return v;
        }
        throw new IllegalArgumentException("unknown PeriodKind \"" + code + "\"");
    }
}
