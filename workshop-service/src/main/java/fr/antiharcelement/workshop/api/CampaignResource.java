package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.http.Etags;
import fr.antiharcelement.api.http.ListPage;
import fr.antiharcelement.api.idempotency.Idempotency;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.workshop.domain.Campaign;
import fr.antiharcelement.workshop.domain.CampaignCatalog;
import fr.antiharcelement.workshop.domain.CampaignDefinition;
import fr.antiharcelement.workshop.domain.OnlineTargets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

@Path("/api/v1/campaigns")
@Tag(name = "Campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CampaignCatalog campaigns;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCampaign", summary = "Define a campaign: its period and its targets")
    @APIResponse(responseCode = "201", description = "Defined", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "409", description = "A campaign has this code already, or a request with this Idempotency-Key did not complete")
    @APIResponse(responseCode = "422", description = "The period ends before it starts, or the Idempotency-Key was used for another request")
    public Response define(@Valid @NotNull CampaignRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        if (request.code() == null) {
            throw ProblemException.invalidField("code", "is required");
        }
        return idempotency.execute(idempotencyKey, caller.subject() + " POST /api/v1/campaigns", request, () -> {
            Campaign campaign = campaigns.define(request.code(), definition(request));
            return Etags.created(uri, campaign.code, campaign.version, CampaignView.of(campaign));
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "listCampaigns", summary = "All campaigns, newest first; in pages with page and size")
    @APIResponse(responseCode = "200", description = "The campaigns (of the page asked)", headers = @Header(name = ListPage.TOTAL_COUNT),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CampaignView.class)))
    public Response all(@BeanParam @Valid ListPage page) {
        return page.answer(campaigns.all().stream().map(CampaignView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getCampaign", summary = "One campaign; its ETag is its version")
    @APIResponse(responseCode = "200", description = "The campaign", headers = @Header(name = "ETag"), 
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    public Response get(@PathParam("code") String code) {
        Campaign campaign = campaigns.find(code);
        return Response.ok(CampaignView.of(campaign)).tag(Etags.of(campaign.version)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateCampaign", summary = "Replace a campaign's name, period and targets (If-Match required)")
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag"), 
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "422", description = "The period ends before it starts, or leaves out workshops already scheduled")
    public Response update(@PathParam("code") String code, @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CampaignRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw ProblemException.invalidField("code", "must match the path (" + code + ") or be left out");
        }
        Campaign campaign = campaigns.update(code, Etags.requiredVersion(ifMatch), definition(request));
        return Response.ok(CampaignView.of(campaign)).tag(Etags.of(campaign.version)).build();
    }

    private static CampaignDefinition definition(CampaignRequest request) {
        CampaignRequest.Targets targets = request.targets();
        return new CampaignDefinition(request.name().trim(), request.startsOn(), request.endsOn(),
                targets.studentsSensitised(), targets.parentsSensitised(), targets.studentWorkshops(),
                targets.parentWorkshops(), targets.schools(), targets.online() == null ? OnlineTargets.NONE
                : new OnlineTargets(targets.online().impressions(), targets.online().accountsReached(), targets.online().engagements()),
                request.studentSchoolTypes() == null ? null : Set.copyOf(request.studentSchoolTypes()));
    }
}
