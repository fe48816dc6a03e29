package fr.antiharcelement.workshop.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.events.CloudEvent;
import fr.antiharcelement.events.EventsConfig;
import fr.antiharcelement.events.outbox.Outbox;
import fr.antiharcelement.workshop.domain.Campaign;
import fr.antiharcelement.workshop.domain.CampaignChange;
import fr.antiharcelement.workshop.domain.ChangePublisher;
import fr.antiharcelement.workshop.domain.Workshop;
import fr.antiharcelement.workshop.domain.WorkshopChange;
import fr.antiharcelement.workshop.domain.webhook.Webhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes campaign and workshop changes through the outbox, and workshop changes to their partner's webhooks, in the
 * change's transaction.
 */
@ApplicationScoped
public class WorkshopEvents implements ChangePublisher {

    public static final String CAMPAIGN_TOPIC = "campaign-events";
    public static final String WORKSHOP_TOPIC = "workshop-events";

    private static final Object WAKE_DISPATCHER = new Object();
    private static final Object PARTNERS_WITH_ENDPOINTS = new Object();

    @Inject
    Outbox outbox;

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    EventsConfig events;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Override
    public void campaign(CampaignChange change, Campaign campaign) {
        outbox.append(CAMPAIGN_TOPIC, campaign.code, type(change), campaign.version, new CampaignEvent(campaign.code, campaign.name,
                campaign.startsOn, campaign.endsOn, new CampaignEvent.Targets(campaign.targetStudents, campaign.targetParents,
                campaign.targetStudentWorkshops, campaign.targetParentWorkshops, campaign.targetSchools,
                new CampaignEvent.Online(campaign.targetImpressions, campaign.targetAccountsReached, campaign.targetEngagements)),
                campaign.version));
    }

    @Override
    public void workshop(WorkshopChange change, Workshop workshop, String partnerName) {
        WorkshopEvent data = new WorkshopEvent(workshop.id,
                workshop.campaignCode, workshop.schoolUai, workshop.partnerCode, partnerName, workshop.facilitatorId,
                workshop.audience.name(), workshop.classLevel == null ? null : workshop.classLevel.name(), workshop.startsAt,
                workshop.endsAt, workshop.capacity, workshop.status.name(), workshop.attendees,
                workshop.cancellationReasonCode == null ? null : workshop.cancellationReasonCode.name(), workshop.version,
                workshop.partnerReference);
        UUID id = outbox.append(WORKSHOP_TOPIC, workshop.id.toString(), type(change), workshop.version, data);
        toWebhooks(id, type(change), workshop, data);
    }

    /**
     * The same event, with the same id, for the partner's endpoints: recorded in this transaction beside the outbox row,
     * so that a committed change is delivered whatever happens next (a restart, Kafka down) and a rolled-back one never.
     * Every change is delivered, not only a workshop's newest state (the versioned consumers keep only that).
     */
    private void toWebhooks(UUID id, String type, Workshop workshop, WorkshopEvent data) {
        if (!hasEndpoints(workshop.partnerCode)) {
            return;
        }
        Map<String, Object> cloudEvent = new LinkedHashMap<>();
        cloudEvent.put("specversion", CloudEvent.SPEC_VERSION);
        cloudEvent.put("id", id.toString());
        cloudEvent.put("source", events.source());
        cloudEvent.put("type", type);
        cloudEvent.put("subject", workshop.id.toString());
        cloudEvent.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        cloudEvent.put("datacontenttype", CloudEvent.CONTENT_TYPE);
        cloudEvent.put("data", data);
        String payload;
        try {
            payload = objectMapper.writeValueAsString(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be serialised: " + e.getOriginalMessage(), e);
        }
        if (webhooks.enqueue(workshop.partnerCode, id, workshop.id, type, payload) > 0
                && transactions.getResource(WAKE_DISPATCHER) == null) {
            transactions.putResource(WAKE_DISPATCHER, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        dispatcher.wake();
                    }
                }
            });
        }
    }

    /**
     * Whether the partner has active endpoints, asked once per transaction and partner: a bulk upload's thousands of
     * changes, mostly of partners without webhooks, cost one read rather than a statement each.
     */
    @SuppressWarnings("unchecked")
    private boolean hasEndpoints(String partnerCode) {
        Map<String, Boolean> known = (Map<String, Boolean>) transactions.getResource(PARTNERS_WITH_ENDPOINTS);
        if (known == null) {
            known = new java.util.HashMap<>();
            transactions.putResource(PARTNERS_WITH_ENDPOINTS, known);
        }
        return known.computeIfAbsent(partnerCode, webhooks::hasActiveEndpoints);
    }

    /** The CloudEvents types, as docs/asyncapi.yaml lists them. */
    static String type(CampaignChange change) {
        return switch (change) {
            case DEFINED -> "campaign.defined";
            case UPDATED -> "campaign.updated";
        };
    }

    static String type(WorkshopChange change) {
        return switch (change) {
            case SCHEDULED -> "workshop.scheduled";
            case RESCHEDULED -> "workshop.rescheduled";
            case COMPLETED -> "workshop.completed";
            case ATTENDANCE_CORRECTED -> "workshop.attendance-corrected";
            case CANCELLED -> "workshop.cancelled";
        };
    }
}
