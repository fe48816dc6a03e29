package fr.antiharcelement.workshop.domain.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where partners' endpoints are kept. An endpoint read from it is a copy: a change is kept once saved. */
public interface WebhookStore {

    void add(Webhook webhook);

    /** Keeps what changes of an endpoint: its status and its last error. */
    void save(Webhook webhook);

    Optional<Webhook> withId(UUID id);

    /** The endpoints of these ids that exist, by id: a batch of deliveries reads its endpoints at once. */
    Map<UUID, Webhook> withIds(Collection<UUID> ids);

    /** A partner's endpoints, oldest first. */
    List<Webhook> ofPartner(String partnerCode);

    /** Whether the partner has an ACTIVE endpoint: asked on every change of its workshops, so one indexed probe. */
    boolean anyActive(String partnerCode);

    /** Removes the endpoint and its deliveries. */
    void remove(Webhook webhook);
}
