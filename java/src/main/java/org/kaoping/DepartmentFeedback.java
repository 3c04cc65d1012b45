package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A department's windows and staff in a period (P11) and its indicator (P12).
 * Immutable.
 */
public final class DepartmentFeedback {
    private final String department;
    private final String name;
    private final List<DepartmentEntry> windows;
    private final List<DepartmentEntry> staff;
    private final BigDecimal indicator;

    private DepartmentFeedback(JsonNode o) {
        this.department = Json.text(o, "department");
        this.name = Json.text(o, "name");
        this.windows = Json.list(o, "windows", e -> DepartmentEntry.from(e));
        this.staff = Json.list(o, "staff", e -> DepartmentEntry.from(e));
        this.indicator = Json.optDecimal(o, "indicator");
    }

    static DepartmentFeedback from(JsonNode o) {
        return new DepartmentFeedback(o);
    }

    /** The department's id. */
    public String getDepartment() {
        return department;
    }

    /** The department's name. */
    public String getName() {
        return name;
    }

    /** Its windows, in rank order. */
    public List<DepartmentEntry> getWindows() {
        return windows;
    }

    /** Its staff, in rank order. */
    public List<DepartmentEntry> getStaff() {
        return staff;
    }

    /** The department's indicator (its windows' result), or null. */
    public BigDecimal getIndicator() {
        return indicator;
    }

    @Override
    public String toString() {
        return department + " " + name;
    }
}
