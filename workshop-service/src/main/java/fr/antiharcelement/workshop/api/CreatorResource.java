package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.http.Etags;
import fr.antiharcelement.api.idempotency.Idempotency;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.workshop.api.CreatorViews.CreatorView;
import fr.antiharcelement.workshop.api.CreatorViews.HistoryEntryView;
import fr.antiharcelement.workshop.domain.creator.Creator;
import fr.antiharcelement.workshop.domain.creator.CreatorRoster;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/creators")
@Tag(name = "Creators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreatorResource {

    @Inject
    CreatorRoster creators;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerCreator", summary = "Register a content creator: an adult's public handle, main platform and display name")
    @APIResponse(responseCode = "201", description = "Registered", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatorView.class)))
    @APIResponse(responseCode = "409", description = "A creator has this handle already, or a request with this Idempotency-Key did not complete")
    public Response register(@Valid @NotNull CreatorRequests.Register request, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, caller.subject() + " POST /api/v1/creators", request, () -> {
            Creator creator = creators.register(request.handle(), request.platform(), request.displayName().trim(), caller.subject());
            return Etags.created(uri, creator.handle, creator.version, CreatorView.of(creator));
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "listCreators", summary = "Every creator, by handle, deactivated ones included")
    public List<CreatorView> all() {
        return creators.all().stream().map(CreatorView::of).toList();
    }

    @GET
    @Path("/{handle}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getCreator", summary = "One creator; its ETag is its version")
    @APIResponse(responseCode = "200", description = "The creator", headers = @Header(name = "ETag"), 
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatorView.class)))
    public Response get(@PathParam("handle") String handle) {
        return ok(creators.find(handle(handle)));
    }

    @POST
    @Path("/{handle}/deactivation")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deactivateCreator",
            summary = "Deactivate a creator: no new post may name them; their posts keep counting (If-Match optional)")
    @APIResponse(responseCode = "200", description = "Deactivated (or deactivated already)", headers = @Header(name = "ETag"), 
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatorView.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key did not complete")
    public Response deactivate(@PathParam("handle") String handle, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                               @Valid @NotNull CreatorRequests.Deactivation request) {
        String creator = handle(handle);
        return idempotency.execute(idempotencyKey, caller.subject() + " POST /api/v1/creators/" + creator + "/deactivation", request,
                () -> ok(creators.deactivate(creator, ifMatch == null || ifMatch.isBlank() ? null : Etags.requiredVersion(ifMatch),
                        request.reason().trim(), caller.subject())));
    }

    @GET
    @Path("/{handle}/history")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getCreatorHistory", summary = "The creator's audit trail: who, when, what changed from what to what, and why")
    public List<HistoryEntryView> history(@PathParam("handle") String handle) {
        return creators.history(handle(handle)).stream().map(HistoryEntryView::of).toList();
    }

    private static Response ok(Creator creator) {
        return Response.ok(CreatorView.of(creator)).tag(Etags.of(creator.version)).build();
    }

    /** The creator a path names: anything that cannot be a handle names no creator, a 404. */
    private static String handle(String value) {
        if (value == null || !value.trim().matches(CreatorRequests.HANDLE)) {
            throw ProblemException.notFound("No creator " + value);
        }
        return value.trim();
    }
}
