package fr.antiharcelement.workshop.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.workshop.domain.Audience;
import fr.antiharcelement.workshop.domain.ClassLevel;
import fr.antiharcelement.workshop.domain.PartnerScope;
import fr.antiharcelement.workshop.domain.ReasonCode;
import fr.antiharcelement.workshop.domain.WorkshopImport;
import fr.antiharcelement.workshop.domain.WorkshopImportReport;
import fr.antiharcelement.workshop.domain.WorkshopStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/api/v1/workshops/imports")
@Tag(name = "Workshops")
@Produces(MediaType.APPLICATION_JSON)
public class WorkshopImportResource {

    /** A row of a JSON upload, as the OpenAPI document shows it: the creation body's fields and the state's. */
    @Schema(name = "WorkshopImportRow")
    public record ImportRowSchema(
            @Schema(required = true, maxLength = WorkshopRequests.PARTNER_REFERENCE_LENGTH, examples = "GN-2021-0042") String partnerReference,
            @Schema(required = true) String campaignCode,
            @Schema(required = true, pattern = "[0-9]{7}[A-Za-z]") String schoolUai,
            @Schema(description = "Defaults to ?partner= or the partner token's own") String partnerCode,
            @Schema(required = true) UUID facilitatorId,
            @Schema(required = true) Audience audience,
            ClassLevel classLevel,
            @Schema(required = true) OffsetDateTime startsAt,
            @Schema(required = true) OffsetDateTime endsAt,
            @Min(1) @Max(1000) Integer capacity,
            @Schema(description = "SCHEDULED when left out") WorkshopStatus status,
            @Schema(description = "For COMPLETED only") @Min(0) @Max(1000) Integer attendees,
            @Schema(description = "For a cancellation or a headcount correction; a code only, never a note (no personal data "
                    + "travels in an upload)") ReasonCode reasonCode) {
    }

    @Inject
    WorkshopImport workshopImport;

    @Inject
    Caller caller;

    @Inject
    Validator validator;

    @Inject
    ObjectMapper objectMapper;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(operationId = "uploadWorkshops", summary = "Upload a partner's planning (CSV or a JSON array), one workshop per row "
            + "named by its partnerReference: new ones are created, changed ones go through the same rules as one by one, the same "
            + "ones stay; reports every row. An upload none of whose rows can be read is refused whole (400)")
    @RequestBody(content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    examples = "partnerReference;campaignCode;schoolUai;facilitatorId;audience;classLevel;startsAt;endsAt;status;attendees")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ImportRowSchema.class))})
    @APIResponse(responseCode = "200", description = "What each row did: created, updated, unchanged or rejected with its line",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkshopImportReport.class)))
    public WorkshopImportReport upload(@Parameter(description = "The partner of rows without a partnerCode (admins); "
                                               + "a partner token's rows are its own")
                                       @QueryParam("partner") @Size(max = 64) String partner,
                                       @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        PartnerScope scope = CallerScope.of(caller);
        if (body == null || body.length == 0) {
            throw ProblemException.invalidField("body", "must be a CSV file with a header row, or a JSON array of workshops");
        }
        String defaultPartner = scope.partnerCode().orElse(partner == null || partner.isBlank() ? null : partner.trim());
        WorkshopImportRows reader = new WorkshopImportRows(validator, defaultPartner);
        WorkshopImportRows.Read read = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON)
                ? reader.json(body, objectMapper) : reader.csv(body);
        if (read.rows().isEmpty()) {
            // Nothing in it can be applied: refused whole, as any unreadable request, with its rows' first errors.
            throw ProblemException.invalidField("body", read.rejected().isEmpty() ? "has no rows"
                    : "has no row that can be read: " + read.rejected().stream().limit(5)
                    .map(row -> "line " + row.line() + ": " + String.join("; ", row.errors()))
                    .collect(java.util.stream.Collectors.joining(" | ")));
        }
        return workshopImport.upload(read.rows(), read.rejected(), scope);
    }
}
