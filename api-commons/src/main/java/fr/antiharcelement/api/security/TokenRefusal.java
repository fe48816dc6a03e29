package fr.antiharcelement.api.security;

import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import java.time.Instant;
import java.util.Optional;

/**
 * Why a bearer token was refused, in words its holder can act on: the problem's detail and RFC 6750's
 * {@code WWW-Authenticate: Bearer error="invalid_token", error_description="..."}. smallrye-jwt reports a refused token
 * as an {@code AuthenticationFailedException} caused by its {@link ParseException}, itself caused by jose4j's
 * {@link InvalidJwtException}, whose error codes say which check failed (signature, issuer, audience, expiry); the
 * maximum age ({@code mp.jwt.verify.token.age}) is smallrye-jwt's own check and has no code, only its message.
 */
public final class TokenRefusal {

    /** The realm every service names in its challenges: one API, one set of tokens. */
    static final String REALM = "antiharcelement-api";
    /** What every refusal ends with: a refused token is never worth retrying as it is. */
    private static final String ADVICE = " Obtain a new token (README, \"Tokens\").";

    private TokenRefusal() {
    }

    /** A request that carried no bearer token: RFC 6750 wants the challenge without an error code then. */
    public static Response missing() {
        return answer("No bearer token: send \"Authorization: Bearer <token>\"." + ADVICE,
                "Bearer realm=\"" + REALM + "\"");
    }

    /** A request whose token {@code failure} refused. */
    public static Response refused(Throwable failure) {
        String reason = reasonOf(failure);
        return answer(reason + ADVICE, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\""
                + headerSafe(reason) + "\"");
    }

    private static Response answer(String detail, String challenge) {
        return Response.fromResponse(fr.antiharcelement.api.problem.Problem.of(Response.Status.UNAUTHORIZED, detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    /** The first check the token failed, most fundamental first: a forged token's audience does not matter. */
    static String reasonOf(Throwable failure) {
        InvalidJwtException invalid = cause(failure, InvalidJwtException.class);
        if (invalid != null) {
            if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                return "Bad signature: the token is not signed by the trusted issuer's key.";
            }
            if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                return "Wrong issuer: the token's issuer is not the one this API trusts.";
            }
            if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                return "Wrong audience: the token is not meant for this API (its aud must include \""
                        + expectedAudience() + "\").";
            }
            if (invalid.hasExpired()) {
                return "Expired" + expiry(invalid).map(at -> " at " + at).orElse("") + ".";
            }
            if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID) || invalid.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
                return "Not valid yet: the token's nbf or iat is in the future.";
            }
            if (invalid.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || invalid.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)) {
                return "Incomplete token: exp and iat are required.";
            }
            return "The token could not be verified.";
        }
        ParseException parse = cause(failure, ParseException.class);
        if (parse != null && parse.getMessage() != null && parse.getMessage().contains("token age")) {
            return "Too old: the token was issued more than " + maximumAgeSeconds() + " seconds ago, the most this API accepts.";
        }
        if (parse != null && parse.getMessage() != null
                && (parse.getMessage().contains("Issued At") || parse.getMessage().contains("'iat'"))) {
            return "Incomplete token: exp and iat are required, exp after iat.";
        }
        return "The token could not be verified.";
    }

    private static Optional<Instant> expiry(InvalidJwtException invalid) {
        try {
            NumericDate exp = invalid.getJwtContext() == null ? null : invalid.getJwtContext().getJwtClaims().getExpirationTime();
            return Optional.ofNullable(exp).map(date -> Instant.ofEpochSecond(date.getValue()));
        } catch (MalformedClaimException e) {
            return Optional.empty();
        }
    }

    private static String expectedAudience() {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("mp.jwt.verify.audiences", String.class).orElse("?");
    }

    private static String maximumAgeSeconds() {
        return ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.token.age", String.class).orElse("?");
    }

    /** RFC 6750's error_description: printable ASCII without quote or backslash. */
    static String headerSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.chars().forEach(c -> safe.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? (char) c : '\''));
        return safe.toString();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
