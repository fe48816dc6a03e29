package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.http.ListPage;
import fr.antiharcelement.api.idempotency.Idempotency;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.workshop.domain.Facilitator;
import fr.antiharcelement.workshop.domain.Partner;
import fr.antiharcelement.workshop.domain.PartnerDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/partners")
@Tag(name = "Partners and facilitators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartnerResource {

    public record PartnerRequest(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be a slug: lower-case letters, digits and dashes")
            @Schema(examples = "generation-numerique") String code,
            @NotBlank @Size(max = 200) @Schema(examples = "Génération Numérique") String name) {
    }

    public record PartnerView(String code, String name) {
        static PartnerView of(Partner partner) {
            return new PartnerView(partner.code, partner.name);
        }
    }

    /** A facilitator is an adult: a display name and a contact e-mail, nothing more. */
    public record FacilitatorRequest(@NotBlank @Size(max = 120) @Schema(examples = "Camille Durand") String displayName,
                                     @NotBlank @Email @Size(max = 254) @Schema(examples = "camille.durand@generation-numerique.example")
                                     String contactEmail) {
    }

    /** {@code active} is false once deactivated: such a facilitator is booked for no new or changed workshop. */
    public record FacilitatorView(UUID id, String partnerCode, String displayName, String contactEmail, boolean active) {
        static FacilitatorView of(Facilitator facilitator) {
            return new FacilitatorView(facilitator.id, facilitator.partnerCode, facilitator.displayName, facilitator.contactEmail,
                    facilitator.active());
        }
    }

    @Inject
    PartnerDirectory partners;

    @Inject
    Idempotency idempotency;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerPartner", summary = "Register a partner association")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "409", description = "A partner has this code already, or a request with this Idempotency-Key did not complete")
    public Response register(@Valid @NotNull PartnerRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, caller.subject() + " POST /api/v1/partners", request, () -> {
            Partner partner = partners.register(request.code(), request.name().trim());
            return Response.created(uri.getAbsolutePathBuilder().path(partner.code).build()).entity(PartnerView.of(partner)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "listPartners", summary = "Every partner, by name; in pages with page and size")
    @APIResponse(responseCode = "200", description = "The partners (of the page asked)", headers = @Header(name = ListPage.TOTAL_COUNT),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PartnerView.class)))
    public Response all(@BeanParam @Valid ListPage page) {
        return page.answer(partners.all().stream().map(PartnerView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "getPartner", summary = "One partner")
    public PartnerView get(@PathParam("code") String code) {
        return PartnerView.of(partners.find(code));
    }

    @POST
    @Path("/{code}/facilitators")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "addFacilitator", summary = "Add a facilitator to a partner (admin, or that partner)")
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FacilitatorView.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key did not complete")
    public Response addFacilitator(@PathParam("code") String code, @Valid @NotNull FacilitatorRequest request,
                                   @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        CallerScope.of(caller).requireActingFor(code);
        return idempotency.execute(idempotencyKey, caller.subject() + " POST /api/v1/partners/" + code + "/facilitators", request,
                () -> {
                    Facilitator facilitator = partners.addFacilitator(code, request.displayName().trim(), request.contactEmail().trim());
                    return Response.created(uri.getAbsolutePathBuilder().path(facilitator.id.toString()).build())
                            .entity(FacilitatorView.of(facilitator)).build();
                });
    }

    @GET
    @Path("/{code}/facilitators")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "listFacilitators", summary = "A partner's facilitators, deactivated ones included (admin, or that partner)")
    public List<FacilitatorView> facilitators(@PathParam("code") String code) {
        CallerScope.of(caller).requireActingFor(code);
        return partners.facilitators(code).stream().map(FacilitatorView::of).toList();
    }

    @GET
    @Path("/{code}/facilitators/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "getFacilitator", summary = "One facilitator of a partner (admin, or that partner)")
    public FacilitatorView facilitator(@PathParam("code") String code, @PathParam("id") String id) {
        CallerScope.of(caller).requireActingFor(code);
        return FacilitatorView.of(partners.facilitator(code, facilitatorId(code, id)));
    }

    /**
     * A POST on a sub-resource, as creators' deactivation: the facilitator is booked for no new or changed workshop,
     * and the workshops they led keep naming them. No body; doing it twice changes nothing, so it needs no key.
     */
    @POST
    @Path("/{code}/facilitators/{id}/deactivation")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(operationId = "deactivateFacilitator",
            summary = "Deactivate a facilitator: booked for no new or changed workshop; their workshops keep naming them (admin, or that partner)")
    public FacilitatorView deactivateFacilitator(@PathParam("code") String code, @PathParam("id") String id) {
        CallerScope.of(caller).requireActingFor(code);
        return FacilitatorView.of(partners.deactivateFacilitator(code, facilitatorId(code, id)));
    }

    /** The facilitator a path names: anything that is not a UUID names no facilitator, a 404. */
    private static UUID facilitatorId(String code, String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No facilitator " + value + " at partner " + code);
        }
    }
}
