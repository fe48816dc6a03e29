package fr.antiharcelement.school.api;

import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.school.domain.SchoolType;
import fr.antiharcelement.school.domain.annuaire.AnnuaireImport;
import fr.antiharcelement.school.domain.annuaire.ImportReport;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

@Path("/api/v1/schools/imports")
@Tag(name = "Schools")
public class ImportResource {

    @Inject
    AnnuaireImport annuaireImport;

    /**
     * The import is one transaction, and a national file takes minutes, past the default timeout: the transaction
     * starts here, where Quarkus' timeout can be set, and the import joins it.
     */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importAnnuaire",
            summary = "Import the Ministry's annuaire CSV exactly as published; upserts by UAI and reports every row")
    public ImportReport importAnnuaire(
            @Parameter(description = "Only these types, comma-separated, e.g. COLLEGE,EREA") @QueryParam("types") String types,
            InputStream csv) {
        return annuaireImport.importCsv(csv, parseTypes(types));
    }

    /**
     * Any other content type sent to the import (JSON, most often): a 415 that says what it takes, where JAX-RS alone
     * would answer the generic one. Hidden from the document: it is the same operation.
     */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public ImportReport importAnnuaireOfAnotherType() {
        throw ProblemException.unsupportedMediaType(
                "The import takes the annuaire's CSV file as published: send it as text/csv (or text/plain, application/octet-stream).");
    }

    private static Set<SchoolType> parseTypes(String types) {
        Set<SchoolType> parsed = EnumSet.noneOf(SchoolType.class);
        if (types == null || types.isBlank()) {
            return parsed;
        }
        for (String type : types.split(",")) {
            try {
                parsed.add(SchoolType.valueOf(type.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("types", "unknown type " + type.trim() + "; one of "
                        + Arrays.toString(SchoolType.values()));
            }
        }
        return parsed;
    }
}
