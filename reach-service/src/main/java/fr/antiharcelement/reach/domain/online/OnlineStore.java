package fr.antiharcelement.reach.domain.online;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where the online projection writes, inside the consumer's transaction: the totals are exact after every committed batch. */
public interface OnlineStore {

    /** Saves campaigns' online targets; the last of a campaign in the list wins. */
    void saveTargets(List<CampaignOnlineTargets> targets);

    /** Saves creators' names by handle; a null name keeps the name already known. */
    void saveCreators(Map<String, String> names);

    /** The contributions stored for these posts, by post; a post not seen yet has none. */
    Map<UUID, OnlineContribution> contributions(Collection<UUID> postIds);

    /** Saves the new contribution of each post; at most one per post. */
    void saveContributions(Collection<OnlineContribution> contributions);

    /** Adds a batch's differences (per key, then per campaign) to the running online totals. */
    void addToTotals(Map<OnlineContribution.Key, Map<String, OnlineCounters>> differences);

    /** Adds to the post counts per creator and key; returns the count of each changed, after the addition. */
    Map<CreatorKey, Long> addToCreators(Map<CreatorKey, Long> posts);
}
