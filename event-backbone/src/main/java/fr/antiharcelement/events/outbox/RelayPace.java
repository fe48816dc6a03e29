package fr.antiharcelement.events.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How long a busy relay lingers, from how fast it has been publishing.
 *
 * <p>Lingering trades each change's latency for fewer Kafka transactions. At a light load a busy batch is a chance
 * event, and the changes that meet the linger wait all of it for little gain: at 50 changes a second a 20 ms linger
 * put the relay's p99 at 10 to 22 ms, against 5 ms with a 5 ms one. Under a steady load the relay is busy batch after
 * batch and every millisecond gathers more commits into one transaction: at 200 completions a second 20 ms took a
 * fifth off the CPU of the whole pipeline and brought freshness's p99 from 90 to 171 ms down to under 80
 * (docs/benchmark-methods.md, twenty-third session). So the linger grows with the pace: the whole of it from
 * {@code fullAt} rows a second, in proportion below (with 20 ms full at 200 a second: 5 ms at 50).
 *
 * <p>The pace is a moving average of the rows published, weighted down exponentially over about a second: it follows
 * a change of load within a few seconds, and the pace a burst leaves behind it (an import's thousands of rows a second,
 * sent in full batches, which never linger) fades as fast: from 10,000 rows a second to under 200 in four. Used by
 * the relay's thread alone.
 */
final class RelayPace {

    private static final double WINDOW_SECONDS = 1.0;

    private final long longestNanos;
    private final double fullAtPerSecond;
    private double perSecond;
    private long lastNanos;

    RelayPace(Duration longest, int fullAtPerSecond, long nowNanos) {
        if (fullAtPerSecond <= 0) {
            throw new IllegalArgumentException("the pace of the whole linger must be positive: " + fullAtPerSecond);
        }
        this.longestNanos = longest.toNanos();
        this.fullAtPerSecond = fullAtPerSecond;
        this.lastNanos = nowNanos;
    }

    /** Counts rows published at {@code nowNanos} ({@link System#nanoTime()}). */
    void published(int rows, long nowNanos) {
        decayTo(nowNanos);
        perSecond += rows / WINDOW_SECONDS;
    }

    /** Rows published per second lately. */
    double perSecond(long nowNanos) {
        decayTo(nowNanos);
        return perSecond;
    }

    /** How long to linger at {@code nowNanos}: the whole linger at the full pace or above, in proportion below. */
    long lingerNanos(long nowNanos) {
        return (long) (longestNanos * Math.min(1.0, perSecond(nowNanos) / fullAtPerSecond));
    }

    private void decayTo(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            perSecond *= Math.exp(-elapsed / (WINDOW_SECONDS * TimeUnit.SECONDS.toNanos(1)));
            lastNanos = nowNanos;
        }
    }
}
