package fr.antiharcelement.reach.domain;

import fr.antiharcelement.kernel.CampaignTime;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A workshop as one workshop event describes it (events carry the full state). {@code partnerName} may be null;
 * {@code attendees} is 0 when the event has none, and a valid headcount whenever the workshop is COMPLETED.
 */
public record WorkshopState(UUID id, long version, String campaignCode, String schoolUai, String partnerCode, String partnerName,
                            String audience, String classLevel, OffsetDateTime startsAt, String status, int attendees) {

    /** What this state adds to the totals; it counts on the French day it starts. */
    public Contribution contribution() {
        return new Contribution(id, campaignCode, schoolUai, partnerCode, audience, classLevel, CampaignTime.dayOf(startsAt), status,
                attendees, version);
    }
}
