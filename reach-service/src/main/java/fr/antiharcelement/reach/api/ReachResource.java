package fr.antiharcelement.reach.api;

import de.siegmar.fastcsv.writer.CsvWriter;
import fr.antiharcelement.api.http.ConditionalReads;
import fr.antiharcelement.api.http.PageParams;
import fr.antiharcelement.api.http.QueryParams;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.events.consumer.DeadLetterView;
import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.reach.domain.Breakdown;
import fr.antiharcelement.reach.domain.CampaignReach;
import fr.antiharcelement.reach.domain.ReachRebuild;
import fr.antiharcelement.reach.domain.ReachReport;
import fr.antiharcelement.reach.domain.ReachRow;
import fr.antiharcelement.reach.domain.online.MonthReach;
import fr.antiharcelement.reach.domain.online.OnlineBreakdown;
import fr.antiharcelement.reach.domain.online.OnlineRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/v1/reach")
@Tag(name = "Reach")
public class ReachResource {

    static final String CSV = "text/csv";
    static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    ReachReport report;

    @Inject
    EventConsumers consumers;

    @Inject
    ReachRebuild rebuild;

    /** Dashboards poll these reads: each answers an ETag of its content and 304 to an If-None-Match that names it. */
    @Inject
    ConditionalReads conditional;

