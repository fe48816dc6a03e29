package fr.antiharcelement.infra.testing;

import fr.antiharcelement.infra.security.LocalKeys;
import fr.antiharcelement.infra.security.TokenMinter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Bearer tokens for tests, signed by the key the services under test trust, and a few they must refuse. */
public final class TestTokens {

    /** A role name as an identity provider might call campaign staff; the tests' configuration maps it to the admin role. */
    public static final String IDP_STAFF_ROLE = "antiharcelement-staff";
    /** Two subjects whose write budget the tests' configuration makes small: 3, then one every 20 s. */
    public static final String BUDGET_PROBE = "budget-probe@campaign.local";
    public static final String OTHER_BUDGET_PROBE = "other-budget-probe@campaign.local";

    private TestTokens() {
    }

    /**
     * How long one signed token serves every test asking for the same role: signing one per request (RSA) was a tenth
     * of a fuzz run's CPU, and the tokens live an hour.
     */
    private static final Duration REUSE = Duration.ofMinutes(1);
    private static final Map<String, Signed> SIGNED = new ConcurrentHashMap<>();

    private record Signed(String token, long at) {
    }

    public static String admin() {
        return reused("admin", () -> minter().admin());
    }

    public static String viewer() {
        return reused("viewer", () -> minter().viewer());
    }

    public static String partner(String partnerCode) {
        return reused("partner " + partnerCode, () -> minter().partner(partnerCode));
    }

    private static String reused(String key, Supplier<String> mint) {
        long now = System.nanoTime();
        return SIGNED.compute(key, (k, signed) -> signed == null || now - signed.at() > REUSE.toNanos()
                ? new Signed(mint.get(), now) : signed).token();
    }

    /** A token with {@code role} (e.g. {@link TokenMinter#ADMIN}) whose lifetime ended an hour ago. */
    public static String expired(String role) {
        return minter().mint("late@campaign.local", role, null, Duration.ofHours(-1));
    }

    /** A well-formed admin token signed by a key the services have never seen. */
    public static String signedByStranger() {
        Path strangerKeys = Path.of(System.getProperty("basedir", "."), "target", "stranger-keys");
        return new TokenMinter(LocalKeys.ensure(strangerKeys).privateKey(), TokenMinter.LOCAL_ISSUER).admin();
    }

    /** A valid admin token from the trusted issuer, but for another application's audience. */
    public static String forAnotherAudience() {
        Instant now = Instant.now();
        return minter().mint("staff@campaign.local", List.of(TokenMinter.ADMIN), null, "another-api", now, now.plus(Duration.ofHours(1)));
    }

    /** An admin token issued {@code age} ago and still unexpired: older than the services' maximum age when age is. */
    public static String issuedAgo(Duration age) {
        Instant now = Instant.now();
        return minter().mint("staff@campaign.local", List.of(TokenMinter.ADMIN), null, TokenMinter.AUDIENCE, now.minus(age),
                now.plus(Duration.ofHours(1)));
    }

    /** A token of the trusted issuer and audience whose only role is {@code role}, as another application names it. */
    public static String withRoles(String subject, String... roles) {
        Instant now = Instant.now();
        return minter().mint(subject, List.of(roles), null, TokenMinter.AUDIENCE, now, now.plus(Duration.ofHours(1)));
    }

    /** A partner token whose {@code partner} claim is missing: it acts for nobody, so every service refuses it. */
    public static String partnerWithoutClaim() {
        return minter().mint("integration@nobody", TokenMinter.PARTNER, null, Duration.ofHours(1));
    }

    /** An admin token of {@code subject}, e.g. one of the subjects with a small write budget. */
    public static String adminAs(String subject) {
        return minter().mint(subject, TokenMinter.ADMIN, null, Duration.ofHours(1));
    }

    private static TokenMinter minter() {
        return TestInfrastructure.get().tokens();
    }
}
