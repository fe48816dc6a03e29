package fr.antiharcelement.workshop.domain.webhook;

import java.time.Duration;

/**
 * How endpoints are accepted and deliveries retried. {@code requireHttps} and {@code allowPrivateAddresses} protect
 * production (no clear text, no request to our own network on a partner's behalf); tests and local runs loosen both.
 * A failed delivery waits {@code firstRetry}, then twice as long each time up to {@code longestRetry}, and is given up
 * {@code retryFor} after it was due; its endpoint is then disabled.
 */
public record WebhookPolicy(boolean requireHttps, boolean allowPrivateAddresses, Duration retryFor, Duration firstRetry,
                            Duration longestRetry) {

    /** The pause before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    public Duration pauseAfter(int attempts) {
        Duration pause = firstRetry;
        for (int i = 1; i < attempts && pause.compareTo(longestRetry) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longestRetry) > 0 ? longestRetry : pause;
    }
}
