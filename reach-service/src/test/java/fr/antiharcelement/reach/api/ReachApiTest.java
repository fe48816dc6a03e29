package fr.antiharcelement.reach.api;

import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.reach.EventsFeed;
import fr.antiharcelement.reach.SchoolEventsFeed;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ReachApiTest {

    private static final String BOM = "\uFEFF";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMalformedRecordGoesToTheDeadLettersAndTheRecordsAfterItAreApplied() {
        String campaign = "dl-" + UUID.randomUUID().toString().substring(0, 8);
        UUID workshop = UUID.randomUUID();
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 1000);
            feed.raw("workshop-events", workshop.toString(), "{\"this is\": \"not a CloudEvent\"");
            feed.workshop(workshop, campaign, SchoolEventsFeed.uai(1), "p", "STUDENTS", "2021-10-12T10:00:00+02:00", "COMPLETED", 28, 2);
            feed.flush();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).body("totals.studentsSensitised", equalTo(28)));
        List<Map<String, Object>> letters = given().auth().oauth2(TestTokens.admin()).get("/api/v1/reach/dead-letters?size=200")
                .then().statusCode(200).extract().path("$");
        assertThat(letters).filteredOn(letter -> workshop.toString().equals(letter.get("key"))).singleElement()
                .satisfies(letter -> assertThat((String) letter.get("reason")).contains("unreadable record"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/dead-letters").then().statusCode(403);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("consumer_dead_letters_total").contains("consumer_events_applied_total")
                .contains("consumer_lag_ms");
    }

    @Test
    void theSummaryGivesTotalsTargetsProgressPaceAndFreshness() {
        String campaign = "sum-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 1000);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(2), "p", "STUDENTS", "2021-10-12T10:00:00+02:00", "COMPLETED", 30, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(3), "p", "STUDENTS", "2021-11-12T10:00:00+01:00", "COMPLETED", 20, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(3), "p", "PARENTS", "2021-11-13T18:00:00+01:00", "COMPLETED", 12, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(3), "q", "STUDENTS", "2022-01-13T10:00:00+01:00", "SCHEDULED", null, 1);
            feed.flush();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200)
                .body("totals.studentsSensitised", equalTo(50)).body("totals.parentsSensitised", equalTo(12))
                .body("totals.studentWorkshopsDelivered", equalTo(2)).body("totals.parentWorkshopsDelivered", equalTo(1))
                .body("totals.workshopsScheduled", equalTo(1)).body("totals.schoolsReached", equalTo(2)));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign).then()
                .body("targets.studentsSensitised", equalTo(1000)).body("progress.studentsSensitised", equalTo(5.0f))
                .body("progress.parentsSensitised", equalTo(null))
                .body("pace.studentsSensitised.neededPerDay", equalTo(null)) // the 2021-2022 campaign has ended
                .body("pace.studentsSensitised.soFarPerDay", equalTo(0.17f)) // 50 over 303 days
                .body("asOf", notNullValue()).body("lagMs", notNullValue());
        given().auth().oauth2(TestTokens.partner("p")).get("/api/v1/reach/campaigns").then().statusCode(200)
                .body("find { it.code == '" + campaign + "' }.totals.studentsSensitised", equalTo(50));

        String csv = given().auth().oauth2(TestTokens.viewer()).accept("text/csv").queryParam("by", "month")
                .get("/api/v1/reach/campaigns/" + campaign + "/breakdown").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv).startsWith(BOM);
        assertThat(csv.substring(1).lines().toList()).containsExactly(
                "month,name,studentsSensitised,parentsSensitised,studentWorkshopsDelivered,parentWorkshopsDelivered,workshopsScheduled,"
                        + "schoolsReached,onlineCreators,onlinePosts,onlineImpressions,onlineAccountsReached,onlineEngagements",
                "2021-10,,30,0,1,0,0,1,0,0,0,0,0", "2021-11,,20,12,1,1,0,1,0,0,0,0,0", "2022-01,,0,0,0,0,1,0,0,0,0,0,0");
        given().auth().oauth2(TestTokens.viewer()).queryParam("by", "partner").get("/api/v1/reach/campaigns/" + campaign + "/breakdown")
                .then().body("[0].key", equalTo("p")).body("[0].name", equalTo("Partner p")).body("[0].studentsSensitised", equalTo(50));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign + "/timeline?granularity=week")
                .then().statusCode(200).body("size()", equalTo(44));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/reach/campaigns/" + campaign + "/audit")
                .then().statusCode(200).body("differences.size()", equalTo(0));
    }

    @Test
    void aBreakdownComesInPagesWhenAskedWithTheRowCountInAHeader() {
        String campaign = "page-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 1000);
            for (int school = 0; school < 5; school++) { // 10 + school students: the breakdown sorts them 14, 13, 12, 11, 10
                feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(200 + school), "p", "STUDENTS",
                        "2021-10-12T10:00:00+02:00", "COMPLETED", 10 + school, 2);
            }
            feed.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).body("totals.schoolsReached", equalTo(5)));

        String breakdown = "/api/v1/reach/campaigns/" + campaign + "/breakdown";
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", "school", "page", 1, "size", 2)).get(breakdown).then()
                .statusCode(200).header("X-Total-Count", "5").body("studentsSensitised", contains(12, 11));
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", "school", "page", 2, "size", 2)).get(breakdown).then()
                .statusCode(200).body("studentsSensitised", contains(10));
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", "school", "page", 3, "size", 2)).get(breakdown).then()
                .statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(TestTokens.viewer()).queryParam("by", "school").get(breakdown).then()
                .statusCode(200).header("X-Total-Count", "5").body("size()", equalTo(5));
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", "school", "size", 0)).get(breakdown).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", "school", "size", "abc")).get(breakdown).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("size"));
        String firstPage = given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", "school", "page", 0, "size", 2)).get(breakdown)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", "school", "page", 0, "size", 2)).header("If-None-Match", firstPage)
                .get(breakdown).then().statusCode(304);
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", "school", "page", 1, "size", 2)).header("If-None-Match", firstPage)
                .get(breakdown).then().statusCode(200).body("studentsSensitised", contains(12, 11));
    }

    /**
     * Summaries are answered from memory until the projection changes, on whichever instance: here the change is made
     * by another session, as another instance's consumer makes it (its totals and its notification in one transaction).
     */
    @Test
    void aSummaryAnsweredFromMemoryShowsAChangeCommittedByAnotherInstance() throws Exception {
        String campaign = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 1000);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(300), "p", "STUDENTS", "2021-10-12T10:00:00+02:00",
                    "COMPLETED", 20, 2);
            feed.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).body("totals.studentsSensitised", equalTo(20)));
        // a dashboard that polls sends back the ETag it got: nothing changed, so 304 and no body
        String summary = "/api/v1/reach/campaigns/" + campaign;
        String before = given().auth().oauth2(TestTokens.viewer()).get(summary).then().statusCode(200).extract().header("ETag");
        assertThat(before).as("the summary's ETag").isNotBlank();
        given().auth().oauth2(TestTokens.viewer()).header("If-None-Match", before).get(summary).then().statusCode(304)
                .header("ETag", before).body(equalTo(""));
        String timeline = given().auth().oauth2(TestTokens.viewer()).get(summary + "/timeline").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.viewer()).header("If-None-Match", timeline).get(summary + "/timeline").then().statusCode(304);

        changedByAnotherInstance("update reach_total set students = students + 5 where campaign_code = ? and dimension = 'campaign'",
                campaign, 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).body("totals.studentsSensitised", equalTo(25)));
        // changed figures never answer 304 to the tag of the old ones, whichever instance changed them
        String after = given().auth().oauth2(TestTokens.viewer()).header("If-None-Match", before).get(summary).then().statusCode(200)
                .body("totals.studentsSensitised", equalTo(25)).extract().header("ETag");
        assertThat(after).isNotEqualTo(before);
        // that change touched the campaign's totals row only, not the rows the timeline reads: its tag still holds
        given().auth().oauth2(TestTokens.viewer()).header("If-None-Match", timeline).get(summary + "/timeline").then().statusCode(304);
    }

    @Test
    void theOnlineReachIsKeptApartFromTheYoungPeopleSensitisedWithItsTargetsBreakdownsAndTimeline() throws Exception {
        String campaign = "online-" + UUID.randomUUID().toString().substring(0, 8);
        UUID reel = UUID.randomUUID();
        UUID video = UUID.randomUUID();
        UUID story = UUID.randomUUID();
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaignWithOnlineTargets(campaign, 1_000_000L, null, 50_000L);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(4), "p", "STUDENTS", "2021-11-12T10:00:00+01:00", "COMPLETED", 25, 2);
            feed.creatorPost(reel, campaign, "justriadh", "INSTAGRAM", "2021-11-16T18:00:00+01:00", null, 0, 0, 1);
            feed.creatorPost(reel, campaign, "justriadh", "INSTAGRAM", "2021-11-16T18:00:00+01:00", 120_000L, 80_000, 9_000, 3);
            feed.creatorPost(reel, campaign, "justriadh", "INSTAGRAM", "2021-11-16T18:00:00+01:00", 90_000L, 60_000, 7_000, 2); // late
            feed.creatorPost(video, campaign, "zatis", "YOUTUBE", "2021-12-02T17:00:00+01:00", 200_000L, 150_000, 12_000, 2);
            feed.creatorPost(story, campaign, "justriadh", "TIKTOK", "2021-12-20T19:00:00+01:00", 30_000L, 25_000, 3_000, 2);
            feed.flush();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200)
                .body("online.totals.posts", equalTo(3)).body("online.totals.creators", equalTo(2))
                .body("online.totals.impressions", equalTo(350_000)).body("online.totals.accountsReached", equalTo(255_000))
                .body("online.totals.engagements", equalTo(24_000))
                .body("totals.studentsSensitised", equalTo(25)).body("totals.parentsSensitised", equalTo(0)));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign).then()
                .body("online.targets.impressions", equalTo(1_000_000)).body("online.progress.impressions", equalTo(35.0f))
                .body("online.progress.accountsReached", equalTo(null)).body("online.progress.engagements", equalTo(48.0f))
                .body("online.pace.impressions.neededPerDay", equalTo(null)) // the 2021-2022 campaign has ended
                .body("online.pace.impressions.soFarPerDay", equalTo(1155.12f)); // 350,000 over 303 days

        List<Map<String, Object>> creators = given().auth().oauth2(TestTokens.viewer()).queryParam("by", "creator")
                .get("/api/v1/reach/campaigns/" + campaign + "/breakdown").then().statusCode(200).extract().path("$");
        assertThat(creators).extracting(row -> row.get("key"), row -> row.get("name"), row -> row.get("posts"), row -> row.get("impressions"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("zatis", "Creator zatis", 1, 200_000),
                        org.assertj.core.groups.Tuple.tuple("justriadh", "Creator justriadh", 2, 150_000));
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", "platform", "from", "2021-12-01"))
                .get("/api/v1/reach/campaigns/" + campaign + "/breakdown").then().statusCode(200)
                .body("key", equalTo(List.of("YOUTUBE", "TIKTOK"))).body("creators", equalTo(List.of(1, 1)));
        String csv = given().auth().oauth2(TestTokens.viewer()).accept("text/csv").queryParam("by", "month")
                .get("/api/v1/reach/campaigns/" + campaign + "/breakdown").then().statusCode(200).extract().asString();
        assertThat(csv.lines().skip(1).toList()).containsExactly("2021-11,,25,0,1,0,0,1,1,1,120000,80000,9000",
                "2021-12,,0,0,0,0,0,0,2,2,230000,175000,15000");
        List<Map<String, Object>> months = given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign + "/timeline?granularity=month").then().statusCode(200).extract().path("$");
        assertThat(months).extracting(point -> point.get("period"), point -> point.get("impressions"), point -> point.get("cumulativeImpressions"))
                .contains(org.assertj.core.groups.Tuple.tuple("2021-11", 120_000, 120_000),
                        org.assertj.core.groups.Tuple.tuple("2021-12", 230_000, 350_000),
                        org.assertj.core.groups.Tuple.tuple("2022-06", 0, 350_000));
        assertThat(months.get(months.size() - 1).get("cumulativeStudentsSensitised")).isEqualTo(25);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/reach/campaigns/" + campaign + "/audit")
                .then().statusCode(200).body("differences.size()", equalTo(0));

        // the online block and breakdowns are answered from memory too, and show another instance's change as soon
        changedByAnotherInstance("update online_total set impressions = impressions + 1000 where campaign_code = ? "
                + "and ((dimension = 'campaign' and key = campaign_code) or (dimension = 'creator' and key = 'zatis'))", campaign, 2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).body("online.totals.impressions", equalTo(351_000)));
        given().auth().oauth2(TestTokens.viewer()).queryParam("by", "creator").get("/api/v1/reach/campaigns/" + campaign + "/breakdown")
                .then().statusCode(200).body("impressions", equalTo(List.of(201_000, 150_000)));
    }

    /** Changes the projection and notifies in one transaction, as another instance's consumer does. */
    private void changedByAnotherInstance(String update, String campaign, int rows) throws SQLException {
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement change = otherInstance.prepareStatement(update);
                 PreparedStatement notify = otherInstance.prepareStatement("select pg_notify('reach_projection_changed', 'test')")) {
                change.setString(1, campaign);
                assertThat(change.executeUpdate()).as("rows changed").isEqualTo(rows);
                notify.executeQuery().close();
            }
            otherInstance.commit();
        }
    }

    /**
     * A school's name comes from the Ministry's file or from whoever registered it: in the ops team's spreadsheet it must
     * stay text. The exports also open in a French Excel with a double click: BOM, semicolons and decimal commas.
     */
    @Test
    void spreadsheetExportsShowAFormulaAsTextAndOpenInAFrenchExcel() {
        String campaign = "csv-" + UUID.randomUUID().toString().substring(0, 8);
        String school = SchoolEventsFeed.uai(400);
        try (SchoolEventsFeed schools = new SchoolEventsFeed(bootstrapServers)) {
            schools.publish(school, "=HYPERLINK(\\\"http://attacker.example\\\",\\\"Voir\\\")", SchoolEventsFeed.RENNES, 1);
        }
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 1000);
            feed.workshop(UUID.randomUUID(), campaign, school, "p", "STUDENTS", "2021-10-12T10:00:00+02:00", "COMPLETED", 28, 2);
            feed.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).body("totals.studentsSensitised", equalTo(28)));
        String reach = "/api/v1/reach/campaigns/" + campaign;

        String bySchool = given().auth().oauth2(TestTokens.viewer()).accept("text/csv").queryParam("by", "school")
                .get(reach + "/breakdown").then().statusCode(200).header("X-Total-Count", "1").extract().asString();
        assertThat(bySchool).startsWith(BOM);
        assertThat(bySchool.substring(1).lines().skip(1).toList())
                .containsExactly(school + ",\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"Voir\"\")\",28,0,1,0,0,1");

        String summary = given().auth().oauth2(TestTokens.viewer()).accept("text/csv").queryParam("separator", "semicolon")
                .get(reach).then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(campaign + "-summary.csv")).extract().asString();
        List<String> figures = summary.substring(1).lines().toList();
        assertThat(figures.get(0)).isEqualTo("figure;value;target;progressPercent;neededPerDay;soFarPerDay;asOf");
        assertThat(figures).anySatisfy(line -> assertThat(line).startsWith("studentsSensitised;28;1000;2,8;;0,09;"))
                .anySatisfy(line -> assertThat(line).startsWith("workshopsScheduled;0;;;;;"));

        String timeline = given().auth().oauth2(TestTokens.viewer()).accept("text/csv").queryParams(Map.of("granularity", "month",
                "separator", "semicolon")).get(reach + "/timeline").then().statusCode(200).extract().asString();
        assertThat(timeline.substring(1).lines().toList()).hasSize(11) // the header, then September 2021 to June 2022
                .contains("2021-10;28;0;1;0;28;0;1;0;0;0;0;0;0;0;0");
        given().auth().oauth2(TestTokens.viewer()).accept("text/csv").queryParam("separator", "tab").get(reach).then()
                .statusCode(400).body("errors[0].field", equalTo("separator"));
    }

    /** A campaign's dates come from its events: an end in year 9999 must not build millions of points in memory. */
    @Test
    void aTimelineHasAtMostTwoThousandPointsWhateverTheCampaignsDates() {
        String fiveYears = "span-" + UUID.randomUUID().toString().substring(0, 8);
        String endless = "endless-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(fiveYears, 1000, "2021-09-01", "2026-08-31");
            feed.campaign(endless, 1000, "2021-09-01", "9999-12-31");
            feed.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + endless).then().statusCode(200).body("endsOn", equalTo("9999-12-31")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + fiveYears).then().statusCode(200));

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + fiveYears + "/timeline?granularity=day")
                .then().statusCode(200).body("size()", equalTo(1826));
        for (String granularity : List.of("day", "week", "month")) {
            given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + endless + "/timeline?granularity=" + granularity)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("granularity"))
                    .body("errors[0].message", containsString("more than 2000"));
        }
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + endless).then().statusCode(200);
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/no-such-campaign").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.viewer()).queryParam("by", "planet").get("/api/v1/reach/campaigns/x/breakdown")
                .then().statusCode(400).body("errors[0].field", equalTo("by"));
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", "region", "from", "2021-13-01"))
                .get("/api/v1/reach/campaigns/x/breakdown").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TestTokens.viewer()).queryParam("granularity", "year").get("/api/v1/reach/campaigns/x/timeline")
                .then().statusCode(400).body("errors[0].field", equalTo("granularity"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/x/audit").then().statusCode(403);
    }
}
