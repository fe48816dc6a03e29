package fr.antiharcelement.reach.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Where the last rebuild is, shared by every reach instance; each method runs in a transaction of its own.
 * {@code persistence} implements it.
 */
public interface RebuildLedger {

    /** The last rebuild as recorded, with when its runner last said it was alive. */
    Recorded current();

    /**
     * Records a new rebuild run by {@code runner}, unless one is running whose runner was heard from within
     * {@code staleAfter}; the new status, or empty when one is running.
     */
    Optional<ReachRebuild.Status> claim(String runner, OffsetDateTime now, Duration staleAfter);

    /** {@code runner} is still at work. */
    void heartbeat(String runner, OffsetDateTime now);

    /** The rebuild run by {@code runner} failed, if it is still the one recorded. */
    void failed(String runner, OffsetDateTime now, String detail);

    /** A status as stored, and the last heartbeat of its runner. */
    record Recorded(ReachRebuild.Status status, OffsetDateTime heartbeatAt) {
    }
}
