package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One window's or staff member's score for one month.
 * Immutable.
 */
public final class SubjectMonth {
    private final String subject;
    private final SubjectKind kind;
    private final String name;
    private final String department;
    private final List<DaysLink> links;
    private final List<CategoryResult> categories;
    private final List<CategoryResult> bonuses;
    private final BigDecimal base;
    private final BigDecimal bonus;
    private final BigDecimal total;
    private final String grade;
    private final String gradeForcedBy;
    private final List<Flag> flags;
    private final List<String> warnings;

    private SubjectMonth(JsonNode o) {
        this.subject = Json.text(o, "subject");
        this.kind = Json.code(SubjectKind.class, o, "kind");
        this.name = Json.text(o, "name");
        this.department = Json.text(o, "department");
        this.links = Json.list(o, "links", e -> DaysLink.from(e));
        this.categories = Json.list(o, "categories", e -> CategoryResult.from(e));
        this.bonuses = Json.list(o, "bonuses", e -> CategoryResult.from(e));
        this.base = Json.decimal(o, "base");
        this.bonus = Json.decimal(o, "bonus");
        this.total = Json.decimal(o, "total");
        this.grade = Json.text(o, "grade");
        this.gradeForcedBy = Json.optText(o, "grade_forced_by");
        this.flags = Json.list(o, "flags", e -> Flag.from(e));
        this.warnings = Json.strings(o, "warnings");
    }

    static SubjectMonth from(JsonNode o) {
        return new SubjectMonth(o);
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

    /** The department: a window's own; a staff member's home department, else that of their first window of the month. */
    public String getDepartment() {
        return department;
    }

    /** For staff: the windows served in the month with days; for windows: the staff on duty with days. */
    public List<DaysLink> getLinks() {
        return links;
    }

    /** The deduction categories (like S1…S5, W1…W6). */
    public List<CategoryResult> getCategories() {
        return categories;
    }

    /** The bonus categories. */
    public List<CategoryResult> getBonuses() {
        return bonuses;
    }

    /** The base after deductions: the sum of the deduction categories' scores. */
    public BigDecimal getBase() {
        return base;
    }

    /** Bonus points after every cap. */
    public BigDecimal getBonus() {
        return bonus;
    }

    /** base + bonus, within the policy's minimum and maximum total. */
    public BigDecimal getTotal() {
        return total;
    }

    /** The grade, as the policy names it (like {@code 优秀}). */
    public String getGrade() {
        return grade;
    }

    /** Why the grade is what it is when a veto forced it, or null. */
    public String getGradeForcedBy() {
        return gradeForcedBy;
    }

    /** Flags, like {@code recommend_reassignment}. */
    public List<Flag> getFlags() {
        return flags;
    }

    /** Warnings about this subject's month. */
    public List<String> getWarnings() {
        return warnings;
    }

    /** A category (deduction or bonus) by code, like {@code "S1"}. */
    public Optional<CategoryResult> findCategory(String code) {
        for (CategoryResult c : categories) if (c.getCode().equals(code)) return Optional.of(c);
        for (CategoryResult c : bonuses) if (c.getCode().equals(code)) return Optional.of(c);
        return Optional.empty();
    }

    @Override
    public String toString() {
        return subject + " " + name + ": " + total.toPlainString() + " " + grade;
    }
}
