package fr.antiharcelement.workshop.api;

import fr.antiharcelement.infra.testing.OpenApiDocument;
import fr.antiharcelement.infra.testing.OpenApiDocument.Operation;
import fr.antiharcelement.infra.testing.fuzz.BadInputFuzzer;
import fr.antiharcelement.infra.testing.fuzz.FuzzTarget;
import fr.antiharcelement.infra.testing.fuzz.StoredState;
import fr.antiharcelement.workshop.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static fr.antiharcelement.workshop.Fixtures.admin;
import static org.assertj.core.api.Assertions.assertThat;

/** Thousands of requests generated from workshop-service's OpenAPI document, most of them spoilt on purpose. */
@QuarkusTest
class BadInputFuzzTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private Fixtures world;
    /** A campaign the fuzzer may redefine at will, so that the world's campaign keeps its dates. */
    private String campaignToRedefine;
    private String workshop;
    private String completedWorkshop;
    private int slots;
    private OffsetDateTime slotEnd;
    private String creator;
    private String post;
    private String webhook;
    private String delivery;
    private int snapshots;

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() {
        world = new Fixtures();
        campaignToRedefine = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("code", campaignToRedefine, "name", "Campagne à redéfinir", "startsOn", "2021-09-01", "endsOn", "2022-06-30",
                "targets", Map.of("studentsSensitised", 100, "studentWorkshops", 10, "parentWorkshops", 1, "schools", 5)))
                .post("/api/v1/campaigns").then().statusCode(201);
        workshop = world.schedule(world.workshop());
        completedWorkshop = world.schedule(world.workshop("2021-11-17T10:00:00+01:00", "2021-11-17T12:00:00+01:00"));
        admin().body(Map.of("attendees", 25)).post("/api/v1/workshops/" + completedWorkshop + "/completion").then().statusCode(200);

        creator = CreatorApiTest.creator("INSTAGRAM");
        post = admin().body(CreatorApiTest.post(world.campaign, creator, "INSTAGRAM", postUrl(), "2021-11-16T18:00:00+01:00"))
                .post("/api/v1/creator-posts").then().statusCode(201).extract().path("id");

        webhook = admin().body(Map.of("url", "http://127.0.0.1:9/fuzz")).post("/api/v1/partners/" + world.partnerA + "/webhooks")
                .then().statusCode(201).extract().path("id");
        world.schedule(slot()); // a delivery to replay
        delivery = admin().get("/api/v1/partners/" + world.partnerA + "/webhooks/" + webhook + "/deliveries").then()
                .extract().path("items[0].id").toString();

        FuzzTarget target = FuzzTarget.of(OpenApiDocument.ofServiceUnderTest()).validValues(this::validValue)
                // The bulk upload is a file upload (api.limits.file-upload-paths): the server's limit, 10 MiB.
                .bodyLimits(operation -> operation.path().equals("/api/v1/workshops/imports") ? 10L * 1024 * 1024 : 64L * 1024)
                .validRawBodies(operation -> ("url;date;impressions;likes\n" + admin().get("/api/v1/creator-posts/" + post).then()
                        .extract().path("url") + ";2021-12-0" + (1 + snapshots++ % 9) + ";1200;80\n").getBytes(StandardCharsets.UTF_8));
        try (StoredState stored = new StoredState(jdbcUrl, Map.ofEntries(
                Map.entry("campaigns", "select count(*) + coalesce(sum(version), 0) from campaign"),
                Map.entry("partners", "select count(*) from partner"),
                Map.entry("facilitators", "select count(*) from facilitator"),
                Map.entry("workshops", "select count(*) from workshop"),
                Map.entry("workshop versions", "select coalesce(sum(version), 0) from workshop"),
                Map.entry("history entries", "select count(*) from workshop_history"),
                Map.entry("creators", "select count(*) + coalesce(sum(version), 0) from creator"),
                Map.entry("creator posts", "select count(*) + coalesce(sum(version), 0) from creator_post"),
                Map.entry("snapshots", "select count(*) from creator_post_metrics"),
                Map.entry("creator history entries", "select count(*) from creator_history"),
                Map.entry("webhooks", "select count(*) from webhook")))) {
            BadInputFuzzer.FuzzReport report = new BadInputFuzzer(target, stored, 20211116L).run(BadInputFuzzer.requests()).assertHeld();
            assertThat(report.count("POST /api/v1/workshops", 201)).as("valid workshops scheduled").isPositive();
            assertThat(report.count("POST /api/v1/workshops/{id}/completion", 200)).as("valid completions").isPositive();
            assertThat(report.count("POST /api/v1/workshops/{id}/cancellation", 200)).as("valid cancellations").isPositive();
            assertThat(report.count("POST /api/v1/workshops/{id}/note-redaction", 200)).as("valid redactions").isPositive();
            assertThat(report.count("POST /api/v1/creator-posts", 201)).as("valid creator posts").isPositive();
            assertThat(report.count("POST /api/v1/creator-posts/{id}/metrics", 201)).as("valid snapshots").isPositive();
            assertThat(report.count("POST /api/v1/workshops/imports", 200)).as("uploads read").isPositive();
            assertThat(report.count("POST /api/v1/partners/{code}/webhooks", 201)).as("webhooks registered").isPositive();
        }
    }

    /** Values that make a request valid in this world; null lets the OpenAPI schema decide. */
    private Object validValue(Operation operation, String name) {
        String path = operation.path();
        return switch (name) {
            case "code" -> switch (path) {
                case "/api/v1/campaigns", "/api/v1/partners" -> "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
                case "/api/v1/campaigns/{code}" -> operation.method().equals("PUT") ? campaignToRedefine : world.campaign;
                default -> world.partnerA;
            };
            case "id" -> path.startsWith("/api/v1/partners/{code}/webhooks") ? (path.equals("/api/v1/partners/{code}/webhooks/{id}")
                    && operation.method().equals("DELETE") ? newWebhook() : webhook)
                    : path.startsWith("/api/v1/creator-posts") ? post : switch (path) {
                case "/api/v1/partners/{code}/facilitators/{id}" -> world.facilitatorA;
                // a facilitator of its own: the world's facilitator keeps leading the valid workshops
                case "/api/v1/partners/{code}/facilitators/{id}/deactivation" -> world.facilitator(world.partnerA, "Dominique Petit");
                case "/api/v1/workshops/{id}/completion", "/api/v1/workshops/{id}/cancellation" -> world.schedule(slot());
                case "/api/v1/workshops/{id}/attendance-corrections" -> completedWorkshop;
                default -> workshop;
            };
            case "handle" -> switch (path) {
                case "/api/v1/creators" -> "fuzz_" + UUID.randomUUID().toString().substring(0, 8);
                case "/api/v1/creators/{handle}/deactivation" -> CreatorApiTest.creator("TIKTOK");
                default -> creator;
            };
            case "creatorHandle", "creator" -> creator;
            case "platform" -> path.startsWith("/api/v1/creator-posts") ? "INSTAGRAM" : null;
            case "url" -> path.startsWith("/api/v1/partners") ? "http://127.0.0.1:9/fuzz" : postUrl();
            case "deliveryId" -> delivery;
            case "status" -> path.equals("/api/v1/workshops/imports") ? "SCHEDULED" : null;
            case "partnerReference" -> path.equals("/api/v1/workshops/imports") ? "FUZZ-" + UUID.randomUUID() : null;
            case "publishedAt" -> "2021-11-16T18:00:00+01:00";
            case "measuredAt" -> OffsetDateTime.parse("2021-12-10T12:00:00+01:00").plusMinutes(snapshots++).toString();
            case "If-Match" -> path.startsWith("/api/v1/creator-posts") ? etag("/api/v1/creator-posts/" + post)
                    : path.startsWith("/api/v1/creators") ? null
                    : path.startsWith("/api/v1/campaigns") ? etag("/api/v1/campaigns/" + campaignToRedefine)
                    : path.equals("/api/v1/workshops/{id}") ? etag("/api/v1/workshops/" + workshop) : null;
            case "campaignCode", "campaign" -> world.campaign;
            case "partnerCode", "partner" -> world.partnerA;
            case "schoolUai", "school" -> world.school;
            case "facilitatorId", "facilitator" -> world.facilitatorA;
            case "contactEmail" -> "alex.martin@partner.example";
            case "attendees" -> 25; // within the 30 seats: more is a rule of its own (WorkshopApiTest)
            case "startsOn" -> "2021-09-01";
            case "endsOn" -> "2022-06-30";
            case "from" -> "2021-09-01T00:00:00+02:00";
            case "to" -> "2022-07-01T00:00:00+02:00";
            case "startsAt" -> {
                OffsetDateTime start = nextSlotStart();
                slotEnd = start.plusMinutes(30);
                yield start.toString();
            }
            case "endsAt" -> slotEnd == null ? null : slotEnd.toString();
            default -> null;
        };
    }

    private String newWebhook() {
        return admin().body(Map.of("url", "http://127.0.0.1:9/fuzz")).post("/api/v1/partners/" + world.partnerA + "/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    private static String postUrl() {
        return "https://www.instagram.com/p/" + UUID.randomUUID() + "/";
    }

    /** A workshop of partner A in a half-hour slot of its own: its facilitator is never double-booked. */
    private Map<String, Object> slot() {
        OffsetDateTime start = nextSlotStart();
        return world.workshop(start.toString(), start.plusMinutes(30).toString());
    }

    /** Sixteen half-hour slots a day from 8:00, from January 2022 on, after the world's own workshops. */
    private OffsetDateTime nextSlotStart() {
        int slot = slots++;
        return LocalDate.of(2022, 1, 3).plusDays(slot / 16).atTime(8, 0).plusMinutes(30L * (slot % 16))
                .atOffset(ZoneOffset.ofHours(1));
    }

    private static String etag(String path) {
        return admin().get(path).then().statusCode(200).extract().header("ETag");
    }
}
