package fr.antiharcelement.reach.events;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.events.consumer.IncomingEvent;
import fr.antiharcelement.kernel.Timestamps;
import fr.antiharcelement.reach.domain.CampaignState;
import fr.antiharcelement.reach.domain.Contribution;
import fr.antiharcelement.reach.domain.ReachBatch;
import fr.antiharcelement.reach.domain.SchoolState;
import fr.antiharcelement.reach.domain.WorkshopState;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the events of the three topics, as their producers' AsyncAPI contracts describe them, into the domain's
 * states. Data the projection cannot use throws, mostly an {@link IllegalArgumentException} naming what is wrong:
 * the consumer then sends the event to the dead letters with that reason, and goes on.
 */
final class ReachEventDecoder {

    static final String SCHOOL_TOPIC = "school-events";
    static final String CAMPAIGN_TOPIC = "campaign-events";
    static final String WORKSHOP_TOPIC = "workshop-events";

    private ReachEventDecoder() {
    }

    static ReachBatch batch(List<IncomingEvent> events) {
        List<SchoolState> schools = new ArrayList<>();
        List<CampaignState> campaigns = new ArrayList<>();
        List<WorkshopState> workshops = new ArrayList<>();
        Instant newest = null;
        for (IncomingEvent event : events) {
            switch (event.topic()) {
                case SCHOOL_TOPIC -> schools.add(school(event.data()));
                case CAMPAIGN_TOPIC -> campaigns.add(campaign(event.data()));
                case WORKSHOP_TOPIC -> workshops.add(workshop(event));
                case OnlineEventDecoder.CREATOR_POST_TOPIC -> { } // the online projection's: OnlineEventDecoder
                default -> throw new IllegalArgumentException("reach does not consume " + event.topic());
            }
            OffsetDateTime time = event.cloudEvent().time();
            if (time != null && (newest == null || time.toInstant().isAfter(newest))) {
                newest = time.toInstant();
            }
        }
        return new ReachBatch(schools, campaigns, workshops, newest);
    }

    static SchoolState school(JsonNode data) {
        return new SchoolState(text(data, "uai"), text(data, "name"), text(data, "departmentCode"), text(data, "departmentName"),
                text(data, "academyCode"), text(data, "academyName"), text(data, "regionCode"), text(data, "regionName"));
    }

    /** A missing target reads as 0, except the parents one, which is optional. */
    static CampaignState campaign(JsonNode data) {
        String code = text(data, "code");
        String name = text(data, "name");
        LocalDate startsOn = LocalDate.parse(text(data, "startsOn"));
        LocalDate endsOn = LocalDate.parse(text(data, "endsOn"));
        JsonNode targets = data.path("targets");
        return new CampaignState(code, name, startsOn, endsOn, targets.path("studentsSensitised").asInt(),
                targets.path("parentsSensitised").isNumber() ? targets.get("parentsSensitised").asInt() : null,
                targets.path("studentWorkshops").asInt(), targets.path("parentWorkshops").asInt(), targets.path("schools").asInt());
    }

    /** A completed workshop must say how many attended; for any other, a missing headcount is 0. */
    static WorkshopState workshop(IncomingEvent event) {
        JsonNode data = event.data();
        OffsetDateTime startsAt = Timestamps.parse(text(data, "startsAt"));
        String status = text(data, "status");
        JsonNode attendees = data.get("attendees");
        int headcount = attendees == null || attendees.isNull() ? 0 : attendees.asInt();
        if ("COMPLETED".equals(status) && (attendees == null || !attendees.canConvertToInt() || headcount < 0)) {
            throw new IllegalArgumentException("completed workshop without a valid attendees headcount");
        }
        String audience = text(data, "audience");
        if (!audience.equals("STUDENTS") && !audience.equals("PARENTS")) {
            throw new IllegalArgumentException("unknown audience " + audience);
        }
        JsonNode level = data.get("classLevel");
        String classLevel = level == null || level.isNull() ? null : level.asText();
        if (classLevel != null && (classLevel.equals(Contribution.NO_CLASS_LEVEL) || !Contribution.CLASS_LEVELS.contains(classLevel))) {
            throw new IllegalArgumentException("unknown class level " + classLevel);
        }
        return new WorkshopState(UUID.fromString(event.aggregateId()), event.version(), text(data, "campaignCode"),
                text(data, "schoolUai"), text(data, "partnerCode"),
                data.path("partnerName").isTextual() ? data.get("partnerName").asText() : null, audience,
                classLevel, startsAt, status, headcount);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("event without " + field);
        }
        return value.asText();
    }
}
