package fr.antiharcelement.school.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.infra.testing.AsyncApiContract;
import fr.antiharcelement.infra.testing.TestInfrastructure;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.infra.testing.TopicReader;
import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.school.TestSchools;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

@QuarkusTest
class SchoolEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    private TopicReader topic;

    @BeforeEach
    void openTopic() {
        topic = new TopicReader(bootstrapServers, SchoolEvents.TOPIC);
    }

    @AfterEach
    void closeTopic() {
        topic.close();
        TestInfrastructure.get().kafka().start(); // whatever a test did to the broker
    }

    @Test
    void theTopicHasSixPartitionsSoTwoThreeOrSixConsumerInstancesShareItEvenly() {
        register(TestSchools.newUai(), "Collège Partagé"); // the topic exists once an event is published
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(admin.describeTopics(List.of(SchoolEvents.TOPIC))
                    .allTopicNames().get().get(SchoolEvents.TOPIC).partitions()).hasSize(6));
        }
    }

    @Test
    void everyChangeIsPublishedOnceInOrderAsACloudEvent() {
        String uai = TestSchools.newUai();
        register(uai, "Collège Un");
        change(uai, 1, Map.of("name", "Collège Deux"));
        change(uai, 2, Map.of("pupils", 600));
        change(uai, 3, Map.of("status", "CLOSED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topic.records(uai)).hasSize(4));
        List<ConsumerRecord<String, String>> records = topic.records(uai);
        assertThat(records).extracting(record -> TopicReader.header(record, "ce_type").orElseThrow())
                .containsExactly("school.registered", "school.updated", "school.updated", "school.closed");
        assertThat(records).extracting(record -> json(record).get("version").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(records).extracting(record -> TopicReader.header(record, "ce_id").orElseThrow()).doesNotHaveDuplicates();
        assertThat(records).allSatisfy(record -> {
            assertThat(TopicReader.header(record, "ce_specversion")).hasValue("1.0");
            assertThat(TopicReader.header(record, "ce_source")).hasValue("/school-service");
            assertThat(TopicReader.header(record, "ce_subject")).hasValue(uai);
            assertThat(TopicReader.header(record, "ce_time")).isPresent();
        });
        assertThat(json(records.get(3)).get("status").asText()).isEqualTo("CLOSED");
        assertThat(json(records.get(1)).get("name").asText()).isEqualTo("Collège Deux");
    }

    @Test
    void anEventTooLargeForTheBrokerIsParkedWithItsReasonAndTheEventsAfterItFlow() {
        String big = "oversized-" + TestSchools.newUai();
        appendOutboxRow(big, "{\"version\":1,\"filler\":\"" + "x".repeat(1_100_000) + "\"}");
        String uai = TestSchools.newUai();
        register(uai, "Collège Après");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topic.records(uai)).hasSize(1));
        assertThat(topic.records(big)).as("records of the oversized event").isEmpty();
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/outbox/parked").then().statusCode(200)
                .body("find { it.aggregateId == '" + big + "' }.reason", containsString("over 1000000 bytes"))
                .body("find { it.aggregateId == '" + big + "' }.bytes", greaterThan(1_000_000));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(line -> line.startsWith("outbox_parked ")).findFirst()).as("the outbox_parked gauge")
                .hasValueSatisfying(line -> assertThat(Double.parseDouble(line.substring(line.indexOf(' ') + 1))).isPositive());
    }

    void appendOutboxRow(String aggregateId, String payload) {
        Jdbc.update(dataSource, """
                insert into outbox_event (id, topic, aggregate_id, aggregate_version, event_type, payload, occurred_at)
                values (gen_random_uuid(), ?, ?, 1, 'school.registered', ?, now())""", statement -> {
            statement.setString(1, SchoolEvents.TOPIC);
            statement.setString(2, aggregateId);
            statement.setString(3, payload);
        });
    }

    @Test
    void schoolEventsCarryExactlyTheFieldsTheAsyncApiDocumentLists() {
        String uai = TestSchools.newUai();
        register(uai, "Collège Contrat");
        change(uai, 1, Map.of("status", "CLOSED"));
        change(uai, 2, Map.of("status", "OPEN"));
        AsyncApiContract contract = AsyncApiContract.load();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topic.records(uai)).hasSize(3));
        for (ConsumerRecord<String, String> record : topic.records(uai)) {
            String type = TopicReader.header(record, "ce_type").orElseThrow();
            assertThat(contract.topicOf(type)).isEqualTo(SchoolEvents.TOPIC);
            assertThat(AsyncApiContract.fieldNames(json(record))).as(type).isEqualTo(contract.payloadFields(type));
        }
    }

    @Test
    void aBrokerStoppedInTheMiddleOfABurstLosesNothingAndRepeatsNothing() throws Exception {
        int schools = 20;
        int changesEach = 4;
        List<String> uais = IntStream.range(0, schools).mapToObj(i -> TestSchools.newUai()).distinct().toList();
        AtomicInteger writes = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> burst = new ArrayList<>();
            for (String uai : uais) {
                burst.add(CompletableFuture.runAsync(() -> {
                    register(uai, "Collège Rafale " + uai);
                    writes.incrementAndGet();
                    for (int version = 1; version < changesEach; version++) {
                        change(uai, version, Map.of("pupils", 100 + version));
                        writes.incrementAndGet();
                    }
                }, clients));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> writes.get() >= uais.size());
            TestInfrastructure.get().kafka().stop();
            CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(); // every write succeeded, broker or not
            assertThat(writes.get()).isEqualTo(uais.size() * changesEach);
        } finally {
            clients.shutdown();
        }
        TestInfrastructure.get().kafka().start();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> all = topic.records();
            for (String uai : uais) {
                assertThat(all.stream().filter(record -> uai.equals(record.key())).map(record -> json(record).get("version").asLong()))
                        .as("versions published for %s", uai).containsExactly(1L, 2L, 3L, 4L);
            }
        });
    }

    private static void register(String uai, String name) {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(TestSchools.college(uai, name))
                .post("/api/v1/schools").then().statusCode(201);
    }

    private static void change(String uai, long currentVersion, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(TestSchools.college(uai, "Collège"));
        body.putAll(given().auth().oauth2(TestTokens.admin()).get("/api/v1/schools/" + uai).then().extract()
                .<Map<String, Object>>path("$").entrySet().stream()
                .filter(entry -> body.containsKey(entry.getKey()) && entry.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        body.putAll(changes);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", "\"" + currentVersion + "\"")
                .body(body).put("/api/v1/schools/" + uai).then().statusCode(200);
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
