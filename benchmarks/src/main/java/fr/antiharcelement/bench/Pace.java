package fr.antiharcelement.bench;

import java.time.Duration;

/**
 * The load generator's clock. Open-loop benchmarks send at a set pace (one request every N ms), which is a matter of
 * time, not of a condition; polls elsewhere in the benchmarks wait on it between reads of a metric.
 */
final class Pace {

    private Pace() {
    }

    /** Returns when the {@code i}-th send of one every {@code interval}, counted from {@code startNanos}, is due. */
    static void waitForTurn(long startNanos, int i, Duration interval) {
        long due = startNanos + i * interval.toNanos();
        long wait = due - System.nanoTime();
        if (wait > 0) {
            sleep(Duration.ofNanos(wait));
            while (System.nanoTime() < due) { // sleep has millisecond grain; the last fraction is spun
                Thread.onSpinWait();
            }
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
