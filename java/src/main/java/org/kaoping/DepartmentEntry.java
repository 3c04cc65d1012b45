package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * A window or staff member in a department's feedback.
 * Immutable.
 */
public final class DepartmentEntry {
    private final String subject;
    private final String name;
    private final BigDecimal score;
    private final int rank;
    private final int departmentRank;

    private DepartmentEntry(JsonNode o) {
        this.subject = Json.text(o, "subject");
        this.name = Json.text(o, "name");
        this.score = Json.decimal(o, "score");
        this.rank = Json.integer(o, "rank");
        this.departmentRank = Json.integer(o, "department_rank");
    }

    static DepartmentEntry from(JsonNode o) {
        return new DepartmentEntry(o);
    }

    /** The id. */
    public String getSubject() {
        return subject;
    }

    /** The name. */
    public String getName() {
        return name;
    }

    /** The period score. */
    public BigDecimal getScore() {
        return score;
    }

    /** The rank in the hall. */
    public int getRank() {
        return rank;
    }

    /** The rank in the department. */
    public int getDepartmentRank() {
        return departmentRank;
    }

    @Override
    public String toString() {
        return subject + " " + name + " " + score.toPlainString();
    }
}
