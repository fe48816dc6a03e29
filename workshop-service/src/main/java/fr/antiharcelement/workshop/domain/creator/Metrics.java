package fr.antiharcelement.workshop.domain.creator;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A post's figures as its platform reported them at {@code measuredAt}. Each count is cumulative since publication,
 * a non-negative whole number, or null when the platform does not report it (it then counts as 0 in totals).
 */
public record Metrics(OffsetDateTime measuredAt, Long impressions, Long accountsReached, Long views, Long likes, Long comments,
                      Long shares, Long saves) {

    /** Likes, comments, shares and saves: what the campaign calls engagements. */
    public long engagements() {
        return value(likes) + value(comments) + value(shares) + value(saves);
    }

    /** The same counts (whatever the instant): a snapshot sent again changes nothing. */
    public boolean sameCounts(Metrics other) {
        return Objects.equals(impressions, other.impressions) && Objects.equals(accountsReached, other.accountsReached)
                && Objects.equals(views, other.views) && Objects.equals(likes, other.likes)
                && Objects.equals(comments, other.comments) && Objects.equals(shares, other.shares)
                && Objects.equals(saves, other.saves);
    }

    /** Whether a platform reported anything at all. */
    public boolean reportsAnything() {
        return impressions != null || accountsReached != null || views != null || likes != null || comments != null
                || shares != null || saves != null;
    }

    private static long value(Long count) {
        return count == null ? 0 : count;
    }
}
