package fr.antiharcelement.workshop.domain.webhook;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.workshop.domain.PartnerScope;
import fr.antiharcelement.workshop.domain.PartnerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Partners' endpoints and what is delivered to them. Every change to a partner's workshops becomes, in the change's
 * own transaction, a delivery per active endpoint ({@link #enqueue}); workers send the due ones ({@link #dispatchDue}),
 * signed, retrying with a growing pause until a 2xx or the retry period's end, when the endpoint is disabled with why.
 * An endpoint is the business of staff and of its own partner only.
 */
@ApplicationScoped
public class Webhooks {

    /** Random bytes of a signing secret (Standard Webhooks asks for 24 to 64). */
    static final int SECRET_BYTES = 32;
    public static final String SECRET_PREFIX = "whsec_";

    private final SecureRandom random = new SecureRandom();

    @Inject
    WebhookStore webhooks;

    @Inject
    DeliveryStore deliveries;

    @Inject
    PartnerStore partners;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookPolicy policy;

    @Inject
    Clock clock;

    /** A new endpoint and its signing secret, which only this answer shows. */
    public record Registered(Webhook webhook, String secret) {
    }

    @Transactional
    public Registered register(String partnerCode, String url, PartnerScope scope) {
        scope.requireActingFor(partnerCode);
        partners.withCode(partnerCode).orElseThrow(() -> new NotFoundException("No partner " + partnerCode));
        WebhookUrls.check(url, policy);
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.partnerCode = partnerCode;
        webhook.url = url.trim();
        webhook.secret = SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
        webhook.status = Webhook.Status.ACTIVE;
        webhook.createdAt = CampaignTime.now(clock);
        webhooks.add(webhook);
        return new Registered(webhook, webhook.secret);
    }

    @Transactional
    public List<Webhook> of(String partnerCode, PartnerScope scope) {
        scope.requireActingFor(partnerCode);
        partners.withCode(partnerCode).orElseThrow(() -> new NotFoundException("No partner " + partnerCode));
        return webhooks.ofPartner(partnerCode);
    }

    @Transactional
    public Webhook find(String partnerCode, UUID id, PartnerScope scope) {
        scope.requireActingFor(partnerCode);
        return webhooks.withId(id).filter(webhook -> webhook.partnerCode.equals(partnerCode))
                .orElseThrow(() -> new NotFoundException("No webhook " + id + " for partner " + partnerCode));
    }

    /** Removes the endpoint: nothing more is sent to it, its deliveries go with it. */
    @Transactional
    public void remove(String partnerCode, UUID id, PartnerScope scope) {
        webhooks.remove(find(partnerCode, id, scope));
    }

    @Transactional
    public PageView<WebhookDelivery> deliveries(String partnerCode, UUID id, PageRequest page, PartnerScope scope) {
        return deliveries.ofWebhook(find(partnerCode, id, scope).id, page);
    }

    /**
     * Sends a delivery again, whatever became of it, with a new retry period. Replaying a delivery of a disabled
     * endpoint enables it again: the partner says it is fixed, and its deliveries still pending resume.
     */
    @Transactional
    public WebhookDelivery replay(String partnerCode, UUID id, long deliveryId, PartnerScope scope) {
        Webhook webhook = find(partnerCode, id, scope);
        WebhookDelivery delivery = deliveries.withId(webhook.id, deliveryId)
                .orElseThrow(() -> new NotFoundException("No delivery " + deliveryId + " for webhook " + id));
        OffsetDateTime now = CampaignTime.now(clock);
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.nextAttemptAt = now;
        delivery.giveUpAt = now.plus(policy.retryFor());
        delivery.deliveredAt = null;
        deliveries.save(delivery);
        if (webhook.status == Webhook.Status.DISABLED) {
            webhook.status = Webhook.Status.ACTIVE;
            webhook.disabledAt = null;
            webhooks.save(webhook);
        }
        return delivery;
    }

    /** Whether partner {@code partnerCode} has an endpoint deliveries are recorded for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasActiveEndpoints(String partnerCode) {
        return webhooks.anyActive(partnerCode);
    }

    /**
     * In the change's transaction: a delivery of the event for each active endpoint of the workshop's partner.
     *
     * @return how many were recorded
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(String partnerCode, UUID eventId, UUID workshopId, String eventType, String payload) {
        OffsetDateTime now = CampaignTime.now(clock);
        return deliveries.enqueue(partnerCode, eventId, workshopId, eventType, payload, now, now.plus(policy.retryFor()));
    }

    /**
     * Sends up to {@code limit} due deliveries and records what each endpoint answered; the rows stay locked while
     * they are sent (within the sender's timeouts), so no other worker sends them at the same time. Each endpoint is
     * read once: its deliveries in the batch all record their failures on the same copy, saved once at the end.
     *
     * @return how many were sent
     */
    @Transactional
    public int dispatchDue(int limit) {
        List<WebhookDelivery> due = deliveries.claimDue(CampaignTime.now(clock), limit);
        if (due.isEmpty()) {
            return 0;
        }
        // Each endpoint read once for the batch, so that failures of several deliveries to it add up on one copy.
        Map<UUID, Webhook> endpoints = webhooks.withIds(due.stream().map(delivery -> delivery.webhookId).collect(Collectors.toSet()));
        List<WebhookSender.Send> sends = new ArrayList<>(due.size());
        for (WebhookDelivery delivery : due) {
            sends.add(new WebhookSender.Send(delivery, Objects.requireNonNull(endpoints.get(delivery.webhookId),
                    () -> "no endpoint for delivery " + delivery.id)));
        }
        List<WebhookSender.Answer> answers = sender.send(sends);
        OffsetDateTime now = CampaignTime.now(clock);
        Set<Webhook> failing = new LinkedHashSet<>();
        for (int i = 0; i < sends.size(); i++) {
            if (!record(sends.get(i), answers.get(i), now)) {
                failing.add(sends.get(i).webhook());
            }
            deliveries.save(sends.get(i).delivery());
        }
        failing.forEach(webhooks::save);
        return due.size();
    }

    /** What the endpoint answered, on the delivery and, when it failed, on the endpoint; returns whether it was delivered. */
    private boolean record(WebhookSender.Send send, WebhookSender.Answer answer, OffsetDateTime now) {
        WebhookDelivery delivery = send.delivery();
        delivery.attempts++;
        delivery.lastStatusCode = answer.statusCode();
        if (answer.delivered()) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            delivery.lastError = null;
            return true;
        }
        String error = answer.error() != null ? answer.error() : "HTTP " + answer.statusCode();
        delivery.lastError = error;
        Webhook webhook = send.webhook();
        webhook.lastError = "Delivery " + delivery.id + " (" + delivery.eventType + ", attempt " + delivery.attempts + ") at " + now
                + ": " + error;
        OffsetDateTime next = now.plus(policy.pauseAfter(delivery.attempts));
        if (next.isAfter(delivery.giveUpAt)) {
            delivery.status = WebhookDelivery.Status.FAILED;
            if (webhook.status == Webhook.Status.ACTIVE) {
                webhook.status = Webhook.Status.DISABLED;
                webhook.disabledAt = now;
                webhook.lastError = "Disabled: delivery " + delivery.id + " (" + delivery.eventType + ") got no 2xx in "
                        + delivery.attempts + " attempts over " + policy.retryFor() + "; last: " + error
                        + ". Fix the endpoint, then replay its deliveries (that enables it again).";
            }
        } else {
            delivery.nextAttemptAt = next;
        }
        return false;
    }
}
