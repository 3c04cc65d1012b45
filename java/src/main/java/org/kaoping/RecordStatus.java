package org.kaoping;

/** The status of a record (C10): only confirmed records count. */
public enum RecordStatus implements Coded {
    /** Confirmed: it counts. */
    CONFIRMED("confirmed"),
    /** Under review or appeal: kept, not counted. */
    PENDING("pending"),
    /** Revoked: kept, not counted. */
    REVOKED("revoked");

    private final String code;

    RecordStatus(String code) {
        this.code = code;
    }

    /** The code as results write it, like {@code "confirmed"}. */
    @Override
    public String code() {
        return code;
    }

    /** The constant of a code; IllegalArgumentException for an unknown one. */
    public static RecordStatus of(String code) {
        for (RecordStatus v : values()) {
            if (v.code.equals(code)) return v;
        }
        throw new IllegalArgumentException("unknown RecordStatus \"" + code + "\"");
    }
}
