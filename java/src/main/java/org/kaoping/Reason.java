package org.kaoping;

/** Why a record, or part of it, did not count. */
public enum Reason implements Coded {
    /** Under review or appeal (C10). */
    PENDING("pending"),
    /** Revoked (C10). */
    REVOKED("revoked"),
    /** The category had no points left (C2). */
    CATEGORY_EXHAUSTED("category_exhausted"),
    /** The item's monthly cap was reached. */
    MONTH_CAP("month_cap"),
    /** The item's yearly cap was reached. */
    YEAR_CAP("year_cap"),
    /** The monthly bonus cap (C3) was reached. */
    BONUS_CAP("bonus_cap"),
    /** Another record of the same achievement key was higher (C4, E4). */
    NOT_HIGHEST_OF_KEY("not_highest_of_key"),
    /** The achievement was already counted at this value or higher earlier in the year (E4). */
    ALREADY_COUNTED("already_counted"),
    /** The item requires evidence and the record has none (E12). */
    NO_EVIDENCE("no_evidence"),
    /** The record names an item derived from other inputs (E3), kept under a lenient setting. */
    DERIVED_ITEM("derived_item"),
    /** A linked charge found no one to charge. */
    NO_TARGET("no_target"),
    /** The category was zeroed by a threshold, so the record's points made no difference. */
    CATEGORY_ZEROED("category_zeroed");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    /** The code as results write it, like {@code "pending"}. */
    @Override
    public String code() {
        return code;
    }

    /** The constant of a code; IllegalArgumentException for an unknown one. */
    public static Reason of(String code) {
        for (Reason v : values()) {
            if (v.code.equals(code)) return v;
        }
        throw new IllegalArgumentException("unknown Reason \"" + code + "\"");
    }
}
