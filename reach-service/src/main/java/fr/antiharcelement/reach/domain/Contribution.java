package fr.antiharcelement.reach.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What one workshop, in its last applied state, adds to the totals: a COMPLETED workshop counts its attendees
 * and one workshop delivered for its audience, a SCHEDULED one counts as scheduled, a CANCELLED one counts
 * nothing. It counts under each of its keys: its campaign, school, partner, audience, class level, month and day.
 */
public record Contribution(UUID workshopId, String campaignCode, String schoolUai, String partnerCode, String audience,
                           String classLevel, LocalDate day, String status, int attendees, long version) {

    public static final String NO_CLASS_LEVEL = "NONE";
    /** The class levels a workshop may be for (the collège's years, sixième to troisième), then none (parents, or pupils of several). */
    public static final List<String> CLASS_LEVELS = List.of("SIXIEME", "CINQUIEME", "QUATRIEME", "TROISIEME", NO_CLASS_LEVEL);
    /** The two audiences: every workshop is for one of them. */
    public static final String STUDENTS = "STUDENTS";
    public static final String PARENTS = "PARENTS";

    /** The dimensions totals are kept by; region, académie and département are derived from "school". */
    public enum Dimension {
        CAMPAIGN("campaign"), SCHOOL("school"), PARTNER("partner"), AUDIENCE("audience"), CLASS_LEVEL("classLevel"),
        MONTH("month"), DAY("day");

        public final String code;

        Dimension(String code) {
            this.code = code;
        }

        public static Dimension of(String code) {
            for (Dimension dimension : values()) {
                if (dimension.code.equals(code)) {
                    return dimension;
                }
            }
            throw new IllegalArgumentException("unknown dimension " + code);
        }
    }

    public record Key(Dimension dimension, String value) {
    }

    /** Its class level's place in {@link #CLASS_LEVELS}. */
    public int classLevelIndex() {
        return CLASS_LEVELS.indexOf(classLevelOrNone());
    }

    private String classLevelOrNone() {
        return classLevel == null ? NO_CLASS_LEVEL : classLevel;
    }

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    private boolean students() {
        return STUDENTS.equals(audience);
    }

    public long studentsSensitised() {
        return completed() && students() ? attendees : 0;
    }

    public long parentsSensitised() {
        return completed() && !students() ? attendees : 0;
    }

    public long studentWorkshops() {
        return completed() && students() ? 1 : 0;
    }

    public long parentWorkshops() {
        return completed() && !students() ? 1 : 0;
    }

    public long scheduledWorkshops() {
        return "SCHEDULED".equals(status) ? 1 : 0;
    }

    public List<Key> keys() {
        String isoDay = day.toString();
        return List.of(new Key(Dimension.CAMPAIGN, campaignCode), new Key(Dimension.SCHOOL, schoolUai),
                new Key(Dimension.PARTNER, partnerCode), new Key(Dimension.AUDIENCE, audience),
                new Key(Dimension.CLASS_LEVEL, classLevelOrNone()),
                new Key(Dimension.MONTH, isoDay.substring(0, 7)), new Key(Dimension.DAY, isoDay));
    }
}
