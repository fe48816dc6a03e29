package fr.antiharcelement.system;

import org.junit.jupiter.api.AfterEach;
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
 * reach-service dies with SIGKILL while a burst of completions pours in from workshop-service: some applied,
 * some in the batch it holds, some not read yet, and partners still completing. Started again, it must end with
 * exactly the totals of what was done: nothing lost with the batch in hand, nothing counted twice.
 */
class ReachKilledMidIngestIT {

    private static final int BURST = 400;

    private final RunningSystem system = RunningSystem.get();

    @AfterEach
    void reachRunning() {
        system.startReachIfStopped();
    }

    @Test
    void killedWhileCompletionsPourInItRestartsWithExactTotals() throws Exception {
        CampaignFixture campaign = CampaignFixture.create(system, "reach-kill", 8);
        ExecutorService partners = Executors.newFixedThreadPool(4);
        List<CompletableFuture<CampaignFixture.Workshop>> scheduling = new ArrayList<>();
        for (int n = 0; n < BURST; n++) {
            String school = campaign.knownSchool(n);
            boolean students = n % 4 != 3;
            scheduling.add(CompletableFuture.supplyAsync(() -> campaign.schedule(school, students), partners));
        }
        List<CampaignFixture.Workshop> burst = scheduling.stream().map(CompletableFuture::join).toList();
        campaign.awaitReachTotals(Duration.ofSeconds(60)); // the scheduling is in; the burst is completions only

        List<CompletableFuture<Void>> completions = new ArrayList<>();
        for (int n = 0; n < BURST; n++) {
            CampaignFixture.Workshop workshop = burst.get(n);
            int attendees = 15 + n % 20;
            completions.add(CompletableFuture.runAsync(() -> campaign.complete(workshop, attendees), partners));
        }
        // Kill once reach has applied part of the burst.
        long delivered = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> delivered(campaign.reach()), applied -> applied >= BURST / 4);
        system.reach.kill();
        long completedAtKill = completions.stream().filter(CompletableFuture::isDone).count();
        assertThat(delivered).as("reach was in the middle of the burst when killed").isLessThan(BURST);

        CompletableFuture.allOf(completions.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS); // all 200
        partners.shutdown();
        long restart = System.nanoTime();
        system.reach.start();
        Duration ready = Duration.ofNanos(System.nanoTime() - restart);
        Duration exact = campaign.awaitReachTotals(Duration.ofSeconds(120));

        campaign.assertReachAuditClean();
        System.out.printf("[figure] reach killed with %d of %d completions applied and %d made; ready again in %d ms, "
                + "exact %d ms later%n", delivered, BURST, completedAtKill, ready.toMillis(), exact.toMillis());
    }

    private static long delivered(CampaignFixture.Totals totals) {
        return totals.studentWorkshopsDelivered() + totals.parentWorkshopsDelivered();
    }
}
