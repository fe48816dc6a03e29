package fr.antiharcelement.reach;

import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.infra.postgres.LocalPostgres;
import fr.antiharcelement.infra.testing.ChildService;
import fr.antiharcelement.infra.testing.TestInfrastructure;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.infra.testing.TopicReader;
import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.reach.events.ReachConsumer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.SoftAssertions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A seeded random campaign played through workshop-service's own HTTP API (run as a separate process), with
 * duplicate deliveries, a replay from offset 0 and a school moving to another région injected; then every
 * total and every breakdown of reach must equal a simple model computed from the operations alone. Beside the
 * workshops, content creators publish posts whose figures arrive as snapshots, some late (measured before the current
 * one), some posts corrected; the online totals and breakdowns must equal the model too, and leave the young people
 * sensitised untouched.
 */
@QuarkusTest
class ReachModelTest {

    private static final long SEED = 20211116L;
    private static final int OPERATIONS = 300;
    private static final List<String> LEVELS = List.of("SIXIEME", "CINQUIEME", "QUATRIEME", "TROISIEME");
    private static final List<String> PLATFORMS = List.of("INSTAGRAM", "TIKTOK", "YOUTUBE", "SNAPCHAT", "TWITCH");
    private static final long IMPRESSIONS_TARGET = 2_000_000;

    private static ChildService workshopService;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EventConsumers consumers;

    @Inject
    io.agroal.api.AgroalDataSource reachDataSource;

    /** What the model knows of a workshop: only what the operations said. */
    static final class Modelled {
        String id;
        String school;
        String partner;
        String facilitator;
        String audience;
        String level;
        LocalDate day;
        String status = "SCHEDULED";
        int attendees;
        long version = 1;
    }

    /** What the model knows of a creator's post: what it is, and every snapshot recorded (impressions, reached, engagements). */
    static final class ModelledPost {
        String id;
        String creator;
        String platform;
        LocalDate day;
        final TreeMap<java.time.OffsetDateTime, long[]> snapshots = new TreeMap<>();
        long version = 1;

        /** The figures of the snapshot measured last, or none. */
        long[] current() {
            return snapshots.isEmpty() ? new long[3] : snapshots.lastEntry().getValue();
        }
    }

    @BeforeAll
    static void startWorkshopService() {
        workshopService = ChildService.start("workshop-service", "workshop_for_reach_tests");
    }

    @AfterAll
    static void stopWorkshopService() {
        workshopService.close();
    }

