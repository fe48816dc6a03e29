package fr.antiharcelement.api.caller;

import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;
import java.util.TreeSet;

/** Lets an integrator check what a token grants before calling anything else. */
@Path("/api/v1/me")
@Tag(name = "Caller")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    public record CallerView(String subject, Set<String> roles, String partnerCode) {
    }

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getCaller", summary = "Who the bearer token says you are: subject, roles and, for a partner, its code")
    public CallerView me() {
        return new CallerView(caller.subject(), new TreeSet<>(caller.roles()), caller.partnerCode().orElse(null));
    }
}
