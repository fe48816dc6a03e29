package fr.antiharcelement.api.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final String ISSUER = "urn:test:issuer";
    private static final Duration MAXIMUM_AGE = Duration.ofHours(12);
    private static final KeyPair TRUSTED = rsaKeys();
    private static final KeyPair FORGER = rsaKeys();

    private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    private final CountingVerifier verifier = new CountingVerifier();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, config(Duration.ofSeconds(60)), MAXIMUM_AGE, clock);

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() throws ParseException {
        String token = token(TRUSTED, clock.instant(), clock.instant().plus(Duration.ofHours(1)));

        JsonWebToken first = tokens.parse(token);
        JsonWebToken second = tokens.parse(token);

        assertThat(second.getSubject()).isEqualTo("staff@campaign.local").isEqualTo(first.getSubject());
        assertThat(verifier.verifications.get()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenStillSaysWhichPartnerItActsForAndEverythingElseItSays() throws ParseException {
        String partnerToken = token(TRUSTED, clock.instant(), clock.instant().plus(Duration.ofHours(1)), "e-enfance");
        String staffToken = token(TRUSTED, clock.instant(), clock.instant().plus(Duration.ofHours(1)));

        for (int request = 0; request < 2; request++) {
            JsonWebToken partner = tokens.parse(partnerToken);
            assertThat(Caller.partnerClaim(partner)).contains("e-enfance");
            assertThat(partner.getGroups()).containsExactly(Roles.PARTNER);
            assertThat(partner.getSubject()).isEqualTo("staff@campaign.local");
            assertThat(partner.getRawToken()).isEqualTo(partnerToken);
            assertThat(partner.getClaimNames()).contains(Caller.PARTNER_CLAIM, "sub", "groups");

            JsonWebToken staff = tokens.parse(staffToken);
            assertThat(Caller.partnerClaim(staff)).isEmpty();
            assertThat(staff.getClaimNames()).doesNotContain(Caller.PARTNER_CLAIM);
        }
        assertThat(verifier.verifications.get()).isEqualTo(2);
    }

    @Test
    void aRememberedTokenIsVerifiedAgainAfterAMinute() throws ParseException {
        String token = token(TRUSTED, clock.instant(), clock.instant().plus(Duration.ofHours(1)));
        tokens.parse(token);

        clock.move(Duration.ofSeconds(59));
        tokens.parse(token);
        assertThat(verifier.verifications.get()).isEqualTo(1);

        clock.move(Duration.ofSeconds(2));
        tokens.parse(token);
        assertThat(verifier.verifications.get()).isEqualTo(2);
    }

    @Test
    void aTokenAboutToExpireIsTrustedOnlyUntilItsExpiry() throws ParseException {
        String token = token(TRUSTED, clock.instant().minus(Duration.ofMinutes(10)), clock.instant().plus(Duration.ofSeconds(20)));
        tokens.parse(token);

        clock.move(Duration.ofSeconds(21));
        tokens.parse(token);

        assertThat(verifier.verifications.get()).as("verified again once past its exp, where the verifier refuses it").isEqualTo(2);
    }

    @Test
    void aTokenIsTrustedNoLongerThanItsMaximumAge() {
        Instant now = clock.instant();
        JsonWebToken nearlyTooOld = principal(now.minus(MAXIMUM_AGE).plus(Duration.ofSeconds(5)), now.plus(Duration.ofHours(1)));
        JsonWebToken young = principal(now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)));
        JsonWebToken expired = principal(now.minus(Duration.ofHours(2)), now.minus(Duration.ofSeconds(1)));

        assertThat(tokens.keptFor(nearlyTooOld, now, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(5));
        assertThat(tokens.keptFor(young, now, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(tokens.keptFor(expired, now, Duration.ofSeconds(60))).isEqualTo(Duration.ZERO);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        String forged = token(FORGER, clock.instant(), clock.instant().plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);

        assertThat(verifier.verifications.get()).isEqualTo(2);
    }

    private JsonWebToken principal(Instant issuedAt, Instant expiresAt) {
        try {
            return new DefaultJWTParser().parseOnly(token(TRUSTED, issuedAt, expiresAt));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(KeyPair keys, Instant issuedAt, Instant expiresAt) {
        return token(keys, issuedAt, expiresAt, null);
    }

    /** A token; with {@code partner}, a partner's, naming it in its partner claim. */
    private static String token(KeyPair keys, Instant issuedAt, Instant expiresAt, String partner) {
        JwtClaims claims = new JwtClaims();
        if (partner != null) {
            claims.setClaim(Caller.PARTNER_CLAIM, partner);
            claims.setStringListClaim("groups", Roles.PARTNER);
        }
        claims.setIssuer(ISSUER);
        claims.setSubject("staff@campaign.local");
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VerifiedTokensConfig config(Duration keepFor) {
        return new VerifiedTokensConfig() {
            @Override
            public Duration keepFor() {
                return keepFor;
            }

            @Override
            public long maximumSize() {
                return 100;
            }
        };
    }

    /** smallrye-jwt's own verifier, counting the tokens it is asked to verify. */
    private static final class CountingVerifier extends DefaultJWTParser {

        final AtomicInteger verifications = new AtomicInteger();

        CountingVerifier() {
            super(context());
        }

        private static JWTAuthContextInfo context() {
            JWTAuthContextInfo context = new JWTAuthContextInfo(TRUSTED.getPublic(), ISSUER);
            context.setMaxTimeToLiveSecs(MAXIMUM_AGE.toSeconds());
            return context;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
