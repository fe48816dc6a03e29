package fr.antiharcelement.reach.domain.online;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * What a batch of new post states changes in the online totals, as {@code TotalsDifference} does for workshops: each
 * post's previous contribution is subtracted and its new one added, under each of their keys. So new figures replace
 * the old ones, and a post moved to another campaign, creator, platform or day moves its contribution.
 */
public final class OnlineDifference {

    private final Map<OnlineContribution.Key, Map<String, OnlineCounters>> totals = new HashMap<>();   // key → campaign → difference
    private final Map<CreatorKey, Long> posts = new HashMap<>();

    /** Replaces what a post contributed ({@code before}, null for a post not seen yet) with {@code after}. */
    public void replace(OnlineContribution before, OnlineContribution after) {
        if (before != null) {
            accumulate(before, -1);
        }
        accumulate(after, +1);
    }

    /** Posts added (or taken away) per creator and key; the day is not a key creators are counted by. */
    public Map<CreatorKey, Long> postsPerCreator() {
        return Collections.unmodifiableMap(posts);
    }

    /** Counts the creators who came, or stopped being, under a key, from their post counts once {@link #postsPerCreator()} was added. */
    public void countCreators(Map<CreatorKey, Long> postsAfter) {
        postsAfter.forEach((creator, after) -> {
            long before = after - posts.getOrDefault(creator, 0L);
            long change = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
            if (change != 0) {
                counters(creator.key(), creator.campaignCode()).creators += change;
            }
        });
    }

    /** Per key and campaign, what to add to the running online totals. */
    public Map<OnlineContribution.Key, Map<String, OnlineCounters>> totals() {
        return Collections.unmodifiableMap(totals);
    }

    private void accumulate(OnlineContribution contribution, int sign) {
        for (OnlineContribution.Key key : contribution.keys()) {
            counters(key, contribution.campaignCode()).add(contribution, sign);
            if (key.dimension() != OnlineContribution.Dimension.DAY) {
                posts.merge(new CreatorKey(contribution.campaignCode(), key, contribution.creatorHandle()), (long) sign, Long::sum);
            }
        }
    }

    private OnlineCounters counters(OnlineContribution.Key key, String campaign) {
        return totals.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(campaign, c -> new OnlineCounters());
    }
}
