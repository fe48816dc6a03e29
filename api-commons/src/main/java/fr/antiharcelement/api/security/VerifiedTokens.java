package fr.antiharcelement.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The bearer tokens this instance has already verified, so that a client sending the same token on every request pays
 * the RSA signature check once, not per request: that check was about half of the CPU of a reach summary
 * (docs/benchmark-methods.md). Quarkus' token validator asks the {@link JWTParser} bean; this alternative answers from
 * the cache and asks smallrye-jwt's own parser for any token it has not verified yet.
 *
 * <p>Only a token that passed every check is kept, keyed by its exact text (the signature covers all of it), and only
 * while each of its time-bound checks would still pass: until its {@code exp}, until {@code iat} plus the maximum age
 * ({@code mp.jwt.verify.token.age}), and never longer than {@link VerifiedTokensConfig#keepFor()}. A refused token is
 * never kept: each attempt is verified again and refused with its reason. The cache is bounded
 * ({@link VerifiedTokensConfig#maximumSize()}), oldest use out first. What it trades: a verification key withdrawn
 * from the issuer's key set stops being trusted here at most {@code keepFor} later (docs/architecture.md, "Tokens").
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final DefaultJWTParser verifier;
    private final Duration maximumAge;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    VerifiedTokens(DefaultJWTParser verifier, VerifiedTokensConfig config, MeterRegistry metrics,
                   @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maximumAgeSeconds) {
        this(verifier, config, maximumAgeSeconds.map(Duration::ofSeconds).orElse(null), Clock.systemUTC());
        // cache_gets_total{cache="verified_tokens",result="hit|miss"}: how many requests were spared a verification.
        CaffeineCacheMetrics.monitor(metrics, verified, "verified_tokens");
    }

    VerifiedTokens(DefaultJWTParser verifier, VerifiedTokensConfig config, Duration maximumAge, Clock clock) {
        this.verifier = verifier;
        this.maximumAge = maximumAge;
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.maximumSize())
                .recordStats()
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, principal) ->
                        keptFor(principal, clock.instant(), config.keepFor())))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken principal = new VerifiedToken(verifier.parse(token));
        verified.put(token, principal);
        return principal;
    }

    /** How long a token verified {@code now} may be trusted without verifying it again; zero keeps it out. */
    Duration keptFor(JsonWebToken principal, Instant now, Duration keepFor) {
        Duration kept = keepFor;
        if (principal.getExpirationTime() > 0) {
            kept = shorter(kept, Duration.between(now, Instant.ofEpochSecond(principal.getExpirationTime())));
        }
        if (maximumAge != null && principal.getIssuedAtTime() > 0) {
            kept = shorter(kept, Duration.between(now, Instant.ofEpochSecond(principal.getIssuedAtTime()).plus(maximumAge)));
        }
        return kept.isNegative() ? Duration.ZERO : kept;
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    // What follows is not on the request path: verification with other keys or settings is never cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