    @Test
    void everyTotalAndBreakdownEqualsAModelOfTheOperations() {
        Random random = new Random(SEED);
        String campaign = "model-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, SchoolEventsFeed.Place> schools = new LinkedHashMap<>();
        List<SchoolEventsFeed.Place> places = List.of(SchoolEventsFeed.RENNES, SchoolEventsFeed.NANTES, SchoolEventsFeed.LILLE);
        int base = random.nextInt(50_000);
        try (SchoolEventsFeed feed = new SchoolEventsFeed(bootstrapServers)) {
            for (int i = 0; i < 12; i++) {
                String uai = SchoolEventsFeed.uai(base + i);
                schools.put(uai, places.get(i % places.size()));
                feed.publish(uai, "Collège " + i, schools.get(uai), 1);
            }
        }
        workshops().body(Map.of("code", campaign, "name", "Model campaign", "startsOn", "2021-09-01", "endsOn", "2022-06-30",
                        "targets", Map.of("studentsSensitised", 5000, "studentWorkshops", 200, "parentWorkshops", 20, "schools", 12,
                                "online", Map.of("impressions", IMPRESSIONS_TARGET))))
                .post("/api/v1/campaigns").then().statusCode(201);
        List<String> creators = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            String handle = "creator" + c + "_" + campaign.substring(6);
            workshops().body(Map.of("handle", "@" + handle, "platform", PLATFORMS.get(c), "displayName", "Créatrice " + c))
                    .post("/api/v1/creators").then().statusCode(201);
            creators.add(handle);
        }
        Random onlineRandom = new Random(SEED + 1); // its own draws: the workshops' operations stay those of SEED
        List<ModelledPost> posts = new ArrayList<>();
        Map<String, List<String>> facilitators = new LinkedHashMap<>();
        for (String partner : List.of("p1-" + campaign, "p2-" + campaign, "p3-" + campaign)) {
            workshops().body(Map.of("code", partner, "name", "Partner " + partner)).post("/api/v1/partners").then().statusCode(201);
            List<String> ids = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                ids.add(workshops().body(Map.of("displayName", "F" + f, "contactEmail", "f" + f + "@" + partner + ".example"))
                        .post("/api/v1/partners/" + partner + "/facilitators").then().statusCode(201).extract().path("id"));
            }
            facilitators.put(partner, ids);
        }

        List<Modelled> workshops = new ArrayList<>();
        Set<String> busy = new HashSet<>(); // facilitator|day: one workshop a day each, so no double booking
        for (int op = 0; op < OPERATIONS; op++) {
            int choice = random.nextInt(100);
            if (choice < 40 || workshops.isEmpty()) {
                schedule(random, campaign, schools, facilitators, busy).ifPresent(workshops::add);
            } else {
                Modelled w = workshops.get(random.nextInt(workshops.size()));
                if (choice < 65) {
                    if (w.status.equals("SCHEDULED")) {
                        complete(w, 20 + random.nextInt(16));
                    }
                } else if (choice < 78) {
                    if (w.status.equals("COMPLETED")) {
                        correct(w, 15 + random.nextInt(21));
                    }
                } else if (choice < 88) {
                    if (!w.status.equals("CANCELLED")) {
                        cancel(w, busy);
                    }
                } else if (w.status.equals("SCHEDULED")) {
                    reschedule(random, w, campaign, new ArrayList<>(schools.keySet()), busy);
                }
            }
            if (onlineRandom.nextInt(100) < 35) {
                onlineOperation(onlineRandom, campaign, creators, posts);
            }
            if (op == OPERATIONS / 2) {
                consumers.replayFromStart(ReachConsumer.NAME);
            }
            if (op == OPERATIONS * 2 / 3) {
                String moving = schools.keySet().iterator().next();
                schools.put(moving, SchoolEventsFeed.LILLE);
                try (SchoolEventsFeed feed = new SchoolEventsFeed(bootstrapServers)) {
                    feed.publish(moving, "Collège 0", SchoolEventsFeed.LILLE, 2);
                }
            }
        }
        redeliverSomeWorkshopEvents(random, workshops);
        redeliverSomeCreatorPostEvents(onlineRandom, posts);

        Map<String, Figures> expectedTotals = model(workshops, w -> campaign);
        assertThat(expectedTotals.get(campaign).studentsSensitised()).as("students sensitised in the model of the random campaign")
                .isPositive();
        assertThat(expectedTotals.get(campaign).parentsSensitised()).as("parents sensitised in the model of the random campaign")
                .isPositive();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertSameFigures("in campaign", actual(campaign, null), expectedTotals));
        Map<String, Function<Modelled, String>> breakdowns = new LinkedHashMap<>();
        breakdowns.put("region", w -> schools.get(w.school).regionCode());
        breakdowns.put("academy", w -> schools.get(w.school).academyCode());
        breakdowns.put("department", w -> schools.get(w.school).departmentCode());
        breakdowns.put("school", w -> w.school);
        breakdowns.put("partner", w -> w.partner);
        breakdowns.put("audience", w -> w.audience);
        breakdowns.put("classLevel", w -> w.level == null ? "NONE" : w.level);
        breakdowns.put("month", w -> w.day.toString().substring(0, 7));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Map.Entry<String, Function<Modelled, String>> by : breakdowns.entrySet()) {
                assertSameFigures("by " + by.getKey(), actual(campaign, by.getKey()), model(workshops, by.getValue()));
            }
        });
        LocalDate from = LocalDate.of(2021, 11, 1);
        LocalDate to = LocalDate.of(2022, 2, 28);
        List<Modelled> inRange = workshops.stream().filter(w -> !w.day.isBefore(from) && !w.day.isAfter(to)).toList();
        assertSameFigures("from " + from + " to " + to + " by partner", actualRange(campaign, "partner", from, to),
                model(inRange, w -> w.partner));
        assertSameFigures("from " + from + " to " + to + " by region", actualRange(campaign, "region", from, to),
                model(inRange, breakdowns.get("region")));

        given().auth().oauth2(TestTokens.admin()).get("/api/v1/reach/campaigns/" + campaign + "/audit")
                .then().statusCode(200).body("differences", org.hamcrest.Matchers.empty());
        List<Map<String, Object>> months = given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign + "/timeline?granularity=month").then().statusCode(200).extract().path("$");
        assertThat(months).as("months of the timeline, September to June").hasSize(10);
        assertThat(((Number) months.get(9).get("cumulativeStudentsSensitised")).longValue())
                .as("cumulative students sensitised in June").isEqualTo(expectedTotals.get(campaign).studentsSensitised());

        Map<String, OnlineFigures> expectedOnline = onlineModel(posts, p -> campaign);
        OnlineFigures online = expectedOnline.get(campaign);
        assertThat(online.posts()).as("posts in the model").isPositive();
        assertThat(posts.stream().filter(p -> p.snapshots.size() > 1).count()).as("posts with several snapshots").isPositive();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertSameOnline("in campaign", onlineActual(campaign, null), expectedOnline));
        Map<String, Function<ModelledPost, String>> onlineBreakdowns = new LinkedHashMap<>();
        onlineBreakdowns.put("creator", p -> p.creator);
        onlineBreakdowns.put("platform", p -> p.platform);
        onlineBreakdowns.put("month", p -> p.day.toString().substring(0, 7));
        onlineBreakdowns.forEach((by, key) -> assertSameOnline("by " + by, onlineActual(campaign, by), onlineModel(posts, key)));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200)
                .body("totals.studentsSensitised", org.hamcrest.Matchers.equalTo((int) expectedTotals.get(campaign).studentsSensitised()))
                .body("online.progress.impressions", org.hamcrest.Matchers.equalTo(
                        (float) (Math.round(online.impressions() * 1000.0 / IMPRESSIONS_TARGET) / 10.0)));
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/reach/campaigns/" + campaign + "/audit")
                .then().statusCode(200).body("differences", org.hamcrest.Matchers.empty());
        List<Map<String, Object>> onlineMonths = given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign + "/timeline?granularity=month").then().statusCode(200).extract().path("$");
        assertThat(((Number) onlineMonths.get(9).get("cumulativeImpressions")).longValue()).as("cumulative impressions in June")
                .isEqualTo(online.impressions());
        System.out.printf("ReachModelTest: %d workshops, %d students and %d parents sensitised; %d creators, %d posts, "
                        + "%d snapshots (%d late), %d impressions, %d accounts reached, %d engagements%n", workshops.size(),
                expectedTotals.get(campaign).studentsSensitised(), expectedTotals.get(campaign).parentsSensitised(), online.creators(),
                online.posts(), posts.stream().mapToLong(p -> p.snapshots.size()).sum(), lateSnapshots, online.impressions(),
                online.accountsReached(), online.engagements());
    }

    private int lateSnapshots;

    /** A creator's post recorded, a snapshot of a post's figures (sometimes measured before its current one), or a post corrected. */
    private void onlineOperation(Random random, String campaign, List<String> creators, List<ModelledPost> posts) {
        int choice = random.nextInt(100);
        if (choice < 35 || posts.isEmpty()) {
            ModelledPost post = new ModelledPost();
            post.creator = creators.get(random.nextInt(creators.size()));
            post.platform = PLATFORMS.get(random.nextInt(PLATFORMS.size()));
            post.day = LocalDate.of(2021, 9, 1).plusDays(random.nextInt(300));
            post.id = workshops().body(postBody(campaign, post)).post("/api/v1/creator-posts").then().statusCode(201).extract().path("id");
            posts.add(post);
        } else if (choice < 85) {
            ModelledPost post = posts.get(random.nextInt(posts.size()));
            java.time.OffsetDateTime measuredAt = CampaignTime.inCampaignTime(
                    publishedAt(post).plusDays(random.nextInt(30)).plusHours(1 + random.nextInt(23)));
            if (post.snapshots.containsKey(measuredAt)) {
                return;
            }
            long impressions = 100 + random.nextInt(100_000);
            long reached = impressions / 2 + random.nextInt((int) impressions / 2);
            long likes = random.nextInt(5_000);
            long comments = random.nextInt(500);
            long shares = random.nextInt(300);
            Long saves = random.nextBoolean() ? null : (long) random.nextInt(200); // not every platform reports saves
            Map<String, Object> body = new HashMap<>(Map.of("measuredAt", measuredAt.toString(), "impressions", impressions,
                    "accountsReached", reached, "likes", likes, "comments", comments, "shares", shares));
            body.put("saves", saves);
            boolean late = !post.snapshots.isEmpty() && measuredAt.isBefore(post.snapshots.lastKey());
            io.restassured.response.Response response = workshops().body(body).post("/api/v1/creator-posts/" + post.id + "/metrics");
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
            assertThat(response.<Boolean>path("current")).as("a snapshot measured before the current one is not current").isEqualTo(!late);
            lateSnapshots += late ? 1 : 0;
            post.snapshots.put(measuredAt, new long[] {impressions, reached, likes + comments + shares + (saves == null ? 0 : saves)});
            post.version = Long.parseLong(response.header("ETag").replace("\"", ""));
        } else {
            ModelledPost post = posts.get(random.nextInt(posts.size()));
            post.platform = PLATFORMS.get(random.nextInt(PLATFORMS.size()));
            LocalDate earlier = post.day.minusDays(random.nextInt(40));
            post.day = earlier.isBefore(LocalDate.of(2021, 9, 1)) ? LocalDate.of(2021, 9, 1) : earlier; // before every snapshot
            io.restassured.response.Response response = workshops().header("If-Match", "\"" + post.version + "\"")
                    .body(postBody(campaign, post)).put("/api/v1/creator-posts/" + post.id);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
            post.version = Long.parseLong(response.header("ETag").replace("\"", ""));
        }
    }

    private static java.time.OffsetDateTime publishedAt(ModelledPost post) {
        return ZonedDateTime.of(post.day, LocalTime.of(18, 0), CampaignTime.ZONE).toOffsetDateTime();
    }

    /** A URL on the post's platform, new at every call (a correction moves the post to another URL). */
    private static Map<String, Object> postBody(String campaign, ModelledPost post) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = switch (post.platform) {
            case "INSTAGRAM" -> "https://www.instagram.com/reel/" + id + "/";
            case "TIKTOK" -> "https://www.tiktok.com/@" + post.creator + "/video/" + id;
            case "YOUTUBE" -> "https://youtu.be/" + id;
            case "SNAPCHAT" -> "https://www.snapchat.com/spotlight/" + id;
            default -> "https://www.twitch.tv/videos/" + id;
        };
        return Map.of("campaignCode", campaign, "creatorHandle", post.creator, "platform", post.platform, "url", url,
                "publishedAt", publishedAt(post).toString(), "format", post.platform.equals("TWITCH") ? "LIVE" : "VIDEO");
    }

    /** Sends some creator-post events a second time, verbatim. */
    private void redeliverSomeCreatorPostEvents(Random random, List<ModelledPost> posts) {
        try (TopicReader topic = new TopicReader(bootstrapServers, "creator-post-events");
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrapServers), new StringSerializer(), new StringSerializer())) {
            Set<String> ours = new HashSet<>();
            posts.forEach(p -> ours.add(p.id));
            long expected = posts.stream().mapToLong(p -> p.version).sum();
            List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(30)).until(
                    () -> topic.records().stream().filter(r -> ours.contains(r.key())).toList(), list -> list.size() >= expected);
            assertThat(published).as("one event per version of each post").hasSize((int) expected);
            for (int i = 0; i < 20; i++) {
                ConsumerRecord<String, String> record = published.get(random.nextInt(published.size()));
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
    }

    /** Online figures under one key, named for failures: creators, posts, impressions, accounts reached, engagements. */
    record OnlineFigures(long creators, long posts, long impressions, long accountsReached, long engagements) {
    }

    /** The online model: per key, distinct creators, posts, and the sums of each post's current figures (per post: no de-duplication). */
    static Map<String, OnlineFigures> onlineModel(List<ModelledPost> posts, Function<ModelledPost, String> key) {
        Map<String, List<ModelledPost>> groups = new TreeMap<>();
        posts.forEach(p -> groups.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p));
        Map<String, OnlineFigures> result = new TreeMap<>();
        groups.forEach((k, group) -> result.put(k, new OnlineFigures(group.stream().map(p -> p.creator).distinct().count(),
                group.size(), group.stream().mapToLong(p -> p.current()[0]).sum(), group.stream().mapToLong(p -> p.current()[1]).sum(),
                group.stream().mapToLong(p -> p.current()[2]).sum())));
        return result;
    }

    private Map<String, OnlineFigures> onlineActual(String campaign, String by) {
        Map<String, OnlineFigures> result = new TreeMap<>();
        if (by == null) {
            Map<String, Object> totals = given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign)
                    .then().statusCode(200).extract().path("online.totals");
            result.put(campaign, onlineFigures(totals));
            return result;
        }
        List<Map<String, Object>> rows = given().auth().oauth2(TestTokens.viewer()).queryParam("by", by)
                .get("/api/v1/reach/campaigns/" + campaign + "/breakdown").then().statusCode(200).extract().path("$");
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = by.equals("month") ? (Map<String, Object>) row.get("online") : row;
            OnlineFigures online = onlineFigures(figures);
            if (online.posts() > 0) {
                result.put((String) row.get("key"), online);
            }
        }
        return result;
    }

    private static OnlineFigures onlineFigures(Map<String, Object> row) {
        return new OnlineFigures(number(row, "creators"), number(row, "posts"), number(row, "impressions"),
                number(row, "accountsReached"), number(row, "engagements"));
    }

    private static void assertSameOnline(String where, Map<String, OnlineFigures> actual, Map<String, OnlineFigures> expected) {
        assertThat(actual).as("online figures %s", where).isEqualTo(expected);
    }

    private java.util.Optional<Modelled> schedule(Random random, String campaign, Map<String, SchoolEventsFeed.Place> schools,
                                                  Map<String, List<String>> facilitators, Set<String> busy) {
        Modelled w = new Modelled();
        List<String> partners = new ArrayList<>(facilitators.keySet());
        w.partner = partners.get(random.nextInt(partners.size()));
        w.facilitator = facilitators.get(w.partner).get(random.nextInt(2));
        w.school = new ArrayList<>(schools.keySet()).get(random.nextInt(schools.size()));
        w.audience = random.nextInt(10) < 8 ? "STUDENTS" : "PARENTS";
        w.level = w.audience.equals("STUDENTS") && random.nextBoolean() ? LEVELS.get(random.nextInt(4)) : null;
        w.day = freeDay(random, w.facilitator, busy);
        Map<String, Object> body = body(campaign, w);
        // The first schedule waits for workshop-service's replica to have seen the school events.
        w.id = await().atMost(Duration.ofSeconds(30)).until(() -> {
            io.restassured.response.Response response = workshops().body(body).post("/api/v1/workshops");
            return response.statusCode() == 201 ? response.<String>path("id") : null;
        }, java.util.Objects::nonNull);
        return java.util.Optional.of(w);
    }

    /**
     * Issue 14: a note naming a child, sent with a correction and a cancellation (with Idempotency-Keys, as partners
     * send them), reaches no Kafka topic (every topic, internal ones too, read from the beginning, aborted records
     * included), no text column of any table of reach's database, and none of workshop-service's idempotency, outbox
     * and dead-letter tables; once staff redact the notes, no table of workshop-service's database has it either.
     */
    @Test
    void aNoteNamingAChildReachesNoTopicAndNoReachTableAndIsGoneFromEveryWorkshopTableOnceRedacted() throws Exception {
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 8); // a surname nothing else in the system has
        String child = "Léa " + marker + " (5eB)";
        String campaign = "privacy-" + UUID.randomUUID().toString().substring(0, 8);
        String partner = "pp-" + campaign.substring(8);
        String uai = SchoolEventsFeed.uai(60_000 + new Random().nextInt(30_000));
        try (SchoolEventsFeed feed = new SchoolEventsFeed(bootstrapServers)) {
            feed.publish(uai, "Collège des Tilleuls", SchoolEventsFeed.RENNES, 1);
        }
        workshops().body(Map.of("code", campaign, "name", "Privacy", "startsOn", "2021-09-01", "endsOn", "2022-06-30",
                "targets", Map.of("studentsSensitised", 100, "studentWorkshops", 2, "parentWorkshops", 0, "schools", 1)))
                .post("/api/v1/campaigns").then().statusCode(201);
        workshops().body(Map.of("code", partner, "name", "Partner")).post("/api/v1/partners").then().statusCode(201);
        String facilitator = workshops().body(Map.of("displayName", "F", "contactEmail", "f@" + partner + ".example"))
                .post("/api/v1/partners/" + partner + "/facilitators").then().statusCode(201).extract().path("id");
        Modelled first = new Modelled();
        first.school = uai;
        first.partner = partner;
        first.facilitator = facilitator;
        first.audience = "STUDENTS";
        first.level = "CINQUIEME";
        first.day = LocalDate.of(2021, 11, 16);
        String completed = await().atMost(Duration.ofSeconds(30)).until(() -> {
            io.restassured.response.Response response = workshops().body(body(campaign, first)).post("/api/v1/workshops");
            return response.statusCode() == 201 ? response.<String>path("id") : null;
        }, java.util.Objects::nonNull);
        first.day = LocalDate.of(2021, 11, 17);
        String cancelled = workshops().body(body(campaign, first)).post("/api/v1/workshops").then().statusCode(201).extract().path("id");

        workshops().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("attendees", 25))
                .post("/api/v1/workshops/" + completed + "/completion").then().statusCode(200);
        workshops().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("attendees", 24, "reasonCode", "HEADCOUNT_RECOUNTED", "note", child + " left before the count"))
                .post("/api/v1/workshops/" + completed + "/attendance-corrections").then().statusCode(200);
        workshops().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reasonCode", "OTHER", "note", child + " is being bullied"))
                .post("/api/v1/workshops/" + cancelled + "/cancellation").then().statusCode(200);
        workshops().header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("reason", child + " again"))
                .post("/api/v1/workshops/" + completed + "/cancellation").then().statusCode(400);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200)
                .body("totals.studentsSensitised", org.hamcrest.Matchers.equalTo(24))
                .body("totals.workshopsScheduled", org.hamcrest.Matchers.equalTo(0)));

        String workshopDatabase = TestInfrastructure.get().postgres().jdbcUrl("workshop_for_reach_tests");
        try (Connection workshopDb = DriverManager.getConnection(workshopDatabase, LocalPostgres.USER, "unused-trust-auth");
             Connection reachDb = reachDataSource.getConnection()) {
            assertThat(columnsContaining(workshopDb, marker, null)).as("where the notes are kept before the redaction")
                    .containsExactlyInAnyOrder("public.workshop.cancellation_note", "public.workshop_history.note");
            TopicScan scan = scanTopics(marker);
            assertThat(scan.recordsOf(completed) + scan.recordsOf(cancelled)).as("our workshops' events the scan read")
                    .isGreaterThanOrEqualTo(5);
            assertThat(scan.found()).as("topic records holding the child's name (of " + scan.records() + " read)").isEmpty();
            assertThat(columnsContaining(reachDb, marker, null)).as("reach's columns holding the child's name").isEmpty();
            assertThat(columnsContaining(workshopDb, marker, Set.of("idempotency_key", "outbox_event", "dead_letter")))
                    .as("workshop-service's idempotency, outbox and dead-letter columns holding the child's name").isEmpty();

            for (String id : List.of(completed, cancelled)) {
                workshops().post("/api/v1/workshops/" + id + "/note-redaction").then().statusCode(200);
            }
            assertThat(columnsContaining(workshopDb, marker, null)).as("workshop-service's columns holding the name once redacted")
                    .isEmpty();
        }
        workshops().get("/api/v1/workshops/" + cancelled + "/history").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.hasItem("notes redacted"))
                .body("reasonCode", org.hamcrest.Matchers.hasItem("OTHER"));
    }

    /** What a scan of every topic found: the records holding the marker, and how many records it read, per key too. */
    record TopicScan(List<String> found, long records, Map<String, Integer> byKey) {
        int recordsOf(String key) {
            return byKey.getOrDefault(key, 0);
        }
    }

    /** Reads every record of every topic of the broker, internal ones included, from the beginning to the end. */
    private TopicScan scanTopics(String marker) throws Exception {
        byte[] needle = marker.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        Map<String, Integer> byKey = new HashMap<>();
        long records = 0;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
             org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, "isolation.level", "read_uncommitted",
                             "max.poll.records", 5000),
                     new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                     new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            Set<String> topics = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true)).names().get();
            assertThat(topics).as("topics of the broker").contains("workshop-events", "campaign-events", "school-events");
            List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new org.apache.kafka.common.TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("reading every topic to its end within 2 minutes").isLessThan(deadline);
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    if (record.key() != null) {
                        byKey.merge(new String(record.key(), java.nio.charset.StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                    boolean inHeaders = false;
                    for (var header : record.headers()) {
                        inHeaders |= contains(header.value(), needle);
                    }
                    if (contains(record.key(), needle) || contains(record.value(), needle) || inHeaders) {
                        found.add(record.topic() + "-" + record.partition() + "@" + record.offset());
                    }
                }
            }
        }
        return new TopicScan(found, records, byKey);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null) {
            return false;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Every text column ({@code schema.table.column}) of the database holding {@code marker}, in {@code tables} if given. */
    private static List<String> columnsContaining(Connection connection, String marker, Set<String> tables) throws Exception {
        List<String> columns = new ArrayList<>();
        try (java.sql.Statement list = connection.createStatement();
             java.sql.ResultSet column = list.executeQuery("""
                     select c.table_schema, c.table_name, c.column_name from information_schema.columns c
                       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                     where c.table_schema not in ('pg_catalog', 'information_schema') and t.table_type = 'BASE TABLE'
                       and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')""")) {
            while (column.next()) {
                if (tables == null || tables.contains(column.getString(2))) {
                    columns.add(column.getString(1) + "." + column.getString(2) + "." + column.getString(3));
                }
            }
        }
        if (tables != null) {
            assertThat(columns).as("text columns of " + tables).isNotEmpty();
        }
        List<String> holding = new ArrayList<>();
        for (String name : columns) {
            String[] part = name.split("\\.");
            try (java.sql.PreparedStatement count = connection.prepareStatement("select count(*) from \"" + part[0] + "\".\"" + part[1]
                    + "\" where strpos(\"" + part[2] + "\"::text, ?) > 0")) {
                count.setString(1, marker);
                try (java.sql.ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) > 0) {
                        holding.add(name);
                    }
                }
            }
        }
        return holding;
    }

    private void complete(Modelled w, int attendees) {
        workshops().body(Map.of("attendees", attendees)).post("/api/v1/workshops/" + w.id + "/completion").then().statusCode(200);
        w.status = "COMPLETED";
        w.attendees = attendees;
        w.version++;
    }

    private void correct(Modelled w, int attendees) {
        workshops().body(Map.of("attendees", attendees, "reasonCode", "HEADCOUNT_RECOUNTED")).post("/api/v1/workshops/" + w.id + "/attendance-corrections")
                .then().statusCode(200);
        w.attendees = attendees;
        w.version++;
    }

    private void cancel(Modelled w, Set<String> busy) {
        workshops().body(Map.of("reasonCode", "RECORDED_BY_MISTAKE")).post("/api/v1/workshops/" + w.id + "/cancellation").then().statusCode(200);
        w.status = "CANCELLED";
        busy.remove(w.facilitator + "|" + w.day);
        w.version++;
    }

    private void reschedule(Random random, Modelled w, String campaign, List<String> schools, Set<String> busy) {
        busy.remove(w.facilitator + "|" + w.day);
        w.day = freeDay(random, w.facilitator, busy);
        w.school = schools.get(random.nextInt(schools.size()));
        workshops().header("If-Match", "\"" + w.version + "\"").body(body(campaign, w)).put("/api/v1/workshops/" + w.id)
                .then().statusCode(200);
        w.version++;
    }

    /** Sends some workshop events a second time, verbatim, as an at-least-once pipeline may. */
    private void redeliverSomeWorkshopEvents(Random random, List<Modelled> workshops) {
        try (TopicReader topic = new TopicReader(bootstrapServers, "workshop-events");
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     bootstrapServers), new StringSerializer(), new StringSerializer())) {
            Set<String> ours = new HashSet<>();
            workshops.forEach(w -> ours.add(w.id));
            long expected = workshops.stream().mapToLong(w -> w.version).sum();
            List<ConsumerRecord<String, String>> published = await().atMost(Duration.ofSeconds(30)).until(
                    () -> topic.records().stream().filter(r -> ours.contains(r.key())).toList(), list -> list.size() >= expected);
            for (int i = 0; i < 40; i++) {
                ConsumerRecord<String, String> record = published.get(random.nextInt(published.size()));
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
            }
            producer.flush();
        }
    }

    private static LocalDate freeDay(Random random, String facilitator, Set<String> busy) {
        while (true) {
            LocalDate day = LocalDate.of(2021, 9, 1).plusDays(random.nextInt(300));
            if (busy.add(facilitator + "|" + day)) {
                return day;
            }
        }
    }

    private static Map<String, Object> body(String campaign, Modelled w) {
        ZonedDateTime start = ZonedDateTime.of(w.day, LocalTime.of(10, 0), CampaignTime.ZONE);
        Map<String, Object> body = new HashMap<>();
        body.put("campaignCode", campaign);
        body.put("schoolUai", w.school);
        body.put("partnerCode", w.partner);
        body.put("facilitatorId", w.facilitator);
        body.put("audience", w.audience);
        body.put("classLevel", w.level);
        body.put("startsAt", start.toOffsetDateTime().toString());
        body.put("endsAt", start.plusHours(2).toOffsetDateTime().toString());
        body.put("capacity", 35); // the headcounts drawn go up to 35, never above the seats
        return body;
    }

    /** The figures reach gives under one key, each with its name: a failure says which figure of which key is wrong. */
    record Figures(long studentsSensitised, long parentsSensitised, long studentWorkshopsDelivered, long parentWorkshopsDelivered,
                   long workshopsScheduled, long schoolsReached) {

        Map<String, Long> named() {
            Map<String, Long> named = new LinkedHashMap<>();
            named.put("students sensitised", studentsSensitised);
            named.put("parents sensitised", parentsSensitised);
            named.put("student workshops delivered", studentWorkshopsDelivered);
            named.put("parent workshops delivered", parentWorkshopsDelivered);
            named.put("workshops scheduled", workshopsScheduled);
            named.put("schools reached", schoolsReached);
            return named;
        }
    }

    /** Same keys, and under each key every figure the same, e.g. "students sensitised by region 53". */
    private static void assertSameFigures(String where, Map<String, Figures> actual, Map<String, Figures> expected) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(actual.keySet()).as("keys %s", where).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, figures) -> {
            Map<String, Long> got = actual.containsKey(key) ? actual.get(key).named() : Map.of();
            figures.named().forEach((figure, value) -> softly.assertThat(got.get(figure)).as("%s %s %s", figure, where, key)
                    .isEqualTo(value));
        });
        softly.assertAll();
    }

    /**
     * The model: per key, students, parents, student workshops, parent workshops, scheduled workshops and
     * schools reached (distinct schools with a completed workshop), written independently of the service.
     */
    static Map<String, Figures> model(List<Modelled> workshops, Function<Modelled, String> key) {
        Map<String, long[]> rows = new TreeMap<>();
        Map<String, Set<String>> reached = new HashMap<>();
        for (Modelled w : workshops) {
            long[] row = rows.computeIfAbsent(key.apply(w), k -> new long[6]);
            boolean students = w.audience.equals("STUDENTS");
            if (w.status.equals("COMPLETED")) {
                row[students ? 0 : 1] += w.attendees;
                row[students ? 2 : 3] += 1;
                reached.computeIfAbsent(key.apply(w), k -> new HashSet<>()).add(w.school);
            } else if (w.status.equals("SCHEDULED")) {
                row[4] += 1;
            }
        }
        rows.forEach((k, row) -> row[5] = reached.getOrDefault(k, Set.of()).size());
        rows.values().removeIf(row -> row[0] == 0 && row[1] == 0 && row[2] == 0 && row[3] == 0 && row[4] == 0);
        Map<String, Figures> result = new TreeMap<>();
        rows.forEach((k, row) -> result.put(k, new Figures(row[0], row[1], row[2], row[3], row[4], row[5])));
        return result;
    }

    private Map<String, Figures> actual(String campaign, String by) {
        if (by == null) {
            Map<String, Object> totals = given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign)
                    .then().statusCode(200).extract().path("totals");
            Map<String, Figures> result = new TreeMap<>();
            result.put(campaign, figures(totals));
            return result;
        }
        return rows(given().auth().oauth2(TestTokens.viewer()).queryParam("by", by)
                .get("/api/v1/reach/campaigns/" + campaign + "/breakdown").then().statusCode(200).extract().path("$"));
    }

    private Map<String, Figures> actualRange(String campaign, String by, LocalDate from, LocalDate to) {
        return rows(given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("by", by, "from", from.toString(), "to", to.toString()))
                .get("/api/v1/reach/campaigns/" + campaign + "/breakdown").then().statusCode(200).extract().path("$"));
    }

    /** A month row with posts only has no workshop figures: the workshops' model has no such key. */
    private static Map<String, Figures> rows(List<Map<String, Object>> rows) {
        Map<String, Figures> result = new TreeMap<>();
        rows.stream().filter(row -> !figures(row).equals(new Figures(0, 0, 0, 0, 0, 0)))
                .forEach(row -> result.put((String) row.get("key"), figures(row)));
        return result;
    }

    private static Figures figures(Map<String, Object> row) {
        return new Figures(number(row, "studentsSensitised"), number(row, "parentsSensitised"), number(row, "studentWorkshopsDelivered"),
                number(row, "parentWorkshopsDelivered"), number(row, "workshopsScheduled"), number(row, "schoolsReached"));
    }

    private static long number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    private static RequestSpecification workshops() {
        return given().baseUri("http://localhost").port(workshopService.port()).auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON);
    }
}
