package fr.antiharcelement.workshop.events;

import fr.antiharcelement.events.outbox.Outbox;
import fr.antiharcelement.workshop.domain.Campaign;
import fr.antiharcelement.workshop.domain.CampaignChange;
import fr.antiharcelement.workshop.domain.ChangePublisher;
import fr.antiharcelement.workshop.domain.Workshop;
import fr.antiharcelement.workshop.domain.WorkshopChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Publishes campaign and workshop changes through the outbox, in the change's transaction. */
@ApplicationScoped
public class WorkshopEvents implements ChangePublisher {

    public static final String CAMPAIGN_TOPIC = "campaign-events";
    public static final String WORKSHOP_TOPIC = "workshop-events";

    @Inject
    Outbox outbox;

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
        outbox.append(WORKSHOP_TOPIC, workshop.id.toString(), type(change), workshop.version, new WorkshopEvent(workshop.id,
                workshop.campaignCode, workshop.schoolUai, workshop.partnerCode, partnerName, workshop.facilitatorId,
                workshop.audience.name(), workshop.classLevel == null ? null : workshop.classLevel.name(), workshop.startsAt,
                workshop.endsAt, workshop.capacity, workshop.status.name(), workshop.attendees,
                workshop.cancellationReasonCode == null ? null : workshop.cancellationReasonCode.name(),
                workshop.version));
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
