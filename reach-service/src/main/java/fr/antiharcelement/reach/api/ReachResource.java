package fr.antiharcelement.reach.api;

import fr.antiharcelement.api.http.ConditionalReads;
import fr.antiharcelement.api.http.PageParams;
import fr.antiharcelement.api.http.QueryParams;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;
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
import fr.antiharcelement.reach.domain.online.OnlineReach;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/v1/reach")
@Tag(name = "Reach")
public class ReachResource {

    static final String SEPARATOR_DESCRIPTION = "For text/csv: comma (the default) or semicolon, which also writes decimals "
            + "with a comma, as a French Excel expects";
    static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    ReachReport report;

    @Inject
    EventConsumers consumers;

    @Inject
    ReachRebuild rebuild;

    @Inject
    Caller caller;

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
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getReachSummary", summary = "A campaign's totals, targets, progress in percent, pace needed versus pace "
            + "so far, asOf and lag; Accept: text/csv for a sheet with one row per figure")
    @APIResponse(responseCode = "200", description = "The campaign's reach; JSON answers carry an ETag of their content",
            headers = @Header(name = "ETag"), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignReach.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response summary(@PathParam("code") String code,
                            @Parameter(description = SEPARATOR_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                    enumeration = {"comma", "semicolon"}, defaultValue = "comma"))
                            @QueryParam("separator") String separator,
                            @Context HttpHeaders headers,
                            @HeaderParam(ConditionalReads.IF_NONE_MATCH) String ifNoneMatch) {
        CsvExport.Separator cells = separator(separator);
        CampaignReach summary = report.summary(code);
        if (wantsCsv(headers)) {
            return CsvExport.response(code + "-summary", cells, null, rows -> summaryCsv(summary, rows));
        }
        return conditional.answer(summary, ifNoneMatch);
    }

    @GET
    @Path("/campaigns/{code}/breakdown")
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getReachBreakdown", summary = "One row per key, sorted by students sensitised (by impressions for creator and platform); by month, each "
            + "row carries the month's online figures too; Accept: text/csv for spreadsheets; every row unless page or size "
            + "is given, the row count in X-Total-Count. A partner's by=partner has its own row only")
    @APIResponse(responseCode = "200", description = "The rows (of the page asked); JSON answers carry an ETag of their content",
            headers = {@Header(name = TOTAL_COUNT), @Header(name = "ETag")}, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = BreakdownRow.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
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
                              @Parameter(description = SEPARATOR_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                      enumeration = {"comma", "semicolon"}, defaultValue = "comma"))
                              @QueryParam("separator") String separator,
                              @Context HttpHeaders headers,
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
        boolean asCsv = wantsCsv(headers);
        CsvExport.Separator cells = separator(separator);
        PageRequest pageRequest = page == null && size == null ? null : PageRequest.of(page == null ? 0 : page, size == null ? 20 : size);
        List<?> all;
        java.util.function.Consumer<CsvExport.Rows> csv;
        if (online.isPresent()) {
            List<OnlineRow> onlineRows = report.onlineBreakdown(code, online.get(), first, last);
            all = onlineRows;
            csv = rows -> onlineCsv(online.get(), slice(onlineRows, pageRequest), rows);
        } else if (breakdown == Breakdown.MONTH) {
            List<MonthReach> months = report.months(code, first, last);
            all = months;
            csv = rows -> monthCsv(slice(months, pageRequest), rows);
        } else {
            List<ReachRow> reachRows = PartnerView.rowsVisibleTo(caller, breakdown, report.breakdown(code, breakdown, first, last));
            all = reachRows;
            csv = rows -> csv(breakdown, slice(reachRows, pageRequest), rows);
        }
        if (asCsv) {
            return CsvExport.response(code + "-by-" + name, cells, all.size(), csv);
        }
        return Response.fromResponse(conditional.answer(slice(all, pageRequest), ifNoneMatch)).header(TOTAL_COUNT, all.size()).build();
    }

    @GET
    @Path("/campaigns/{code}/timeline")
    @Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE})
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getReachTimeline", summary = "Per period and cumulative series, ready for a chart (at most "
            + ReachReport.MAX_TIMELINE_POINTS + " points: a longer campaign is read by week or month); Accept: text/csv for a sheet")
    @APIResponse(responseCode = "200", description = "One point per period; JSON answers carry an ETag of their content",
            headers = @Header(name = "ETag"), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ReachReport.TimelinePoint.class)),
            @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response timeline(@PathParam("code") String code,
                             @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month"}, defaultValue = "week"))
                             @QueryParam("granularity") @DefaultValue("week") String granularity,
                             @Parameter(description = SEPARATOR_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                     enumeration = {"comma", "semicolon"}, defaultValue = "comma"))
                             @QueryParam("separator") String separator,
                             @Context HttpHeaders headers,
                             @HeaderParam(ConditionalReads.IF_NONE_MATCH) String ifNoneMatch) {
        ReachReport.Granularity parsed = QueryParams.enumValue("granularity", granularity, ReachReport.Granularity.class);
        ReachReport.Granularity period = parsed == null ? ReachReport.Granularity.WEEK : parsed;
        CsvExport.Separator cells = separator(separator);
        List<ReachReport.TimelinePoint> points = report.timeline(code, period);
        if (wantsCsv(headers)) {
            return CsvExport.response(code + "-timeline-by-" + period.name().toLowerCase(java.util.Locale.ROOT), cells, null,
                    rows -> timelineCsv(points, rows));
        }
        return conditional.answer(points, ifNoneMatch);
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

    private static void csv(Breakdown by, List<ReachRow> rows, CsvExport.Rows csv) {
        csv.row(by.apiName(), "name", "studentsSensitised", "parentsSensitised", "studentWorkshopsDelivered",
                "parentWorkshopsDelivered", "workshopsScheduled", "schoolsReached");
        for (ReachRow row : rows) {
            csv.row(row.key(), row.name(), row.studentsSensitised(), row.parentsSensitised(), row.studentWorkshopsDelivered(),
                    row.parentWorkshopsDelivered(), row.workshopsScheduled(), row.schoolsReached());
        }
    }

    /** A page of rows already in memory (all of them without one): a breakdown by school is a few thousand rows at most, kept between changes. */
    private static <T> List<T> slice(List<T> rows, PageRequest page) {
        if (page == null) {
            return rows;
        }
        int first = (int) Math.min(rows.size(), page.offset());
        return rows.subList(first, Math.min(rows.size(), first + page.size()));
    }

    private static void onlineCsv(OnlineBreakdown by, List<OnlineRow> rows, CsvExport.Rows csv) {
        csv.row(by.apiName(), "name", "creators", "posts", "impressions", "accountsReached", "engagements");
        for (OnlineRow row : rows) {
            csv.row(row.key(), row.name(), row.creators(), row.posts(), row.impressions(), row.accountsReached(), row.engagements());
        }
    }

    private static void monthCsv(List<MonthReach> rows, CsvExport.Rows csv) {
        csv.row("month", "name", "studentsSensitised", "parentsSensitised", "studentWorkshopsDelivered", "parentWorkshopsDelivered",
                "workshopsScheduled", "schoolsReached", "onlineCreators", "onlinePosts", "onlineImpressions",
                "onlineAccountsReached", "onlineEngagements");
        for (MonthReach row : rows) {
            csv.row(row.key(), row.name(), row.studentsSensitised(), row.parentsSensitised(), row.studentWorkshopsDelivered(),
                    row.parentWorkshopsDelivered(), row.workshopsScheduled(), row.schoolsReached(), row.online().creators(),
                    row.online().posts(), row.online().impressions(), row.online().accountsReached(), row.online().engagements());
        }
    }

    /** The summary as a sheet: one row per figure with its target, percent reached and paces. */
    private static void summaryCsv(CampaignReach summary, CsvExport.Rows csv) {
        csv.row("figure", "value", "target", "progressPercent", "neededPerDay", "soFarPerDay", "asOf");
        CampaignReach.Totals t = summary.totals();
        CampaignReach.Targets targets = summary.targets();
        CampaignReach.Progress progress = summary.progress();
        CampaignReach.Pace pace = summary.pace();
        String asOf = summary.asOf() == null ? null : summary.asOf().toString();
        figure(csv, "studentsSensitised", t.studentsSensitised(), targets.studentsSensitised(), progress.studentsSensitised(),
                pace == null ? null : pace.studentsSensitised(), asOf);
        figure(csv, "parentsSensitised", t.parentsSensitised(), targets.parentsSensitised(), progress.parentsSensitised(),
                pace == null ? null : pace.parentsSensitised(), asOf);
        figure(csv, "studentWorkshopsDelivered", t.studentWorkshopsDelivered(), targets.studentWorkshops(), progress.studentWorkshops(),
                pace == null ? null : pace.studentWorkshops(), asOf);
        figure(csv, "parentWorkshopsDelivered", t.parentWorkshopsDelivered(), targets.parentWorkshops(), progress.parentWorkshops(),
                pace == null ? null : pace.parentWorkshops(), asOf);
        figure(csv, "workshopsScheduled", t.workshopsScheduled(), null, null, null, asOf);
        figure(csv, "schoolsReached", t.schoolsReached(), targets.schools(), progress.schools(), pace == null ? null : pace.schools(), asOf);
        OnlineReach online = summary.online();
        if (online != null) {
            OnlineReach.Pace onlinePace = online.pace();
            figure(csv, "onlinePosts", online.totals().posts(), null, null, null, asOf);
            figure(csv, "onlineImpressions", online.totals().impressions(), online.targets().impressions(), online.progress().impressions(),
                    onlinePace == null ? null : onlinePace.impressions(), asOf);
            figure(csv, "onlineAccountsReached", online.totals().accountsReached(), online.targets().accountsReached(),
                    online.progress().accountsReached(), onlinePace == null ? null : onlinePace.accountsReached(), asOf);
            figure(csv, "onlineEngagements", online.totals().engagements(), online.targets().engagements(), online.progress().engagements(),
                    onlinePace == null ? null : onlinePace.engagements(), asOf);
        }
    }

    private static void figure(CsvExport.Rows csv, String name, long value, Number target, Double percent, CampaignReach.Rate pace,
                               String asOf) {
        csv.row(name, value, target == null ? null : target.longValue(), percent, pace == null ? null : pace.neededPerDay(),
                pace == null ? null : pace.soFarPerDay(), asOf);
    }

    private static void timelineCsv(List<ReachReport.TimelinePoint> points, CsvExport.Rows csv) {
        csv.row("period", "studentsSensitised", "parentsSensitised", "workshopsDelivered", "workshopsScheduled",
                "cumulativeStudentsSensitised", "cumulativeParentsSensitised", "cumulativeWorkshopsDelivered", "posts",
                "impressions", "accountsReached", "engagements", "cumulativePosts", "cumulativeImpressions",
                "cumulativeAccountsReached", "cumulativeEngagements");
        for (ReachReport.TimelinePoint p : points) {
            csv.row(p.period(), p.studentsSensitised(), p.parentsSensitised(), p.workshopsDelivered(), p.workshopsScheduled(),
                    p.cumulativeStudentsSensitised(), p.cumulativeParentsSensitised(), p.cumulativeWorkshopsDelivered(), p.posts(),
                    p.impressions(), p.accountsReached(), p.engagements(), p.cumulativePosts(), p.cumulativeImpressions(),
                    p.cumulativeAccountsReached(), p.cumulativeEngagements());
        }
    }

    /** CSV only when the client asks for it and not for JSON as well: browsers and generic clients get JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(CsvExport.MEDIA_TYPE) && !accept.contains(MediaType.APPLICATION_JSON);
    }

    private static CsvExport.Separator separator(String value) {
        CsvExport.Separator parsed = QueryParams.enumValue("separator", value, CsvExport.Separator.class);
        return parsed == null ? CsvExport.Separator.COMMA : parsed;
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
