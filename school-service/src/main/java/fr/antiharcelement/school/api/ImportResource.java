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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
            @Parameter(description = "UTF-8 (with or without a byte order mark) unless a charset is declared, e.g. "
                    + "text/csv; charset=windows-1252") @HeaderParam("Content-Type") String contentType,
            InputStream csv) {
        return annuaireImport.importCsv(csv, charset(contentType), parseTypes(types));
    }

    /** The charset the request declares, UTF-8 when it declares none (the Ministry publishes UTF-8). */
    private static Charset charset(String contentType) {
        String declared = contentType == null ? null : MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
        if (declared == null || declared.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(declared.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("charset", "unknown character set " + declared.trim() + "; e.g. UTF-8 or windows-1252");
        }
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
