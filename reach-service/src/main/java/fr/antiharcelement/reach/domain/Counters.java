package fr.antiharcelement.reach.domain;

import java.util.Arrays;

/** Totals under one key; also used as a difference to add (new contribution) or subtract (old one). */
public final class Counters {

    public long students;
    public long parents;
    public long studentWorkshops;
    public long parentWorkshops;
    public long scheduledWorkshops;
    /** Schools reached under the key: changed by the projection when a school's delivered count leaves or comes back to 0. */
    public long schools;
    /**
     * Workshops delivered per class level, in {@link Contribution#CLASS_LEVELS} order: counted under every key, written
     * to the schools' rows only (whether a school is reached for a class level follows from its row).
     */
    public final long[] classLevelWorkshops = new long[Contribution.CLASS_LEVELS.size()];

    public void add(Contribution contribution, int sign) {
        students += sign * contribution.studentsSensitised();
        parents += sign * contribution.parentsSensitised();
        studentWorkshops += sign * contribution.studentWorkshops();
        parentWorkshops += sign * contribution.parentWorkshops();
        scheduledWorkshops += sign * contribution.scheduledWorkshops();
        if (contribution.completed()) {
            classLevelWorkshops[contribution.classLevelIndex()] += sign;
        }
    }

    public boolean isZero() {
        return students == 0 && parents == 0 && studentWorkshops == 0 && parentWorkshops == 0 && scheduledWorkshops == 0
                && schools == 0 && Arrays.stream(classLevelWorkshops).allMatch(count -> count == 0);
    }
}
