package fr.antiharcelement.reach.domain.online;

/** Online totals under one key; also used as a difference to add (new contribution) or subtract (old one). */
public final class OnlineCounters {

    /** Creators with a post under the key: changed when a creator's post count there leaves or comes back to 0. */
    public long creators;
    public long posts;
    public long impressions;
    public long accountsReached;
    public long engagements;

    public void add(OnlineContribution contribution, int sign) {
        posts += sign;
        impressions += sign * contribution.impressions();
        accountsReached += sign * contribution.accountsReached();
        engagements += sign * contribution.engagements();
    }

    public boolean isZero() {
        return creators == 0 && posts == 0 && impressions == 0 && accountsReached == 0 && engagements == 0;
    }
}
