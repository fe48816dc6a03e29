package fr.antiharcelement.kernel.retry;

import java.time.Duration;

/** Pauses that double after each failure, from {@code first} up to {@code longest}, and start over after a success. */
public final class Backoff {

    private final Duration first;
    private final Duration longest;
    private Duration next;

    public Backoff(Duration first, Duration longest) {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= longest, got " + first + " and " + longest);
        }
        this.first = first;
        this.longest = longest;
        this.next = first;
    }

    /** The pause to take after this failure; the following one will be twice as long, up to the longest. */
    public Duration nextPause() {
        Duration pause = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(longest) > 0 ? longest : doubled;
        return pause;
    }

    /** After a success: the next failure pauses {@code first} again. */
    public void reset() {
        next = first;
    }
}
