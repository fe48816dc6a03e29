package fr.antiharcelement.reach.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the live figures (the summary stream and the Prometheus gauges), under {@code reach.live.*}. */
@ConfigMapping(prefix = "reach.live")
public interface ReachLiveConfig {

    /**
     * How often each instance reads the summary of every campaign someone streams, and pushes it to them if it changed:
     * the most a change waits to be seen, and the most pushes a second.
     */
    @WithDefault("250ms")
    Duration pollInterval();

    /** How often a stream gets a heartbeat (the summary's freshness) when nothing changed. */
    @WithDefault("15s")
    Duration heartbeatInterval();

    /** How long the gauges' figures, read on a scrape, are reused: every gauge of one scrape reads the same figures. */
    @WithDefault("1s")
    Duration gaugesCache();
}
