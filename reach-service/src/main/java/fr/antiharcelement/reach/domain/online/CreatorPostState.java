package fr.antiharcelement.reach.domain.online;

import fr.antiharcelement.kernel.CampaignTime;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A creator's post as one creator-post event describes it (events carry the full state), its current figures already
 * reduced to what reach keeps: impressions, accounts reached and engagements (likes + comments + shares + saves), 0
 * before the first snapshot or where the platform reports nothing. {@code creatorName} may be null.
 */
public record CreatorPostState(UUID id, long version, String campaignCode, String creatorHandle, String creatorName, String platform,
                               OffsetDateTime publishedAt, long impressions, long accountsReached, long engagements) {

    /** What this state adds to the online totals; it counts on the French day it was published. */
    public OnlineContribution contribution() {
        return new OnlineContribution(id, campaignCode, creatorHandle, platform, CampaignTime.dayOf(publishedAt), impressions,
                accountsReached, engagements, version);
    }
}
