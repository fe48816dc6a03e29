package fr.antiharcelement.api.security;

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

    /** The token's subject: recorded in audit trails as who did what. */
    public String subject() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    public Set<String> roles() {
        return token.getGroups();
    }

    public boolean isAdmin() {
        return roles().contains(Roles.ADMIN);
    }

    /** The association a partner token acts for; empty for admin and viewer tokens. */
    public Optional<String> partnerCode() {
        if (!roles().contains(Roles.PARTNER)) {
            return Optional.empty();
        }
        return Optional.ofNullable(token.<String>getClaim(PARTNER_CLAIM));
    }
}
