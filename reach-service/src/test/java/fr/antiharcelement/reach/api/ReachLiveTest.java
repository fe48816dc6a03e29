package fr.antiharcelement.reach.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.infra.postgres.LocalPostgres;
import fr.antiharcelement.infra.testing.TestInfrastructure;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.reach.EventsFeed;
import fr.antiharcelement.reach.SchoolEventsFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The live figures: the summary stream, the Prometheus gauges and the latest completions the dashboard reads. */
@QuarkusTest
class ReachLiveTest {

    private static final Pattern SAMPLE = Pattern.compile("^(reach_[a-z_]+)(?:\\{([^}]*)})? (\\S+)$");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void theStreamSendsTheSummaryThenEachChangeCoalescedWhicheverInstanceAppliedIt() throws Exception {
        String campaign = "live-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 1000);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(11), "p", "STUDENTS", "2021-10-12T10:00:00+02:00", "COMPLETED", 27, 2);
            feed.flush();
        }
        awaitStudents(campaign, 27);

        try (SummaryStreamClient stream = new SummaryStreamClient(campaign, TestTokens.viewer())) {
            assertThat(stream.status).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.lastSummary() != null);
            assertThat(stream.lastSummary().at("/totals/studentsSensitised").asLong()).as("the summary at once").isEqualTo(27);
            assertThat(stream.lastSummary().at("/targets/studentsSensitised").asLong()).isEqualTo(1000);

