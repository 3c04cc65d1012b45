package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A call to libkaoping failed. Carries the {@link Status} and, for a document with problems,
 * every problem ({@link #getProblems()}: path, record, rule, message) and which document had them
 * ({@link #getDocument()}: {@code dataset}, {@code policy} or {@code request}). Unchecked.
 */
public final class KaopingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MESSAGE_LINES = 10;

    private final String call;
    private final int statusCode;
    private final String errorMessage;
    private final String errorJson;
    private final String document;
    private final List<Problem> problems;

    private KaopingException(String call, int statusCode, String errorMessage, String errorJson, String document,
                             List<Problem> problems) {
        super(summary(call, statusCode, errorMessage));
        this.call = call;
        this.statusCode = statusCode;
        this.errorMessage = errorMessage;
        this.errorJson = errorJson;
        this.document = document;
        this.problems = problems;
    }

    static KaopingException of(String call, int statusCode, String errorMessage, byte[] errorJson) {
        String json = errorJson == null ? null : new String(errorJson, StandardCharsets.UTF_8);
        String document = null;
        List<Problem> problems = new ArrayList<>();
        if (errorJson != null) {
            try {
                JsonNode root = Json.MAPPER.readTree(errorJson);
                document = Json.optText(root, "document");
                for (JsonNode p : root.path("problems")) {
                    problems.add(new Problem(Json.optText(p, "kind"), Json.optText(p, "path"), Json.optText(p, "record"),
                            Json.optText(p, "rule"), Json.optText(p, "message")));
                }
            } catch (Exception unreadable) {
                // keep the raw JSON and the message; the list of problems stays empty
                problems.clear();
            }
        }
        return new KaopingException(call, statusCode, errorMessage, json, document, Collections.unmodifiableList(problems));
    }

    private static String summary(String call, int statusCode, String errorMessage) {
        StringBuilder b = new StringBuilder(call).append(": ").append(Status.of(statusCode).cName())
                .append(" (").append(statusCode).append(")");
        if (errorMessage != null && !errorMessage.isEmpty()) {
            String[] lines = errorMessage.split("\n", -1);
            int shown = Math.min(lines.length, MESSAGE_LINES);
            for (int i = 0; i < shown; i++) b.append(i == 0 ? ": " : "\n  ").append(lines[i]);
            if (lines.length > shown) b.append("\n  … ").append(lines.length - shown).append(" more (see getProblems())");
        }
        return b.toString();
    }

    /** The C function that failed, like {@code kp_validate}. */
    public String getCall() {
        return call;
    }

    /** The status. */
    public Status getStatus() {
        return Status.of(statusCode);
    }

    /** The status number, like 1 for {@code KP_INVALID_INPUT}. */
    public int getStatusCode() {
        return statusCode;
    }

    /** {@code dataset}, {@code policy} or {@code request} (a bad argument), or null if the library named none. */
    public String getDocument() {
        return document;
    }

    /** Every problem, in the library's order (empty when the library gave no errors document). */
    public List<Problem> getProblems() {
        return problems;
    }

    /** {@code kp_last_error_message}: every problem, one per line (null if none). */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** {@code kp_last_error_json}: the errors document as the library wrote it (null if none). */
    public String getErrorJson() {
        return errorJson;
    }
}
