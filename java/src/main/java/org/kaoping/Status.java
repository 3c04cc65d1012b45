package org.kaoping;

/** The status of a call to libkaoping ({@code KpStatus} in kaoping.h): fixed numbers, never reused. */
public enum Status {
    /** Success. */
    OK(0),
    /** The dataset or policy has problems (all of them in {@link KaopingException#getProblems()}). */
    INVALID_INPUT(1),
    /** A required pointer was NULL (this library never passes one). */
    NULL_POINTER(2),
    /** The input bytes are not valid UTF-8 (a GBK file, for instance). */
    INVALID_UTF8(3),
    /** An argument is not acceptable: a malformed period, an unknown subject, schema name or language. */
    INVALID_ARGUMENT(4),
    /** An engine or string the library did not hand out, or already freed. */
    INVALID_HANDLE(5),
    /** An internal error of the library (a caught panic): please report it. */
    PANIC(6),
    /** A number this version of the jar does not know. */
    UNKNOWN(-1);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /** The number, like 1 for {@link #INVALID_INPUT}. */
    public int code() {
        return code;
    }

    /** The status of a number ({@link #UNKNOWN} for one this jar does not know). */
    public static Status of(int code) {
        for (Status s : values()) {
            if (s.code == code && s != UNKNOWN) return s;
        }
        return UNKNOWN;
    }

    /** The C name, like {@code KP_INVALID_INPUT}. */
    public String cName() {
        return "KP_" + name();
    }
}
