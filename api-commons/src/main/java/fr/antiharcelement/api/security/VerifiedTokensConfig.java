package fr.antiharcelement.api.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How {@link VerifiedTokens} remembers the tokens it verified, under {@code api.verified-tokens.*}. */
@ConfigMapping(prefix = "api.verified-tokens")
public interface VerifiedTokensConfig {

    /** The longest a verified token is trusted without a new check, however long it still has to live. */
    @WithDefault("60s")
    Duration keepFor();

    /** Tokens remembered at most: far more than the people and integrations using one instance at once. */
    @WithDefault("2000")
    long maximumSize();
}
