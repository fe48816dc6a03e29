package fr.antiharcelement.api.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/** Who is calling, as the verified bearer token says. */
@RequestScoped
public class Caller {

    /** The claim that names a partner token's association. */
    public static final String PARTNER_CLAIM = "partner";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    /** The token's subject: recorded in audit trails as who did what. */
    public String subject() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    /**
     * The roles of the identity, not the token's raw claim: they include those {@code quarkus.http.auth.roles-mapping}
     * maps from an identity provider's own role names, as {@code @RolesAllowed} sees them.
     */
    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean isAdmin() {
        return roles().contains(Roles.ADMIN);
    }

    /** The association a partner token acts for; empty for admin and viewer tokens. */
    public Optional<String> partnerCode() {
        if (!roles().contains(Roles.PARTNER)) {
            return Optional.empty();
        }
        return partnerClaim(token);
    }

    /** The {@code partner} claim of {@code token}, when it names one. */
    static Optional<String> partnerClaim(JsonWebToken token) {
        Object claim = token.getClaim(PARTNER_CLAIM);
        return claim instanceof String code && !code.isBlank() ? Optional.of(code) : Optional.empty();
    }
}
