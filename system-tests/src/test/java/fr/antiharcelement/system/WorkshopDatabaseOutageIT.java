package fr.antiharcelement.system;

import fr.antiharcelement.infra.testing.TopicReader;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * workshop-service loses its database, and only it: PostgreSQL refuses new connections to that database and
 * ends the open ones, while school-service and reach-service keep theirs. Clients must get a quick, clean 503
 * they can retry, operators a readiness probe that says DOWN and why, and the service must come back by itself
 * once the database does: no restart, no lost event.
 */
class WorkshopDatabaseOutageIT {

    /** Longest a request may take to say the database is unavailable: a client's patience, not a hang. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String DATABASE = "system_workshop";

    private final RunningSystem system = RunningSystem.get();

    @AfterEach
    void databaseBack() {
        system.infra.postgres().allowConnections(DATABASE);
    }

    @Test
    void withItsDatabaseUnreachableWorkshopServiceAnswers503QuicklyAndRecoversByItself() {
        CampaignFixture campaign = CampaignFixture.create(system, "db-outage", 2);
        CampaignFixture.Workshop scheduledBefore = campaign.schedule(campaign.knownSchool(0), true);
        campaign.awaitReachTotals(Duration.ofSeconds(60));

        system.infra.postgres().refuseConnections(DATABASE);
        // Only workshop-service's database is gone: school-service still writes, and its event reaches the topic
        // while workshop-service cannot apply it.
        String registeredDuringOutage = campaign.registerSchool();

        Map<String, Supplier<Response>> requests = new TreeMap<>(Map.of(
                "GET campaign", () -> workshops().get("/api/v1/campaigns/" + campaign.code),
                "GET workshops", () -> workshops().get("/api/v1/workshops?campaign=" + campaign.code),
                "POST workshop", () -> workshops().body(Map.of("campaignCode", campaign.code, "schoolUai", campaign.knownSchool(1),
                        "partnerCode", "p1-" + campaign.code, "facilitatorId", "00000000-0000-0000-0000-000000000001",
                        "audience", "STUDENTS", "startsAt", "2022-03-01T10:00:00+01:00", "endsAt", "2022-03-01T11:00:00+01:00"))
                        .post("/api/v1/workshops"),
                "POST completion", () -> workshops().body(Map.of("attendees", 28))
                        .post("/api/v1/workshops/" + scheduledBefore.id + "/completion")));
        requests.forEach((name, request) -> {
            Timed<Response> answer = Timed.of(request);
            System.out.printf("[figure] %s with the database unreachable: %d in %d ms%n", name,
                    answer.value().statusCode(), answer.elapsed().toMillis());
            assertServiceUnavailable(name, answer);
        });

        Timed<Response> readiness = Timed.of(() -> system.anonymous(system.workshop).get("/q/health/ready"));
        System.out.printf("[figure] readiness with the database unreachable: %d in %d ms%n",
                readiness.value().statusCode(), readiness.elapsed().toMillis());
        assertThat(readiness.elapsed()).isLessThan(BOUND);
        assertThat(readiness.value().statusCode()).isEqualTo(503);
        assertThat(readiness.value().<String>path("status")).isEqualTo("DOWN");
        assertThat(readiness.value().<String>path("checks.find { it.name == 'Database connections health check' }.status"))
                .isEqualTo("DOWN");

        system.anonymous(system.reach).get("/q/health/ready").then().statusCode(200);
        system.anonymous(system.school).get("/q/health/ready").then().statusCode(200);
        try (TopicReader schoolEvents = new TopicReader(system.infra.kafka().bootstrapServers(), "school-events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !schoolEvents.records(registeredDuringOutage).isEmpty());
        }

        system.infra.postgres().allowConnections(DATABASE);
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> system.anonymous(system.workshop).get("/q/health/ready").statusCode() == 200);
        System.out.printf("[figure] workshop-service ready again %d ms after its database came back%n",
                Duration.ofNanos(System.nanoTime() - back).toMillis());

        // Same process, working again: writes succeed, and the school event it could not apply meanwhile arrives.
        campaign.complete(scheduledBefore, 28);
        campaign.complete(campaign.scheduleOnceKnown(registeredDuringOutage), 31);
        Duration caughtUp = campaign.awaitReachTotals(Duration.ofSeconds(60));
        System.out.printf("[figure] reach-service exact %d ms after the first writes that followed the outage%n", caughtUp.toMillis());
        // The outage was retried, not mistaken for bad events.
        assertThat(system.anonymous(system.workshop).get("/q/metrics").then().statusCode(200).extract().asString())
                .containsPattern("consumer_dead_letters_total\\{consumer=\"workshop-service\\.school-replica\"[^}]*} 0\\.0");
        campaign.assertReachAuditClean();
    }

    private void assertServiceUnavailable(String name, Timed<Response> answer) {
        Response response = answer.value();
        assertThat(answer.elapsed()).as(name + " answered in").isLessThan(BOUND);
        assertThat(response.statusCode()).as(name + ": " + response.asString()).isEqualTo(503);
        assertThat(response.contentType()).as(name).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).as(name + " Retry-After").matches("[1-9][0-9]*");
        assertThat(response.<Integer>path("status")).as(name).isEqualTo(503);
        // What went wrong for the client, not how: no exception, SQL or stack frame.
        assertThat(response.asString()).as(name).doesNotContain("Exception", "SQL", "\tat ", "jdbc", "PSQL");
        for (String field : List.of("type", "title", "detail")) {
            assertThat(response.<String>path(field)).as(name + " " + field).isNotBlank();
        }
    }

    private RequestSpecification workshops() {
        return system.asAdmin(system.workshop);
    }

    /** A value and how long it took to get. */
    record Timed<T>(T value, Duration elapsed) {
        static <T> Timed<T> of(Supplier<T> call) {
            long start = System.nanoTime();
            T value = call.get();
            return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
