package org.kaoping;

/** An enum whose constants are written in results as a code, like {@code "quota_full"}. */
interface Coded {
    /** The code as the JSON results write it. */
    String code();
}
