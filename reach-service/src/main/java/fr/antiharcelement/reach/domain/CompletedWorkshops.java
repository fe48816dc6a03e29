package fr.antiharcelement.reach.domain;

import java.util.List;

/**
 * A school's completed workshops in a campaign, per audience and per class level (in {@link Contribution#CLASS_LEVELS}
 * order): what its own row of the totals holds.
 */
public record CompletedWorkshops(long studentWorkshops, long parentWorkshops, List<Long> byClassLevel) {

    public CompletedWorkshops {
        byClassLevel = List.copyOf(byClassLevel);
        if (byClassLevel.size() != Contribution.CLASS_LEVELS.size()) {
            throw new IllegalArgumentException("one count per class level, " + byClassLevel.size() + " given");
        }
    }

    public long total() {
        return studentWorkshops + parentWorkshops;
    }
}