            // a burst of changes: pushed coalesced, the last push the final figures
            int before = stream.summaries().size();
            try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
                for (int i = 0; i < 20; i++) {
                    feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(12 + i), "p", "STUDENTS", "2021-11-0" + (1 + i % 9)
                            + "T10:00:00+01:00", "COMPLETED", 10, 2);
                }
                feed.flush();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.lastSummary().at("/totals/studentsSensitised").asLong() == 227);
            assertThat(stream.lastSummary().at("/totals/schoolsReached").asLong()).isEqualTo(21);
            assertThat(stream.summaries().size() - before).as("pushes for 20 changes").isBetween(1, 19);

            // a change another reach instance committed (written to PostgreSQL, not through this instance's consumer)
            try (Connection connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "unused-trust-auth")) {
                addStudents(connection, campaign, 1_000);
                await().atMost(Duration.ofSeconds(5)).until(() -> stream.lastSummary().at("/totals/studentsSensitised").asLong() == 1_227);
                addStudents(connection, campaign, -1_000);
                await().atMost(Duration.ofSeconds(5)).until(() -> stream.lastSummary().at("/totals/studentsSensitised").asLong() == 227);
            }

            // nothing changes: heartbeats with the freshness, no new summary
            int summaries = stream.summaries().size();
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.events.stream().anyMatch(event -> event.name().equals("heartbeat")
                    && event.data().has("asOf") && event.data().has("lagMs")));
            assertThat(stream.summaries()).hasSize(summaries);
        }
    }

    @Test
    void theStreamEndsWhenItsTokenExpiresAndRefusesWhatTheSummaryRefuses() throws Exception {
        String campaign = "expiry-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 1000);
            feed.flush();
        }
        awaitStudents(campaign, 0);
        String shortLived = TestInfrastructure.get().tokens().mint("wall@campaign.local", fr.antiharcelement.infra.security.TokenMinter.VIEWER, null, Duration.ofSeconds(2));
        try (SummaryStreamClient stream = new SummaryStreamClient(campaign, shortLived)) {
            assertThat(stream.status).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(stream::ended);
            assertThat(stream.summaries()).hasSize(1);
        }
        given().get("/api/v1/reach/campaigns/" + campaign + "/stream").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/no-such-campaign/stream").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void theGaugesEqualTheSummaryForEachCampaign() {
        String campaign = "gauge-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 1000);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(41), "p", "STUDENTS", "2021-10-12T10:00:00+02:00", "COMPLETED", 26, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(42), "q", "STUDENTS", "2021-10-13T10:00:00+02:00", "COMPLETED", 24, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(42), "q", "PARENTS", "2021-10-14T18:00:00+02:00", "COMPLETED", 9, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(43), "q", "STUDENTS", "2022-01-13T10:00:00+01:00", "SCHEDULED", null, 1);
            feed.flush();
        }
        awaitStudents(campaign, 50);
        JsonPath summary = given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Double> expected = Map.of(
                "reach_students_sensitised{campaign=" + campaign + "}", summary.getDouble("totals.studentsSensitised"),
                "reach_parents_sensitised{campaign=" + campaign + "}", summary.getDouble("totals.parentsSensitised"),
                "reach_workshops_delivered{audience=STUDENTS,campaign=" + campaign + "}", summary.getDouble("totals.studentWorkshopsDelivered"),
                "reach_workshops_delivered{audience=PARENTS,campaign=" + campaign + "}", summary.getDouble("totals.parentWorkshopsDelivered"),
                "reach_schools_reached{campaign=" + campaign + "}", summary.getDouble("totals.schoolsReached"),
                "reach_workshops_scheduled{campaign=" + campaign + "}", summary.getDouble("totals.workshopsScheduled"),
                "reach_target{campaign=" + campaign + ",measure=studentsSensitised}", 1000.0,
                "reach_partner_students_sensitised{campaign=" + campaign + ",partner=q}", 24.0,
                "reach_partner_workshops_delivered{campaign=" + campaign + ",partner=q}", 2.0);
        assertThat(expected.get("reach_workshops_delivered{audience=PARENTS,campaign=" + campaign + "}")).isEqualTo(1.0);
        // a campaign new to the gauges is registered by the scrape that finds it, and sampled from the next
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scrape()).containsAllEntriesOf(expected));
        assertThat(scrape()).containsKey("reach_lag_seconds{}");
    }

    @Test
    void theLatestCompletionsComeMostRecentDayFirst() {
        String campaign = "latest-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 1000);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(51), "p", "STUDENTS", "SIXIEME", "2021-10-12T10:00:00+02:00", "COMPLETED", 26, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(52), "p", "PARENTS", null, "2021-11-12T18:00:00+01:00", "COMPLETED", 8, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(53), "p", "STUDENTS", "CINQUIEME", "2021-12-01T10:00:00+01:00", "SCHEDULED", null, 1);
            feed.flush();
        }
        awaitStudents(campaign, 26);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.partner("p"))
                .get("/api/v1/reach/campaigns/" + campaign + "/completions").then().statusCode(200)
                .body("day", equalTo(List.of("2021-11-12", "2021-10-12")))
                .body("audience", equalTo(List.of("PARENTS", "STUDENTS")))
                .body("classLevel", equalTo(java.util.Arrays.asList(null, "SIXIEME")))
                .body("attendees", equalTo(List.of(8, 26)))
                .body("[0].partnerName", equalTo("Partner p")));
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 1).get("/api/v1/reach/campaigns/" + campaign + "/completions")
                .then().statusCode(200).body("day", equalTo(List.of("2021-11-12")));
        given().auth().oauth2(TestTokens.viewer()).queryParam("limit", 51).get("/api/v1/reach/campaigns/" + campaign + "/completions")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/no-such-campaign/completions").then().statusCode(404);
    }

    private static void awaitStudents(String campaign, int students) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).body("totals.studentsSensitised", equalTo(students)));
    }

    /** What another instance's consumer commits: the totals and, in the same transaction, the notification every instance listens to. */
    private static void addStudents(Connection connection, String campaign, int students) throws Exception {
        try (PreparedStatement update = connection.prepareStatement("""
                with changed as (update reach_total set students = students + ? where campaign_code = ? and dimension = 'campaign' returning 1)
                select pg_notify('reach_projection_changed', 'another instance') from changed""")) {
            update.setInt(1, students);
            update.setString(2, campaign);
            try (var rows = update.executeQuery()) {
                assertThat(rows.next()).as("the campaign's totals row").isTrue();
            }
        }
    }

    /** The reach gauges of /q/metrics, keyed by name and labels without quotes. */
    private static Map<String, Double> scrape() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new HashMap<>();
        metrics.lines().forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                samples.put(sample.group(1) + "{" + (sample.group(2) == null ? "" : sample.group(2).replace("\"", "")) + "}", Double.parseDouble(sample.group(3)));
            }
        });
        return samples;
    }
}
