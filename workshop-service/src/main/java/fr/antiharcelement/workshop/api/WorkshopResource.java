package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.http.Etags;
import fr.antiharcelement.api.http.PageParams;
import fr.antiharcelement.api.http.QueryParams;
import fr.antiharcelement.api.idempotency.Idempotency;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.workshop.domain.Audience;
import fr.antiharcelement.workshop.domain.DoubleBookingException;
import fr.antiharcelement.workshop.domain.FieldChange;
import fr.antiharcelement.workshop.domain.PartnerScope;
import fr.antiharcelement.workshop.domain.ReferenceTakenException;
import fr.antiharcelement.workshop.domain.Reason;
import fr.antiharcelement.workshop.domain.ReasonCode;
import fr.antiharcelement.workshop.domain.Workshop;
import fr.antiharcelement.workshop.domain.WorkshopPlanner;
import fr.antiharcelement.workshop.domain.WorkshopQuery;
import fr.antiharcelement.workshop.domain.WorkshopStatus;
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

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

@Path("/api/v1/workshops")
@Tag(name = "Workshops")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkshopResource {

    /** One line of the audit trail; its note only to staff and the workshop's partner, as the workshop's own. */
    public record HistoryEntryView(OffsetDateTime at, String actor, String action, Map<String, FieldChange> changes,
                                   ReasonCode reasonCode,
                                   @Schema(description = "Shown to staff and the workshop's partner only (null for viewers). "
                                           + "No personal data: never a pupil's name.") String note) {
    }

    @Inject
    WorkshopPlanner planner;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "scheduleWorkshop",
            summary = "Schedule a workshop (admin, or a partner for its own partnerCode); past workshops may be recorded")
    @APIResponse(responseCode = "201", description = "Scheduled", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkshopView.class)))
    @APIResponse(responseCode = "409", description = "The facilitator is booked at that time (conflictingWorkshopId), "
            + "or a request with this Idempotency-Key did not complete")
    @APIResponse(responseCode = "422", description = "A rule is broken: unknown or closed school, campaign or facilitator, times "
            + "outside the campaign, another partner's facilitator, or the Idempotency-Key was used for another request")
    public Response schedule(@Valid @NotNull WorkshopRequests.Schedule request,
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        PartnerScope scope = CallerScope.of(caller);
        return refusingDoubleBooking(() -> idempotent(idempotencyKey, "POST /api/v1/workshops", request, () -> {
            Workshop workshop = planner.schedule(request.draft(), scope);
            return Etags.created(uri, workshop.id.toString(), workshop.version, WorkshopView.of(workshop, readsNotes()));
        }));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "searchWorkshops", summary = "Search workshops by start time, or by update time with updatedSince; a partner "
            + "sees only its own")
    public PageView<WorkshopView> search(@BeanParam @Valid PageParams page,
                                         @QueryParam("campaign") @Size(max = 64) String campaign,
                                         @QueryParam("school") @Size(max = 8) String school,
                                         @QueryParam("partner") @Size(max = 64) String partner,
                                         @QueryParam("facilitator") @Size(max = 36) String facilitator,
                                         @Parameter(schema = @Schema(implementation = WorkshopStatus.class))
                                         @QueryParam("status") String status,
                                         @Parameter(schema = @Schema(implementation = Audience.class))
                                         @QueryParam("audience") String audience,
                                         @Parameter(description = "Start time from (ISO-8601 with offset)") @QueryParam("from") String from,
                                         @Parameter(description = "Start time before (ISO-8601 with offset)") @QueryParam("to") String to,
                                         @Parameter(description = "The partner's own reference (a partner token searches its own)")
                                         @QueryParam("partnerReference") @Size(max = WorkshopRequests.PARTNER_REFERENCE_LENGTH)
                                         String partnerReference,
                                         @Parameter(description = "Changed at or after this instant (ISO-8601 with offset); "
                                                 + "the page is then ordered by update time, for reconciliation")
                                         @QueryParam("updatedSince") String updatedSince) {
        WorkshopQuery query = new WorkshopQuery(campaign, school, partner, uuid("facilitator", facilitator),
                QueryParams.enumValue("status", status, WorkshopStatus.class),
                QueryParams.enumValue("audience", audience, Audience.class), time("from", from), time("to", to),
                WorkshopRequests.reference(partnerReference), time("updatedSince", updatedSince));
        return planner.search(query, page.toRequest(), CallerScope.of(caller)).map(workshop -> WorkshopView.of(workshop, readsNotes()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getWorkshop", summary = "One workshop; its ETag is its version")
    @APIResponse(responseCode = "200", description = "The workshop", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkshopView.class)))
    public Response get(@PathParam("id") String id) {
        return ok(planner.find(workshopId(id), CallerScope.of(caller)));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "rescheduleWorkshop", summary = "Reschedule or edit a SCHEDULED workshop (If-Match required)")
    @APIResponse(responseCode = "200", description = "Rescheduled", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkshopView.class)))
    @APIResponse(responseCode = "409", description = "The facilitator is booked at that time (conflictingWorkshopId)")
    @APIResponse(responseCode = "422", description = "The workshop is no longer SCHEDULED, or the new details break a rule")
    public Response reschedule(@PathParam("id") String id, @Parameter(required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull WorkshopRequests.Schedule request) {
        return refusingDoubleBooking(() -> ok(planner.reschedule(workshopId(id), Etags.requiredVersion(ifMatch), request.draft(),
                CallerScope.of(caller))));
    }

    @POST
    @Path("/{id}/completion")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "completeWorkshop",
            summary = "Record that the workshop took place, with its headcount (SCHEDULED → COMPLETED, once started)")
    @APIResponse(responseCode = "200", description = "Completed (or already completed with this headcount)", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkshopView.class)))
    @APIResponse(responseCode = "409", description = "The workshop is not SCHEDULED (currentStatus), or a request with this "
            + "Idempotency-Key did not complete")
    @APIResponse(responseCode = "422", description = "The workshop has not started yet, or the headcount is above its capacity")
    public Response complete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Valid @NotNull WorkshopRequests.Completion request) {
        UUID workshop = workshopId(id);
        PartnerScope scope = CallerScope.of(caller);
        Reason reason = request.why();
        return idempotent(idempotencyKey, "POST /api/v1/workshops/" + id + "/completion", request,
                () -> ok(planner.complete(workshop, optionalVersion(ifMatch), request.attendees(), reason, scope)));
    }

    @POST
    @Path("/{id}/attendance-corrections")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "correctWorkshopAttendance",
            summary = "Correct the headcount of a COMPLETED workshop, with a reasonCode and an optional note")
    @APIResponse(responseCode = "200", description = "Corrected", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkshopView.class)))
    @APIResponse(responseCode = "409", description = "The workshop is not COMPLETED (currentStatus), or a request with this "
            + "Idempotency-Key did not complete")
    public Response correct(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                            @Valid @NotNull WorkshopRequests.AttendanceCorrection request) {
        UUID workshop = workshopId(id);
        PartnerScope scope = CallerScope.of(caller);
        Reason reason = request.why();
        return idempotent(idempotencyKey, "POST /api/v1/workshops/" + id + "/attendance-corrections", request,
                () -> ok(planner.correctAttendance(workshop, optionalVersion(ifMatch), request.attendees(), reason, scope)));
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "cancelWorkshop",
            summary = "Cancel a SCHEDULED workshop, or a COMPLETED one recorded by mistake (its attendance stops counting)")
    @APIResponse(responseCode = "200", description = "Cancelled", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkshopView.class)))
    @APIResponse(responseCode = "409", description = "The workshop is cancelled already (currentStatus), or a request with this "
            + "Idempotency-Key did not complete")
    public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           @Valid @NotNull WorkshopRequests.Cancellation request) {
        UUID workshop = workshopId(id);
        PartnerScope scope = CallerScope.of(caller);
        Reason reason = request.why();
        return idempotent(idempotencyKey, "POST /api/v1/workshops/" + id + "/cancellation", request,
                () -> ok(planner.cancel(workshop, optionalVersion(ifMatch), reason, scope)));
    }

    @POST
    @Path("/{id}/note-redaction")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "redactWorkshopNotes", summary = "Erase the text of every note of the workshop (its cancellation's "
            + "and its history's), for good; the history records who and when, never the text (staff only)")
    @APIResponse(responseCode = "200", description = "The workshop, without notes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkshopView.class)))
    public Response redactNotes(@PathParam("id") String id, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        UUID workshop = workshopId(id);
        PartnerScope scope = CallerScope.of(caller);
        return idempotent(idempotencyKey, "POST /api/v1/workshops/" + id + "/note-redaction", Map.of(),
                () -> ok(planner.redactNotes(workshop, scope)));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getWorkshopHistory", summary = "The audit trail: who, when, what changed from what to what, and why")
    public List<HistoryEntryView> history(@PathParam("id") String id) {
        return planner.history(workshopId(id), CallerScope.of(caller)).stream()
                .map(entry -> new HistoryEntryView(entry.at(), entry.actor(), entry.action(), entry.changes(), entry.reasonCode(),
                        readsNotes() ? entry.note() : null))
                .toList();
    }

    /**
     * A booking lost to a concurrent one, refused by the database: its 409 names the workshop that won, read once the
     * booking's transaction has rolled back.
     */
    private Response refusingDoubleBooking(Supplier<Response> booking) {
        try {
            return booking.get();
        } catch (DoubleBookingException e) {
            throw planner.doubleBooking(e);
        } catch (ReferenceTakenException e) {
            throw new ConflictException(e.getMessage());
        }
    }

    private Response idempotent(String key, String operation, Object request, Supplier<Response> action) {
        return idempotency.execute(key, caller.subject() + " " + operation, request, action);
    }

    private Response ok(Workshop workshop) {
        return Response.ok(WorkshopView.of(workshop, readsNotes())).tag(Etags.of(workshop.version)).build();
    }

    /**
     * Notes are for staff and the workshop's partner (who only ever reaches its own workshops), not for viewers:
     * dashboards have no use for them, and the fewer readers of free text the better.
     */
    private boolean readsNotes() {
        return caller.isAdmin() || caller.roles().contains(Roles.PARTNER);
    }

    private static Long optionalVersion(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : Etags.requiredVersion(ifMatch);
    }

    /** The workshop a path names: anything that is not a workshop's UUID (blank included) names no workshop, a 404. */
    private static UUID workshopId(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No workshop " + value);
        }
    }

    /** An optional UUID parameter: absent or blank is none, anything else must be a UUID. */
    private static UUID uuid(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(parameter, "must be a UUID");
        }
    }

    private static OffsetDateTime time(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be an ISO-8601 date-time with offset, e.g. 2021-09-01T00:00:00+02:00");
        }
    }
}
