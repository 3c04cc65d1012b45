package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A participant's place in an award list, with the participant's name.
 * Immutable.
 */
public final class Standing {
    private final String subject;
    private final String name;
    private final int rank;
    private final BigDecimal score;
    private final AwardStatus status;
    private final String detail;

    private Standing(JsonNode o, Map<String, String> names) {
        this.subject = Json.text(o, "subject");
        this.name = names.get(Json.text(o, "subject"));
        this.rank = Json.integer(o, "rank");
        this.score = Json.decimal(o, "score");
        this.status = Json.code(AwardStatus.class, o, "status");
        this.detail = Json.textOrEmpty(o, "detail");
    }

    static Standing from(JsonNode o, Map<String, String> names) {
        return new Standing(o, names);
    }

    /** The window's or staff member's id. */
    public String getSubject() {
        return subject;
    }

    /** The participant's name (joined from the result's windows and staff, or the dataset's roster); null if unknown. */
    public String getName() {
        return name;
    }

    /** The rank among the participants. */
    public int getRank() {
        return rank;
    }

    /** The period score. */
    public BigDecimal getScore() {
        return score;
    }

    /** Awarded, not eligible, quota full, or tied at the quota line. */
    public AwardStatus getStatus() {
        return status;
    }

    /** Why, like {@code rank 5: quota of 4 filled}. */
    public String getDetail() {
        return detail;
    }

    @Override
    public String toString() {
        return rank + ". " + subject + " " + name + " " + score.toPlainString() + " " + status.code();
    }
}
