package fr.antiharcelement.system;

import fr.antiharcelement.infra.kafka.LocalKafka;
import fr.antiharcelement.infra.testing.ChildService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker stops for 30 seconds in the middle of a campaign while staff and partners keep working. Their writes
 * only need each service's own database, so they keep succeeding; the events wait in the outboxes and, once the
 * broker is back, every one of them reaches reach-service and workshop-service's school replica.
 */
class KafkaOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final RunningSystem system = RunningSystem.get();
    private final LocalKafka kafka = system.infra.kafka();

    @AfterEach
    void brokerBack() {
        kafka.start(); // no-op when running; the next test class needs it whatever happened here
    }

    @Test
    void writesKeepSucceedingWhileKafkaIsDownAndReachMissesNothingOnceItReturns() {
        CampaignFixture campaign = CampaignFixture.create(system, "kafka-outage", 6);
        campaign.awaitReachTotals(Duration.ofSeconds(60));

        kafka.stop();
        long stopped = System.nanoTime();
        // Writes for as long as the broker is down, without pause: each helper asserts its 201 or 200.
        List<String> schoolsRegisteredDuringOutage = new ArrayList<>();
        int workshopWrites = 0;
        for (int n = 0; System.nanoTime() - stopped < OUTAGE.toNanos(); n++) {
            CampaignFixture.Workshop workshop = campaign.schedule(campaign.knownSchool(n), n % 5 != 4);
            workshopWrites++;
            if (n % 3 != 2) {
                campaign.complete(workshop, 18 + n % 15);
                workshopWrites++;
            }
            if (n % 10 == 0) {
                schoolsRegisteredDuringOutage.add(campaign.registerSchool());
            }
        }
        int writes = workshopWrites + schoolsRegisteredDuringOutage.size();
        // Each write's event waits in its service's outbox, and the service's Kafka health says how many wait.
        int expectedWorkshopBacklog = workshopWrites;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(outboxBacklog(system.workshop)).as("workshop-service's events waiting").isEqualTo(expectedWorkshopBacklog);
            assertThat(outboxBacklog(system.school)).as("school-service's events waiting").isEqualTo(schoolsRegisteredDuringOutage.size());
        });
        assertThat(kafka.isRunning()).as("the broker stayed down during the writes").isFalse();
        long restarting = System.nanoTime();
        kafka.start();
        Duration brokerStart = Duration.ofNanos(System.nanoTime() - restarting);

        Duration catchUp = campaign.awaitReachTotals(Duration.ofSeconds(120));
        CampaignFixture.Totals totals = campaign.reach();
        assertThat(totals.studentWorkshopsDelivered() + totals.parentWorkshopsDelivered() + totals.workshopsScheduled())
                .as("every workshop reached reach-service").isEqualTo(campaign.workshopCount());

        // The schools registered meanwhile reached workshop-service's replica too: workshops can be held there.
        for (String school : schoolsRegisteredDuringOutage) {
            campaign.complete(campaign.scheduleOnceKnown(school), 24);
        }
        campaign.awaitReachTotals(Duration.ofSeconds(60));
        campaign.assertReachAuditClean();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(outboxBacklog(system.workshop)).as("workshop-service's events waiting").isZero();
            assertThat(outboxBacklog(system.school)).as("school-service's events waiting").isZero();
        });

        System.out.printf("[figure] %d writes (all 2xx) in %d s of broker outage; broker restarted in %d ms; "
                        + "reach exact %d ms after the broker was back (%d workshops)%n",
                writes, OUTAGE.toSeconds(), brokerStart.toMillis(), catchUp.toMillis(), campaign.workshopCount());
    }

    /** The rows the service's outbox holds unpublished, as its Kafka health group reports them (up or down). */
    private long outboxBacklog(ChildService service) {
        return system.anonymous(service).get("/q/health/group/kafka").then()
                .extract().<Number>path("checks.find { it.name == 'Kafka broker' }.data.outboxBacklog").longValue();
    }
}
