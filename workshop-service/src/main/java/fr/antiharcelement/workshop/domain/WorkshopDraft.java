package fr.antiharcelement.workshop.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What a user sets on a workshop when scheduling or rescheduling it. */
public record WorkshopDraft(String campaignCode, String schoolUai, String partnerCode, UUID facilitatorId, Audience audience,
                            ClassLevel classLevel, OffsetDateTime startsAt, OffsetDateTime endsAt, Integer capacity) {
}
