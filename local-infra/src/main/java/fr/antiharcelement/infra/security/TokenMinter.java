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

/** Mints bearer tokens as the services expect them: issuer, subject, {@code groups} for roles, {@code partner}. */
public final class TokenMinter {

    /** The issuer of local tokens; production points the services at its own OIDC issuer instead. */
    public static final String LOCAL_ISSUER = "urn:antiharcelement:local";

    private final PrivateKey signingKey;
    private final String issuer;

    public TokenMinter(PrivateKey signingKey, String issuer) {
        this.signingKey = signingKey;
        this.issuer = issuer;
    }

    public String admin() {
        return mint("staff@campaign.local", "admin", null, Duration.ofHours(12));
    }

    public String viewer() {
        return mint("dashboard@campaign.local", "viewer", null, Duration.ofHours(12));
    }

    public String partner(String partnerCode) {
        return mint("integration@" + partnerCode, "partner", partnerCode, Duration.ofHours(12));
    }

    /**
     * A token for {@code subject} with one role; {@code partnerCode} goes into the {@code partner} claim when not
     * null. A negative lifetime mints a token that has already expired.
     */
    public String mint(String subject, String role, String partnerCode, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        Instant now = Instant.now();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(now.getEpochSecond(), now.plus(lifetime).getEpochSecond() - 60)));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.of(role));
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
