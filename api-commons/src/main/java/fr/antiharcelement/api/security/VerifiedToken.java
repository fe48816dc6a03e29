package fr.antiharcelement.api.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * A token as {@link VerifiedTokens} keeps it: smallrye-jwt's principal, with its {@code partner} claim read once, when
 * the token is verified. smallrye-jwt looks a claim's name up among MicroProfile's standard ones by
 * {@code Claims.valueOf}, so each read of a claim outside them builds and throws an exception; the partner claim is
 * read twice in each request of a partner ({@link PartnerClaimRequired}, {@link Caller#partnerCode()}), which was 1.7%
 * of workshop-service's CPU in a creation (docs/benchmark-methods.md, twentieth session). Every other read goes to the
 * principal as it is.
 */
final class VerifiedToken implements JsonWebToken {

    private final JsonWebToken verified;
    private final Object partner;

    VerifiedToken(JsonWebToken verified) {
        this.verified = verified;
        this.partner = verified.getClaim(Caller.PARTNER_CLAIM);
    }

    @Override
    public String getName() {
        return verified.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return verified.getClaimNames();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return Caller.PARTNER_CLAIM.equals(claimName) ? (T) partner : verified.getClaim(claimName);
    }

    @Override
    public String toString() {
        return verified.toString();
    }
}
