package fr.antiharcelement.workshop.api;

import fr.antiharcelement.infra.testing.AccessMatrix;
import fr.antiharcelement.infra.testing.AccessMatrixContract;
import fr.antiharcelement.infra.testing.ProblemChecks;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.workshop.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.antiharcelement.infra.testing.AccessMatrix.Access.allowedFor;
import static fr.antiharcelement.infra.testing.AccessMatrix.Access.everyRole;
import static fr.antiharcelement.infra.testing.AccessMatrix.Caller.ADMIN;
import static fr.antiharcelement.infra.testing.AccessMatrix.Caller.PARTNER_A;
import static fr.antiharcelement.infra.testing.AccessMatrix.Caller.PARTNER_B;
import static fr.antiharcelement.infra.testing.AccessMatrix.Caller.VIEWER;
import static fr.antiharcelement.workshop.Fixtures.admin;
import static fr.antiharcelement.workshop.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call each endpoint of workshop-service: staff define campaigns and partners, partners manage their own
 * facilitators and workshops, viewers read, and another partner's workshops do not exist for a partner.
 */
@QuarkusTest
class AccessMatrixTest extends AccessMatrixContract {

    /** Each workshop gets a day of its own in the campaign, so that its facilitator is never double-booked. */
    private static final AtomicInteger NEXT_DAY = new AtomicInteger();
    /** When the matrix's snapshots are measured, a minute apart: each is a new one. */
    private static final java.time.OffsetDateTime MEASURED = java.time.OffsetDateTime.parse("2021-12-01T12:00:00+01:00");

    private Fixtures world;
    private AccessMatrix matrix;

