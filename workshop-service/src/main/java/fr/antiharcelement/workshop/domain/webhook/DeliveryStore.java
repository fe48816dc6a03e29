package fr.antiharcelement.workshop.domain.webhook;

import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where deliveries wait, are claimed by the workers, and are kept for the partner to see. */
public interface DeliveryStore {

    /**
     * A PENDING delivery of event {@code eventId} about workshop {@code workshopId} for each ACTIVE endpoint of partner
     * {@code partnerCode}, due at once; an event already recorded for an endpoint is not recorded twice.
     *
     * @return how many deliveries were recorded
     */
    int enqueue(String partnerCode, UUID eventId, UUID workshopId, String eventType, String payload, OffsetDateTime now,
                OffsetDateTime giveUpAt);

    /**
     * At most {@code limit} PENDING deliveries due at {@code now} of ACTIVE endpoints, each the oldest pending one of
     * its endpoint and workshop (a workshop's events go in order), locked until the end of the transaction; rows another
     * worker holds are skipped, so any number of instances claim without waiting on each other.
     */
    List<WebhookDelivery> claimDue(OffsetDateTime now, int limit);

    Optional<WebhookDelivery> withId(UUID webhookId, long deliveryId);

    /** An endpoint's deliveries, newest first. */
    PageView<WebhookDelivery> ofWebhook(UUID webhookId, PageRequest page);

    /** Keeps what an attempt or a replay changed of a delivery. */
    void save(WebhookDelivery delivery);
}
