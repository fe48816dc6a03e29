package fr.antiharcelement.api.openapi;

import fr.antiharcelement.api.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Completes every service's OpenAPI document with what all its operations share, so that a client generator sees
 * every answer an operation can give without each resource repeating it: the error statuses our conventions produce
 * (table {@link #COMMON_ERRORS}), each as {@code application/problem+json} with the {@code Problem} schema, and the
 * meaning of the headers we use (tables {@link #REQUEST_HEADERS} and {@link #RESPONSE_HEADERS}).
 *
 * <p>Statuses particular to an operation (409, 422) are declared on it with {@code @APIResponse}; this filter gives
 * them, too, the problem body when they have none.
 */
public class ContractFilter implements OASFilter {

    /** An error status every operation matching {@code when} can answer, and why. */
    record CommonError(String status, String description, Predicate<Operation> when) {
    }

    static final List<CommonError> COMMON_ERRORS = List.of(
            new CommonError("400", "The request cannot be read: a parameter, header or body field is invalid; `errors` names each",
                    operation -> hasParameters(operation) || operation.getRequestBody() != null),
            new CommonError("401", "No valid bearer token (missing, expired or not signed by a trusted issuer)", operation -> true),
            new CommonError("403", "The token's role does not allow this operation", operation -> true),
            new CommonError("404", "Nothing at this path, or nothing the caller may see (another partner's data)",
                    ContractFilter::hasPathParameters),
            new CommonError("406", "The Accept header names no media type this operation answers", operation -> true),
            new CommonError("412", "If-Match names a version that is no longer the current one: read again, then retry",
                    operation -> header(operation, "If-Match") != null),
            new CommonError("413", "The body is larger than the operation accepts", operation -> operation.getRequestBody() != null),
            new CommonError("415", "The body's Content-Type is not one this operation takes (listed in the problem's detail)",
                    operation -> operation.getRequestBody() != null),
            new CommonError("409", "A request with this Idempotency-Key did not complete: retry it",
                    operation -> header(operation, "Idempotency-Key") != null),
            new CommonError("422", "This Idempotency-Key was used for a different request",
                    operation -> header(operation, "Idempotency-Key") != null),
            new CommonError("428", "If-Match is required: send the ETag last read",
                    operation -> header(operation, "If-Match") != null && Boolean.TRUE.equals(header(operation, "If-Match").getRequired())),
            new CommonError("503", "The service's database is unavailable; retry after Retry-After seconds", operation -> true));

    static final Map<String, String> REQUEST_HEADERS = Map.of(
            "If-Match", "The ETag last read (e.g. \"3\"): the change applies only to that version, else 412",
            "If-None-Match", "The ETag last read: 304 without a body while the resource has not changed",
            "Idempotency-Key", "Any string up to 200 characters: the same key and body replays the first answer "
                    + "(with Idempotent-Replayed: true); the same key with another body is a 422");

    static final Map<String, String> RESPONSE_HEADERS = Map.of(
            "ETag", "The resource's version, to send back in If-Match (changes) or If-None-Match (reads)",
            "Location", "The URL of the resource created",
            "Idempotent-Replayed", "true when this answer replays the first one given to the same Idempotency-Key",
            "X-Total-Count", "How many items there are in all pages",
            "Retry-After", "Seconds to wait before retrying",
            "WWW-Authenticate", "Bearer, and for a token refused, error=\"invalid_token\" with an error_description saying why "
                    + "(expired at ..., wrong audience, bad signature, too old)");

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
            return;
        }
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(ContractFilter::optionalMayBeNull);
        }
        for (Map.Entry<String, PathItem> path : openApi.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            path.getValue().getOperations().forEach(ContractFilter::complete);
        }
    }

    private static void complete(PathItem.HttpMethod method, Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(parameter -> parameter.getIn() == Parameter.In.HEADER && parameter.getDescription() == null)
                    .forEach(parameter -> parameter.setDescription(REQUEST_HEADERS.get(parameter.getName())));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        for (CommonError error : COMMON_ERRORS) {
            if (error.when().test(operation) && operation.getResponses().getAPIResponse(error.status()) == null) {
                operation.getResponses().addAPIResponse(error.status(), OASFactory.createAPIResponse().description(error.description()));
            }
        }
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD && method != PathItem.HttpMethod.OPTIONS;
        if (write && operation.getResponses().getAPIResponse("429") == null) { // api-commons' RequestBudget
            operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                    .description("This token has made too many changes in a short time: retry after Retry-After seconds"));
        }
        if (header(operation, "If-None-Match") != null && operation.getResponses().getAPIResponse("304") == null) {
            operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified since the ETag sent in If-None-Match: keep what you have"));
            addHeader(operation.getResponses().getAPIResponse("304"), "ETag");
        }
        boolean idempotent = header(operation, "Idempotency-Key") != null;
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            String status = response.getKey();
            APIResponse answer = response.getValue();
            if (status.startsWith("4") || status.startsWith("5")) {
                if (answer.getContent() == null || answer.getContent().getMediaTypes() == null || answer.getContent().getMediaTypes().isEmpty()) {
                    answer.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
                }
            }
            if (status.equals("401")) {
                addHeader(answer, "WWW-Authenticate");
            } else if (status.equals("503") || status.equals("429")) {
                addHeader(answer, "Retry-After");
            } else if (status.startsWith("2") && idempotent) {
                addHeader(answer, "Idempotent-Replayed");
            }
            if (answer.getHeaders() != null) {
                answer.getHeaders().forEach(ContractFilter::describe);
            }
        }
    }

    /**
     * Our JSON writes an optional value that is absent as {@code null} (a view always has all its fields), and takes
     * {@code null} for an optional field of a body: the document says so, as OpenAPI 3.1 does, with a {@code null} type
     * beside the property's own, or {@code anyOf} the referenced schema and {@code null}. A required property never is;
     * views do not list required properties yet, so any field of a view may be null or left out.
     */
    private static void optionalMayBeNull(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : new java.util.LinkedHashMap<>(schema.getProperties()).entrySet()) {
            Schema value = property.getValue();
            if (required.contains(property.getKey())) {
                continue;
            }
            if (value.getRef() != null) {
                Schema nullable = OASFactory.createSchema().description(value.getDescription())
                        .addAnyOf(OASFactory.createSchema().ref(value.getRef()))
                        .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
                schema.addProperty(property.getKey(), nullable);
            } else if (value.getType() != null && !value.getType().isEmpty() && !value.getType().contains(Schema.SchemaType.NULL)) {
                value.setType(new java.util.ArrayList<>(value.getType()));
                value.addType(Schema.SchemaType.NULL);
            }
        }
    }

    private static void addHeader(APIResponse answer, String name) {
        if (answer.getHeaders() == null || !answer.getHeaders().containsKey(name)) {
            answer.addHeader(name, OASFactory.createHeader());
        }
    }

    /** A response header declared by name alone (e.g. {@code @Header(name = "ETag")}) gets its meaning and a string schema. */
    private static void describe(String name, Header header) {
        if (header.getRef() != null) {
            return;
        }
        if (header.getDescription() == null) {
            header.setDescription(RESPONSE_HEADERS.get(name));
        }
        if (header.getSchema() == null) {
            header.setSchema(OASFactory.createSchema().addType(name.equals("X-Total-Count") || name.equals("Retry-After")
                    ? Schema.SchemaType.INTEGER : Schema.SchemaType.STRING));
        }
    }

    private static boolean hasParameters(Operation operation) {
        return operation.getParameters() != null && !operation.getParameters().isEmpty();
    }

    private static boolean hasPathParameters(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> parameter.getIn() == Parameter.In.PATH);
    }

    private static Parameter header(Operation operation, String name) {
        if (operation.getParameters() == null) {
            return null;
        }
        return operation.getParameters().stream()
                .filter(parameter -> parameter.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(parameter.getName()))
                .findFirst().orElse(null);
    }
}
