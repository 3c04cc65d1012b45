package org.kaoping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One award list of a period (示范窗口, 政务之星): quota, the awarded, ties at the line, and every
 * participant's standing with its name.
 * Immutable.
 */
public final class AwardResult {
    private final String award;
    private final String name;
    private final SubjectKind subject;
    private final int participants;
    private final int base;
    private final int quota;
    private final String quotaDetail;
    private final List<String> awarded;
    private final List<String> tiedAtLine;
    private final Integer toDecide;
    private final List<Standing> standings;

    private AwardResult(JsonNode o, Map<String, String> names) {
        this.award = Json.text(o, "award");
        this.name = Json.text(o, "name");
        this.subject = Json.code(SubjectKind.class, o, "subject");
        this.participants = Json.integer(o, "participants");
        this.base = Json.integer(o, "base");
        this.quota = Json.integer(o, "quota");
        this.quotaDetail = Json.text(o, "quota_detail");
        this.awarded = Json.strings(o, "awarded");
        this.tiedAtLine = Json.strings(o, "tied_at_line");
        this.toDecide = o.has("to_decide") && !o.get("to_decide").isNull() ? Json.integer(o, "to_decide") : null;
        this.standings = Json.list(o, "standings", e -> Standing.from(e, names));
    }

    static AwardResult from(JsonNode o, Map<String, String> names) {
        return new AwardResult(o, names);
    }

    /** The award's id, like {@code model_window}. */
    public String getAward() {
        return award;
    }

    /** The award's name, like {@code 示范窗口}. */
    public String getName() {
        return name;
    }

    /** Whether windows or staff take part. */
    public SubjectKind getSubject() {
        return subject;
    }

    /** Participants (everyone evaluated in the period). */
    public int getParticipants() {
        return participants;
    }

    /** The quota's base. */
    public int getBase() {
        return base;
    }

    /** The quota. */
    public int getQuota() {
        return quota;
    }

    /** How the quota was computed, like {@code 0.15 × 30 = 4.5 → 4 (down)}. */
    public String getQuotaDetail() {
        return quotaDetail;
    }

    /** The ids awarded, in rank order. */
    public List<String> getAwarded() {
        return awarded;
    }

    /** The ids tied across the quota line, for the centre to decide (P9). */
    public List<String> getTiedAtLine() {
        return tiedAtLine;
    }

    /** With the policy's {@code awards.tie_at_line: centre}: the places left open at the line for
     * the centre to fill from {@link #getTiedAtLine()}; otherwise null. */
    public Integer getToDecide() {
        return toDecide;
    }

    /** Every participant's standing, in rank order. */
    public List<Standing> getStandings() {
        return standings;
    }

    /** The awarded participants' standings (with names and scores), in the order of {@link #getAwarded()}. */
    public List<Standing> getWinners() {
        List<Standing> out = new ArrayList<>();
        for (String id : awarded) {
            for (Standing s : standings) {
                if (s.getSubject().equals(id)) {
                    out.add(s);
                    break;
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return award + " " + name + ": " + awarded;
    }
}
