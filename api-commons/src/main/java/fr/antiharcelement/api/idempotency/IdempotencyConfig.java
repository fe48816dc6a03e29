package fr.antiharcelement.api.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the {@code Idempotency-Key} store, under {@code api.idempotency.*}. */
@ConfigMapping(prefix = "api.idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key replays its first response. Past it, the same key runs the request again, and the purge deletes
     * the record. Three days cover a partner's retries over a long weekend; a key is not an archive of requests.
     */
    @WithDefault("72h")
    Duration retention();

    /** How often each instance deletes the records past their retention (a plain delete: any number of instances may run it). */
    @WithDefault("15m")
    Duration purgeInterval();

    /**
     * How long a request waits for a concurrent one with the same key to finish before it is told to retry (409 with
     * Retry-After), instead of holding a connection for as long as the first takes.
     */
    @WithDefault("2s")
    Duration lockTimeout();
}
