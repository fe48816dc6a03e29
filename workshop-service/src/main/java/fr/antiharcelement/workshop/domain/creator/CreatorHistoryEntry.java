package fr.antiharcelement.workshop.domain.creator;

import fr.antiharcelement.workshop.domain.FieldChange;

import java.time.OffsetDateTime;
import java.util.Map;

/** One line of a creator's or a post's audit trail: who did what, when, what changed from what to what, and why. */
public record CreatorHistoryEntry(String subject, OffsetDateTime at, String actor, String action, Map<String, FieldChange> changes,
                                  String reason) {
}