    @GET
    @Path("/campaigns")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "listReachCampaigns", summary = "Every campaign with its headline totals, targets and progress")
    @APIResponse(responseCode = "200", description = "Every campaign", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = CampaignReach.class)))
    public Response campaigns(@HeaderParam(ConditionalReads.IF_NONE_MATCH) String ifNoneMatch) {
        return conditional.answer(report.campaigns(), ifNoneMatch);
    }

    @GET
    @Path("/campaigns/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getReachSummary",
            summary = "A campaign's totals, targets, progress in percent, pace needed versus pace so far, asOf and lag")
    @APIResponse(responseCode = "200", description = "The campaign's reach", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignReach.class)))
    public Response summary(@PathParam("code") String code, @HeaderParam(ConditionalReads.IF_NONE_MATCH) String ifNoneMatch) {
        return conditional.answer(report.summary(code), ifNoneMatch);
    }

    @GET
    @Path("/campaigns/{code}/breakdown")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getReachBreakdown", summary = "One row per key, sorted by students sensitised (by impressions for creator and platform); by month, each "
            + "row carries the month's online figures too; Accept: text/csv for spreadsheets; every row unless page or size "
            + "is given, the row count in X-Total-Count")
    @APIResponse(responseCode = "200", description = "The rows (of the page asked); JSON answers carry an ETag of their content",
            headers = {@Header(name = TOTAL_COUNT), @Header(name = "ETag")}, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = BreakdownRow.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response breakdown(@PathParam("code") String code,
                              @Parameter(description = "region, academy, department, school, partner, audience, classLevel or month "
                                      + "(workshops; month shows online too), creator or platform (online)", required = true,
                                      schema = @Schema(type = SchemaType.STRING, enumeration = {"region", "academy", "department", "school",
                                              "partner", "audience", "classLevel", "month", "creator", "platform"}))
                              @QueryParam("by") String by,
                              @Parameter(description = "First day counted (workshops count on the day they start, posts on the day "
                                      + "they were published)") @QueryParam("from") String from,
                              @Parameter(description = "Last day counted") @QueryParam("to") String to,
                              @Parameter(description = "Page number, from 0 (with size, default 20)") @QueryParam("page") @Min(0) @Max(1_000_000) Integer page,
                              @Parameter(description = "Rows per page, 1 to " + PageParams.MAX_SIZE) @QueryParam("size") @Min(1)
                              @Max(PageParams.MAX_SIZE) Integer size,
                              @jakarta.ws.rs.HeaderParam("Accept") String accept,
                              @HeaderParam(ConditionalReads.IF_NONE_MATCH) String ifNoneMatch) {
        String name = by == null ? "" : by;
        java.util.Optional<OnlineBreakdown> online = OnlineBreakdown.onlyOnline(name);
        Breakdown breakdown = online.isPresent() ? null : Breakdown.fromApiName(name).orElseThrow(() -> ProblemException.invalidField(
                "by", "must be one of region, academy, department, school, partner, audience, classLevel, month, creator, platform"));
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        boolean asCsv = accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        PageRequest pageRequest = page == null && size == null ? null : PageRequest.of(page == null ? 0 : page, size == null ? 20 : size);
        List<?> all;
        String body;
        if (online.isPresent()) {
            List<OnlineRow> onlineRows = report.onlineBreakdown(code, online.get(), first, last);
            all = onlineRows;
            body = asCsv ? onlineCsv(online.get(), slice(onlineRows, pageRequest)) : null;
        } else if (breakdown == Breakdown.MONTH) {
            List<MonthReach> months = report.months(code, first, last);
            all = months;
            body = asCsv ? monthCsv(slice(months, pageRequest)) : null;
        } else {
            List<ReachRow> reachRows = report.breakdown(code, breakdown, first, last);
            all = reachRows;
            body = asCsv ? csv(breakdown, slice(reachRows, pageRequest)) : null;
        }
        if (asCsv) {
            return Response.ok(body, CSV + ";charset=UTF-8").header(TOTAL_COUNT, all.size())
                    .header("Content-Disposition", "attachment; filename=\"" + code + "-by-" + name + ".csv\"").build();
        }
        return Response.fromResponse(conditional.answer(slice(all, pageRequest), ifNoneMatch)).header(TOTAL_COUNT, all.size()).build();
    }

    @GET
    @Path("/campaigns/{code}/timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getReachTimeline", summary = "Per period and cumulative series, ready for a chart")
    @APIResponse(responseCode = "200", description = "One point per period", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReachReport.TimelinePoint.class)))
    public Response timeline(@PathParam("code") String code,
                             @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month"}, defaultValue = "week"))
                             @QueryParam("granularity") @DefaultValue("week") String granularity,
                             @HeaderParam(ConditionalReads.IF_NONE_MATCH) String ifNoneMatch) {
        ReachReport.Granularity parsed = QueryParams.enumValue("granularity", granularity, ReachReport.Granularity.class);
        return conditional.answer(report.timeline(code, parsed == null ? ReachReport.Granularity.WEEK : parsed), ifNoneMatch);
    }

    @GET
    @Path("/campaigns/{code}/audit")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "auditReach", summary = "Recomputes every total from the contribution rows and lists any difference (there must be none)")
    public ReachReport.Audit audit(@PathParam("code") String code) {
        return report.audit(code);
    }

    @POST
    @Path("/rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "startReachRebuild",
            summary = "Rebuild the projection from the topics from the beginning; reads keep answering meanwhile (202, then poll GET)")
    @APIResponse(responseCode = "202", description = "Started", headers = @Header(name = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReachRebuild.Status.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is running already")
    public Response rebuild() {
        return Response.accepted(rebuild.start()).header("Location", "/api/v1/reach/rebuild").build();
    }

    @GET
    @Path("/rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getReachRebuild", summary = "Where the last rebuild is: RUNNING, DONE or FAILED")
    public ReachRebuild.Status rebuildStatus() {
        return rebuild.status();
    }

    @GET
    @Path("/dead-letters")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listDeadLetters", summary = "Records that could not be applied, newest first, with the reason")
    public List<DeadLetterView> deadLetters(@BeanParam @Valid PageParams page) {
        return consumers.deadLetters(page.page, page.size);
    }

    private static String csv(Breakdown by, List<ReachRow> rows) {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().build(out)) {
            writer.writeRecord(by.apiName(), "name", "studentsSensitised", "parentsSensitised", "studentWorkshopsDelivered",
                    "parentWorkshopsDelivered", "workshopsScheduled", "schoolsReached");
            for (ReachRow row : rows) {
                writer.writeRecord(row.key(), row.name() == null ? "" : row.name(), Long.toString(row.studentsSensitised()),
                        Long.toString(row.parentsSensitised()), Long.toString(row.studentWorkshopsDelivered()),
                        Long.toString(row.parentWorkshopsDelivered()), Long.toString(row.workshopsScheduled()),
                        Long.toString(row.schoolsReached()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A page of rows already in memory (all of them without one): a breakdown by school is a few thousand rows at most, kept between changes. */
    private static <T> List<T> slice(List<T> rows, PageRequest page) {
        if (page == null) {
            return rows;
        }
        int first = (int) Math.min(rows.size(), page.offset());
        return rows.subList(first, Math.min(rows.size(), first + page.size()));
    }

    private static String onlineCsv(OnlineBreakdown by, List<OnlineRow> rows) {
        return write(writer -> {
            writer.writeRecord(by.apiName(), "name", "creators", "posts", "impressions", "accountsReached", "engagements");
            for (OnlineRow row : rows) {
                writer.writeRecord(row.key(), row.name() == null ? "" : row.name(), Long.toString(row.creators()),
                        Long.toString(row.posts()), Long.toString(row.impressions()), Long.toString(row.accountsReached()),
                        Long.toString(row.engagements()));
            }
        });
    }

    private static String monthCsv(List<MonthReach> rows) {
        return write(writer -> {
            writer.writeRecord("month", "name", "studentsSensitised", "parentsSensitised", "studentWorkshopsDelivered", "parentWorkshopsDelivered",
                    "workshopsScheduled", "schoolsReached", "onlineCreators", "onlinePosts", "onlineImpressions",
                    "onlineAccountsReached", "onlineEngagements");
            for (MonthReach row : rows) {
                writer.writeRecord(row.key(), row.name() == null ? "" : row.name(), Long.toString(row.studentsSensitised()), Long.toString(row.parentsSensitised()),
                        Long.toString(row.studentWorkshopsDelivered()), Long.toString(row.parentWorkshopsDelivered()),
                        Long.toString(row.workshopsScheduled()), Long.toString(row.schoolsReached()),
                        Long.toString(row.online().creators()), Long.toString(row.online().posts()),
                        Long.toString(row.online().impressions()), Long.toString(row.online().accountsReached()),
                        Long.toString(row.online().engagements()));
            }
        });
    }

    private static String write(java.util.function.Consumer<CsvWriter> rows) {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().build(out)) {
            rows.accept(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(parameter, "must be an ISO-8601 date, e.g. 2021-11-16");
        }
    }
}
