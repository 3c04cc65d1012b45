package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A problem that did not stop the evaluation.
 * Immutable.
 */
public final class Warning {
    private final String subject;
    private final String rule;
    private final String message;

    private Warning(JsonNode o) {
        this.subject = Json.optText(o, "subject");
        this.rule = Json.optText(o, "rule");
        this.message = Json.text(o, "message");
    }

    static Warning from(JsonNode o) {
        return new Warning(o);
    }

    /** The subject, or null. */
    public String getSubject() {
        return subject;
    }

    /** The rule, or null. */
    public String getRule() {
        return rule;
    }

    /** What happened. */
    public String getMessage() {
        return message;
    }

    @Override
    public String toString() {
        return (subject == null ? "" : subject + ": ") + message;
    }
}
