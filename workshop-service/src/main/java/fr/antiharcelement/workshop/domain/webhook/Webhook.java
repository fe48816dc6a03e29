package fr.antiharcelement.workshop.domain.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner's endpoint, told of every change to the partner's workshops. Its {@code secret} signs each delivery; it is
 * shown once, when registered, and never again. DISABLED once a delivery found no 2xx for the retry period, with why.
 */
public class Webhook {

    public enum Status { ACTIVE, DISABLED }

    public UUID id;
    public String partnerCode;
    public String url;
    public String secret;
    public Status status;
    public String lastError;
    public OffsetDateTime disabledAt;
    public OffsetDateTime createdAt;
}
