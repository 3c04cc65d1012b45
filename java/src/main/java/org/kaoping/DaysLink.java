package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A window a staff member served in a month (or a staff member on duty at a window), with days.
 * Immutable.
 */
public final class DaysLink {
    private final String id;
    private final int days;

    private DaysLink(JsonNode o) {
        this.id = Json.text(o, "id");
        this.days = Json.integer(o, "days");
    }

    static DaysLink from(JsonNode o) {
        return new DaysLink(o);
    }

    /** A window id (in a staff result) or a staff id (in a window result). */
    public String getId() {
        return id;
    }

    /** Days in the month. */
    public int getDays() {
        return days;
    }

    @Override
    public String toString() {
        return id + "×" + days;
    }
}
