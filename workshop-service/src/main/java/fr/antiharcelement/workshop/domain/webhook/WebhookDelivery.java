package fr.antiharcelement.workshop.domain.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event for one endpoint: PENDING until a 2xx (DELIVERED), retried with a growing pause until {@code giveUpAt}, then
 * FAILED. {@code payload} is the exact body sent (a CloudEvent, structured), so every attempt sends the same bytes.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status { PENDING, DELIVERED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID webhookId;
    public UUID eventId;
    public UUID workshopId;
    public String eventType;
    public String payload;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int attempts;
    public Integer lastStatusCode;
    public String lastError;
    public OffsetDateTime nextAttemptAt;
    public OffsetDateTime giveUpAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime deliveredAt;
}
