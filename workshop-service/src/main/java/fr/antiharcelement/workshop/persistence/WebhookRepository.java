package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.webhook.Webhook;
import fr.antiharcelement.workshop.domain.webhook.WebhookStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID>, WebhookStore {

    @Override
    public void add(Webhook webhook) {
        persist(webhook);
    }

    @Override
    public Optional<Webhook> withId(UUID id) {
        return findByIdOptional(id);
    }

    @Override
    public List<Webhook> ofPartner(String partnerCode) {
        return list("partnerCode", Sort.by("createdAt").and("id"), partnerCode);
    }

    @Override
    public void remove(Webhook webhook) {
        // The deliveries go with it (on delete cascade), in one statement rather than an entity each.
        delete(webhook);
        flush();
    }
}
