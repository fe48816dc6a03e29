package fr.antiharcelement.workshop.domain.creator;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One snapshot of a post's figures, kept whether or not it became the post's current one. */
public class MetricSnapshot {

    public Long id;
    public UUID postId;
    public OffsetDateTime measuredAt;
    public Long impressions;
    public Long accountsReached;
    public Long views;
    public Long likes;
    public Long comments;
    public Long shares;
    public Long saves;
    public OffsetDateTime recordedAt;
    public String recordedBy;

    public static MetricSnapshot of(UUID postId, Metrics metrics, OffsetDateTime recordedAt, String recordedBy) {
        MetricSnapshot snapshot = new MetricSnapshot();
        snapshot.postId = postId;
        snapshot.measuredAt = metrics.measuredAt();
        snapshot.impressions = metrics.impressions();
        snapshot.accountsReached = metrics.accountsReached();
        snapshot.views = metrics.views();
        snapshot.likes = metrics.likes();
        snapshot.comments = metrics.comments();
        snapshot.shares = metrics.shares();
        snapshot.saves = metrics.saves();
        snapshot.recordedAt = recordedAt;
        snapshot.recordedBy = recordedBy;
        return snapshot;
    }

    public Metrics metrics() {
        return new Metrics(measuredAt, impressions, accountsReached, views, likes, comments, shares, saves);
    }
}
