package fr.antiharcelement.reach.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Rebuilds of the projection from the events: one at a time, in the background, and where the last one is. The
 * rebuild itself is the {@link ProjectionRebuilder}'s; reads keep answering from the live projection meanwhile.
 */
@ApplicationScoped
public class ReachRebuild {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public record Status(State state, OffsetDateTime startedAt, OffsetDateTime finishedAt, String detail) {
    }

    @Inject
    ProjectionRebuilder rebuilder;

    @Inject
    Clock clock;

    private volatile Status status = new Status(State.IDLE, null, null, null);

    public Status status() {
        return status;
    }

    /** Starts a rebuild and answers at once; a second one while the first runs is a conflict. */
    public synchronized Status start() {
        if (status.state() == State.RUNNING) {
            throw new ConflictException("A rebuild is running since " + status.startedAt());
        }
        status = new Status(State.RUNNING, CampaignTime.now(clock), null, "reading the topics from the beginning");
        Thread worker = new Thread(this::run, "reach-rebuild");
        worker.setDaemon(true);
        worker.start();
        return status;
    }

    private void run() {
        try {
            rebuilder.rebuild();
            status = new Status(State.DONE, status.startedAt(), CampaignTime.now(clock), "projection rebuilt from the topics");
        } catch (RuntimeException e) {
            status = new Status(State.FAILED, status.startedAt(), CampaignTime.now(clock), e.getMessage());
        }
    }
}