    @BeforeEach
    void declareTheMatrix() {
        world = new Fixtures();
        String workshop = scheduled();
        String creator = CreatorApiTest.creator("INSTAGRAM");
        Map<String, Object> firstPost = creatorPost(creator);
        String postUrl = (String) firstPost.get("url");
        String post = admin().body(firstPost).post("/api/v1/creator-posts").then().statusCode(201).extract().path("id");
        String hooks = "/api/v1/partners/" + world.partnerA + "/webhooks";
        String webhook = newWebhook(hooks);
        world.schedule(slot()); // a change of partner A's workshops: a delivery to list and replay
        Number delivery = admin().get(hooks + "/" + webhook + "/deliveries").then().statusCode(200).extract().path("items[0].id");
        matrix = new AccessMatrix(world.partnerA, world.partnerB)
                .expect("GET /api/v1/me", everyRole().succeedingWith(200), request -> request.get("/api/v1/me"))
                .expect("GET /api/v1/outbox/parked", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.get("/api/v1/outbox/parked"))

                .expect("GET /api/v1/campaigns", everyRole().succeedingWith(200), request -> request.get("/api/v1/campaigns"))
                .expect("GET /api/v1/campaigns/{code}", everyRole().succeedingWith(200),
                        request -> request.get("/api/v1/campaigns/" + world.campaign))
                .expect("POST /api/v1/campaigns", allowedFor(ADMIN).succeedingWith(201),
                        request -> request.body(campaign("acl-" + UUID.randomUUID().toString().substring(0, 8))).post("/api/v1/campaigns"))
                .expect("PUT /api/v1/campaigns/{code}", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.header("If-Match", etag("/api/v1/campaigns/" + world.campaign)).body(campaign(null))
                                .put("/api/v1/campaigns/" + world.campaign))

                .expect("GET /api/v1/partners", everyRole().succeedingWith(200), request -> request.get("/api/v1/partners"))
                .expect("GET /api/v1/partners/{code}", everyRole().succeedingWith(200),
                        request -> request.get("/api/v1/partners/" + world.partnerA))
                .expect("POST /api/v1/partners", allowedFor(ADMIN).succeedingWith(201),
                        request -> request.body(Map.of("code", "acl-" + UUID.randomUUID().toString().substring(0, 8), "name", "Association"))
                                .post("/api/v1/partners"))
                .expect("GET /api/v1/partners/{code}/facilitators", allowedFor(ADMIN, PARTNER_A).succeedingWith(200),
                        request -> request.get("/api/v1/partners/" + world.partnerA + "/facilitators"))
                .expect("POST /api/v1/partners/{code}/facilitators", allowedFor(ADMIN, PARTNER_A).succeedingWith(201),
                        request -> request.body(Map.of("displayName", "Camille Roux", "contactEmail", "camille.roux@partner.example"))
                                .post("/api/v1/partners/" + world.partnerA + "/facilitators"))
                .expect("GET /api/v1/partners/{code}/facilitators/{id}", allowedFor(ADMIN, PARTNER_A).succeedingWith(200),
                        request -> request.get("/api/v1/partners/" + world.partnerA + "/facilitators/" + world.facilitatorA))
                .expect("POST /api/v1/partners/{code}/facilitators/{id}/deactivation", allowedFor(ADMIN, PARTNER_A).succeedingWith(200),
                        request -> request.post("/api/v1/partners/" + world.partnerA + "/facilitators/"
                                + world.facilitator(world.partnerA, "Dominique Petit") + "/deactivation"))

                .expect("GET /api/v1/workshops", everyRole().succeedingWith(200),
                        request -> request.queryParam("campaign", world.campaign).get("/api/v1/workshops"))
                .expect("POST /api/v1/workshops", allowedFor(ADMIN, PARTNER_A).succeedingWith(201),
                        request -> request.body(slot()).post("/api/v1/workshops"))
                .expect("GET /api/v1/workshops/{id}", allowedFor(ADMIN, VIEWER, PARTNER_A).succeedingWith(200).hiddenFrom(PARTNER_B),
                        request -> request.get("/api/v1/workshops/" + workshop))
                .expect("GET /api/v1/workshops/{id}/history", allowedFor(ADMIN, VIEWER, PARTNER_A).succeedingWith(200).hiddenFrom(PARTNER_B),
                        request -> request.get("/api/v1/workshops/" + workshop + "/history"))
                .expect("PUT /api/v1/workshops/{id}", allowedFor(ADMIN, PARTNER_A).succeedingWith(200).hiddenFrom(PARTNER_B),
                        request -> {
                            String id = scheduled();
                            return request.header("If-Match", etag("/api/v1/workshops/" + id)).body(slot()).put("/api/v1/workshops/" + id);
                        })
                .expect("POST /api/v1/workshops/{id}/completion", allowedFor(ADMIN, PARTNER_A).succeedingWith(200).hiddenFrom(PARTNER_B),
                        request -> request.body(Map.of("attendees", 24)).post("/api/v1/workshops/" + scheduled() + "/completion"))
                .expect("POST /api/v1/workshops/{id}/attendance-corrections",
                        allowedFor(ADMIN, PARTNER_A).succeedingWith(200).hiddenFrom(PARTNER_B),
                        request -> request.body(Map.of("attendees", 26, "reasonCode", "HEADCOUNT_RECOUNTED", "note", "Two arrived late"))
                                .post("/api/v1/workshops/" + completed() + "/attendance-corrections"))
                .expect("POST /api/v1/workshops/{id}/cancellation", allowedFor(ADMIN, PARTNER_A).succeedingWith(200).hiddenFrom(PARTNER_B),
                        request -> request.body(Map.of("reasonCode", "SCHOOL_CLOSED", "note", "Snow"))
                                .post("/api/v1/workshops/" + scheduled() + "/cancellation"))
                .expect("POST /api/v1/workshops/{id}/note-redaction", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.post("/api/v1/workshops/" + cancelledWithNote() + "/note-redaction"))

                // Any partner uploads its own planning; rows naming another partner are rejected in the report.
                .expect("POST /api/v1/workshops/imports", allowedFor(ADMIN, PARTNER_A, PARTNER_B).succeedingWith(200),
                        request -> {
                            Map<String, Object> row = new java.util.HashMap<>(slot());
                            row.put("partnerReference", "ACL-" + UUID.randomUUID());
                            return request.body(List.of(row)).post("/api/v1/workshops/imports");
                        })
                .expect("POST /api/v1/partners/{code}/webhooks", allowedFor(ADMIN, PARTNER_A).succeedingWith(201),
                        request -> request.body(Map.of("url", "http://127.0.0.1:9/hooks")).post(hooks))
                .expect("GET /api/v1/partners/{code}/webhooks", allowedFor(ADMIN, PARTNER_A).succeedingWith(200),
                        request -> request.get(hooks))
                .expect("GET /api/v1/partners/{code}/webhooks/{id}", allowedFor(ADMIN, PARTNER_A).succeedingWith(200),
                        request -> request.get(hooks + "/" + webhook))
                .expect("DELETE /api/v1/partners/{code}/webhooks/{id}", allowedFor(ADMIN, PARTNER_A).succeedingWith(204),
                        request -> request.delete(hooks + "/" + newWebhook(hooks)))
                .expect("GET /api/v1/partners/{code}/webhooks/{id}/deliveries", allowedFor(ADMIN, PARTNER_A).succeedingWith(200),
                        request -> request.get(hooks + "/" + webhook + "/deliveries"))
                .expect("POST /api/v1/partners/{code}/webhooks/{id}/deliveries/{deliveryId}/replay",
                        allowedFor(ADMIN, PARTNER_A).succeedingWith(200),
                        request -> request.post(hooks + "/" + webhook + "/deliveries/" + delivery + "/replay"))

                .expect("GET /api/v1/creators", everyRole().succeedingWith(200), request -> request.get("/api/v1/creators"))
                .expect("GET /api/v1/creators/{handle}", everyRole().succeedingWith(200),
                        request -> request.get("/api/v1/creators/" + creator))
                .expect("GET /api/v1/creators/{handle}/history", everyRole().succeedingWith(200),
                        request -> request.get("/api/v1/creators/" + creator + "/history"))
                .expect("POST /api/v1/creators", allowedFor(ADMIN).succeedingWith(201),
                        request -> request.body(Map.of("handle", "acl_" + UUID.randomUUID().toString().substring(0, 8),
                                "platform", "TIKTOK", "displayName", "Créatrice")).post("/api/v1/creators"))
                .expect("POST /api/v1/creators/{handle}/deactivation", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.body(Map.of("reason", "Left the collective"))
                                .post("/api/v1/creators/" + CreatorApiTest.creator("TIKTOK") + "/deactivation"))

                .expect("GET /api/v1/creator-posts", everyRole().succeedingWith(200),
                        request -> request.queryParam("campaign", world.campaign).get("/api/v1/creator-posts"))
                .expect("GET /api/v1/creator-posts/{id}", everyRole().succeedingWith(200),
                        request -> request.get("/api/v1/creator-posts/" + post))
                .expect("GET /api/v1/creator-posts/{id}/metrics", everyRole().succeedingWith(200),
                        request -> request.get("/api/v1/creator-posts/" + post + "/metrics"))
                .expect("GET /api/v1/creator-posts/{id}/history", everyRole().succeedingWith(200),
                        request -> request.get("/api/v1/creator-posts/" + post + "/history"))
                .expect("POST /api/v1/creator-posts", allowedFor(ADMIN).succeedingWith(201),
                        request -> request.body(creatorPost(creator)).post("/api/v1/creator-posts"))
                .expect("PUT /api/v1/creator-posts/{id}", allowedFor(ADMIN).succeedingWith(200), request -> {
                    String id = admin().body(creatorPost(creator)).post("/api/v1/creator-posts").then().statusCode(201).extract().path("id");
                    Map<String, Object> corrected = creatorPost(creator);
                    corrected.put("format", "LIVE");
                    return request.header("If-Match", "\"1\"").body(corrected).put("/api/v1/creator-posts/" + id);
                })
                .expect("POST /api/v1/creator-posts/{id}/metrics", allowedFor(ADMIN).succeedingWith(201),
                        request -> request.body(CreatorApiTest.snapshot(MEASURED.plusMinutes(NEXT_DAY.getAndIncrement()).toString(),
                                1000, 800, 90)).post("/api/v1/creator-posts/" + post + "/metrics"))
                .expect("POST /api/v1/creator-posts/metric-imports", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.contentType("text/csv; charset=UTF-8")
                                .body("url,measuredAt,impressions\n" + postUrl + "," + MEASURED.minusDays(1) + ",100\n")
                                .post("/api/v1/creator-posts/metric-imports"));
    }

