package fr.antiharcelement.reach;

import fr.antiharcelement.infra.testing.ChildService;
import fr.antiharcelement.infra.testing.TestInfrastructure;
import fr.antiharcelement.infra.testing.TestTokens;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * reach-service run from its own jar and killed with SIGKILL while it applies a backlog of events: a batch is in
 * flight, nothing gets to shut down cleanly. Started again on the same database, it must end with exact totals.
 * An integration test (failsafe) because it needs the packaged service.
 */
class ReachCrashIT {

    private static final int WORKSHOPS = 12_000;
    private static final Pattern APPLIED = metric("consumer_events_applied_total");
    private static final Pattern SKIPPED = metric("consumer_events_skipped_total");
    private static final Map<String, String> SMALL_BATCHES = Map.of("EVENTS_CONSUMER_MAX_POLL_RECORDS", "250");

    private ChildService reach;

    @AfterEach
    void stopService() {
        if (reach != null) {
            reach.close();
        }
    }

    @Test
    void killedInTheMiddleOfABatchItRestartsWithExactTotals() {
        String bootstrap = TestInfrastructure.get().kafka().bootstrapServers();
        // Batches of 250 rather than the service's 10,000: the backlog is then about a hundred batches, over the service's
        // two members, so there is a moment when part of it is applied and part is not, however fast the machine applies
        // a batch. With three batches of 10,000 that moment was one batch long, and a consumer that had grown faster was
        // past it before the next look at its metrics (the test then waited for a state that had gone); batches of 1,000
        // were too few once two members applied them.
        reach = ChildService.start("reach-service", "reach_crash", SMALL_BATCHES); // creates the topics and the consumer group
        reach.close();
        String campaign = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        long expectedStudents = 0;
        long expectedDelivered = 0;
        long events = 0;
        Random random = new Random(42);
        try (SchoolEventsFeed schools = new SchoolEventsFeed(bootstrap); EventsFeed feed = new EventsFeed(bootstrap)) {
            for (int i = 0; i < 50; i++) {
                schools.publish(SchoolEventsFeed.uai(500 + i), "Collège " + i, SchoolEventsFeed.RENNES, 1);
            }
            feed.campaign(campaign, 100_000);
            for (int i = 0; i < WORKSHOPS; i++) {
                UUID id = UUID.randomUUID();
                String school = SchoolEventsFeed.uai(500 + random.nextInt(50));
                String startsAt = "2022-%02d-%02dT09:00:00+01:00".formatted(1 + random.nextInt(5), 1 + random.nextInt(28));
                int attendees = 20 + random.nextInt(16);
                feed.workshop(id, campaign, school, "p1", "STUDENTS", startsAt, "SCHEDULED", null, 1);
                feed.workshop(id, campaign, school, "p1", "STUDENTS", startsAt, "COMPLETED", attendees, 2);
                events += 2;
                switch (i % 10) {
                    case 0 -> { // cancelled after completion: counts nothing
                        feed.workshop(id, campaign, school, "p1", "STUDENTS", startsAt, "CANCELLED", attendees, 3);
                        events++;
                    }
                    case 1 -> { // headcount corrected
                        feed.workshop(id, campaign, school, "p1", "STUDENTS", startsAt, "COMPLETED", attendees - 5, 3);
                        events++;
                        expectedStudents += attendees - 5;
                        expectedDelivered++;
                    }
                    default -> {
                        expectedStudents += attendees;
                        expectedDelivered++;
                    }
                }
            }
            feed.flush();
        }
        long total = events;

        // A backlog waits; kill once part of it is applied and part is not: a transaction is open on the batch in hand.
        reach.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
            String metrics = metrics();
            long applied = read(APPLIED, metrics);
            return applied > total / 5 && applied + read(SKIPPED, metrics) < total;
        });
        reach.kill();

        reach.start();
        long students = expectedStudents;
        long delivered = expectedDelivered;
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
            RequestSpecification viewer = given().baseUri(reach.url()).auth().oauth2(TestTokens.viewer());
            var totals = viewer.get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).extract().jsonPath();
            assertThat(totals.getLong("totals.studentsSensitised")).isEqualTo(students);
            assertThat(totals.getLong("totals.studentWorkshopsDelivered")).isEqualTo(delivered);
            assertThat(totals.getLong("totals.workshopsScheduled")).isZero();
            assertThat(totals.getLong("totals.schoolsReached")).isEqualTo(50);
        });
        given().baseUri(reach.url()).auth().oauth2(TestTokens.admin()).get("/api/v1/reach/campaigns/" + campaign + "/audit")
                .then().statusCode(200).body("differences.size()", org.hamcrest.Matchers.equalTo(0));
    }

    /** The service's Prometheus metrics, in one scrape (the counters compared are then of one moment). */
    private String metrics() {
        return given().baseUri(reach.url()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** A value of the live consumer's metrics (0 until it has one): events applied, or left as not newer, so far. */
    private static long read(Pattern metric, String metrics) {
        Matcher matcher = metric.matcher(metrics);
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }

    private static Pattern metric(String name) {
        return Pattern.compile(name + "\\{consumer=\"reach-service\\.projection\"[^}]*} ([0-9.E+]+)");
    }
}
