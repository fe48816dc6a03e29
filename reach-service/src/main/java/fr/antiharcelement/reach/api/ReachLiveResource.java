package fr.antiharcelement.reach.api;

import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.reach.domain.CampaignReach;
import fr.antiharcelement.reach.domain.CompletionQueries;
import fr.antiharcelement.reach.domain.LatestCompletions;
import fr.antiharcelement.reach.domain.ReachReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** What the live dashboard reads beyond the summary and breakdowns: the summary as a stream, and the latest completions. */
@Path("/api/v1/reach")
@Tag(name = "Reach")
public class ReachLiveResource {

    @Inject
    ReachReport report;

    @Inject
    SummaryStreams streams;

    @Inject
    LatestCompletions completions;

    @Inject
    JsonWebToken token;

    @Inject
    Caller caller;

    @GET
    @Path("/campaigns/{code}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "streamReachSummary", summary = "The campaign's summary now, then each time it changes (at most a few a second), as server-sent events "
            + "named summary; heartbeat events carry asOf and lagMs when nothing changed. Ends when the token expires.")
    @APIResponse(responseCode = "200", description = "An event stream of summaries",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = CampaignReach.class)))
    public void stream(@PathParam("code") String code, @Context SseEventSink sink, @Context Sse sse) {
        CampaignReach current = report.summary(code); // 404 for an unknown campaign, before the stream starts
        long expiresAt = token.getExpirationTime();
        streams.open(code, current, sink, sse, expiresAt > 0 ? Instant.ofEpochSecond(expiresAt) : null);
    }

    @GET
    @Path("/campaigns/{code}/completions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "listLatestCompletions", summary = "The latest workshops delivered, most recent day first: day, school, "
            + "partner, audience, class level, headcount; a partner sees its own among them")
    public List<CompletionQueries.Completion> completions(@PathParam("code") String code,
                                                          @Parameter(description = "How many, 1 to 50")
                                                          @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
        return PartnerView.completionsVisibleTo(caller, completions.latest(code, limit));
    }
}