    @Override
    protected AccessMatrix matrix() {
        return matrix;
    }

    @Test
    void partnerBNeitherReadsNorChangesPartnerAWorkshopsWhichStayUnchanged() {
        String scheduled = scheduled();
        String completed = completed();
        List<String> before = List.of(snapshot(scheduled), snapshot(completed));
        String partnerB = TestTokens.partner(world.partnerB);

        for (String id : List.of(scheduled, completed)) {
            expectHidden(as(partnerB).get("/api/v1/workshops/" + id));
            expectHidden(as(partnerB).get("/api/v1/workshops/" + id + "/history"));
            expectHidden(as(partnerB).header("If-Match", etag("/api/v1/workshops/" + id)).body(slot()).put("/api/v1/workshops/" + id));
            expectHidden(as(partnerB).body(Map.of("attendees", 3)).post("/api/v1/workshops/" + id + "/completion"));
            expectHidden(as(partnerB).body(Map.of("attendees", 3, "reasonCode", "HEADCOUNT_RECOUNTED"))
                    .post("/api/v1/workshops/" + id + "/attendance-corrections"));
            expectHidden(as(partnerB).body(Map.of("reasonCode", "OTHER")).post("/api/v1/workshops/" + id + "/cancellation"));
        }
        for (Map<String, Object> filter : List.of(Map.<String, Object>of("campaign", world.campaign),
                Map.<String, Object>of("partner", world.partnerA), Map.<String, Object>of("size", 200))) {
            List<String> listed = as(partnerB).queryParams(filter).get("/api/v1/workshops").then().statusCode(200).extract().path("items.id");
            assertThat(listed).as("partner B's listing with " + filter).doesNotContain(scheduled, completed);
        }

        assertThat(List.of(snapshot(scheduled), snapshot(completed))).as("partner A's workshops after partner B's attempts")
                .isEqualTo(before);
    }

