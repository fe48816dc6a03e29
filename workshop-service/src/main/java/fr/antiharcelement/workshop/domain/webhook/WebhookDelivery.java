package fr.antiharcelement.workshop.domain.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event for one endpoint: PENDING until a 2xx (DELIVERED), retried with a growing pause until {@code giveUpAt}, then
 * FAILED. {@code payload} is the exact body sent (a CloudEvent, structured), so every attempt sends the same bytes.
 */
public class WebhookDelivery {

    public enum Status { PENDING, DELIVERED, FAILED }

    public Long id;
    public UUID webhookId;
    public UUID eventId;
    public UUID workshopId;
    public String eventType;
    public String payload;
    public Status status;
    public int attempts;
    public Integer lastStatusCode;
    public String lastError;
    public OffsetDateTime nextAttemptAt;
    public OffsetDateTime giveUpAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime deliveredAt;
}
