package fr.antiharcelement.reach.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What a batch of new workshop states changes in the running totals, Kafka Streams' adder/subtractor style: each
 * workshop's previous contribution is subtracted and its new one added, under each of their keys. So a correction
 * changes counts, a cancellation contributes zero, and a moved date or school moves the contribution.
 */
public final class TotalsDifference {

    private final Map<Contribution.Key, Map<String, Counters>> totals = new HashMap<>();   // key → campaign → difference
    private final Map<SchoolKey, Long> delivered = new HashMap<>();

    /** Replaces what a workshop contributed ({@code before}, null for a workshop not seen yet) with {@code after}. */
    public void replace(Contribution before, Contribution after) {
        if (before != null) {
            accumulate(before, -1);
        }
        accumulate(after, +1);
    }

    /** Completed workshops added (or taken away) per school and key; the day is not a key schools are counted by. */
    public Map<SchoolKey, Long> delivered() {
        return Collections.unmodifiableMap(delivered);
    }

    /**
     * Counts the schools that became reached, or stopped being reached, from their delivered counts once
     * {@link #delivered()} was added to them: a school is reached under a key while its count there is above 0.
     */
    public void countSchoolsReached(Map<SchoolKey, Long> deliveredAfter) {
        deliveredAfter.forEach((school, after) -> {
            long before = after - delivered.getOrDefault(school, 0L);
            long reachedChange = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
            if (reachedChange != 0) {
                counters(school.key(), school.campaignCode()).schools += reachedChange;
            }
        });
    }

    /** Per key and campaign, what to add to the running totals. */
    public Map<Contribution.Key, Map<String, Counters>> totals() {
        return Collections.unmodifiableMap(totals);
    }

    private void accumulate(Contribution contribution, int sign) {
        for (Contribution.Key key : contribution.keys()) {
            counters(key, contribution.campaignCode()).add(contribution, sign);
            if (contribution.completed() && key.dimension() != Contribution.Dimension.DAY) {
                delivered.merge(new SchoolKey(contribution.campaignCode(), key, contribution.schoolUai()), (long) sign, Long::sum);
            }
        }
    }

    private Counters counters(Contribution.Key key, String campaign) {
        return totals.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(campaign, c -> new Counters());
    }
}
