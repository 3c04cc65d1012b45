package org.kaoping;

import java.util.Objects;

/**
 * One problem of a document (the errors schema, {@code schemas/errors.schema.json}): where it is
 * ({@link #getPath()}, like {@code records[0].points}), the record and rule it concerns when there
 * is one, and the message.
 */
public final class Problem {
    private final String kind;
    private final String path;
    private final String record;
    private final String rule;
    private final String message;

    Problem(String kind, String path, String record, String rule, String message) {
        this.kind = kind;
        this.path = path;
        this.record = record;
        this.rule = rule;
        this.message = message;
    }

    /** {@code syntax}, {@code invalid}, {@code unknown_reference}, {@code duplicate}, {@code unknown_kind} or {@code unsupported}. */
    public String getKind() {
        return kind;
    }

    /** Where in the document, like {@code records[0].points} ({@code period} for a request argument). */
    public String getPath() {
        return path;
    }

    /** The record's id, or null. */
    public String getRecord() {
        return record;
    }

    /** The rule code, or null. */
    public String getRule() {
        return rule;
    }

    /** What is wrong, in the engine's language (English unless the engine was made with another). */
    public String getMessage() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Problem)) return false;
        Problem p = (Problem) o;
        return Objects.equals(kind, p.kind) && Objects.equals(path, p.path) && Objects.equals(record, p.record)
                && Objects.equals(rule, p.rule) && Objects.equals(message, p.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, path, record, rule, message);
    }

    @Override
    public String toString() {
        return path + (record == null ? "" : " [" + record + "]") + (rule == null ? "" : " (" + rule + ")") + ": " + message;
    }
}
