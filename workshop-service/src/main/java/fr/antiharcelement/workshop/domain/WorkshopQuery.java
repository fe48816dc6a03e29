package fr.antiharcelement.workshop.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Filters of a workshop search; null means "any". {@code from}/{@code to} bound the start time. */
public record WorkshopQuery(String campaign, String school, String partner, UUID facilitator, WorkshopStatus status,
                            Audience audience, OffsetDateTime from, OffsetDateTime to) {
}
