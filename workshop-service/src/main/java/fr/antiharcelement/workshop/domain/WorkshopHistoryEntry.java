package fr.antiharcelement.workshop.domain;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a workshop's audit trail: who did what, when, what changed from what to what, and why: a reason code
 * and an optional note (free text that only staff and the workshop's partner read, and staff may redact).
 */
public record WorkshopHistoryEntry(UUID workshopId, OffsetDateTime at, String actor, String action,
                                   Map<String, FieldChange> changes, ReasonCode reasonCode, String note) {
}
