package fr.antiharcelement.api.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.antiharcelement.api.http.StorableTextJson;
import fr.antiharcelement.api.http.StreamedBodyLimit.BodyTooLarge;
import fr.antiharcelement.api.security.TokenRefusal;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.DomainException;
import fr.antiharcelement.kernel.InvalidInputException;
import fr.antiharcelement.kernel.NotAllowedException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.RuleBrokenException;
import fr.antiharcelement.kernel.StaleVersionException;
import fr.antiharcelement.kernel.sql.SqlFailures;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error leaves a service as {@code application/problem+json}: bad input is a 4xx naming what is wrong,
 * a database that cannot be reached is a 503, and anything unexpected is a 500 that shows a reference to
 * the log, never a stack trace or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** About the pool's acquisition timeout: retrying sooner would only wait in the pool. */
    private static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        if (e.headers().isEmpty()) {
            return e.problem().toResponse();
        }
        Response.ResponseBuilder answer = Response.fromResponse(e.problem().toResponse());
        e.headers().forEach(answer::header);
        return answer.build();
    }

    /**
     * The one place where a rule of a domain becomes an HTTP status: the domains throw their own exceptions and know
     * no HTTP. 422 for a rule broken by well-formed input (400 is for input that cannot be read at all), 412 for a
     * stale If-Match, 409 for a clash with the current state. The exception's facts become problem members.
     */
    @ServerExceptionMapper
    public Response domainRule(DomainException e) {
        Problem problem = Problem.of(statusOf(e), e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            problem = problem.withErrors(e.fieldErrors().stream()
                    .map(error -> new Problem.FieldError(error.field(), error.message())).toList());
        }
        for (var fact : e.facts().entrySet()) {
            problem = problem.with(fact.getKey(), fact.getValue());
        }
        return problem.toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return Problem.of(Status.BAD_REQUEST, "Invalid request: " + detail).withErrors(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e) {
        return invalidBody(e, "is not a known field");
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String expected = e.getTargetType() == null ? "another value" : describe(e.getTargetType());
        return invalidBody(e, "must be " + expected);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String expected = e.getTargetType() == null ? "another kind of value" : describe(e.getTargetType());
        return invalidBody(e, "must be " + expected);
    }

    @ServerExceptionMapper
    public Response unstorableText(StorableTextJson.UnstorableTextException e) {
        return invalidBody(e, e.reason());
    }

    /** Where the JSON broke (line and column, and the field being read when there is one), so that a client can find it. */
    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String field = fieldBeingRead(e);
        Problem problem = Problem.of(Status.BAD_REQUEST, "The body is not well-formed JSON" + where
                + (field == null ? "" : " (in " + field + ")") + ": " + firstLine(e.getOriginalMessage()));
        return (field == null ? problem : problem.withErrors(List.of(new Problem.FieldError(field, "is not well-formed JSON"))))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return Problem.of(Status.BAD_REQUEST, "The body could not be read as JSON: " + e.getOriginalMessage()).toResponse();
    }

    /** No token at all: the challenge names the scheme and realm only (RFC 6750, 3.1). */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return TokenRefusal.missing();
    }

    /** A token refused: the challenge and the detail say why (expired at ..., wrong audience, bad signature, too old). */
    @ServerExceptionMapper({AuthenticationFailedException.class, AuthenticationCompletionException.class})
    public Response tokenRefused(RuntimeException e) {
        return TokenRefusal.refused(e);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Status.FORBIDDEN, "Your token's role does not allow this operation.").toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        // The REST layer wraps what the JSON reader threw: answer as if it had reached the mappers above.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unrecognizedField(unknown);
        }
        if (e.getCause() instanceof StorableTextJson.UnstorableTextException unstorable) {
            return unstorableText(unstorable);
        }
        if (e.getCause() instanceof InvalidFormatException format) {
            return invalidFormat(format);
        }
        if (e.getCause() instanceof MismatchedInputException mismatched) {
            return mismatchedInput(mismatched);
        }
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers 404 to a query parameter that does not convert to its type (size=abc): it is bad input.
            return unconvertibleParameter(e.getCause(), uri);
        }
        Response.ResponseBuilder answer = Response.fromResponse(Problem.of(status, clientDetail(status, e)).toResponse());
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        IOException tooLarge = bodyOverLimit(e);
        if (tooLarge != null) {
            // A body streamed without a declared length, cut once past its limit: the rest of it is never read.
            return Response.fromResponse(Problem.of(413, tooLarge.getMessage()).toResponse())
                    .header("Connection", "close").build();
        }
        if (SqlFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable: %s", e.getMessage());
            return Response.fromResponse(Problem.of(Status.SERVICE_UNAVAILABLE,
                    "The service's database is unavailable; retry shortly.").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        var duplicate = SqlFailures.uniqueViolation(e);
        if (duplicate.isPresent()) {
            return alreadyExists(duplicate.get());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", reference);
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "Unexpected error; reference " + reference + " in the service log.")
                .toResponse();
    }

    /**
     * A unique constraint refused the request's row: a concurrent request created the same thing first, after this
     * one's own check found nothing. The same 409 as that check would have answered, naming what clashes (the
     * constraint and its fields, never the values).
     */
    private static Response alreadyExists(SqlFailures.UniqueViolation violation) {
        String what = violation.columns().isEmpty() ? "a unique value" : String.join(", ", violation.columns());
        Problem problem = Problem.of(Status.CONFLICT, "Another request created the same " + what + " first: it exists already"
                + (violation.constraint() == null ? "" : " (" + violation.constraint() + ")") + ".")
                .with("fields", violation.columns());
        return (violation.constraint() == null ? problem : problem.with("constraint", violation.constraint())).toResponse();
    }

    private static int statusOf(DomainException e) {
        if (e instanceof NotFoundException) {
            return 404;
        } else if (e instanceof ConflictException) {
            return 409;
        } else if (e instanceof RuleBrokenException) {
            return 422;
        } else if (e instanceof StaleVersionException) {
            return 412;
        } else if (e instanceof InvalidInputException) {
            return 400;
        } else if (e instanceof NotAllowedException) {
            return 403;
        }
        throw new IllegalStateException("No status for " + e.getClass());
    }

    private static Response invalidBody(JsonMappingException e, String message) {
        String field = pathOf(e.getPath());
        return Problem.of(Status.BAD_REQUEST, "Invalid request: " + field + " " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))).toResponse();
    }

    private static Response unconvertibleParameter(Throwable cause, UriInfo uri) {
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        List<String> names = uri == null ? List.of() : uri.getQueryParameters().entrySet().stream()
                .filter(parameter -> parameter.getValue().stream().anyMatch(value -> message.contains("\"" + value + "\"")))
                .map(java.util.Map.Entry::getKey).sorted().toList();
        String reason = cause instanceof NumberFormatException ? "must be a whole number" : "does not have the expected type";
        if (names.size() == 1) {
            return Problem.of(Status.BAD_REQUEST, "Query parameter " + names.get(0) + " " + reason)
                    .withErrors(List.of(new Problem.FieldError(names.get(0), reason))).toResponse();
        }
        return Problem.of(Status.BAD_REQUEST, "A query parameter " + reason).toResponse();
    }

    /** The field whose value the parser was in when the JSON broke, as a path, when it knows. */
    private static String fieldBeingRead(JsonParseException e) {
        com.fasterxml.jackson.core.JsonParser parser = e.getProcessor();
        if (parser == null) {
            return null;
        }
        List<String> steps = new ArrayList<>();
        for (com.fasterxml.jackson.core.JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                steps.add(0, "." + context.getCurrentName());
            } else if (context.inArray()) {
                steps.add(0, "[" + context.getCurrentIndex() + "]");
            }
        }
        String path = String.join("", steps);
        return path.isEmpty() ? null : path.startsWith(".") ? path.substring(1) : path;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String clientDetail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "None of the accepted media types can be produced.";
            case 415 -> "Unsupported content type: this operation takes application/json.";
            default -> e.getMessage();
        };
    }

    /** The JSON path of a body field, e.g. {@code targets.schools} or {@code items[2].uai}. */
    private static String pathOf(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /** The path a client knows: the body's field path or the parameter's name, without Java method names. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean bodyParameter = node.getKind() == ElementKind.PARAMETER && i < nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || bodyParameter || node.getName() == null) {
                continue;
            }
            names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number in range";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.getName().startsWith("java.time")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == UUID.class) {
            return "a valid UUID, e.g. 3f2c8a4e-6b1d-4c2e-9a7f-0d5e8b1c2a34";
        }
        return "an object";
    }

    /**
     * Ours ({@link BodyTooLarge}), or the server's: an annuaire upload streamed past the server's own limit is cut by
     * Quarkus' input stream, which answers a bare 413 itself and throws "Request too large"; not an unexpected error.
     */
    private static IOException bodyOverLimit(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge || cause instanceof IOException io && "Request too large".equals(io.getMessage())) {
                return (IOException) cause;
            }
        }
        return null;
    }
}
