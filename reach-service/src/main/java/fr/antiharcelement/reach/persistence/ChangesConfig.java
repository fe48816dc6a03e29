package fr.antiharcelement.reach.persistence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How this instance hears of the projection's changes, under {@code reach.changes.*} (see {@link ProjectionChanges}). */
@ConfigMapping(prefix = "reach.changes")
public interface ChangesConfig {

    /**
     * After this long without a notification, the listening connection checks projection_state's row version itself:
     * the longest a change could go unseen should that connection die without telling.
     */
    @WithDefault("1s")
    Duration checkInterval();
}
