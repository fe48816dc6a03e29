package fr.antiharcelement.infra.testing;

import fr.antiharcelement.infra.security.LocalKeys;
import fr.antiharcelement.infra.security.TokenMinter;

import java.nio.file.Path;
import java.time.Duration;

/** Bearer tokens for tests, signed by the key the services under test trust, and a few they must refuse. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String admin() {
        return minter().admin();
    }

    public static String viewer() {
        return minter().viewer();
    }

    public static String partner(String partnerCode) {
        return minter().partner(partnerCode);
    }

    /** A token whose lifetime ended an hour ago. */
    public static String expired(String role) {
        return minter().mint("late@campaign.local", role, null, Duration.ofHours(-1));
    }

    /** A well-formed admin token signed by a key the services have never seen. */
    public static String signedByStranger() {
        Path strangerKeys = Path.of(System.getProperty("basedir", "."), "target", "stranger-keys");
        return new TokenMinter(LocalKeys.ensure(strangerKeys).privateKey(), TokenMinter.LOCAL_ISSUER).admin();
    }

    private static TokenMinter minter() {
        return TestInfrastructure.get().tokens();
    }
}
