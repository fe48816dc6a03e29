package fr.antiharcelement.workshop.domain.creator;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A creator's post for a campaign, with its current figures: those of its snapshot measured last (null until the
 * first). Its {@code version} grows by one with every change, figures included, and is its ETag.
 */
public class CreatorPost {

    public UUID id;
    public String campaignCode;
    public String creatorHandle;
    public Platform platform;
    public String url;
    public OffsetDateTime publishedAt;
    public PostFormat format;
    public OffsetDateTime measuredAt;
    public Long impressions;
    public Long accountsReached;
    public Long views;
    public Long likes;
    public Long comments;
    public Long shares;
    public Long saves;
    public long version;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    /** The current figures, or null before the first snapshot. */
    public Metrics current() {
        return measuredAt == null ? null : new Metrics(measuredAt, impressions, accountsReached, views, likes, comments, shares, saves);
    }

    /**
     * Takes {@code metrics} as the current figures if they were measured after the current ones; a snapshot measured
     * earlier (it arrived late) changes nothing here. Returns whether the current figures changed.
     */
    public boolean takeIfNewer(Metrics metrics) {
        if (measuredAt != null && !metrics.measuredAt().isAfter(measuredAt)) {
            return false;
        }
        measuredAt = metrics.measuredAt();
        impressions = metrics.impressions();
        accountsReached = metrics.accountsReached();
        views = metrics.views();
        likes = metrics.likes();
        comments = metrics.comments();
        shares = metrics.shares();
        saves = metrics.saves();
        return true;
    }
}
