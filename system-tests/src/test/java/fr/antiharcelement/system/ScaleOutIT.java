package fr.antiharcelement.system;

import fr.antiharcelement.infra.testing.ChildService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service on one PostgreSQL and one Kafka, as a scaled-out deployment runs them: partners'
 * writes spread over both workshop-service instances, one reach instance killed mid-campaign, a rebuild started
 * on the other while writes go on, the killed one started again; then both reach instances answer exactly the
 * totals of what was done, and the audit is clean. And the outbox relay's leader killed mid-burst: the other
 * instance takes over, nothing lost, nothing counted twice.
 */
class ScaleOutIT {

    private static final int BURST = 120;

    private static final RunningSystem system = RunningSystem.get();
    private static ChildService secondSchool;
    private static ChildService secondWorkshop;
    private static ChildService secondReach;

    @BeforeAll
    static void secondInstances() {
        secondSchool = system.anotherInstance("school-service");
        secondWorkshop = system.anotherInstance("workshop-service");
        secondReach = system.anotherInstance("reach-service");
    }

    @AfterAll
    static void backToOneInstanceEach() {
        system.startReachIfStopped();
        if (!system.workshop.isRunning()) {
            system.workshop.start();
        }
        system.stopInstance(secondReach);
        system.stopInstance(secondWorkshop);
        system.stopInstance(secondSchool);
    }

    @Test
    void bothReachInstancesAreExactAfterAKillAndARebuildWhileWritesGoOn() throws Exception {
        CampaignFixture campaign = CampaignFixture.create(system, "scale", 8);
        ExecutorService partners = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int n = 0; n < BURST; n++) {
            String school = campaign.knownSchool(n);
            boolean students = n % 4 != 3;
            int attendees = 14 + n % 17;
            writes.add(CompletableFuture.runAsync(() -> scheduleAndComplete(campaign, school, students, attendees), partners));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(campaign.reach(secondReach)) >= BURST / 5);
        system.reach.kill();
        long rebuildStart = System.nanoTime();
        system.asAdmin(secondReach).post("/api/v1/reach/rebuild").then().statusCode(202);
        system.reach.start();
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
        partners.shutdown();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> rebuildState(secondReach).equals("DONE"));
        Duration rebuild = Duration.ofNanos(System.nanoTime() - rebuildStart);
        assertThat(rebuildState(system.reach)).as("the rebuild's state as the other instance tells it").isEqualTo("DONE");
        Duration exact = campaign.awaitReachTotals(Duration.ofSeconds(120), system.reach, secondReach);
        campaign.assertReachAuditClean();
        System.out.printf("[figure] two instances each: %d workshops written over both workshop instances; rebuild with two "
                + "reach instances (one killed and restarted meanwhile) took %d ms; both exact %d ms after it%n",
                BURST, rebuild.toMillis(), exact.toMillis());
    }

    /**
     * Each instance answers summaries from memory between changes; whichever instance's consumer applies a change,
     * both must then answer it. Both are read before each change (so each holds its summary in memory), and each
     * change lands on one partition, so on one instance's consumer only.
     */
    @Test
    void bothReachInstancesServeEachChangeWhicheverAppliedIt() {
        CampaignFixture campaign = CampaignFixture.create(system, "fresh-both", 4);
        for (int n = 0; n < 6; n++) {
            CampaignFixture.Workshop workshop = campaign.schedule(campaign.knownSchool(n), true);
            campaign.awaitReachTotals(Duration.ofSeconds(60), system.reach, secondReach);
            campaign.reach(system.reach);
            campaign.reach(secondReach);
            campaign.complete(workshop, 20 + n);
            Duration visible = campaign.awaitReachTotals(Duration.ofSeconds(30), system.reach, secondReach);
            System.out.printf("[figure] completion %d visible on both reach instances %d ms after its answer%n", n, visible.toMillis());
        }
        campaign.assertReachAuditClean();
    }

    @Test
    void theRelaysLeaderKilledMidBurstHandsOverWithoutLosingOrRepeatingAnEvent() throws Exception {
        CampaignFixture campaign = CampaignFixture.create(system, "relay-kill", 8);
        ExecutorService partners = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int n = 0; n < BURST; n++) {
            String school = campaign.knownSchool(n);
            writes.add(CompletableFuture.runAsync(() -> scheduleAndComplete(campaign, school, true, 25), partners));
        }
        // The leader is the instance whose relay publishes; kill it once the burst is flowing.
        ChildService leader = await().atMost(Duration.ofSeconds(60)).until(this::publishingInstance, found -> found != null);
        ChildService follower = leader == system.workshop ? secondWorkshop : system.workshop;
        double publishedByFollower = published(follower);
        long kill = System.nanoTime();
        leader.kill();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> published(follower) > publishedByFollower);
        Duration failOver = Duration.ofNanos(System.nanoTime() - kill);
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
        partners.shutdown();
        leader.start();

        Duration exact = campaign.awaitReachTotals(Duration.ofSeconds(120), system.reach, secondReach);
        campaign.assertReachAuditClean();
        System.out.printf("[figure] relay leader killed mid-burst: the other instance published %d ms later; reach exact "
                + "%d ms after the burst%n", failOver.toMillis(), exact.toMillis());
    }

    /**
     * As a partner's integration does: each request carries an Idempotency-Key and is sent again, to whichever
     * instance is up, until it is answered; a request the killed instance committed but could not answer is replayed.
     */
    private static void scheduleAndComplete(CampaignFixture campaign, String school, boolean students, int attendees) {
        CampaignFixture.Scheduling scheduling = campaign.scheduling(school, students);
        CampaignFixture.Workshop workshop = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> campaign.send(scheduling).orElse(null), created -> created != null);
        String key = java.util.UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> campaign.complete(workshop, attendees, key));
    }

    /** The workshop instance whose relay is publishing now, or null when neither has published yet. */
    private ChildService publishingInstance() {
        double first = published(system.workshop);
        double second = published(secondWorkshop);
        if (first == 0 && second == 0) {
            return null;
        }
        return first >= second ? system.workshop : secondWorkshop;
    }

    private static double published(ChildService instance) {
        String metrics = system.anonymous(instance).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("outbox_events_published_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static String rebuildState(ChildService reach) {
        return system.asAdmin(reach).get("/api/v1/reach/rebuild").then().statusCode(200).extract().path("state");
    }

    private static long delivered(CampaignFixture.Totals totals) {
        return totals.studentWorkshopsDelivered() + totals.parentWorkshopsDelivered();
    }
}
