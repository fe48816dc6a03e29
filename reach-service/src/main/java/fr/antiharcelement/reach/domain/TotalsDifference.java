package fr.antiharcelement.reach.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a batch of new workshop states changes in the running totals, Kafka Streams' adder/subtractor style: each
 * workshop's previous contribution is subtracted and its new one added, under each of their keys. So a correction
 * changes counts, a cancellation contributes zero, and a moved date or school moves the contribution.
 */
public final class TotalsDifference {

    private final Map<Contribution.Key, Map<String, Counters>> totals = new HashMap<>();   // key → campaign → difference
    private final Map<SchoolKey, Long> delivered = new HashMap<>();

    /**
     * The keys under which completed workshops are also counted per school, to know which schools are reached there.
     * Not the day (schools are not counted by day), nor the school, the campaign, the audience and the class level: a
     * school's completed workshops in a campaign are its own row of the totals (student and parent workshops under its
     * school key, the two audiences there are, and its workshops per class level, a closed list kept on that row), so
     * whether it is reached there, in the campaign, for each audience and each class level, follows from that row (see
     * {@link #countSchoolsReachedFromTheirRows}) without a per-school count of its own to write.
     */
    private static final Set<Contribution.Dimension> COUNTED_PER_SCHOOL = EnumSet.of(Contribution.Dimension.PARTNER,
            Contribution.Dimension.MONTH);

    /** Replaces what a workshop contributed ({@code before}, null for a workshop not seen yet) with {@code after}. */
    public void replace(Contribution before, Contribution after) {
        if (before != null) {
            accumulate(before, -1);
        }
        accumulate(after, +1);
    }

    /** Completed workshops added (or taken away) per school and key, under the keys counted per school. */
    public Map<SchoolKey, Long> delivered() {
        return Collections.unmodifiableMap(delivered);
    }

    /**
     * Counts the schools that became reached, or stopped being reached, from their delivered counts once
     * {@link #delivered()} was added to them: a school is reached under a key while its count there is above 0.
     */
    public void countSchoolsReached(Map<SchoolKey, Long> deliveredAfter) {
        deliveredAfter.forEach((school, after) ->
                countReached(school.key(), school.campaignCode(), after, delivered.getOrDefault(school, 0L)));
    }

    /**
     * Counts the schools that became reached in their campaign, for each audience and each class level, or stopped
     * being, from their completed workshops once {@link #schoolTotals()} was added to them (by campaign and school; the
     * totals' store keeps each school row's own count of schools reached, 1 or 0, from the same figures): a school is
     * reached while it has completed any, and for an audience or a class level while it has completed any for it.
     */
    public void countSchoolsReachedFromTheirRows(Map<SchoolKey, CompletedWorkshops> completedAfter) {
        completedAfter.forEach((school, after) -> {
            String campaign = school.campaignCode();
            Counters added = totals.get(school.key()).get(campaign);
            countReached(new Contribution.Key(Contribution.Dimension.CAMPAIGN, campaign), campaign, after.total(),
                    added.studentWorkshops + added.parentWorkshops);
            countReached(new Contribution.Key(Contribution.Dimension.AUDIENCE, Contribution.STUDENTS), campaign,
                    after.studentWorkshops(), added.studentWorkshops);
            countReached(new Contribution.Key(Contribution.Dimension.AUDIENCE, Contribution.PARENTS), campaign,
                    after.parentWorkshops(), added.parentWorkshops);
            for (int level = 0; level < Contribution.CLASS_LEVELS.size(); level++) {
                countReached(new Contribution.Key(Contribution.Dimension.CLASS_LEVEL, Contribution.CLASS_LEVELS.get(level)),
                        campaign, after.byClassLevel().get(level), added.classLevelWorkshops[level]);
            }
        });
    }

    /** Counts a school under {@code key} as reached, or no longer, if its completed workshops there left or came back to 0. */
    private void countReached(Contribution.Key key, String campaign, long after, long added) {
        long before = after - added;
        long reachedChange = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
        if (reachedChange != 0) {
            counters(key, campaign).schools += reachedChange;
        }
    }

    /** Per key and campaign, what to add to the running totals. */
    public Map<Contribution.Key, Map<String, Counters>> totals() {
        return Collections.unmodifiableMap(totals);
    }

    /** Per school key and campaign, what to add to the schools' rows of the running totals. */
    public Map<Contribution.Key, Map<String, Counters>> schoolTotals() {
        return select(true);
    }

    /** Per key and campaign, what to add to the running totals, under every key but the schools'. */
    public Map<Contribution.Key, Map<String, Counters>> otherTotals() {
        return select(false);
    }

    private Map<Contribution.Key, Map<String, Counters>> select(boolean schools) {
        Map<Contribution.Key, Map<String, Counters>> selected = new HashMap<>();
        totals.forEach((key, byCampaign) -> {
            if ((key.dimension() == Contribution.Dimension.SCHOOL) == schools) {
                selected.put(key, byCampaign);
            }
        });
        return Collections.unmodifiableMap(selected);
    }

    private void accumulate(Contribution contribution, int sign) {
        for (Contribution.Key key : contribution.keys()) {
            Counters counters = counters(key, contribution.campaignCode());
            counters.add(contribution, sign);
            if (key.dimension() == Contribution.Dimension.SCHOOL) {
                counters.addPerClassLevel(contribution, sign);
            }
            if (contribution.completed() && COUNTED_PER_SCHOOL.contains(key.dimension())) {
                delivered.merge(new SchoolKey(contribution.campaignCode(), key, contribution.schoolUai()), (long) sign, Long::sum);
            }
        }
    }

    private Counters counters(Contribution.Key key, String campaign) {
        return totals.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(campaign, c -> new Counters());
    }
}
