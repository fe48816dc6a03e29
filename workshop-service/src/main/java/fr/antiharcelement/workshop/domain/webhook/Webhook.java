package fr.antiharcelement.workshop.domain.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner's endpoint, told of every change to the partner's workshops. Its {@code secret} signs each delivery; it is
 * shown once, when registered, and never again. DISABLED once a delivery found no 2xx for the retry period, with why.
 */
@Entity
@Table(name = "webhook")
public class Webhook {

    public enum Status { ACTIVE, DISABLED }

    @Id
    public UUID id;
    public String partnerCode;
    public String url;
    public String secret;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String lastError;
    public OffsetDateTime disabledAt;
    public OffsetDateTime createdAt;
}
