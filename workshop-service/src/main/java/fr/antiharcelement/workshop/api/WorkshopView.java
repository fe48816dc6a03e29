package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.idempotency.NotInIdempotencyRecord;
import fr.antiharcelement.workshop.domain.Audience;
import fr.antiharcelement.workshop.domain.ClassLevel;
import fr.antiharcelement.workshop.domain.ReasonCode;
import fr.antiharcelement.workshop.domain.Workshop;
import fr.antiharcelement.workshop.domain.WorkshopStatus;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A workshop as the API shows it; the cancellation's note only to staff and the workshop's own partner. */
public record WorkshopView(UUID id, String campaignCode, String schoolUai, String partnerCode, UUID facilitatorId,
                           Audience audience, ClassLevel classLevel, OffsetDateTime startsAt, OffsetDateTime endsAt,
                           int capacity, WorkshopStatus status, Integer attendees, ReasonCode cancellationReasonCode,
                           @Schema(description = "Shown to staff and the workshop's partner only (null for viewers). "
                                   + "No personal data: never a pupil's name.")
                           @NotInIdempotencyRecord String cancellationNote,
                           long version, String partnerReference, OffsetDateTime updatedAt) {

    /** {@code withNotes}: whether the caller may read notes (staff, or the partner whose workshop it is). */
    static WorkshopView of(Workshop w, boolean withNotes) {
        return new WorkshopView(w.id, w.campaignCode, w.schoolUai, w.partnerCode, w.facilitatorId, w.audience, w.classLevel,
                w.startsAt, w.endsAt, w.capacity, w.status, w.attendees, w.cancellationReasonCode,
                withNotes ? w.cancellationNote : null, w.version, w.partnerReference, w.updatedAt);
    }
}
