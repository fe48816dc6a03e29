package fr.antiharcelement.reach.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds of the projection from the events, coordinated across every reach instance: any instance accepts one,
 * the one that accepted it runs it in the background, and every instance reads the same status from the
 * {@link RebuildLedger}. One rebuild at a time: a second request while one runs is a conflict, unless the instance
 * running it has stopped (no heartbeat for {@link #STALE_AFTER}), in which case the new one takes over. The rebuild
 * itself is the {@link ProjectionRebuilder}'s; it records DONE in the same transaction as the swap, so the status
 * never says done for a swap that did not happen, nor the reverse.
 */
@ApplicationScoped
public class ReachRebuild {

    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public record Status(State state, OffsetDateTime startedAt, OffsetDateTime finishedAt, String detail) {
    }

    /** This instance, as a runner: unique per process. */
    private final String self = UUID.randomUUID().toString();

    @Inject
    ProjectionRebuilder rebuilder;

    @Inject
    RebuildLedger ledger;

    @Inject
    Clock clock;

    /** The last rebuild, as every instance sees it; one whose runner went silent is reported as failed. */
    public Status status() {
        RebuildLedger.Recorded recorded = ledger.current();
        Status status = recorded.status();
        if (status.state() == State.RUNNING && stale(recorded.heartbeatAt())) {
            return new Status(State.FAILED, status.startedAt(), null, "the instance running it stopped (last heard from at "
                    + recorded.heartbeatAt() + "); the live projection is unchanged");
        }
        return status;
    }

    /** Starts a rebuild on this instance and answers at once; a second one while the first runs is a conflict. */
    public Status start() {
        Status claimed = ledger.claim(self, CampaignTime.now(clock), STALE_AFTER)
                .orElseThrow(() -> new ConflictException("A rebuild is running since " + status().startedAt()));
        Thread worker = new Thread(this::run, "reach-rebuild");
        worker.setDaemon(true);
        worker.start();
        return claimed;
    }

    private void run() {
        ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "reach-rebuild-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heart.scheduleAtFixedRate(() -> ledger.heartbeat(self, CampaignTime.now(clock)), HEARTBEAT.toMillis(),
                HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            rebuilder.rebuild(self);
        } catch (RuntimeException e) {
            ledger.failed(self, CampaignTime.now(clock), e.getMessage() + "; the live projection is unchanged");
        } finally {
            heart.shutdownNow();
        }
    }

    private boolean stale(OffsetDateTime heartbeatAt) {
        return heartbeatAt == null || heartbeatAt.isBefore(CampaignTime.now(clock).minus(STALE_AFTER));
    }
}
