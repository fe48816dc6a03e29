package fr.antiharcelement.reach.api;

import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.reach.EventsFeed;
import fr.antiharcelement.reach.SchoolEventsFeed;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ReachRebuildTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aRebuildFromTheTopicsYieldsIdenticalTotalsWhileReadsKeepAnswering() {
        String campaign = "rb-" + UUID.randomUUID().toString().substring(0, 8);
        Random random = new Random(7);
        int expectedStudents = 0;
        long expectedImpressions = 0;
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 5000);
            for (int i = 0; i < 300; i++) {
                UUID id = UUID.randomUUID();
                int attendees = 20 + random.nextInt(16);
                String day = "2021-%02d-%02dT10:00:00+01:00".formatted(10 + random.nextInt(3), 1 + random.nextInt(28));
                String school = SchoolEventsFeed.uai(100 + random.nextInt(40));
                feed.workshop(id, campaign, school, "p" + random.nextInt(3), "STUDENTS", day, "SCHEDULED", null, 1);
                feed.workshop(id, campaign, school, "p" + random.nextInt(3), "STUDENTS", day, "COMPLETED", attendees, 2);
                if (i % 10 == 0) {
                    feed.workshop(id, campaign, school, "p0", "STUDENTS", day, "CANCELLED", attendees, 3);
                } else {
                    expectedStudents += attendees;
                }
                if (i % 6 == 0) {
                    UUID post = UUID.randomUUID();
                    String creator = List.of("justriadh", "habituetoi", "zatis", "bouboule_42").get(random.nextInt(4));
                    String platform = List.of("INSTAGRAM", "TIKTOK", "YOUTUBE").get(random.nextInt(3));
                    feed.creatorPost(post, campaign, creator, platform, day, null, 0, 0, 1);
                    long impressions = 1_000L + random.nextInt(50_000);
                    feed.creatorPost(post, campaign, creator, platform, day, impressions, impressions / 2, impressions / 20, 2);
                    expectedImpressions += impressions;
                }
            }
            feed.flush();
        }
        int students = expectedStudents;
        long impressions = expectedImpressions;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().body("totals.studentsSensitised", equalTo(students))
                .body("online.totals.impressions", equalTo((int) impressions)));
        Map<String, Object> before = totals(campaign);
        Map<String, Object> onlineBefore = online(campaign);
        List<Object> regionsBefore = breakdown(campaign, "partner");
        List<Object> creatorsBefore = breakdown(campaign, "creator");
        List<Object> monthsBefore = breakdown(campaign, "month");

        given().auth().oauth2(TestTokens.admin()).post("/api/v1/reach/rebuild").then().statusCode(202).body("state", equalTo("RUNNING"));
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/reach/rebuild").then().statusCode(409);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(totals(campaign)).isEqualTo(before); // reads answer, with the same numbers, all along
            given().auth().oauth2(TestTokens.admin()).get("/api/v1/reach/rebuild").then().body("state", equalTo("DONE"));
        });

        assertThat(totals(campaign)).isEqualTo(before);
        assertThat(online(campaign)).as("online totals after the rebuild").isEqualTo(onlineBefore);
        assertThat(breakdown(campaign, "partner")).isEqualTo(regionsBefore);
        assertThat(breakdown(campaign, "creator")).as("online by creator after the rebuild").isEqualTo(creatorsBefore);
        assertThat(breakdown(campaign, "month")).as("months, workshops and online, after the rebuild").isEqualTo(monthsBefore);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/reach/campaigns/" + campaign + "/audit")
                .then().statusCode(200).body("differences.size()", equalTo(0));
        UUID late = UUID.randomUUID();
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.workshop(late, campaign, SchoolEventsFeed.uai(100), "p1", "STUDENTS", "2021-12-01T10:00:00+01:00", "COMPLETED", 25, 2);
            feed.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().body("totals.studentsSensitised", equalTo(students + 25)));
    }

    private static Map<String, Object> totals(String campaign) {
        return given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200)
                .extract().path("totals");
    }

    private static Map<String, Object> online(String campaign) {
        return given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200)
                .extract().path("online.totals");
    }

    private static List<Object> breakdown(String campaign, String by) {
        return given().auth().oauth2(TestTokens.viewer()).queryParam("by", by).get("/api/v1/reach/campaigns/" + campaign + "/breakdown")
                .then().statusCode(200).extract().path("$");
    }
}
