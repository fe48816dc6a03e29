package fr.antiharcelement.api.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail: what went wrong, for a person ({@code title}, {@code detail}) and for a program
 * ({@code type}, {@code status}, {@code errors} for each invalid field, and extension members).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
@Schema(name = "Problem", description = "RFC 9457 problem details")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://campaign.antiharcelement.fr/problems/";

    /** One invalid input: where ({@code field}, a JSON path or parameter name) and what is wrong. */
    public record FieldError(String field, String message) {
    }

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    private Problem(String type, String title, int status, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    /** A problem whose type is named after its HTTP status (e.g. {@code .../problems/conflict}). */
    public static Problem of(Response.StatusType status, String detail) {
        return new Problem(typeFor(status), status.getReasonPhrase(), status.getStatusCode(), detail, null, Map.of());
    }

    public static Problem of(int status, String detail) {
        return of(Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status)
                : new CustomStatus(status), detail);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, fieldErrors, extensions);
    }

    /** Adds an extension member, e.g. {@code currentStatus} or {@code conflictingWorkshopId}. */
    public Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, errors, more);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    private static String typeFor(Response.StatusType status) {
        return TYPE_BASE + status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private record CustomStatus(int getStatusCode) implements Response.StatusType {
        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.familyOf(getStatusCode);
        }

        @Override
        public String getReasonPhrase() {
            return getStatusCode == 422 ? "Unprocessable Content" : "Error " + getStatusCode;
        }
    }
}
