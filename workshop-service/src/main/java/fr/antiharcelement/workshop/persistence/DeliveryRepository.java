package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.workshop.domain.webhook.DeliveryStore;
import fr.antiharcelement.workshop.domain.webhook.WebhookDelivery;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, Long>, DeliveryStore {

    /** One statement per event whatever the number of endpoints; a second write of the same event is a no-op. */
    private static final String ENQUEUE = """
            insert into webhook_delivery (webhook_id, event_id, workshop_id, event_type, payload, status, attempts,
                                          next_attempt_at, give_up_at, created_at)
            select w.id, :event, :workshop, :type, :payload, 'PENDING', 0, :now, :giveUpAt, :now
            from webhook w where w.partner_code = :partner and w.status = 'ACTIVE'
            on conflict (event_id, webhook_id) do nothing""";

    /**
     * Due rows of active endpoints, each the oldest pending one of its endpoint and workshop: a row waiting for a retry,
     * or held by another worker, keeps the workshop's later events back. SKIP LOCKED lets workers share the rows.
     */
    private static final String CLAIM = """
            select d.* from webhook_delivery d join webhook w on w.id = d.webhook_id
            where d.status = 'PENDING' and d.next_attempt_at <= :now and w.status = 'ACTIVE'
              and not exists (select 1 from webhook_delivery e where e.webhook_id = d.webhook_id
                                and e.workshop_id = d.workshop_id and e.status = 'PENDING' and e.id < d.id)
            order by d.id
            limit :limit
            for update of d skip locked""";

    @Override
    public int enqueue(String partnerCode, UUID eventId, UUID workshopId, String eventType, String payload, OffsetDateTime now,
                       OffsetDateTime giveUpAt) {
        return getEntityManager().createNativeQuery(ENQUEUE)
                .setParameter("event", eventId)
                .setParameter("workshop", workshopId)
                .setParameter("type", eventType)
                .setParameter("payload", payload)
                .setParameter("now", now)
                .setParameter("giveUpAt", giveUpAt)
                .setParameter("partner", partnerCode)
                .executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<WebhookDelivery> claimDue(OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery(CLAIM, WebhookDelivery.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    @Override
    public Optional<WebhookDelivery> withId(UUID webhookId, long deliveryId) {
        return find("id = ?1 and webhookId = ?2", deliveryId, webhookId).firstResultOptional();
    }

    @Override
    public PageView<WebhookDelivery> ofWebhook(UUID webhookId, PageRequest page) {
        PanacheQuery<WebhookDelivery> found = find("webhookId", Sort.descending("id"), webhookId).page(Page.of(page.page(), page.size()));
        return PageView.of(found.list(), page, found.count());
    }
}
