package org.kaoping;

/** Whether a subject is a window or a staff member. */
public enum SubjectKind implements Coded {
    /** A staff member (窗口工作人员). */
    STAFF("staff"),
    /** A window (窗口). */
    WINDOW("window");

    private final String code;

    SubjectKind(String code) {
        this.code = code;
    }

    /** The code as results write it, like {@code "staff"}. */
    @Override
    public String code() {
        return code;
    }

    /** The constant of a code; IllegalArgumentException for an unknown one. */
    public static SubjectKind of(String code) {
        for (SubjectKind v : values()) {
            if (v.code.equals(code)) return v;
        }
        throw new IllegalArgumentException("unknown SubjectKind \"" + code + "\"");
    }
}
