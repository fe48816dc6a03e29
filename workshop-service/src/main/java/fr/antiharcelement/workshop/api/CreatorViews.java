package fr.antiharcelement.workshop.api;

import fr.antiharcelement.workshop.domain.FieldChange;
import fr.antiharcelement.workshop.domain.creator.Creator;
import fr.antiharcelement.workshop.domain.creator.CreatorHistoryEntry;
import fr.antiharcelement.workshop.domain.creator.CreatorPost;
import fr.antiharcelement.workshop.domain.creator.MetricSnapshot;
import fr.antiharcelement.workshop.domain.creator.Metrics;
import fr.antiharcelement.workshop.domain.creator.Platform;
import fr.antiharcelement.workshop.domain.creator.PostFormat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** What the creator endpoints answer. */
public final class CreatorViews {

    private CreatorViews() {
    }

    public record CreatorView(String handle, Platform platform, String displayName, boolean active, long version) {
        static CreatorView of(Creator creator) {
            return new CreatorView("@" + creator.handle, creator.platform, creator.displayName, creator.active, creator.version);
        }
    }

    /** A post's figures at one instant, with its engagements (likes + comments + shares + saves). */
    public record MetricsView(OffsetDateTime measuredAt, Long impressions, Long accountsReached, Long views, Long likes, Long comments,
                              Long shares, Long saves, long engagements) {
        static MetricsView of(Metrics metrics) {
            return metrics == null ? null : new MetricsView(metrics.measuredAt(), metrics.impressions(), metrics.accountsReached(),
                    metrics.views(), metrics.likes(), metrics.comments(), metrics.shares(), metrics.saves(), metrics.engagements());
        }
    }

    public record PostView(UUID id, String campaignCode, String creatorHandle, Platform platform, String url, OffsetDateTime publishedAt,
                           PostFormat format, @org.eclipse.microprofile.openapi.annotations.media.Schema(
                                   description = "The snapshot measured last; null before the first") MetricsView metrics, long version) {
        static PostView of(CreatorPost post) {
            return new PostView(post.id, post.campaignCode, "@" + post.creatorHandle, post.platform, post.url, post.publishedAt,
                    post.format, MetricsView.of(post.current()), post.version);
        }
    }

    /** One snapshot as recorded; {@code current} when it is the post's current figure. */
    public record SnapshotView(MetricsView metrics, OffsetDateTime recordedAt, String recordedBy, boolean current) {
        static SnapshotView of(MetricSnapshot snapshot, CreatorPost post) {
            return new SnapshotView(MetricsView.of(snapshot.metrics()), snapshot.recordedAt, snapshot.recordedBy,
                    post.measuredAt != null && post.measuredAt.isEqual(snapshot.measuredAt));
        }
    }

    public record HistoryEntryView(OffsetDateTime at, String actor, String action, Map<String, FieldChange> changes, String reason) {
        static HistoryEntryView of(CreatorHistoryEntry entry) {
            return new HistoryEntryView(entry.at(), entry.actor(), entry.action(), entry.changes(), entry.reason());
        }
    }
}
