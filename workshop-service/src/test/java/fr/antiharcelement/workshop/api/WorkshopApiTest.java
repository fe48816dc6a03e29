package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.idempotency.IdempotencyPurge;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.workshop.Fixtures;
import fr.antiharcelement.workshop.domain.ReasonCode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static fr.antiharcelement.workshop.Fixtures.admin;
import static fr.antiharcelement.workshop.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class WorkshopApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotencyPurge purge;

    private Fixtures world;

    @BeforeEach
    void newWorld() {
        world = new Fixtures();
    }

    @Test
    void schedulingAWorkshopAnswersWithItsLocationEtagAndDefaults() {
        admin().body(world.workshop()).post("/api/v1/workshops")
                .then().statusCode(201).header("ETag", "\"1\"").header("Location", containsString("/api/v1/workshops/"))
                .body("status", equalTo("SCHEDULED")).body("capacity", equalTo(30)).body("attendees", nullValue())
                .body("startsAt", equalTo("2021-11-16T10:00:00+01:00"));
    }

    @Test
    void eachBrokenSchedulingRuleIsA422SayingWhich() {
        expect422(with("campaignCode", "no-such-campaign"), "Unknown campaign no-such-campaign");
        expect422(with("schoolUai", world.closedSchool), "is closed");
        expect422(with("facilitatorId", world.facilitatorB), "does not belong to partner " + world.partnerA);
        expect422(world.workshop("2021-11-16T12:00:00+01:00", "2021-11-16T10:00:00+01:00"), "must be after startsAt");
        expect422(world.workshop("2021-11-16T10:00:00+01:00", "2021-11-16T10:05:00+01:00"), "from 15 minutes to 8 hours");
        expect422(world.workshop("2021-11-16T08:00:00+01:00", "2021-11-16T18:00:00+01:00"), "from 15 minutes to 8 hours");
        expect422(world.workshop("2022-07-04T10:00:00+02:00", "2022-07-04T12:00:00+02:00"), "outside campaign");
        Map<String, Object> parents = world.workshop();
        parents.put("audience", "PARENTS");
        expect422(parents, "classLevel is for STUDENTS workshops only");
        admin().queryParams(Map.of("campaign", world.campaign)).get("/api/v1/workshops").then().body("totalItems", equalTo(0));
    }

    @Test
    void anUnknownSchoolIsNamedInThe422() {
        String unknown = "0999998" + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(999998 % 23);
        expect422(with("schoolUai", unknown), "School " + unknown + " is not known to the school directory");
    }

    @Test
    void malformedInputIsA400ListingEachField() {
        admin().body(Map.of("campaignCode", world.campaign, "audience", "TEACHERS", "startsAt", "tomorrow"))
                .post("/api/v1/workshops").then().statusCode(400).contentType("application/problem+json");
        admin().body(Map.of("campaignCode", world.campaign)).post("/api/v1/workshops").then().statusCode(400)
                .body("errors.field", hasItem("facilitatorId")).body("errors.field", hasItem("startsAt"));
        admin().body("{\"campaignCode\": ").post("/api/v1/workshops").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBodyThatIsNotJsonSaysWhereAndABadUuidSaysItIsNotOne() {
        admin().body("{\n  \"campaignCode\": \"" + world.campaign + "\",\n  \"schoolUai\": \"0352958A\" \"partnerCode\": \"x\"\n}")
                .post("/api/v1/workshops").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 3, column")).body("detail", not(containsString("HTTP 400")));
        admin().body("{\"campaignCode\": \"" + world.campaign + "\", \"capacity\": 3x}").post("/api/v1/workshops").then().statusCode(400)
                .body("detail", containsString("line 1")).body("errors[0].field", equalTo("capacity"));

        Map<String, Object> badUuid = world.workshop();
        badUuid.put("facilitatorId", "not-a-uuid");
        admin().body(badUuid).post("/api/v1/workshops").then().statusCode(400)
                .body("errors[0].field", equalTo("facilitatorId")).body("errors[0].message", containsString("a valid UUID"))
                .body("detail", not(containsString("an object")));
        admin().queryParams(Map.of("size", "abc")).get("/api/v1/workshops").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }

    @Test
    void aPartnerSchedulesForItselfOnlyAndSeesOnlyItsOwnWorkshops() {
        String own = as(TestTokens.partner(world.partnerA)).body(world.workshop()).post("/api/v1/workshops")
                .then().statusCode(201).extract().path("id");
        as(TestTokens.partner(world.partnerB)).body(world.workshop("2021-11-17T10:00:00+01:00", "2021-11-17T12:00:00+01:00"))
                .post("/api/v1/workshops").then().statusCode(403);

        as(TestTokens.partner(world.partnerB)).get("/api/v1/workshops/" + own).then().statusCode(404);
        as(TestTokens.partner(world.partnerB)).body(Map.of("attendees", 10)).post("/api/v1/workshops/" + own + "/completion")
                .then().statusCode(404);
        as(TestTokens.partner(world.partnerB)).queryParams(Map.of("campaign", world.campaign)).get("/api/v1/workshops")
                .then().body("totalItems", equalTo(0));
        as(TestTokens.partner(world.partnerB)).get("/api/v1/workshops/" + own + "/history").then().statusCode(404);
        as(TestTokens.partner(world.partnerA)).queryParams(Map.of("campaign", world.campaign)).get("/api/v1/workshops")
                .then().body("items.id", equalTo(List.of(own)));
        as(TestTokens.viewer()).get("/api/v1/workshops/" + own).then().statusCode(200);
        as(TestTokens.viewer()).body(Map.of("attendees", 10)).post("/api/v1/workshops/" + own + "/completion").then().statusCode(403);
    }

    @Test
    void aWorkshopIsCompletedOnceStartedWithAHeadcountAndOnlyOnce() {
        String past = world.schedule(world.workshop());
        admin().body(Map.of("attendees", 1001)).post("/api/v1/workshops/" + past + "/completion").then().statusCode(400)
                .body("errors[0].field", equalTo("attendees"));
        admin().body(Map.of("attendees", 27)).post("/api/v1/workshops/" + past + "/completion")
                .then().statusCode(200).body("status", equalTo("COMPLETED")).body("attendees", equalTo(27)).header("ETag", "\"2\"");
        admin().body(Map.of("attendees", 28)).post("/api/v1/workshops/" + past + "/completion")
                .then().statusCode(409).body("currentStatus", equalTo("COMPLETED")).body("detail", containsString("is COMPLETED"));

        OffsetDateTime tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(1);
        Map<String, Object> future = world.workshop(tomorrow.toString(), tomorrow.plusHours(2).toString());
        admin().body(Map.of("code", "fut-" + UUID.randomUUID().toString().substring(0, 8), "name", "Future", "startsOn",
                tomorrow.toLocalDate().minusDays(2).toString(), "endsOn", tomorrow.toLocalDate().plusDays(30).toString(), "targets",
                Map.of("studentsSensitised", 10, "studentWorkshops", 1, "parentWorkshops", 0, "schools", 1)))
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("code");
        future.put("campaignCode", admin().get("/api/v1/campaigns").then().extract().path("find { it.name == 'Future' }.code"));
        String upcoming = world.schedule(future);
        admin().body(Map.of("attendees", 20)).post("/api/v1/workshops/" + upcoming + "/completion")
                .then().statusCode(422).body("detail", containsString("can be completed once it has started"));
    }

    @Test
    void attendanceIsCorrectedOnlyWhenCompletedAndWithAReason() {
        String id = world.schedule(world.workshop());
        admin().body(Map.of("attendees", 20, "reasonCode", "HEADCOUNT_RECOUNTED")).post("/api/v1/workshops/" + id + "/attendance-corrections")
                .then().statusCode(409).body("currentStatus", equalTo("SCHEDULED"));
        admin().body(Map.of("attendees", 24)).post("/api/v1/workshops/" + id + "/completion").then().statusCode(200);
        admin().body(Map.of("attendees", 26)).post("/api/v1/workshops/" + id + "/attendance-corrections")
                .then().statusCode(400).body("errors[0].field", equalTo("reasonCode"));
        admin().body(Map.of("attendees", 26, "reasonCode", "HEADCOUNT_RECOUNTED", "note", "two pupils arrived late"))
                .post("/api/v1/workshops/" + id + "/attendance-corrections")
                .then().statusCode(200).body("attendees", equalTo(26)).body("version", equalTo(3));
    }

    @Test
    void aWorkshopIsCancelledWhenScheduledOrCompletedButNotTwice() {
        String scheduled = world.schedule(world.workshop());
        admin().body(Map.of("reasonCode", "SCHOOL_CLOSED", "note", "snow day")).post("/api/v1/workshops/" + scheduled + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancellationReasonCode", equalTo("SCHOOL_CLOSED"))
                .body("cancellationNote", equalTo("snow day"));
        admin().body(Map.of("reasonCode", "OTHER")).post("/api/v1/workshops/" + scheduled + "/cancellation")
                .then().statusCode(409).body("currentStatus", equalTo("CANCELLED"));
        admin().body(Map.of("attendees", 3)).post("/api/v1/workshops/" + scheduled + "/completion").then().statusCode(409);

        String completed = world.schedule(world.workshop("2021-11-18T10:00:00+01:00", "2021-11-18T12:00:00+01:00"));
        admin().body(Map.of("attendees", 30)).post("/api/v1/workshops/" + completed + "/completion").then().statusCode(200);
        admin().body(Map.of("reasonCode", "RECORDED_BY_MISTAKE")).post("/api/v1/workshops/" + completed + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancellationNote", nullValue());
        admin().body(Map.of()).post("/api/v1/workshops/" + completed + "/cancellation").then().statusCode(400);
    }

    @Test
    void aScheduledWorkshopIsRescheduledWithItsEtagAndAStaleEtagChangesNothing() {
        String id = world.schedule(world.workshop());
        Map<String, Object> moved = world.workshop("2021-11-19T14:00:00+01:00", "2021-11-19T16:00:00+01:00");
        moved.put("schoolUai", world.otherSchool);

        admin().header("If-Match", "\"1\"").body(moved).put("/api/v1/workshops/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("schoolUai", equalTo(world.otherSchool));
        admin().header("If-Match", "\"1\"").body(world.workshop()).put("/api/v1/workshops/" + id)
                .then().statusCode(412).body("currentVersion", equalTo(2));
        admin().body(world.workshop()).put("/api/v1/workshops/" + id).then().statusCode(428);
        admin().get("/api/v1/workshops/" + id).then().body("startsAt", equalTo("2021-11-19T14:00:00+01:00")).header("ETag", "\"2\"");

        admin().body(Map.of("attendees", 12)).post("/api/v1/workshops/" + id + "/completion").then().statusCode(200);
        admin().header("If-Match", "\"3\"").body(world.workshop()).put("/api/v1/workshops/" + id)
                .then().statusCode(409).body("currentStatus", equalTo("COMPLETED"));
        admin().header("If-Match", "\"2\"").body(Map.of("attendees", 13, "reasonCode", "HEADCOUNT_RECOUNTED"))
                .post("/api/v1/workshops/" + id + "/attendance-corrections").then().statusCode(412);
    }

    @Test
    void theHistorySaysWhoDidWhatWhenAndWhy() {
        String id = as(TestTokens.partner(world.partnerA)).body(world.workshop()).post("/api/v1/workshops")
                .then().statusCode(201).extract().path("id");
        admin().body(Map.of("attendees", 24)).post("/api/v1/workshops/" + id + "/completion").then().statusCode(200);
        admin().body(Map.of("attendees", 22, "reasonCode", "HEADCOUNT_RECOUNTED", "note", "double-counted a class"))
                .post("/api/v1/workshops/" + id + "/attendance-corrections")
                .then().statusCode(200);

        as(TestTokens.viewer()).get("/api/v1/workshops/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("scheduled", "completed", "attendance corrected")))
                .body("actor", equalTo(List.of("integration@" + world.partnerA, "staff@campaign.local", "staff@campaign.local")))
                .body("[1].changes.status.from", equalTo("SCHEDULED")).body("[1].changes.status.to", equalTo("COMPLETED"))
                .body("[2].changes.attendees.from", equalTo(24)).body("[2].changes.attendees.to", equalTo(22))
                .body("[2].reasonCode", equalTo("HEADCOUNT_RECOUNTED")).body("[2].note", nullValue()) // a viewer reads no note
                .body("[0].at", not(nullValue()));
    }

    @Test
    void aFacilitatorCannotBeInTwoOverlappingWorkshopsUntilOneIsCancelled() {
        String first = world.schedule(world.workshop());
        Map<String, Object> overlapping = world.workshop("2021-11-16T11:00:00+01:00", "2021-11-16T13:00:00+01:00");
        overlapping.put("schoolUai", world.otherSchool);

        admin().body(overlapping).post("/api/v1/workshops")
                .then().statusCode(409).body("conflictingWorkshopId", equalTo(first)).body("detail", containsString(first));
        world.schedule(world.workshop("2021-11-16T12:00:00+01:00", "2021-11-16T13:00:00+01:00")); // back to back is fine

        admin().body(Map.of("reasonCode", "RESCHEDULED_BY_SCHOOL")).post("/api/v1/workshops/" + first + "/cancellation").then().statusCode(200);
        Map<String, Object> later = world.workshop("2021-11-16T10:00:00+01:00", "2021-11-16T11:30:00+01:00");
        world.schedule(later);
    }

    @Test
    void twoSimultaneousBookingsOfOneFacilitatorForOverlappingTimesLetExactlyOneWin() throws Exception {
        int attempts = 6;
        ExecutorService clients = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Response>> bookings = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Map<String, Object> body = world.workshop("2021-12-01T10:0" + i + ":00+01:00", "2021-12-01T11:00:00+01:00");
                bookings.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return admin().body(body).post("/api/v1/workshops");
                }, clients));
            }
            start.countDown();
            List<Integer> statuses = bookings.stream().map(CompletableFuture::join).map(Response::statusCode).toList();

            assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
            bookings.stream().map(CompletableFuture::join).filter(response -> response.statusCode() == 409)
                    .forEach(response -> assertThat(response.contentType()).startsWith("application/problem+json"));
        } finally {
            clients.shutdown();
        }
        admin().queryParams(Map.of("campaign", world.campaign, "facilitator", world.facilitatorA)).get("/api/v1/workshops")
                .then().body("totalItems", equalTo(1));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReplaysTheFirstResponseAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Response first = admin().header("Idempotency-Key", key).body(world.workshop()).post("/api/v1/workshops");
        Response retry = admin().header("Idempotency-Key", key).body(world.workshop()).post("/api/v1/workshops");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        admin().queryParams(Map.of("campaign", world.campaign)).get("/api/v1/workshops").then().body("totalItems", equalTo(1));

        admin().header("Idempotency-Key", key).body(world.workshop("2021-11-20T10:00:00+01:00", "2021-11-20T12:00:00+01:00"))
                .post("/api/v1/workshops").then().statusCode(422).body("detail", containsString("different request"));
        admin().queryParams(Map.of("campaign", world.campaign)).get("/api/v1/workshops").then().body("totalItems", equalTo(1));

        String id = first.path("id");
        String completionKey = UUID.randomUUID().toString();
        admin().header("Idempotency-Key", completionKey).body(Map.of("attendees", 21)).post("/api/v1/workshops/" + id + "/completion")
                .then().statusCode(200);
        admin().header("Idempotency-Key", completionKey).body(Map.of("attendees", 21)).post("/api/v1/workshops/" + id + "/completion")
                .then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void searchFiltersByStatusAudienceSchoolAndTime() {
        String a = world.schedule(world.workshop("2021-10-05T10:00:00+02:00", "2021-10-05T12:00:00+02:00"));
        Map<String, Object> parents = world.workshop("2022-01-10T18:00:00+01:00", "2022-01-10T20:00:00+01:00");
        parents.put("audience", "PARENTS");
        parents.remove("classLevel");
        parents.put("schoolUai", world.otherSchool);
        String b = world.schedule(parents);
        admin().body(Map.of("attendees", 15)).post("/api/v1/workshops/" + a + "/completion").then().statusCode(200);

        admin().queryParams(Map.of("campaign", world.campaign)).get("/api/v1/workshops").then().body("items.id", equalTo(List.of(a, b)));
        admin().queryParams(Map.of("campaign", world.campaign, "status", "COMPLETED")).get("/api/v1/workshops")
                .then().body("items.id", equalTo(List.of(a)));
        admin().queryParams(Map.of("campaign", world.campaign, "audience", "parents")).get("/api/v1/workshops")
                .then().body("items.id", equalTo(List.of(b)));
        admin().queryParams(Map.of("campaign", world.campaign, "school", world.otherSchool)).get("/api/v1/workshops")
                .then().body("items.id", equalTo(List.of(b)));
        admin().queryParams(Map.of("campaign", world.campaign, "from", "2022-01-01T00:00:00+01:00")).get("/api/v1/workshops")
                .then().body("items.id", equalTo(List.of(b)));
        admin().queryParams(Map.of("campaign", world.campaign, "to", "2022-01-01T00:00:00+01:00")).get("/api/v1/workshops")
                .then().body("items.id", equalTo(List.of(a)));
        admin().queryParams(Map.of("from", "yesterday")).get("/api/v1/workshops").then().statusCode(400).body("errors[0].field", equalTo("from"));
        admin().get("/api/v1/workshops/not-a-uuid").then().statusCode(404);
    }

    @Test
    void everyPageOfASearchCountsAllItsWorkshopsInStartOrder() {
        String first = world.schedule(world.workshop("2021-10-05T10:00:00+02:00", "2021-10-05T12:00:00+02:00"));
        String third = world.schedule(world.workshop("2021-10-07T10:00:00+02:00", "2021-10-07T12:00:00+02:00"));
        String second = world.schedule(world.workshop("2021-10-06T10:00:00+02:00", "2021-10-06T12:00:00+02:00"));

        page(0, 2).body("items.id", equalTo(List.of(first, second))).body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        page(1, 2).body("items.id", equalTo(List.of(third))).body("totalItems", equalTo(3));
        page(4, 2).body("items", hasSize(0)).body("totalItems", equalTo(3));
        page(0, 3).body("items.id", equalTo(List.of(first, second, third))).body("totalItems", equalTo(3));
        page(0, 10).body("items.id", equalTo(List.of(first, second, third))).body("totalItems", equalTo(3));
    }

    private ValidatableResponse page(int page, int size) {
        return admin().queryParams(Map.of("campaign", world.campaign, "page", page, "size", size)).get("/api/v1/workshops")
                .then().statusCode(200);
    }

    @Test
    void aPartnersOwnReferenceNamesOneOfItsWorkshopsAndFindsIt() {
        Map<String, Object> body = world.workshop();
        body.put("partnerReference", " GN-2021-0042 ");
        String id = world.schedule(body);
        admin().get("/api/v1/workshops/" + id).then().body("partnerReference", equalTo("GN-2021-0042"));

        Map<String, Object> again = world.workshop("2021-11-18T10:00:00+01:00", "2021-11-18T12:00:00+01:00");
        again.put("partnerReference", "GN-2021-0042");
        admin().body(again).post("/api/v1/workshops").then().statusCode(409).body("conflictingWorkshopId", equalTo(id));
        Map<String, Object> otherPartner = world.workshop("2021-11-18T10:00:00+01:00", "2021-11-18T12:00:00+01:00");
        otherPartner.putAll(Map.of("partnerCode", world.partnerB, "facilitatorId", world.facilitatorB, "partnerReference", "GN-2021-0042"));
        String ofB = world.schedule(otherPartner);

        as(TestTokens.partner(world.partnerA)).queryParam("partnerReference", "GN-2021-0042").get("/api/v1/workshops")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        admin().queryParams(Map.of("partnerReference", "GN-2021-0042", "partner", world.partnerB)).get("/api/v1/workshops")
                .then().body("items.id", equalTo(List.of(ofB)));
        Map<String, Object> renamed = world.workshop();
        renamed.put("partnerReference", "GN-2021-9999");
        admin().header("If-Match", "\"1\"").body(renamed).put("/api/v1/workshops/" + id)
                .then().statusCode(422).body("detail", containsString("partnerReference is set once"));
        admin().body(with("partnerReference", "x".repeat(65))).post("/api/v1/workshops")
                .then().statusCode(400).body("errors[0].field", containsString("partnerReference"));
    }

    @Test
    void updatedSinceListsWhatChangedAtOrAfterAnInstantInTheOrderItChanged() {
        String early = world.schedule(world.workshop("2021-10-05T10:00:00+02:00", "2021-10-05T12:00:00+02:00"));
        String late = world.schedule(world.workshop("2021-10-06T10:00:00+02:00", "2021-10-06T12:00:00+02:00"));
        String since = admin().get("/api/v1/workshops/" + late).then().extract().path("updatedAt");
        admin().body(Map.of("attendees", 18)).post("/api/v1/workshops/" + early + "/completion").then().statusCode(200);

        admin().queryParams(Map.of("campaign", world.campaign, "updatedSince", since)).get("/api/v1/workshops")
                .then().statusCode(200).body("items.id", equalTo(List.of(late, early)));
        String last = admin().get("/api/v1/workshops/" + early).then().extract().path("updatedAt");
        admin().queryParams(Map.of("campaign", world.campaign, "updatedSince", OffsetDateTime.parse(last).plusNanos(1000).toString()))
                .get("/api/v1/workshops").then().body("totalItems", equalTo(0));
        admin().queryParam("updatedSince", "2021-13-01").get("/api/v1/workshops")
                .then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
    }

    @Test
    void aBlankWorkshopIdNamesNoWorkshopOnEveryPathNotAServerError() {
        admin().get("/api/v1/workshops/%20").then().statusCode(404).contentType("application/problem+json");
        admin().get("/api/v1/workshops/%20/history").then().statusCode(404).contentType("application/problem+json");
        admin().body(Map.of("attendees", 20)).post("/api/v1/workshops/%20/completion").then().statusCode(404);
    }

    @Test
    void aFreeTextReasonIsA400SayingToSendAReasonCodeAndANoteAndChangesNothing() {
        String id = world.schedule(world.workshop());
        admin().body(Map.of("reason", "Léa D. (5eB) is being bullied")).post("/api/v1/workshops/" + id + "/cancellation")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("reason"))
                .body("detail", containsString("send a reasonCode")).body("detail", containsString("HEADCOUNT_RECOUNTED"))
                .body("detail", containsString("note")).body("detail", not(containsString("Léa")))
                .body("detail", org.hamcrest.Matchers.stringContainsInOrder(java.util.Arrays.stream(ReasonCode.values())
                        .map(Enum::name).toList()));
        admin().body(Map.of("attendees", 20, "reason", "recount", "reasonCode", "HEADCOUNT_RECOUNTED"))
                .post("/api/v1/workshops/" + id + "/attendance-corrections").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        admin().body(Map.of("reasonCode", "SNOWED_IN")).post("/api/v1/workshops/" + id + "/cancellation")
                .then().statusCode(400).body("errors[0].field", equalTo("reasonCode"));
        admin().body(Map.of("reasonCode", "OTHER", "note", "x".repeat(201))).post("/api/v1/workshops/" + id + "/cancellation")
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        admin().body(Map.of("attendees", 20, "note", "a note without a code")).post("/api/v1/workshops/" + id + "/completion")
                .then().statusCode(400).body("errors[0].field", equalTo("note"));
        admin().get("/api/v1/workshops/" + id).then().body("status", equalTo("SCHEDULED")).header("ETag", "\"1\"");
    }

    @Test
    void moreAttendeesThanSeatsIsRefusedToAPartnerAndTakenFromStaffWithAReasonCodeAudited() {
        Map<String, Object> body = world.workshop();
        body.put("capacity", 25);
        String id = world.schedule(body);
        String partnerA = TestTokens.partner(world.partnerA);

        as(partnerA).body(Map.of("attendees", 26, "reasonCode", "EXTRA_ATTENDEES_ADMITTED")).post("/api/v1/workshops/" + id + "/completion")
                .then().statusCode(422).body("capacity", equalTo(25)).body("detail", containsString("only campaign staff"));
        admin().body(Map.of("attendees", 26)).post("/api/v1/workshops/" + id + "/completion")
                .then().statusCode(422).body("detail", containsString("confirm it with a reasonCode"));
        admin().get("/api/v1/workshops/" + id).then().body("status", equalTo("SCHEDULED")).header("ETag", "\"1\"");

        admin().body(Map.of("attendees", 27, "reasonCode", "EXTRA_ATTENDEES_ADMITTED", "note", "two classes together"))
                .post("/api/v1/workshops/" + id + "/completion").then().statusCode(200).body("attendees", equalTo(27));
        as(partnerA).body(Map.of("attendees", 28, "reasonCode", "HEADCOUNT_RECOUNTED"))
                .post("/api/v1/workshops/" + id + "/attendance-corrections").then().statusCode(422).body("capacity", equalTo(25));
        as(partnerA).body(Map.of("attendees", 24, "reasonCode", "HEADCOUNT_RECOUNTED"))
                .post("/api/v1/workshops/" + id + "/attendance-corrections").then().statusCode(200);
        as(partnerA).get("/api/v1/workshops/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("scheduled", "completed", "capacity overridden", "attendance corrected")))
                .body("[1].reasonCode", equalTo("EXTRA_ATTENDEES_ADMITTED")).body("[1].note", equalTo("two classes together"))
                .body("[2].reasonCode", equalTo("EXTRA_ATTENDEES_ADMITTED")).body("[2].actor", equalTo("staff@campaign.local"))
                .body("[2].changes.attendees.from", equalTo(25)).body("[2].changes.attendees.to", equalTo(27))
                .body("[2].note", nullValue());
    }

    @Test
    void pupilWorkshopsAreHeldOnlyInTheSchoolTypesTheCampaignAllows() {
        String lycee = Fixtures.school("OPEN", "LYCEE");
        expect422(with("schoolUai", lycee), "is of type LYCEE: campaign " + world.campaign + " holds pupil workshops only in [COLLEGE]");
        Map<String, Object> parents = with("schoolUai", lycee);
        parents.put("audience", "PARENTS");
        parents.remove("classLevel");
        world.schedule(parents);

        String wider = "lyc-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> campaign = CampaignAndPartnerApiTest.lePoidsDesMots(wider);
        campaign.put("studentSchoolTypes", List.of("LYCEE", "COLLEGE"));
        admin().body(campaign).post("/api/v1/campaigns").then().statusCode(201).body("studentSchoolTypes", equalTo(List.of("COLLEGE", "LYCEE")));
        Map<String, Object> atTheLycee = world.workshop("2021-11-18T10:00:00+01:00", "2021-11-18T12:00:00+01:00");
        atTheLycee.put("schoolUai", lycee);
        atTheLycee.put("campaignCode", wider);
        world.schedule(atTheLycee);
        admin().get("/api/v1/campaigns/" + world.campaign).then().body("studentSchoolTypes", equalTo(List.of("COLLEGE")));
        campaign.put("studentSchoolTypes", List.of("UNIVERSITE"));
        admin().body(campaign).post("/api/v1/campaigns").then().statusCode(400).body("errors[0].field", containsString("studentSchoolTypes"));
    }

    @Test
    void numbersAreWholeOrA400NeverTruncated() {
        Map<String, Object> body = world.workshop();
        body.put("capacity", 30.5);
        admin().body(body).post("/api/v1/workshops").then().statusCode(400).body("errors[0].field", equalTo("capacity"));
        String id = world.schedule(world.workshop());
        admin().body(Map.of("attendees", 24.5)).post("/api/v1/workshops/" + id + "/completion")
                .then().statusCode(400).body("errors[0].field", equalTo("attendees"));
        admin().queryParams(Map.of("campaign", world.campaign)).get("/api/v1/workshops")
                .then().body("totalItems", equalTo(1)).body("items[0].status", equalTo("SCHEDULED"));
    }

    @Test
    void notesStayOutOfIdempotencyRecordsAndAReplayAnswersWithoutThem() throws Exception {
        String id = world.schedule(world.workshop());
        String key = UUID.randomUUID().toString();
        Map<String, Object> cancellation = Map.of("reasonCode", "OTHER", "note", "Léa D. 5eB");
        admin().header("Idempotency-Key", key).body(cancellation).post("/api/v1/workshops/" + id + "/cancellation")
                .then().statusCode(200).body("cancellationNote", equalTo("Léa D. 5eB"));
        Response replay = admin().header("Idempotency-Key", key).body(cancellation).post("/api/v1/workshops/" + id + "/cancellation");

        assertThat(replay.statusCode()).as("the replay's status").isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.<String>path("cancellationReasonCode")).isEqualTo("OTHER");
        assertThat(replay.asString()).as("the replayed body").doesNotContain("Léa");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select scope || key || request_hash || coalesce(body, '') from idempotency_key where key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("the idempotency record").isTrue();
                assertThat(row.getString(1)).as("what the record keeps").contains("OTHER").doesNotContain("Léa");
            }
        }
        admin().get("/api/v1/workshops/" + id).then().body("cancellationNote", equalTo("Léa D. 5eB"));
    }

    @Test
    void aConcurrentDuplicateWaitsAtMostTheLockTimeoutThenIsToldToRetry() throws Exception {
        String key = UUID.randomUUID().toString();
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            try (PreparedStatement claim = first.prepareStatement(
                    "insert into idempotency_key (scope, key, request_hash, status) values (?, ?, 'first', 0)")) {
                claim.setString(1, "staff@campaign.local POST /api/v1/workshops");
                claim.setString(2, key);
                claim.executeUpdate();
            }
            long started = System.nanoTime();
            admin().header("Idempotency-Key", key).body(world.workshop()).post("/api/v1/workshops")
                    .then().statusCode(409).contentType("application/problem+json").header("Retry-After", "2")
                    .body("detail", containsString("in progress"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("how long the duplicate waited").isLessThan(Duration.ofSeconds(10));
            first.rollback();
        }
        admin().queryParams(Map.of("campaign", world.campaign)).get("/api/v1/workshops").then().body("totalItems", equalTo(0));
        admin().header("Idempotency-Key", key).body(world.workshop()).post("/api/v1/workshops").then().statusCode(201);
    }

    @Test
    void aKeyPastItsRetentionRunsTheRequestAgainAndIsPurged() throws Exception {
        String key = UUID.randomUUID().toString();
        admin().header("Idempotency-Key", key).body(world.workshop()).post("/api/v1/workshops").then().statusCode(201);
        Map<String, Object> another = world.workshop("2021-11-20T10:00:00+01:00", "2021-11-20T12:00:00+01:00");
        admin().header("Idempotency-Key", key).body(another).post("/api/v1/workshops").then().statusCode(422);

        age(key, Duration.ofHours(73));
        admin().header("Idempotency-Key", key).body(another).post("/api/v1/workshops").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        admin().queryParams(Map.of("campaign", world.campaign)).get("/api/v1/workshops").then().body("totalItems", equalTo(2));

        String old = UUID.randomUUID().toString();
        admin().header("Idempotency-Key", old).body(world.workshop("2021-11-22T10:00:00+01:00", "2021-11-22T12:00:00+01:00"))
                .post("/api/v1/workshops").then().statusCode(201);
        age(old, Duration.ofHours(73));
        assertThat(purge.purge()).as("records purged").isPositive();
        assertThat(records(old)).as("the expired record after the purge").isZero();
        assertThat(records(key)).as("the live record after the purge").isOne();
    }

    private void age(String key, Duration by) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update idempotency_key set created_at = created_at - make_interval(secs => ?) where key = ?")) {
            update.setLong(1, by.toSeconds());
            update.setString(2, key);
            assertThat(update.executeUpdate()).as("records aged").isOne();
        }
    }

    private int records(String key) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from idempotency_key where key = ?")) {
            count.setString(1, key);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = world.workshop();
        body.put(field, value);
        return body;
    }

    private static void expect422(Map<String, Object> body, String detail) {
        admin().body(body).post("/api/v1/workshops")
                .then().statusCode(422).contentType("application/problem+json").body("detail", containsString(detail));
    }
}
