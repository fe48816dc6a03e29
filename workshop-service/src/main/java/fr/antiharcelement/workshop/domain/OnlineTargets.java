package fr.antiharcelement.workshop.domain;

/**
 * A campaign's optional online targets, for its creators' posts: impressions, accounts reached (summed per post) and
 * engagements (likes, comments, shares and saves). Each may be null: no target.
 */
public record OnlineTargets(Long impressions, Long accountsReached, Long engagements) {

    public static final OnlineTargets NONE = new OnlineTargets(null, null, null);
}
