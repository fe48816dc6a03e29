package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.idempotency.Idempotency;
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
            String code,
            @NotBlank @Size(max = 200) String name) {
    }

    public record PartnerView(String code, String name) {
        static PartnerView of(Partner partner) {
            return new PartnerView(partner.code, partner.name);
        }
    }

    /** A facilitator is an adult: a display name and a contact e-mail, nothing more. */
    public record FacilitatorRequest(@NotBlank @Size(max = 120) String displayName,
                                     @NotBlank @Email @Size(max = 254) String contactEmail) {
    }

    public record FacilitatorView(UUID id, String partnerCode, String displayName, String contactEmail) {
        static FacilitatorView of(Facilitator facilitator) {
            return new FacilitatorView(facilitator.id, facilitator.partnerCode, facilitator.displayName, facilitator.contactEmail);
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
    @Operation(summary = "Register a partner association")
    public Response register(@Valid @NotNull PartnerRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                             @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, caller.subject() + " POST /api/v1/partners", request, () -> {
            Partner partner = partners.register(request.code(), request.name().trim());
            return Response.created(uri.getAbsolutePathBuilder().path(partner.code).build()).entity(PartnerView.of(partner)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    public List<PartnerView> all() {
        return partners.all().stream().map(PartnerView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    public PartnerView get(@PathParam("code") String code) {
        return PartnerView.of(partners.find(code));
    }

    @POST
    @Path("/{code}/facilitators")
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER})
    @Operation(summary = "Add a facilitator to a partner (admin, or that partner)")
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
    @Operation(summary = "A partner's facilitators (admin, or that partner)")
    public List<FacilitatorView> facilitators(@PathParam("code") String code) {
        CallerScope.of(caller).requireActingFor(code);
        return partners.facilitators(code).stream().map(FacilitatorView::of).toList();
    }
}
