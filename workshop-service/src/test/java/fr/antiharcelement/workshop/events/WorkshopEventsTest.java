package fr.antiharcelement.workshop.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.infra.testing.AsyncApiContract;
import fr.antiharcelement.infra.testing.TopicReader;
import fr.antiharcelement.workshop.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fr.antiharcelement.workshop.Fixtures.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class WorkshopEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyStateChangePublishesExactlyOneEventWithTheNextVersionInOrder() {
        Fixtures world = new Fixtures();
        String id = world.schedule(world.workshop());
        admin().header("If-Match", "\"1\"").body(world.workshop("2021-11-23T10:00:00+01:00", "2021-11-23T12:00:00+01:00"))
                .put("/api/v1/workshops/" + id).then().statusCode(200);
        admin().body(Map.of("attendees", 25)).post("/api/v1/workshops/" + id + "/completion").then().statusCode(200);
        admin().body(Map.of("attendees", 23, "reasonCode", "HEADCOUNT_RECOUNTED", "note", "Léa D. 5eB counted twice"))
                .post("/api/v1/workshops/" + id + "/attendance-corrections").then().statusCode(200);
        admin().body(Map.of("reasonCode", "RECORDED_BY_MISTAKE", "note", "Léa D. 5eB was not there"))
                .post("/api/v1/workshops/" + id + "/cancellation").then().statusCode(200);
        admin().body(Map.of("attendees", 1)).post("/api/v1/workshops/" + id + "/completion").then().statusCode(409); // no event

        try (TopicReader topic = new TopicReader(bootstrapServers, WorkshopEvents.WORKSHOP_TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topic.records(id)).hasSize(5));
            List<ConsumerRecord<String, String>> records = topic.records(id);
            assertThat(records).extracting(record -> TopicReader.header(record, "ce_type").orElseThrow()).containsExactly(
                    "workshop.scheduled", "workshop.rescheduled", "workshop.completed", "workshop.attendance-corrected",
                    "workshop.cancelled");
            assertThat(records).extracting(record -> json(record).get("version").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(records).extracting(record -> json(record).path("attendees").isNull() ? null : json(record).get("attendees").asInt())
                    .containsExactly(null, null, 25, 23, 23);
            assertThat(json(records.get(1)).get("startsAt").asText()).isEqualTo("2021-11-23T10:00:00+01:00");
            assertThat(json(records.get(4)).get("status").asText()).isEqualTo("CANCELLED");
            assertThat(json(records.get(4)).get("cancellationReasonCode").asText()).as("the cancellation's code travels")
                    .isEqualTo("RECORDED_BY_MISTAKE");
            assertThat(records).as("events carry no note").allSatisfy(record -> assertThat(record.value()).doesNotContain("Léa"));
            assertThat(json(records.get(0)).get("partnerName").asText()).isEqualTo("Partenaire A");
            assertThat(records).allSatisfy(record -> assertThat(record.value()).doesNotContain("@partner.example"));
        }
    }

    @Test
    void campaignAndWorkshopEventsCarryExactlyTheFieldsTheAsyncApiDocumentLists() {
        Fixtures world = new Fixtures();
        String id = world.schedule(world.workshop());
        admin().body(Map.of("attendees", 25)).post("/api/v1/workshops/" + id + "/completion").then().statusCode(200);
        AsyncApiContract contract = AsyncApiContract.load();

        try (TopicReader workshops = new TopicReader(bootstrapServers, WorkshopEvents.WORKSHOP_TOPIC);
             TopicReader campaigns = new TopicReader(bootstrapServers, WorkshopEvents.CAMPAIGN_TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(workshops.records(id)).hasSize(2);
                assertThat(campaigns.records(world.campaign)).hasSize(1);
            });
            for (ConsumerRecord<String, String> record : List.of(workshops.records(id).get(0), workshops.records(id).get(1),
                    campaigns.records(world.campaign).get(0))) {
                String type = TopicReader.header(record, "ce_type").orElseThrow();
                assertThat(contract.topicOf(type)).isEqualTo(record.topic());
                assertThat(AsyncApiContract.fieldNames(json(record))).as(type).isEqualTo(contract.payloadFields(type));
            }
            assertThat(AsyncApiContract.fieldNames(json(campaigns.records(world.campaign).get(0)).get("targets")))
                    .containsExactlyInAnyOrder("studentsSensitised", "parentsSensitised", "studentWorkshops", "parentWorkshops", "schools",
                            "online");
        }
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
