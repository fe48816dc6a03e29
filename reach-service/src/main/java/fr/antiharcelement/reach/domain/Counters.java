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
     * Workshops delivered per class level, in {@link Contribution#CLASS_LEVELS} order: counted under the school keys
     * only ({@link #addPerClassLevel}), the rows they are written to (whether a school is reached for a class level
     * follows from its row); 0 under every other key.
     */
    public final long[] classLevelWorkshops = new long[Contribution.CLASS_LEVELS.size()];

    public void add(Contribution contribution, int sign) {
        students += sign * contribution.studentsSensitised();
        parents += sign * contribution.parentsSensitised();
        studentWorkshops += sign * contribution.studentWorkshops();
        parentWorkshops += sign * contribution.parentWorkshops();
        scheduledWorkshops += sign * contribution.scheduledWorkshops();
    }

    /** Adds (or subtracts) a completed workshop to its class level's count. */
    public void addPerClassLevel(Contribution contribution, int sign) {
        if (contribution.completed()) {
            classLevelWorkshops[contribution.classLevelIndex()] += sign;
        }
    }

    public boolean isZero() {
        return students == 0 && parents == 0 && studentWorkshops == 0 && parentWorkshops == 0 && scheduledWorkshops == 0
                && schools == 0 && Arrays.stream(classLevelWorkshops).allMatch(count -> count == 0);
    }
}
