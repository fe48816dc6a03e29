package fr.antiharcelement.reach.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.antiharcelement.events.CloudEvent;
import fr.antiharcelement.events.consumer.IncomingEvent;
import fr.antiharcelement.reach.domain.CampaignState;
import fr.antiharcelement.reach.domain.ReachBatch;
import fr.antiharcelement.reach.domain.SchoolState;
import fr.antiharcelement.reach.domain.WorkshopState;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Events read into the domain's states as their producers' contracts describe them; what the projection cannot use
 * is an IllegalArgumentException naming it, which the consumer turns into a dead letter with that reason.
 */
class ReachEventDecoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID WORKSHOP = UUID.fromString("7d2c0d3e-7f4b-4c55-9d0e-2f1f3a0b9c11");
    private static final String SCHOOL = """
            {"uai":"0350001A","name":"Collège Anne de Bretagne","type":"COLLEGE","departmentCode":"035",
            "departmentName":"Ille-et-Vilaine","academyCode":"14","academyName":"Rennes","regionCode":"53","regionName":"Bretagne",
            "version":1}""";
    private static final String CAMPAIGN = """
            {"code":"2021-2022","name":"Campagne 2021-2022","startsOn":"2021-09-01","endsOn":"2022-06-30",
            "targets":{"studentsSensitised":5000,"parentsSensitised":null,"studentWorkshops":1800,"parentWorkshops":200,"schools":300},
            "version":1}""";
    private static final String WORKSHOP_COMPLETED = """
            {"id":"7d2c0d3e-7f4b-4c55-9d0e-2f1f3a0b9c11","campaignCode":"2021-2022","schoolUai":"0350001A","partnerCode":"p1",
            "partnerName":"Partner 1","audience":"STUDENTS","classLevel":"SIXIEME","startsAt":"2021-10-12T10:00:00+02:00",
            "status":"COMPLETED","attendees":28,"version":2}""";

    @Test
    void aSchoolEventGivesTheSchoolAndWhereItLies() {
        SchoolState school = ReachEventDecoder.school(json(SCHOOL));

        assertThat(school).as("the school decoded").isEqualTo(new SchoolState("0350001A", "Collège Anne de Bretagne", "035",
                "Ille-et-Vilaine", "14", "Rennes", "53", "Bretagne"));
    }

    @Test
    void aSchoolEventWithoutItsRegionIsRefusedNamingIt() {
        ObjectNode data = json(SCHOOL);
        data.remove("regionName");

        assertThatThrownBy(() -> ReachEventDecoder.school(data)).as("a school event without regionName")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("event without regionName");
    }

    @Test
    void aCampaignEventGivesItsDatesAndTargetsWithTheParentsTargetOptional() {
        CampaignState campaign = ReachEventDecoder.campaign(json(CAMPAIGN));

        assertThat(campaign.startsOn()).as("first day of the campaign").isEqualTo(LocalDate.of(2021, 9, 1));
        assertThat(campaign.endsOn()).as("last day of the campaign").isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(campaign.targetStudents()).as("students target").isEqualTo(5000);
        assertThat(campaign.targetParents()).as("parents target, null in the event").isNull();
        assertThat(campaign.targetStudentWorkshops()).as("student workshops target").isEqualTo(1800);
        assertThat(campaign.targetParentWorkshops()).as("parent workshops target").isEqualTo(200);
        assertThat(campaign.targetSchools()).as("schools target").isEqualTo(300);
    }

    @Test
    void aCampaignEventWithoutItsEndIsRefusedNamingIt() {
        ObjectNode data = json(CAMPAIGN);
        data.putNull("endsOn");

        assertThatThrownBy(() -> ReachEventDecoder.campaign(data)).as("a campaign event with a null endsOn")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("event without endsOn");
    }

    @Test
    void aWorkshopEventGivesItsFullStateWithTheEventsIdAndVersion() {
        WorkshopState workshop = ReachEventDecoder.workshop(workshopEvent(json(WORKSHOP_COMPLETED), 2));

        assertThat(workshop).as("the workshop decoded").isEqualTo(new WorkshopState(WORKSHOP, 2, "2021-2022", "0350001A", "p1",
                "Partner 1", "STUDENTS", "SIXIEME", OffsetDateTime.parse("2021-10-12T10:00:00+02:00"), "COMPLETED", 28));
    }

    @Test
    void aScheduledWorkshopWithoutHeadcountOrPartnerNameOrClassLevelCountsNoAttendees() {
        ObjectNode data = json(WORKSHOP_COMPLETED);
        data.put("status", "SCHEDULED");
        data.putNull("attendees");
        data.remove("partnerName");
        data.putNull("classLevel");

        WorkshopState workshop = ReachEventDecoder.workshop(workshopEvent(data, 1));

        assertThat(workshop.attendees()).as("attendees of a scheduled workshop").isZero();
        assertThat(workshop.partnerName()).as("partner name, absent from the event").isNull();
        assertThat(workshop.classLevel()).as("class level, null in the event").isNull();
    }

    @Test
    void aCompletedWorkshopWithoutAValidHeadcountIsRefused() {
        for (String attendees : List.of("null", "-1", "\"many\"", "12345678901")) {
            ObjectNode data = json(WORKSHOP_COMPLETED);
            data.set("attendees", json(attendees));

            assertThatThrownBy(() -> ReachEventDecoder.workshop(workshopEvent(data, 2)))
                    .as("a completed workshop with attendees %s", attendees).isInstanceOf(IllegalArgumentException.class).hasMessage("completed workshop without a valid attendees headcount");
        }
        ObjectNode missing = json(WORKSHOP_COMPLETED);
        missing.remove("attendees");
        assertThatThrownBy(() -> ReachEventDecoder.workshop(workshopEvent(missing, 2))).as("a completed workshop without attendees")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("completed workshop without a valid attendees headcount");
    }

    @Test
    void aWorkshopForAnUnknownAudienceIsRefused() {
        ObjectNode data = json(WORKSHOP_COMPLETED);
        data.put("audience", "TEACHERS");

        assertThatThrownBy(() -> ReachEventDecoder.workshop(workshopEvent(data, 2))).as("a workshop for teachers")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown audience TEACHERS");
    }

    @Test
    void aWorkshopForAnUnknownClassLevelIsRefused() {
        ObjectNode data = json(WORKSHOP_COMPLETED);
        data.put("classLevel", "SECONDE");
        ObjectNode none = json(WORKSHOP_COMPLETED);
        none.put("classLevel", "NONE");

        assertThatThrownBy(() -> ReachEventDecoder.workshop(workshopEvent(data, 2))).as("a workshop for a lycée class")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown class level SECONDE");
        assertThatThrownBy(() -> ReachEventDecoder.workshop(workshopEvent(none, 2))).as("a workshop naming the key of no class level")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown class level NONE");
    }

    @Test
    void aWorkshopWithABlankSchoolIsRefusedNamingIt() {
        ObjectNode data = json(WORKSHOP_COMPLETED);
        data.put("schoolUai", " ");

        assertThatThrownBy(() -> ReachEventDecoder.workshop(workshopEvent(data, 2))).as("a workshop with a blank schoolUai")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("event without schoolUai");
    }

    @Test
    void aBatchSortsTheStatesByTopicInEventOrderAndKeepsTheNewestEventTime() {
        ReachBatch batch = ReachEventDecoder.batch(List.of(
                event("campaign-events", "2021-2022", 1, json(CAMPAIGN), "2021-09-01T08:00:00Z"),
                workshopEvent(json(WORKSHOP_COMPLETED), 2, "2021-10-12T12:30:00Z"),
                event("school-events", "0350001A", 1, json(SCHOOL), "2021-10-01T08:00:00Z")));

        assertThat(batch.campaigns()).as("campaigns of the batch").extracting(CampaignState::code).containsExactly("2021-2022");
        assertThat(batch.schools()).as("schools of the batch").extracting(SchoolState::uai).containsExactly("0350001A");
        assertThat(batch.workshops()).as("workshops of the batch").extracting(WorkshopState::id).containsExactly(WORKSHOP);
        assertThat(batch.newestEventTime()).as("time of the newest event").isEqualTo(Instant.parse("2021-10-12T12:30:00Z"));
    }

    @Test
    void anEventFromATopicReachDoesNotConsumeIsRefused() {
        IncomingEvent partner = event("partner-events", "p1", 1, json("{}"), "2021-10-12T12:30:00Z");

        assertThatThrownBy(() -> ReachEventDecoder.batch(List.of(partner))).as("an event of partner-events")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("reach does not consume partner-events");
    }

    private static IncomingEvent workshopEvent(JsonNode data, long version) {
        return workshopEvent(data, version, "2021-10-12T12:30:00Z");
    }

    private static IncomingEvent workshopEvent(JsonNode data, long version, String time) {
        return event("workshop-events", WORKSHOP.toString(), version, data, time);
    }

    private static IncomingEvent event(String topic, String key, long version, JsonNode data, String time) {
        CloudEvent cloudEvent = new CloudEvent(UUID.randomUUID().toString(), "test.event", "/tests", key, OffsetDateTime.parse(time),
                data.toString());
        return new IncomingEvent(topic, 0, version, key, version, cloudEvent);
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> T json(String text) {
        try {
            return (T) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
