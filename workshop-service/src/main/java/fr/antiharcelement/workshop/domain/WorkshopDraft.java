package fr.antiharcelement.workshop.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a user sets on a workshop when scheduling or rescheduling it. {@code partnerReference}, the partner's own id
 * for it, is optional and set once: a reschedule may repeat it or leave it out, never change it.
 */
public record WorkshopDraft(String campaignCode, String schoolUai, String partnerCode, UUID facilitatorId, Audience audience,
                            ClassLevel classLevel, OffsetDateTime startsAt, OffsetDateTime endsAt, Integer capacity,
                            String partnerReference) {

    /** A draft without a partner's reference. */
    public WorkshopDraft(String campaignCode, String schoolUai, String partnerCode, UUID facilitatorId, Audience audience,
                         ClassLevel classLevel, OffsetDateTime startsAt, OffsetDateTime endsAt, Integer capacity) {
        this(campaignCode, schoolUai, partnerCode, facilitatorId, audience, classLevel, startsAt, endsAt, capacity, null);
    }
}
