package fr.antiharcelement.school.api;

import fr.antiharcelement.api.http.Etags;
import fr.antiharcelement.api.http.PageParams;
import fr.antiharcelement.api.http.QueryParams;
import fr.antiharcelement.api.idempotency.Idempotency;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.school.domain.EducationPriority;
import fr.antiharcelement.school.domain.Geography;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.SchoolDirectory;
import fr.antiharcelement.school.domain.SchoolQuery;
import fr.antiharcelement.school.domain.SchoolStatus;
import fr.antiharcelement.school.domain.SchoolType;
import fr.antiharcelement.school.domain.Sector;
import fr.antiharcelement.school.domain.Uai;
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

@Path("/api/v1/schools")
@Tag(name = "Schools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchoolResource {

    @Inject
    SchoolDirectory directory;

    @Inject
    Geography geography;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerSchool", summary = "Register a school (409 if its UAI is registered already)")
    @APIResponse(responseCode = "201", description = "Registered", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "409", description = "A school has this UAI already, or a request with this Idempotency-Key did not complete")
    @APIResponse(responseCode = "422", description = "The académie or région does not agree with the département, or the "
            + "Idempotency-Key was used for another request")
    public Response register(@Valid @NotNull SchoolRequest request,
                             @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @jakarta.ws.rs.core.Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, caller.subject() + " POST /api/v1/schools", request, () -> {
            School school = directory.register(request.uai(), details(request, geography));
            return Etags.created(uri, school.uai, school.version, SchoolView.of(school, geography));
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "searchSchools", summary = "Search schools, sorted by name; q matches name and commune ignoring case and accents")
    public PageView<SchoolView> search(@BeanParam @Valid PageParams page,
                                       @QueryParam("academy") @Size(max = 2) String academy,
                                       @QueryParam("region") @Size(max = 2) String region,
                                       @QueryParam("department") @Size(max = 3) String department,
                                       @Parameter(schema = @Schema(implementation = SchoolType.class))
                                       @QueryParam("type") String type,
                                       @Parameter(schema = @Schema(implementation = Sector.class))
                                       @QueryParam("sector") String sector,
                                       @Parameter(schema = @Schema(implementation = SchoolStatus.class))
                                       @QueryParam("status") String status,
                                       @Parameter(description = "Words of the name or commune, e.g. saint-eloi")
                                       @QueryParam("q") @Size(max = 100) String q) {
        SchoolQuery query = new SchoolQuery(academy, region, department, QueryParams.enumValue("type", type, SchoolType.class),
                QueryParams.enumValue("sector", sector, Sector.class), QueryParams.enumValue("status", status, SchoolStatus.class), q);
        return directory.search(query, page.toRequest())
                .map(school -> SchoolView.of(school, geography));
    }

    @GET
    @Path("/{uai}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getSchool", summary = "One school; its ETag is its version")
    @APIResponse(responseCode = "200", description = "The school", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolView.class)))
    public Response get(@PathParam("uai") String uai) {
        School school = directory.find(uai);
        return Response.ok(SchoolView.of(school, geography)).tag(Etags.of(school.version)).build();
    }

    @PUT
    @Path("/{uai}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateSchool", summary = "Replace a school's details (If-Match required; status CLOSED closes it)")
    @APIResponse(responseCode = "200", description = "Replaced", headers = @Header(name = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolView.class)))
    @APIResponse(responseCode = "422", description = "The académie or région does not agree with the département")
    public Response update(@PathParam("uai") String uai,
                           @Parameter(description = "The ETag last read", required = true)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull SchoolRequest request) {
        if (request.uai() != null && !Uai.normalize(request.uai()).equals(Uai.normalize(uai))) {
            throw ProblemException.invalidField("uai", "must match the path (" + Uai.normalize(uai) + ") or be left out");
        }
        School school = directory.update(uai, Etags.requiredVersion(ifMatch), details(request, geography));
        return Response.ok(SchoolView.of(school, geography)).tag(Etags.of(school.version)).build();
    }

    static School.Details details(SchoolRequest request, Geography geography) {
        return new School.Details(request.name().trim(), request.type(), request.sector(), request.communeCode(),
                request.communeName().trim(), request.postalCode(),
                geography.place(request.departmentCode(), request.academyCode(), request.regionCode()),
                request.educationPriority() == null ? EducationPriority.NONE : request.educationPriority(),
                request.pupils(), request.status() == null ? SchoolStatus.OPEN : request.status());
    }
}
