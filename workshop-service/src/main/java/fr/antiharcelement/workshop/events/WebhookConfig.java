package fr.antiharcelement.workshop.events;

import fr.antiharcelement.workshop.domain.webhook.WebhookPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Settings of the partners' webhooks, under {@code webhooks.*}. */
@ConfigMapping(prefix = "webhooks")
public interface WebhookConfig {

    /** Endpoints must be https (production); tests and local runs accept http. */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Whether an endpoint may resolve to a loopback, private or link-local address. Never in production: the service
     * would call into its own network for whoever registers the URL. Checked at registration and before each send.
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** How long a delivery is retried without a 2xx before it is given up and its endpoint disabled. */
    @WithDefault("24h")
    Duration retryFor();

    /** The pause after a first failure; it doubles with each failure up to {@code longest-retry}. */
    @WithDefault("10s")
    Duration firstRetry();

    @WithDefault("1h")
    Duration longestRetry();

    /** How often each instance looks for due deliveries when no change woke it (retries, other instances' changes). */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Deliveries sent at once by a worker, each to its endpoint. */
    @WithDefault("20")
    int batchSize();

    @WithDefault("2s")
    Duration connectTimeout();

    /** The most an endpoint is waited for: a slow one is a failed attempt, retried later. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** The domain's view of these settings. */
    final class Policy {

        private Policy() {
        }

        @Produces
        @Singleton
        static WebhookPolicy of(WebhookConfig config) {
            return new WebhookPolicy(config.requireHttps(), config.allowPrivateAddresses(), config.retryFor(), config.firstRetry(),
                    config.longestRetry());
        }
    }
}
