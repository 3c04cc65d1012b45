package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One window's or staff member's result for a period.
 * Immutable.
 */
public final class SubjectPeriod {
    private final String subject;
    private final SubjectKind kind;
    private final String name;
    private final String department;
    private final List<MonthTotal> monthly;
    private final int monthsEvaluated;
    private final BigDecimal score;
    private final String grade;
    private final String gradeForcedBy;
    private final String scoreDetail;
    private final String gradeDetail;
    private final BigDecimal deductions;
    private final BigDecimal bonus;
    private final int complaints;
    private final int rank;
    private final int departmentRank;
    private final List<Flag> disqualifications;

    private SubjectPeriod(JsonNode o) {
        this.subject = Json.text(o, "subject");
        this.kind = Json.code(SubjectKind.class, o, "kind");
        this.name = Json.text(o, "name");
        this.department = Json.text(o, "department");
        this.monthly = Json.list(o, "monthly", e -> MonthTotal.from(e));
        this.monthsEvaluated = Json.integer(o, "months_evaluated");
        this.score = Json.decimal(o, "score");
        this.grade = Json.text(o, "grade");
        this.gradeForcedBy = Json.optText(o, "grade_forced_by");
        this.scoreDetail = Json.optText(o, "score_detail");
        this.gradeDetail = Json.optText(o, "grade_detail");
        this.deductions = Json.decimal(o, "deductions");
        this.bonus = Json.decimal(o, "bonus");
        this.complaints = Json.integer(o, "complaints");
        this.rank = Json.integer(o, "rank");
        this.departmentRank = Json.integer(o, "department_rank");
        this.disqualifications = Json.list(o, "disqualifications", e -> Flag.from(e));
    }

    static SubjectPeriod from(JsonNode o) {
        return new SubjectPeriod(o);
    }

    /** The window's or staff member's id. */
    public String getSubject() {
        return subject;
    }

    /** Window or staff. */
    public SubjectKind getKind() {
        return kind;
    }

    /** The name, from the dataset's roster. */
    public String getName() {
        return name;
    }

    /** The department's id. */
    public String getDepartment() {
        return department;
    }

    /** The monthly totals the period score is made of. */
    public List<MonthTotal> getMonthly() {
        return monthly;
    }

    /** Months in which the subject was evaluated. */
    public int getMonthsEvaluated() {
        return monthsEvaluated;
    }

    /** The period score (P2, P3). */
    public BigDecimal getScore() {
        return score;
    }

    /** The grade, as the policy names it. */
    public String getGrade() {
        return grade;
    }

    /** Why a veto forced the grade, or null. */
    public String getGradeForcedBy() {
        return gradeForcedBy;
    }

    /** How the score was composed when the policy rolls it up (weights, outside inputs) or
     * pro-rates it over the period's months, or null. */
    public String getScoreDetail() {
        return scoreDetail;
    }

    /** Why the grade is not the score's band (a grade quota's demotion, no grade: 不定等次), or null. */
    public String getGradeDetail() {
        return gradeDetail;
    }

    /** Deduction points of the period (E8). */
    public BigDecimal getDeductions() {
        return deductions;
    }

    /** Bonus points of the period (E8). */
    public BigDecimal getBonus() {
        return bonus;
    }

    /** Counted complaints (E8). */
    public int getComplaints() {
        return complaints;
    }

    /** Rank in the hall among its kind (P8: equal scores share a rank). */
    public int getRank() {
        return rank;
    }

    /** Rank within its department. */
    public int getDepartmentRank() {
        return departmentRank;
    }

    /** Why the subject may not be awarded in the period, if it may not. */
    public List<Flag> getDisqualifications() {
        return disqualifications;
    }

    @Override
    public String toString() {
        return rank + ". " + subject + " " + name + " " + score.toPlainString() + " " + grade;
    }
}
