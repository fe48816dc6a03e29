package fr.antiharcelement.workshop.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Filters of a workshop search; null means "any". {@code from}/{@code to} bound the start time. {@code updatedSince}
 * keeps the workshops changed at or after that instant and orders the page by update time (reconciliation).
 */
public record WorkshopQuery(String campaign, String school, String partner, UUID facilitator, WorkshopStatus status,
                            Audience audience, OffsetDateTime from, OffsetDateTime to, String partnerReference,
                            OffsetDateTime updatedSince) {

    public WorkshopQuery(String campaign, String school, String partner, UUID facilitator, WorkshopStatus status,
                         Audience audience, OffsetDateTime from, OffsetDateTime to) {
        this(campaign, school, partner, facilitator, status, audience, from, to, null, null);
    }
}
