package fr.antiharcelement.school.api;

import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.school.domain.Geography;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/academies")
@Tag(name = "Reference geography")
@Produces(MediaType.APPLICATION_JSON)
public class AcademyResource {

    @Inject
    Geography geography;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PARTNER, Roles.VIEWER})
    @Operation(operationId = "listAcademies", summary = "The 30 académies with their région and départements, as the annuaire codes them")
    public List<Geography.Academy> academies() {
        return geography.academies();
    }
}
