package org.kaoping;

/** How much of a record counted. */
public enum OutcomeKind implements Coded {
    /** Every occurrence counted. */
    COUNTED("counted"),
    /** Some occurrences counted (a cap cut the others). */
    PARTLY_COUNTED("partly_counted"),
    /** Nothing counted (see the reason). */
    NOT_COUNTED("not_counted");

    private final String code;

    OutcomeKind(String code) {
        this.code = code;
    }

    /** The code as results write it, like {@code "counted"}. */
    @Override
    public String code() {
        return code;
    }

    /** The constant of a code; IllegalArgumentException for an unknown one. */
    public static OutcomeKind of(String code) {
        for (OutcomeKind v : values()) {
            if (v.code.equals(code)) return v;
        }
        throw new IllegalArgumentException("unknown OutcomeKind \"" + code + "\"");
    }
}
