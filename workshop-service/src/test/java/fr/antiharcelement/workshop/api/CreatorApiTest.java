package fr.antiharcelement.workshop.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.infra.testing.AsyncApiContract;
import fr.antiharcelement.infra.testing.ProblemChecks;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.infra.testing.TopicReader;
import fr.antiharcelement.workshop.Fixtures;
import fr.antiharcelement.workshop.events.CreatorPostEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.antiharcelement.workshop.Fixtures.admin;
import static fr.antiharcelement.workshop.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Creators, their posts and the snapshots of their figures, through the API, down to the events they publish. */
@QuarkusTest
class CreatorApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aCreatorIsRegisteredOnceFoundWithOrWithoutItsAtAndDeactivatedWithoutLosingHistory() {
        String handle = "Riadh_" + suffix();
        admin().body(Map.of("handle", "@" + handle, "platform", "INSTAGRAM", "displayName", "Just Riadh")).post("/api/v1/creators")
                .then().statusCode(201).header("ETag", "\"1\"").body("handle", equalTo("@" + handle.toLowerCase()))
                .body("active", equalTo(true));
        expectProblem(admin().body(Map.of("handle", handle.toLowerCase(), "platform", "TIKTOK", "displayName", "Again"))
                .post("/api/v1/creators"), 409, "registered already");
        expectProblem(admin().body(Map.of("handle", "not a handle!", "platform", "TIKTOK", "displayName", "X"))
                .post("/api/v1/creators"), 400, "handle");
        as(TestTokens.viewer()).get("/api/v1/creators/" + handle.toLowerCase()).then().statusCode(200)
                .body("displayName", equalTo("Just Riadh"));
        as(TestTokens.partner("e-enfance")).get("/api/v1/creators").then().statusCode(200).body("handle", hasItem("@" + handle.toLowerCase()));

        admin().header("If-Match", "\"1\"").body(Map.of("reason", "Left the collective")).post("/api/v1/creators/@" + handle + "/deactivation")
                .then().statusCode(200).header("ETag", "\"2\"").body("active", equalTo(false));
        admin().body(Map.of("reason", "Sent twice")).post("/api/v1/creators/" + handle + "/deactivation").then().statusCode(200).header("ETag", "\"2\"");
        List<String> actions = admin().get("/api/v1/creators/" + handle + "/history").then().statusCode(200).extract().path("action");
        assertThat(actions).containsExactly("registered", "deactivated");

