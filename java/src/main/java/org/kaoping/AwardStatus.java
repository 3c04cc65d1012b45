package org.kaoping;

/** A participant's place in an award list. */
public enum AwardStatus implements Coded {
    /** Awarded. */
    AWARDED("awarded"),
    /** Not eligible (not evaluated every month, or disqualified). */
    NOT_ELIGIBLE("not_eligible"),
    /** Eligible, below the quota line. */
    QUOTA_FULL("quota_full"),
    /** Tied across the quota line after every tie-breaker: for the centre to decide (P9). */
    TIE_AT_QUOTA_LINE("tie_at_quota_line");

    private final String code;

    AwardStatus(String code) {
        this.code = code;
    }

    /** The code as results write it, like {@code "awarded"}. */
    @Override
    public String code() {
        return code;
    }

    /** The constant of a code; IllegalArgumentException for an unknown one. */
    public static AwardStatus of(String code) {
        for (AwardStatus v : values()) {
            if (v.code.equals(code)) return v;
        }
        throw new IllegalArgumentException("unknown AwardStatus \"" + code + "\"");
    }
}
