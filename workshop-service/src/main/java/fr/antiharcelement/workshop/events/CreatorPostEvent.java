package fr.antiharcelement.workshop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The data of a {@code creator-post-events} record: the whole current state of one creator's post, its current
 * figures included ({@code metrics} is null until the first snapshot). Nothing about the creator's audience.
 */
public record CreatorPostEvent(UUID id, String campaignCode, String creatorHandle, String creatorName, String platform, String url,
                               OffsetDateTime publishedAt, String format, Metrics metrics, long version) {

    /** The snapshot measured last; a count is null when the platform does not report it. */
    public record Metrics(OffsetDateTime measuredAt, Long impressions, Long accountsReached, Long views, Long likes, Long comments,
                          Long shares, Long saves) {
    }
}
