package fr.antiharcelement.workshop.events;

import fr.antiharcelement.events.outbox.Outbox;
import fr.antiharcelement.workshop.domain.Campaign;
import fr.antiharcelement.workshop.domain.Workshop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Publishes campaign and workshop changes through the outbox, in the change's transaction. */
@ApplicationScoped
public class WorkshopEvents {

    public static final String CAMPAIGN_TOPIC = "campaign-events";
    public static final String WORKSHOP_TOPIC = "workshop-events";

    public static final String CAMPAIGN_DEFINED = "campaign.defined";
    public static final String CAMPAIGN_UPDATED = "campaign.updated";
    public static final String SCHEDULED = "workshop.scheduled";
    public static final String RESCHEDULED = "workshop.rescheduled";
    public static final String COMPLETED = "workshop.completed";
    public static final String ATTENDANCE_CORRECTED = "workshop.attendance-corrected";
    public static final String CANCELLED = "workshop.cancelled";

    @Inject
    Outbox outbox;

    public void campaign(String type, Campaign campaign) {
        outbox.append(CAMPAIGN_TOPIC, campaign.code, type, campaign.version, new CampaignEvent(campaign.code, campaign.name,
                campaign.startsOn, campaign.endsOn, new CampaignEvent.Targets(campaign.targetStudents, campaign.targetParents,
                campaign.targetStudentWorkshops, campaign.targetParentWorkshops, campaign.targetSchools), campaign.version));
    }

    public void workshop(String type, Workshop workshop, String partnerName) {
        outbox.append(WORKSHOP_TOPIC, workshop.id.toString(), type, workshop.version, new WorkshopEvent(workshop.id,
                workshop.campaignCode, workshop.schoolUai, workshop.partnerCode, partnerName, workshop.facilitatorId,
                workshop.audience.name(), workshop.classLevel == null ? null : workshop.classLevel.name(), workshop.startsAt,
                workshop.endsAt, workshop.capacity, workshop.status.name(), workshop.attendees, workshop.cancellationReason,
                workshop.version));
    }
}
