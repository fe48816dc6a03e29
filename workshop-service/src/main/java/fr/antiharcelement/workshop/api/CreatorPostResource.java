package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.http.Etags;
import fr.antiharcelement.api.http.PageParams;
import fr.antiharcelement.api.http.QueryParams;
import fr.antiharcelement.api.idempotency.Idempotency;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.workshop.api.CreatorViews.HistoryEntryView;
import fr.antiharcelement.workshop.api.CreatorViews.PostView;
import fr.antiharcelement.workshop.api.CreatorViews.SnapshotView;
import fr.antiharcelement.workshop.domain.creator.Creator;
import fr.antiharcelement.workshop.domain.creator.CreatorPost;
import fr.antiharcelement.workshop.domain.creator.CreatorPostQuery;
import fr.antiharcelement.workshop.domain.creator.CreatorPosts;
import fr.antiharcelement.workshop.domain.creator.Platform;
import fr.antiharcelement.workshop.domain.creator.SnapshotImportReport;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/creator-posts")
@Tag(name = "Creators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreatorPostResource {

    @Inject
    CreatorPosts posts;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "recordCreatorPost",
            summary = "Record a creator's post for a campaign: on its platform's hosts, published inside the campaign's period")
    @APIResponse(responseCode = "201", description = "Recorded", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "A post has this URL already, or a request with this Idempotency-Key did not complete")
    @APIResponse(responseCode = "422", description = "Unknown campaign, unknown or deactivated creator, or published outside the "
            + "campaign's period; or the Idempotency-Key was used for another request")
    public Response record(@Valid @NotNull CreatorRequests.Post request, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, caller.subject() + " POST /api/v1/creator-posts", request, () -> {
            CreatorPost post = posts.record(request.draft(), caller.subject());
            return Etags.created(uri, post.id.toString(), post.version, PostView.of(post));
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "searchCreatorPosts", summary = "Search posts by publication time, with their current figures")
    public PageView<PostView> search(@BeanParam @Valid PageParams page,
                                     @QueryParam("campaign") @Size(max = 64) String campaign,
                                     @QueryParam("creator") @Size(max = 64) String creator,
                                     @Parameter(schema = @Schema(implementation = Platform.class)) @QueryParam("platform") String platform) {
        CreatorPostQuery query = new CreatorPostQuery(blankToNull(campaign), creator == null || creator.isBlank() ? null
                : Creator.normalize(creator), QueryParams.enumValue("platform", platform, Platform.class));
        return posts.search(query, page.toRequest()).map(PostView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getCreatorPost", summary = "One post with its current figures; its ETag is its version")
    @APIResponse(responseCode = "200", description = "The post", headers = @Header(name = "ETag"), 
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    public Response get(@PathParam("id") String id) {
        return ok(posts.find(postId(id)));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateCreatorPost",
            summary = "Correct a post's campaign, creator, platform, url, publication time or format (If-Match required)")
    @APIResponse(responseCode = "200", description = "Corrected", headers = @Header(name = "ETag"), 
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "409", description = "Another post has this URL")
    @APIResponse(responseCode = "422", description = "Unknown campaign, unknown or deactivated creator, or published outside the campaign's period")
    public Response update(@PathParam("id") String id, @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CreatorRequests.Post request) {
        return ok(posts.update(postId(id), Etags.requiredVersion(ifMatch), request.draft(), caller.subject()));
    }

    @POST
    @Path("/{id}/metrics")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "recordCreatorPostMetrics",
            summary = "Record a snapshot of the post's figures: the one measured last is its current figure; one measured "
            + "earlier is kept in the history only (If-Match optional)")
    @APIResponse(responseCode = "201", description = "Recorded", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "200", description = "The same snapshot was recorded already: nothing changed", headers = @Header(name = "ETag"), 
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SnapshotView.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key did not complete")
    @APIResponse(responseCode = "422", description = "Measured before the post was published or in the future, or the "
            + "Idempotency-Key was used for another request")
    public Response measure(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull CreatorRequests.Snapshot request,
                            @Context UriInfo uri) {
        UUID post = postId(id);
        return idempotency.execute(idempotencyKey, caller.subject() + " POST /api/v1/creator-posts/" + post + "/metrics", request, () -> {
            CreatorPosts.Recorded recorded = posts.measure(post, ifMatch == null || ifMatch.isBlank() ? null
                    : Etags.requiredVersion(ifMatch), request.metrics(), caller.subject());
            Response.ResponseBuilder response = recorded.outcome() == CreatorPosts.Outcome.UNCHANGED ? Response.ok()
                    : Response.created(uri.getAbsolutePath());
            return response.tag(Etags.of(recorded.post().version)).entity(SnapshotView.of(recorded.snapshot(), recorded.post())).build();
        });
    }

    @GET
    @Path("/{id}/metrics")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "listCreatorPostMetrics", summary = "Every snapshot of the post, in the order measured, late ones included")
    public List<SnapshotView> snapshots(@PathParam("id") String id) {
        UUID post = postId(id);
        CreatorPost current = posts.find(post);
        return posts.snapshots(post).stream().map(snapshot -> SnapshotView.of(snapshot, current)).toList();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getCreatorPostHistory", summary = "The post's audit trail: who, when, what changed from what to what, and why")
    public List<HistoryEntryView> history(@PathParam("id") String id) {
        return posts.history(postId(id)).stream().map(HistoryEntryView::of).toList();
    }

    @POST
    @Path("/metric-imports")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(operationId = "importCreatorPostMetrics", summary = "Upload snapshots as CSV, one row per post and date (url, measuredAt or date, impressions, "
            + "accountsReached or reach, views, likes, comments, shares, saves); the same rule as one by one; reports every row")
    public Response importSnapshots(@HeaderParam(Idempotency.HEADER) String idempotencyKey, String csv) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.invalidField("body", "must be a CSV file with a header row and rows");
        }
        return idempotency.execute(idempotencyKey, caller.subject() + " POST /api/v1/creator-posts/metric-imports", csv, () -> {
            SnapshotImportReport report = posts.importSnapshots(csv, caller.subject());
            return Response.ok(report).build();
        });
    }

    /**
     * Any other content type sent to the upload (JSON, most often): a 415 that says what it takes, where JAX-RS alone
     * would answer the generic one. Hidden from the document: it is the same operation.
     */
    @POST
    @Path("/metric-imports")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response importSnapshotsOfAnotherType() {
        throw ProblemException.unsupportedMediaType("This upload takes a CSV file: send it as text/csv (or text/plain).");
    }

    private static Response ok(CreatorPost post) {
        return Response.ok(PostView.of(post)).tag(Etags.of(post.version)).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The post a path names: anything that is not a post's UUID (blank included) names no post, a 404. */
    private static UUID postId(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No creator post " + value);
        }
    }
}
