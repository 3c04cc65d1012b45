package org.kaoping;

/** How much a hall-year result explains ({@link Engine#evaluateHallYear(byte[], Detail)}). */
public enum Detail {
    /** Every category line and every text: the months as {@link Engine#evaluateYear(byte[])} gives them. */
    FULL,
    /**
     * Scores, grades, flags and record outcomes; no category lines and no explanatory text
     * ({@code KP_SCORES_ONLY}). Every number is the same as with {@link #FULL}.
     */
    SCORES_ONLY
}