        Fixtures world = new Fixtures();
        expectProblem(admin().body(post(world.campaign, handle, "INSTAGRAM", "https://www.instagram.com/p/" + suffix() + "/",
                "2021-11-16T18:00:00+01:00")).post("/api/v1/creator-posts"), 422, "deactivated");
        expectProblem(admin().body(post(world.campaign, "nobody_" + suffix(), "INSTAGRAM", "https://www.instagram.com/p/" + suffix() + "/",
                "2021-11-16T18:00:00+01:00")).post("/api/v1/creator-posts"), 422, "Unknown creator");
    }

    @Test
    void aPostIsOnItsPlatformsHostsInsideItsCampaignWithTheUsualEtagsIdempotencyAndAuditTrail() {
        Fixtures world = new Fixtures();
        String creator = creator("TIKTOK");
        String url = "https://www.tiktok.com/@" + creator + "/video/" + suffix();
        expectProblem(admin().body(post(world.campaign, creator, "TIKTOK", "https://www.instagram.com/p/" + suffix(),
                "2021-11-16T18:00:00+01:00")).post("/api/v1/creator-posts"), 400, "not on TIKTOK");
        expectProblem(admin().body(post(world.campaign, creator, "YOUTUBE", "http://youtu.be/" + suffix(),
                "2021-11-16T18:00:00+01:00")).post("/api/v1/creator-posts"), 400, "https");
        expectProblem(admin().body(post(world.campaign, creator, "TIKTOK", url, "2022-07-02T18:00:00+02:00"))
                .post("/api/v1/creator-posts"), 422, "outside campaign");
        expectProblem(admin().body(post("no-such-campaign", creator, "TIKTOK", url, "2021-11-16T18:00:00+01:00"))
                .post("/api/v1/creator-posts"), 422, "Unknown campaign");

        String key = UUID.randomUUID().toString();
        Map<String, Object> body = post(world.campaign, "@" + creator.toUpperCase(), "TIKTOK", url, "2021-11-16T18:00:00+01:00");
        String id = admin().header("Idempotency-Key", key).body(body).post("/api/v1/creator-posts").then().statusCode(201)
                .header("ETag", "\"1\"").body("creatorHandle", equalTo("@" + creator)).body("metrics", nullValue()).extract().path("id");
        admin().header("Idempotency-Key", key).body(body).post("/api/v1/creator-posts").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        expectProblem(admin().body(body).post("/api/v1/creator-posts"), 409, "has this url already");

        Map<String, Object> corrected = new HashMap<>(body);
        corrected.put("format", "LIVE");
        expectProblem(admin().body(corrected).put("/api/v1/creator-posts/" + id), 428, "If-Match");
        expectProblem(admin().header("If-Match", "\"7\"").body(corrected).put("/api/v1/creator-posts/" + id), 412, null);
        admin().header("If-Match", "\"1\"").body(corrected).put("/api/v1/creator-posts/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("format", equalTo("LIVE"));
        List<Map<String, Object>> history = as(TestTokens.viewer()).get("/api/v1/creator-posts/" + id + "/history").then().statusCode(200)
                .extract().path("$");
        assertThat(history).extracting(entry -> entry.get("action")).containsExactly("published", "corrected");
        assertThat(history.get(1).get("changes")).isEqualTo(Map.of("format", Map.of("from", "VIDEO", "to", "LIVE")));
        as(TestTokens.viewer()).get("/api/v1/creator-posts/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("format", equalTo("LIVE"));
        as(TestTokens.viewer()).queryParam("campaign", world.campaign).get("/api/v1/creator-posts").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0].format", equalTo("LIVE"));
        expectProblem(as(TestTokens.viewer()).get("/api/v1/creator-posts/not-a-post"), 404, null);
    }

    @Test
    void theSnapshotMeasuredLastIsCurrentALateOlderOneIsKeptInTheHistoryAndOnlyNewCurrentFiguresArePublished() {
        Fixtures world = new Fixtures();
        String creator = creator("INSTAGRAM");
        String id = admin().body(post(world.campaign, creator, "INSTAGRAM", "https://www.instagram.com/reel/" + suffix() + "/",
                "2021-11-16T18:00:00+01:00")).post("/api/v1/creator-posts").then().statusCode(201).extract().path("id");
        String metrics = "/api/v1/creator-posts/" + id + "/metrics";

        admin().body(snapshot("2021-11-20T18:00:00+01:00", 5000, 3000, 400)).post(metrics).then().statusCode(201)
                .header("ETag", "\"2\"").body("current", equalTo(true)).body("metrics.engagements", equalTo(400 + 40 + 20 + 10));
        admin().body(snapshot("2021-11-18T18:00:00+01:00", 2000, 1500, 150)).post(metrics).then().statusCode(201)
                .header("ETag", "\"2\"").body("current", equalTo(false));
        admin().body(snapshot("2021-11-18T18:00:00+01:00", 2000, 1500, 150)).post(metrics).then().statusCode(200);
        expectProblem(admin().body(snapshot("2021-11-18T18:00:00+01:00", 2100, 1500, 150)).post(metrics), 409, "says otherwise");
        Map<String, Object> fractional = snapshot("2021-11-21T18:00:00+01:00", 6000, 3500, 500);
        fractional.put("likes", 1.5);
        expectProblem(admin().body(fractional).post(metrics), 400, "likes");
        expectProblem(admin().body(snapshot("2021-11-21T18:00:00+01:00", -1, 3500, 500)).post(metrics), 400, "impressions");
        expectProblem(admin().body(Map.of("measuredAt", "2021-11-21T18:00:00+01:00")).post(metrics), 400, "at least one count");
        expectProblem(admin().body(snapshot("2021-11-15T18:00:00+01:00", 1, 1, 1)).post(metrics), 422, "before the post was published");
        expectProblem(admin().body(snapshot("2999-01-01T00:00:00+01:00", 1, 1, 1)).post(metrics), 422, "future");

        as(TestTokens.viewer()).get("/api/v1/creator-posts/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("metrics.impressions", equalTo(5000)).body("metrics.measuredAt", equalTo("2021-11-20T18:00:00+01:00"));
        List<Boolean> current = as(TestTokens.viewer()).get(metrics).then().statusCode(200).extract().path("current");
        assertThat(current).as("snapshots in the order measured, the newest current").containsExactly(false, true);
        List<String> actions = as(TestTokens.viewer()).get("/api/v1/creator-posts/" + id + "/history").then().extract().path("action");
        assertThat(actions).containsExactly("published", "measured", "late-metrics-kept");

        AsyncApiContract contract = AsyncApiContract.load();
        try (TopicReader topic = new TopicReader(bootstrapServers, CreatorPostEvents.TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topic.records(id)).hasSize(2));
            List<ConsumerRecord<String, String>> records = topic.records(id);
            assertThat(records).extracting(record -> TopicReader.header(record, "ce_type").orElseThrow())
                    .containsExactly("creator-post.published", "creator-post.measured");
            assertThat(records).extracting(record -> json(record).get("version").asLong()).containsExactly(1L, 2L);
            assertThat(json(records.get(0)).get("metrics").isNull()).isTrue();
            JsonNode measured = json(records.get(1));
            assertThat(measured.get("metrics").get("impressions").asLong()).isEqualTo(5000);
            assertThat(measured.get("creatorName").asText()).isEqualTo("Creator " + creator);
            for (ConsumerRecord<String, String> record : records) {
                String type = TopicReader.header(record, "ce_type").orElseThrow();
                assertThat(contract.topicOf(type)).isEqualTo(record.topic());
                assertThat(AsyncApiContract.fieldNames(json(record))).as(type).isEqualTo(contract.payloadFields(type));
            }
            assertThat(AsyncApiContract.fieldNames(measured.get("metrics"))).containsExactlyInAnyOrder("measuredAt", "impressions",
                    "accountsReached", "views", "likes", "comments", "shares", "saves");
        }
    }

    @Test
    void aCsvUploadOfSnapshotsAppliesTheSameRuleReportsEveryRowAndChangesNothingTheSecondTime() {
        Fixtures world = new Fixtures();
        String creator = creator("YOUTUBE");
        String first = "https://www.youtube.com/watch?v=" + suffix();
        String second = "https://youtu.be/" + suffix();
        String firstId = admin().body(post(world.campaign, creator, "YOUTUBE", first, "2021-12-01T17:00:00+01:00"))
                .post("/api/v1/creator-posts").then().statusCode(201).extract().path("id");
        String secondId = admin().body(post(world.campaign, creator, "YOUTUBE", second, "2021-12-03T17:00:00+01:00"))
                .post("/api/v1/creator-posts").then().statusCode(201).extract().path("id");
        String csv = """
                \uFEFFURL;Date;Impressions;Reach;Views;Likes;Comments;Shares;Saves
                %1$s;2021-12-02;1000;800;900;100;10;5;
                %1$s;2021-12-06;3000;2000;2500;300;30;15;
                %1$s;2021-12-04;2000;1500;1800;200;20;10;
                %2$s;2021-12-04;700;600;650;70;7;;
                https://youtu.be/unknown;2021-12-04;1;1;1;1;1;1;1
                %2$s;2021-12-05;1.5;1;1;1;1;1;1
                %2$s;yesterday;1;1;1;1;1;1;1
                """.formatted(first, second);

        admin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/creator-posts/metric-imports").then().statusCode(200)
                .body("rowsRead", equalTo(7)).body("current", equalTo(3)).body("keptInHistory", equalTo(1))
                .body("postsUpdated", equalTo(2)).body("rejectedCount", equalTo(3))
                .body("rejected.line", equalTo(List.of(6, 7, 8)))
                .body("rejected[1].reason", containsString("impressions must be a whole number"));
        as(TestTokens.viewer()).get("/api/v1/creator-posts/" + firstId).then().header("ETag", "\"2\"")
                .body("metrics.impressions", equalTo(3000)).body("metrics.measuredAt", equalTo("2021-12-06T23:59:59+01:00"))
                .body("metrics.engagements", equalTo(345));
        as(TestTokens.viewer()).get("/api/v1/creator-posts/" + secondId).then().header("ETag", "\"2\"")
                .body("metrics.saves", nullValue()).body("metrics.engagements", equalTo(77));

        admin().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/creator-posts/metric-imports").then().statusCode(200)
                .body("current", equalTo(0)).body("unchanged", equalTo(4)).body("postsUpdated", equalTo(0));
        admin().contentType("text/csv; charset=UTF-8").body("url,date,impressions\n" + second + ",2021-12-03,100\n")
                .post("/api/v1/creator-posts/metric-imports").then().statusCode(200).body("keptInHistory", equalTo(1));
        List<String> actions = as(TestTokens.viewer()).get("/api/v1/creator-posts/" + secondId + "/history").then().extract().path("action");
        assertThat(actions).containsExactly("published", "metrics-imported", "late-metrics-kept");
        as(TestTokens.viewer()).get("/api/v1/creator-posts/" + firstId).then().header("ETag", "\"2\"");
        assertThat(as(TestTokens.viewer()).get("/api/v1/creator-posts/" + firstId + "/metrics").then().extract().<List<?>>path("$"))
                .hasSize(3);
        expectProblem(admin().contentType("text/csv; charset=UTF-8").body("post;when\nx;y\n").post("/api/v1/creator-posts/metric-imports"), 400,
                "url");
        expectProblem(admin().body(Map.of("url", "https://www.instagram.com/p/x/")).post("/api/v1/creator-posts/metric-imports"), 415,
                "text/csv");
        try (TopicReader topic = new TopicReader(bootstrapServers, CreatorPostEvents.TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topic.records(firstId)).hasSize(2));
            assertThat(json(topic.records(firstId).get(1)).get("metrics").get("impressions").asLong()).isEqualTo(3000);
        }
    }

    static Map<String, Object> post(String campaign, String creator, String platform, String url, String publishedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignCode", campaign);
        body.put("creatorHandle", creator);
        body.put("platform", platform);
        body.put("url", url);
        body.put("publishedAt", publishedAt);
        body.put("format", platform.equals("INSTAGRAM") ? "REEL" : "VIDEO");
        return body;
    }

    static Map<String, Object> snapshot(String measuredAt, long impressions, long accountsReached, long likes) {
        Map<String, Object> body = new HashMap<>();
        body.put("measuredAt", measuredAt);
        body.put("impressions", impressions);
        body.put("accountsReached", accountsReached);
        body.put("likes", likes);
        body.put("comments", likes / 10);
        body.put("shares", likes / 20);
        body.put("saves", likes / 40);
        return body;
    }

    /** A new active creator, by handle (lower case, without '@'). */
    static String creator(String platform) {
        String handle = "creator_" + suffix();
        admin().body(Map.of("handle", handle, "platform", platform, "displayName", "Creator " + handle)).post("/api/v1/creators")
                .then().statusCode(201);
        return handle;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void expectProblem(Response response, int status, String detail) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(ProblemChecks.problemDefect(response)).isEmpty();
        if (detail != null) {
            assertThat(response.asString()).contains(detail);
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
