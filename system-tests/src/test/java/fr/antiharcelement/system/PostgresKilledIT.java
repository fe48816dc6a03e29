package fr.antiharcelement.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL itself dies with SIGKILL, as in a power cut, while partners schedule workshops: no checkpoint, no
 * shutdown, every service's connections gone at once. The server runs durable (fsync, synchronous_commit and
 * full_page_writes on), as ./run starts it. Started again, it recovers from its WAL: every write that was answered
 * 2xx must be there, the clients' retries with their Idempotency-Key must neither lose nor double anything, and
 * reach's totals must be exact.
 */
class PostgresKilledIT {

    private static final int BURST = 160;

    private final RunningSystem system = RunningSystem.get();

    @Test
    void everyAcknowledgedWriteSurvivesAKilledServerAndTotalsStayExact() throws Exception {
        CampaignFixture campaign = CampaignFixture.create(system, "pg-kill", 8);
        List<CampaignFixture.Scheduling> requests = new ArrayList<>();
        for (int n = 0; n < BURST; n++) {
            requests.add(campaign.scheduling(campaign.knownSchool(n), n % 4 != 3));
        }
        Queue<CampaignFixture.Scheduling> unanswered = new ConcurrentLinkedQueue<>();
        List<CampaignFixture.Workshop> acknowledged = new ArrayList<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService partners = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (CampaignFixture.Scheduling request : requests) {
            sends.add(CompletableFuture.runAsync(() -> {
                Optional<CampaignFixture.Workshop> created = sendOnce(campaign, request);
                if (created.isPresent()) {
                    synchronized (acknowledged) {
                        acknowledged.add(created.get());
                    }
                    answered.incrementAndGet();
                } else {
                    unanswered.add(request);
                }
            }, partners));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= BURST / 3);
        system.infra.postgres().kill();
        int acknowledgedAtKill = answered.get();
        long restart = System.nanoTime();
        system.infra.postgres().restart();
        Duration restarted = Duration.ofNanos(System.nanoTime() - restart);
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        partners.shutdown();
        assertThat(acknowledgedAtKill).as("the server was killed in the middle of the burst").isLessThan(BURST);

        // Every write answered 201 is there, whichever instance is asked.
        List<CampaignFixture.Workshop> beforeRetries;
        synchronized (acknowledged) {
            beforeRetries = List.copyOf(acknowledged);
        }
        for (CampaignFixture.Workshop workshop : beforeRetries) {
            system.asViewer(system.anyWorkshop()).get("/api/v1/workshops/" + workshop.id).then().statusCode(200);
        }
        // A client retries what was not answered, with the same key, until it is.
        int retried = unanswered.size();
        for (CampaignFixture.Scheduling request : unanswered) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> campaign.send(request).isPresent());
        }
        assertThat(campaign.workshopCount()).as("workshops, each once, after the retries").isEqualTo(BURST + 8);

        // Some of them completed, so that reach's headcounts are checked too.
        int n = 0;
        for (CampaignFixture.Workshop workshop : beforeRetries.subList(0, Math.min(40, beforeRetries.size()))) {
            int attendees = 12 + n++ % 18;
            String key = UUID.randomUUID().toString();
            await().atMost(Duration.ofSeconds(30)).until(() -> campaign.complete(workshop, attendees, key));
        }
        Duration exact = campaign.awaitReachTotals(Duration.ofSeconds(120));
        campaign.assertReachAuditClean();
        System.out.printf("[figure] PostgreSQL killed after %d of %d workshops acknowledged; restarted in %d ms; %d requests "
                + "retried with their key; reach exact %d ms after the completions%n", acknowledgedAtKill, BURST,
                restarted.toMillis(), retried, exact.toMillis());
    }

    /** One attempt, as a client makes it: a refused connection or an error answer is simply not an acknowledgement. */
    private static Optional<CampaignFixture.Workshop> sendOnce(CampaignFixture campaign, CampaignFixture.Scheduling request) {
        try {
            return campaign.send(request);
        } catch (RuntimeException unanswered) {
            return Optional.empty();
        }
    }
}
