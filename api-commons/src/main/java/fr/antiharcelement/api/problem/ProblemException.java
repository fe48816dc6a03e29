package fr.antiharcelement.api.problem;

import jakarta.ws.rs.core.Response.Status;

import java.util.Map;

/** Thrown by services to answer with a problem; its message is the problem's detail, safe to show. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    /** A problem answered with {@code headers} too, e.g. {@code Retry-After}. */
    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.getDetail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(Status.NOT_FOUND, detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(Status.CONFLICT, detail));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Problem.of(Status.PRECONDITION_FAILED, detail));
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(Problem.of(428, detail));
    }

    /** 415 naming what the operation takes, for operations that take something else than JSON. */
    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(Problem.of(Status.UNSUPPORTED_MEDIA_TYPE, detail));
    }

    /** 422: the request is well-formed but breaks a rule of the domain. */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.of(422, detail));
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, field + ": " + message)
                .withErrors(java.util.List.of(new Problem.FieldError(field, message))));
    }
}
