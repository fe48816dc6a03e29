package fr.antiharcelement.workshop.api;

import fr.antiharcelement.workshop.domain.Audience;
import fr.antiharcelement.workshop.domain.ClassLevel;
import fr.antiharcelement.workshop.domain.Workshop;
import fr.antiharcelement.workshop.domain.WorkshopStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

public record WorkshopView(UUID id, String campaignCode, String schoolUai, String partnerCode, UUID facilitatorId,
                           Audience audience, ClassLevel classLevel, OffsetDateTime startsAt, OffsetDateTime endsAt,
                           int capacity, WorkshopStatus status, Integer attendees, String cancellationReason, long version,
                           String partnerReference, OffsetDateTime updatedAt) {

    static WorkshopView of(Workshop w) {
        return new WorkshopView(w.id, w.campaignCode, w.schoolUai, w.partnerCode, w.facilitatorId, w.audience, w.classLevel,
                w.startsAt, w.endsAt, w.capacity, w.status, w.attendees, w.cancellationReason, w.version, w.partnerReference,
                w.updatedAt);
    }
}
