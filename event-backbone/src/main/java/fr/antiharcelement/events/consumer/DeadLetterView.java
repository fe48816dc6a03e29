package fr.antiharcelement.events.consumer;

import java.time.OffsetDateTime;

/** A dead letter as operators read it. */
public record DeadLetterView(long id, String consumer, String topic, int partition, long offset, String key, String eventId,
                             String eventType, String payload, String reason, OffsetDateTime receivedAt) {
}
