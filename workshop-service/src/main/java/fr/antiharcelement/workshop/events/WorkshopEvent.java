package fr.antiharcelement.workshop.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The data of a {@code workshop-events} record: the whole current state of one workshop, as reach needs it.
 * Attendance is a headcount: nothing in it identifies a pupil or a parent, and the facilitator is only an id. A
 * cancellation travels as its reason code; its note never does (events are kept for ever and cannot be redacted).
 */
public record WorkshopEvent(UUID id, String campaignCode, String schoolUai, String partnerCode, String partnerName,
                            UUID facilitatorId, String audience, String classLevel, OffsetDateTime startsAt,
                            OffsetDateTime endsAt, int capacity, String status, Integer attendees,
                            String cancellationReasonCode, long version, String partnerReference) {
}
