package fr.antiharcelement.workshop.api;

import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.workshop.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static fr.antiharcelement.workshop.Fixtures.admin;
import static fr.antiharcelement.workshop.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class CampaignAndPartnerApiTest {

    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> lePoidsDesMots(String code) {
        return new HashMap<>(Map.of("code", code, "name", "#LePoidsDesMots", "startsOn", "2021-09-01", "endsOn", "2022-06-30",
                "targets", Map.of("studentsSensitised", 70000, "studentWorkshops", 1800, "parentWorkshops", 200, "schools", 300)));
    }

    @Test
    void aCampaignIsDefinedReadAndReplacedWithItsEtag() {
        String code = "lpdm-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(lePoidsDesMots(code)).post("/api/v1/campaigns")
                .then().statusCode(201).header("ETag", "\"1\"").body("targets.studentsSensitised", equalTo(70000))
                .body("targets.parentsSensitised", equalTo(null));
        admin().body(lePoidsDesMots(code)).post("/api/v1/campaigns").then().statusCode(409);
        as(TestTokens.viewer()).get("/api/v1/campaigns/" + code).then().statusCode(200).body("name", equalTo("#LePoidsDesMots"));
        as(TestTokens.partner("e-enfance")).get("/api/v1/campaigns").then().statusCode(200).body("code", hasItem(code));

        Map<String, Object> changed = lePoidsDesMots(code);
        changed.put("targets", Map.of("studentsSensitised", 75000, "parentsSensitised", 4000, "studentWorkshops", 1800,
                "parentWorkshops", 200, "schools", 300));
        admin().header("If-Match", "\"1\"").body(changed).put("/api/v1/campaigns/" + code)
                .then().statusCode(200).header("ETag", "\"2\"").body("targets.parentsSensitised", equalTo(4000));
        admin().header("If-Match", "\"1\"").body(lePoidsDesMots(code)).put("/api/v1/campaigns/" + code).then().statusCode(412);
        admin().get("/api/v1/campaigns/" + code).then().body("targets.studentsSensitised", equalTo(75000));
    }

    @Test
    void invalidCampaignsAreRefusedAndNothingIsStored() {
        String code = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> backwards = lePoidsDesMots(code);
        backwards.put("endsOn", "2021-01-01");
        admin().body(backwards).post("/api/v1/campaigns").then().statusCode(422).body("detail", containsString("before it starts"));

        Map<String, Object> invalid = lePoidsDesMots("Not A Slug!");
        invalid.put("targets", Map.of("studentsSensitised", -1));
        admin().body(invalid).post("/api/v1/campaigns").then().statusCode(400)
                .body("errors.field", hasItems("code", "targets.studentsSensitised", "targets.studentWorkshops"));
        admin().get("/api/v1/campaigns/" + code).then().statusCode(404);
        as(TestTokens.partner("e-enfance")).body(lePoidsDesMots(code)).post("/api/v1/campaigns").then().statusCode(403);
    }

    @Test
    void aCampaignSpansAtMostFiveYears() {
        String code = "long-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> forever = lePoidsDesMots(code);
        forever.put("endsOn", "9999-12-31");
        admin().body(forever).post("/api/v1/campaigns").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("at most 5 years")).body("maxSpanYears", equalTo(5));
        admin().get("/api/v1/campaigns/" + code).then().statusCode(404);
        Map<String, Object> fiveYears = lePoidsDesMots(code);
        fiveYears.put("endsOn", "2026-09-01");
        admin().body(fiveYears).post("/api/v1/campaigns").then().statusCode(201);
        fiveYears.put("endsOn", "2026-09-02");
        admin().header("If-Match", "\"1\"").body(fiveYears).put("/api/v1/campaigns/" + code).then().statusCode(422);
    }

    @Test
    void concurrentCreatesOfOneCodeMakeOneAndAnswerTheOthers409NamingTheCode() throws Exception {
        String campaign = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String partner = "race-" + UUID.randomUUID().toString().substring(0, 8);
        for (var create : List.<Supplier<io.restassured.response.Response>>of(
                () -> admin().body(lePoidsDesMots(campaign)).post("/api/v1/campaigns"),
                () -> admin().body(Map.of("code", partner, "name", "Association")).post("/api/v1/partners"))) {
            int clients = 6;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<CompletableFuture<io.restassured.response.Response>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return create.get();
                    }, pool));
                }
                start.countDown();
                List<io.restassured.response.Response> responses = answers.stream().map(CompletableFuture::join).toList();
                assertThat(responses).as("answers to concurrent creates").extracting(io.restassured.response.Response::statusCode)
                        .containsOnly(201, 409).containsOnlyOnce(201);
                assertThat(responses).filteredOn(response -> response.statusCode() == 409).allSatisfy(response -> {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                    assertThat(response.<List<String>>path("fields")).as(response.asString()).containsExactly("code");
                });
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aCreateThatLosesItsRaceAtTheDatabaseIsA409NamingTheConstraintNotA500() throws Exception {
        String code = "late-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection first = dataSource.getConnection(); Connection observer = dataSource.getConnection()) {
            first.setAutoCommit(false);
            try (PreparedStatement insert = first.prepareStatement("insert into partner (code, name, created_at) values (?, 'First', now())")) {
                insert.setString(1, code);
                insert.executeUpdate();
            }
            CompletableFuture<io.restassured.response.Response> second = CompletableFuture.supplyAsync(
                    () -> admin().body(Map.of("code", code, "name", "Second")).post("/api/v1/partners"));
            // The second request's check cannot see the uncommitted partner: its insert waits on the key, then fails.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (PreparedStatement waiting = observer.prepareStatement("select count(*) from pg_stat_activity "
                        + "where wait_event_type = 'Lock' and query ilike 'insert into partner%'");
                     ResultSet row = waiting.executeQuery()) {
                    row.next();
                    return row.getInt(1) > 0;
                }
            });
            first.commit();
            io.restassured.response.Response answer = second.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.<String>path("constraint")).isEqualTo("partner_pkey");
            assertThat(answer.<List<String>>path("fields")).containsExactly("code");
        }
        admin().get("/api/v1/partners/" + code).then().statusCode(200).body("name", equalTo("First"));
    }

    @Test
    void partnersAreRegisteredByAdminsAndManageTheirOwnFacilitators() {
        String partner = "gn-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "ee-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("code", partner, "name", "Génération Numérique")).post("/api/v1/partners").then().statusCode(201);
        admin().body(Map.of("code", other, "name", "Association e-Enfance")).post("/api/v1/partners").then().statusCode(201);
        admin().body(Map.of("code", partner, "name", "Again")).post("/api/v1/partners").then().statusCode(409);
        as(TestTokens.partner(partner)).body(Map.of("code", "x-" + partner, "name", "X")).post("/api/v1/partners").then().statusCode(403);

        as(TestTokens.partner(partner)).body(Map.of("displayName", "Camille D.", "contactEmail", "camille@gn.example"))
                .post("/api/v1/partners/" + partner + "/facilitators").then().statusCode(201).body("partnerCode", equalTo(partner));
        as(TestTokens.partner(partner)).get("/api/v1/partners/" + partner + "/facilitators")
                .then().statusCode(200).body("displayName", equalTo(java.util.List.of("Camille D.")));
        as(TestTokens.partner(other)).body(Map.of("displayName", "Intrus", "contactEmail", "x@ee.example"))
                .post("/api/v1/partners/" + partner + "/facilitators").then().statusCode(403);
        as(TestTokens.partner(other)).get("/api/v1/partners/" + partner + "/facilitators").then().statusCode(403);
        as(TestTokens.viewer()).get("/api/v1/partners/" + partner + "/facilitators").then().statusCode(403);
        admin().body(Map.of("displayName", "Sans mail", "contactEmail", "not-an-email"))
                .post("/api/v1/partners/" + partner + "/facilitators").then().statusCode(400).body("errors[0].field", equalTo("contactEmail"));
        admin().body(Map.of("displayName", "Perdu", "contactEmail", "p@x.example"))
                .post("/api/v1/partners/no-such-partner/facilitators").then().statusCode(404);
    }

    @Test
    void aNewFacilitatorsLocationIsReadableAndADeactivatedOneIsBookedForNoWorkshop() {
        Fixtures world = new Fixtures();
        String location = as(TestTokens.partner(world.partnerA)).body(Map.of("displayName", "Lou R.", "contactEmail", "lou@pa.example"))
                .post("/api/v1/partners/" + world.partnerA + "/facilitators").then().statusCode(201).extract().header("Location");
        String id = as(TestTokens.partner(world.partnerA)).get(location).then().statusCode(200)
                .body("displayName", equalTo("Lou R.")).body("active", equalTo(true)).extract().path("id");
        as(TestTokens.partner(world.partnerB)).get(location).then().statusCode(403);
        admin().get("/api/v1/partners/" + world.partnerB + "/facilitators/" + id).then().statusCode(404);
        admin().get("/api/v1/partners/" + world.partnerA + "/facilitators/not-a-uuid").then().statusCode(404);

        Map<String, Object> booking = world.workshop();
        booking.put("facilitatorId", id);
        as(TestTokens.partner(world.partnerB)).post(location + "/deactivation").then().statusCode(403);
        as(TestTokens.partner(world.partnerA)).post(location + "/deactivation").then().statusCode(200).body("active", equalTo(false));
        as(TestTokens.partner(world.partnerA)).post(location + "/deactivation").then().statusCode(200).body("active", equalTo(false));
        admin().body(booking).post("/api/v1/workshops").then().statusCode(422).body("detail", containsString("is deactivated"));
        as(TestTokens.partner(world.partnerA)).get("/api/v1/partners/" + world.partnerA + "/facilitators")
                .then().body("find { it.id == '" + id + "' }.active", equalTo(false));
    }

    @Test
    void campaignAndPartnerListsComeWholeOrInPagesWithTheirTotalCount() {
        new Fixtures();
        int campaigns = admin().get("/api/v1/campaigns").then().statusCode(200).extract().jsonPath().getList("$").size();
        admin().get("/api/v1/campaigns").then().header("X-Total-Count", String.valueOf(campaigns));
        admin().queryParams(Map.of("page", 0, "size", 2)).get("/api/v1/campaigns").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(campaigns)).body("size()", equalTo(2));
        java.util.List<String> all = admin().get("/api/v1/partners").then().extract().path("code");
        admin().queryParams(Map.of("page", 1, "size", 1)).get("/api/v1/partners").then().statusCode(200)
                .header("X-Total-Count", String.valueOf(all.size())).body("code", equalTo(java.util.List.of(all.get(1))));
        admin().queryParams(Map.of("size", "abc")).get("/api/v1/partners").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("size must be a whole number"));
        admin().queryParams(Map.of("size", 201)).get("/api/v1/campaigns").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void aBrowserAppOnAnAllowedOriginIsAnsweredWithCorsHeadersAndAnotherOriginIsRefused() {
        String allowed = "http://localhost:5173";
        given().header("Origin", allowed).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,if-none-match,idempotency-key")
                .options("/api/v1/campaigns/lepoidsdesmots-2021").then().statusCode(200)
                .header("Access-Control-Allow-Origin", allowed)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", allOf(containsString("Authorization"), containsString("If-Match"),
                        containsString("If-None-Match"), containsString("Idempotency-Key"), containsString("Content-Type")));
        String code = "cors-" + UUID.randomUUID().toString().substring(0, 8);
        admin().header("Origin", allowed).body(lePoidsDesMots(code)).post("/api/v1/campaigns").then().statusCode(201)
                .header("Access-Control-Allow-Origin", allowed)
                .header("Access-Control-Expose-Headers", allOf(containsString("ETag"), containsString("Location"),
                        containsString("Idempotent-Replayed"), containsString("X-Total-Count"), containsString("Retry-After")));

        String refused = "https://evil.example";
        given().header("Origin", refused).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/campaigns").then().header("Access-Control-Allow-Origin", nullValue());
        admin().header("Origin", refused).get("/api/v1/campaigns/" + code).then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
