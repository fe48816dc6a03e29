package fr.antiharcelement.reach.api;

import fr.antiharcelement.infra.testing.OpenApiDocument;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.infra.testing.fuzz.BadInputFuzzer;
import fr.antiharcelement.infra.testing.fuzz.FuzzTarget;
import fr.antiharcelement.infra.testing.fuzz.StoredState;
import fr.antiharcelement.reach.EventsFeed;
import fr.antiharcelement.reach.SchoolEventsFeed;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Thousands of requests generated from reach-service's OpenAPI document, most of them spoilt on purpose. */
@QuarkusTest
class BadInputFuzzTest {

    private static final List<String> BREAKDOWNS = List.of("region", "academy", "department", "school", "partner", "audience",
            "classLevel", "month", "creator", "platform");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() {
        String campaign = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 5_000);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(7), "p", "STUDENTS", "2021-10-12T10:00:00+02:00",
                    "COMPLETED", 27, 2);
            feed.creatorPost(UUID.randomUUID(), campaign, "habituetoi", "TIKTOK", "2021-10-14T19:00:00+02:00", 40_000L, 30_000, 2_000, 2);
            feed.flush();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).body("totals.studentsSensitised", equalTo(27)));

        AtomicInteger breakdowns = new AtomicInteger();
        FuzzTarget target = FuzzTarget.of(OpenApiDocument.ofServiceUnderTest())
                .excluding("POST /api/v1/reach/rebuild", "it takes no input at all: every call, however spoilt, starts a rebuild "
                        + "(ReachRebuildTest and the access matrix cover it)")
                .validValues((operation, name) -> switch (name) {
                    case "code" -> campaign;
                    case "by" -> BREAKDOWNS.get(breakdowns.getAndIncrement() % BREAKDOWNS.size());
                    case "from" -> "2021-09-01";
                    case "to" -> "2022-06-30";
                    case "granularity" -> breakdowns.get() % 2 == 0 ? "week" : "MONTH";
                    default -> null;
                });
        try (StoredState stored = new StoredState(jdbcUrl, Map.of(
                "contributions", "select count(*) + coalesce(sum(version), 0) from workshop_contribution",
                "totals", "select count(*) from reach_total",
                "online contributions", "select count(*) + coalesce(sum(version), 0) from creator_post_contribution",
                "online totals", "select count(*) from online_total",
                "campaigns", "select count(*) from campaign_info",
                "dead letters", "select count(*) from dead_letter"))) {
            awaitNoEventInFlight(stored);
            BadInputFuzzer.FuzzReport report = new BadInputFuzzer(target, stored, 20220615L).run(BadInputFuzzer.requests()).assertHeld();
            assertThat(report.count("GET /api/v1/reach/campaigns/{code}/breakdown", 200)).as("valid breakdowns").isPositive();
        }
    }

    /**
     * The projection changes only when events arrive: earlier tests' events must all be applied before the run, or
     * their effect would be taken for something a refused request stored.
     */
    private static void awaitNoEventInFlight(StoredState stored) {
        AtomicReference<Map<String, Long>> previous = new AtomicReference<>(Map.of());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Map<String, Long> now = stored.snapshot();
                    return now.equals(previous.getAndSet(now));
                });
    }
}
