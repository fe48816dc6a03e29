package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.http.Etags;
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
    @Operation(summary = "Define a campaign: its period and its targets")
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
    @Operation(summary = "All campaigns, newest first")
    public List<CampaignView> all() {
        return campaigns.all().stream().map(CampaignView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    public Response get(@PathParam("code") String code) {
        Campaign campaign = campaigns.find(code);
        return Response.ok(CampaignView.of(campaign)).tag(Etags.of(campaign.version)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a campaign's name, period and targets (If-Match required)")
    public Response update(@PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
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
