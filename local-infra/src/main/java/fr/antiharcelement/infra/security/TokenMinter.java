package fr.antiharcelement.infra.security;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Mints bearer tokens as the services expect them: issuer, audience, subject, namespaced roles in {@code groups},
 * {@code partner} for a partner, and a lifetime of an hour unless told otherwise.
 */
public final class TokenMinter {

    /** The issuer of local tokens; production points the services at its own OIDC issuer instead. */
    public static final String LOCAL_ISSUER = "urn:antiharcelement:local";
    /** The audience every service requires ({@code mp.jwt.verify.audiences}): a token minted for another API is refused. */
    public static final String AUDIENCE = "antiharcelement-api";
    /** The roles, as api-commons' {@code Roles} names them. */
    public static final String ADMIN = "campaign:admin";
    public static final String PARTNER = "campaign:partner";
    public static final String VIEWER = "campaign:viewer";
    /** How long a token lives unless told otherwise: a leaked one is worth little for long. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    /** The longest the services accept ({@code mp.jwt.verify.token.age}, 12 hours): a longer-lived token is refused once that old. */
    public static final Duration MAXIMUM_LIFETIME = Duration.ofHours(12);

    private final PrivateKey signingKey;
    private final String issuer;

    public TokenMinter(PrivateKey signingKey, String issuer) {
        this.signingKey = signingKey;
        this.issuer = issuer;
    }

    public String admin() {
        return admin(DEFAULT_LIFETIME);
    }

    public String admin(Duration lifetime) {
        return mint("staff@campaign.local", ADMIN, null, lifetime);
    }

    public String viewer() {
        return viewer(DEFAULT_LIFETIME);
    }

    public String viewer(Duration lifetime) {
        return mint("dashboard@campaign.local", VIEWER, null, lifetime);
    }

    public String partner(String partnerCode) {
        return partner(partnerCode, DEFAULT_LIFETIME);
    }

    public String partner(String partnerCode, Duration lifetime) {
        return mint("integration@" + partnerCode, PARTNER, partnerCode, lifetime);
    }

    /**
     * A token for {@code subject} with one role; {@code partnerCode} goes into the {@code partner} claim when not
     * null. A negative lifetime mints a token that has already expired.
     */
    public String mint(String subject, String role, String partnerCode, Duration lifetime) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(lifetime);
        Instant issuedAt = Instant.ofEpochSecond(Math.min(now.getEpochSecond(), expiresAt.getEpochSecond() - 60));
        return mint(subject, List.of(role), partnerCode, AUDIENCE, issuedAt, expiresAt);
    }

    /** A token with every claim chosen, e.g. one for another audience or issued long ago; a null audience leaves it out. */
    public String mint(String subject, List<String> roles, String partnerCode, String audience, Instant issuedAt, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        if (audience != null) {
            claims.setAudience(audience);
        }
        claims.setSubject(subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", roles);
        if (partnerCode != null) {
            claims.setClaim("partner", partnerCode);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }
}
