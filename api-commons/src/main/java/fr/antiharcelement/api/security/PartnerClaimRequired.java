package fr.antiharcelement.api.security;

import fr.antiharcelement.api.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A partner token acts for the partner its {@code partner} claim names; one that names none acts for nobody and is
 * refused with a 403 problem by every operation of every service, before anything else, instead of each service
 * deciding what "a partner, but which?" may see.
 */
public class PartnerClaimRequired {

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> refuseUnnamedPartner() {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || !identity.hasRole(Roles.PARTNER)
                    || identity.getPrincipal() instanceof JsonWebToken token && Caller.partnerClaim(token).isPresent()) {
                return null;
            }
            return Problem.of(403, "This partner token names no partner (claim '" + Caller.PARTNER_CLAIM
                    + "'): it may not call this API.").toResponse();
        });
    }
}