    @Test
    void notesAreReadByStaffAndTheWorkshopsOwnPartnerOnlyAndRedactedByStaffOnly() {
        String id = cancelledWithNote();
        String partnerA = TestTokens.partner(world.partnerA);
        for (String token : List.of(TestTokens.admin(), partnerA)) {
            as(token).get("/api/v1/workshops/" + id).then().statusCode(200).body("cancellationNote", org.hamcrest.Matchers.equalTo("Snow"));
            as(token).get("/api/v1/workshops/" + id + "/history").then().statusCode(200)
                    .body("note", org.hamcrest.Matchers.hasItem("Snow"));
        }
        as(TestTokens.viewer()).get("/api/v1/workshops/" + id).then().statusCode(200)
                .body("cancellationReasonCode", org.hamcrest.Matchers.equalTo("SCHOOL_CLOSED"))
                .body("cancellationNote", org.hamcrest.Matchers.nullValue());
        as(TestTokens.viewer()).get("/api/v1/workshops/" + id + "/history").then().statusCode(200)
                .body("note", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue()))
                .body("reasonCode", org.hamcrest.Matchers.hasItem("SCHOOL_CLOSED"));
        List<String> viewerListing = as(TestTokens.viewer()).queryParam("campaign", world.campaign).queryParam("status", "CANCELLED")
                .get("/api/v1/workshops").then().statusCode(200).extract().path("items.cancellationNote");
        assertThat(viewerListing).as("notes in a viewer's listing").isNotEmpty().containsOnlyNulls();
        String before = snapshot(id);
        for (String token : List.of(partnerA, TestTokens.viewer(), TestTokens.partner(world.partnerB))) {
            as(token).post("/api/v1/workshops/" + id + "/note-redaction").then().statusCode(403);
        }
        assertThat(snapshot(id)).as("the workshop after refused redactions").isEqualTo(before);
    }

    private static void expectHidden(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(404);
        assertThat(ProblemChecks.problemDefect(response)).isEmpty();
    }

    /** A workshop as staff see it, with its version and its whole audit trail. */
    private static String snapshot(String id) {
        return admin().get("/api/v1/workshops/" + id).then().statusCode(200).extract().asString()
                + admin().get("/api/v1/workshops/" + id + "/history").then().statusCode(200).extract().asString();
    }

    /** A SCHEDULED workshop of partner A, in the past so that it can be completed. */
    private String scheduled() {
        return world.schedule(slot());
    }

    private String completed() {
        String id = scheduled();
        admin().body(Map.of("attendees", 25)).post("/api/v1/workshops/" + id + "/completion").then().statusCode(200);
        return id;
    }

    /** A workshop of partner A cancelled by partner A with the code SCHOOL_CLOSED and the note "Snow". */
    private String cancelledWithNote() {
        String id = scheduled();
        as(TestTokens.partner(world.partnerA)).body(Map.of("reasonCode", "SCHOOL_CLOSED", "note", "Snow"))
                .post("/api/v1/workshops/" + id + "/cancellation").then().statusCode(200);
        return id;
    }

    /** Partner A's workshop on a day no other workshop of this test uses, from 10:00 to 12:00 Paris time. */
    private Map<String, Object> slot() {
        LocalDate day = LocalDate.of(2021, 9, 6).plusDays(NEXT_DAY.getAndIncrement() % 290);
        return world.workshop(day + "T10:00:00+02:00", day + "T12:00:00+02:00");
    }

    /** A post of {@code creator} in the world's campaign, at a URL of its own. */
    private Map<String, Object> creatorPost(String creator) {
        return CreatorApiTest.post(world.campaign, creator, "INSTAGRAM", "https://www.instagram.com/p/" + UUID.randomUUID() + "/",
                "2021-11-16T18:00:00+01:00");
    }

    /** An endpoint of partner A nothing listens on: its deliveries fail, which the matrix does not mind. */
    private static String newWebhook(String hooks) {
        return admin().body(Map.of("url", "http://127.0.0.1:9/hooks")).post(hooks).then().statusCode(201).extract().path("id");
    }

    private static String etag(String path) {
        return admin().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static Map<String, Object> campaign(String code) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Campagne", "startsOn", "2021-09-01", "endsOn", "2022-06-30",
                "targets", Map.of("studentsSensitised", 70000, "studentWorkshops", 1800, "parentWorkshops", 200, "schools", 300)));
        if (code != null) {
            body.put("code", code);
        }
        return body;
    }
}
