package fr.antiharcelement.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule of the domain said no. Its message says which rule and why, in words a client can act on; the API maps
 * each kind to its HTTP status once (api-commons), so the domain never names a status or an HTTP type.
 * Extra facts a client can use (the current version, the conflicting workshop) travel in {@link #facts()}.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, RuleBrokenException, StaleVersionException, InvalidInputException,
        NotAllowedException {

    private final Map<String, Object> facts = new LinkedHashMap<>();

    protected DomainException(String message) {
        // No stack trace: these are answers, not bugs, and they are thrown on hot paths.
        super(message, null, false, false);
    }

    /** Adds a fact the answer carries beside the message, e.g. {@code currentStatus}. */
    @SuppressWarnings("unchecked")
    public <E extends DomainException> E with(String name, Object value) {
        facts.put(name, value);
        return (E) this;
    }

    public Map<String, Object> facts() {
        return Collections.unmodifiableMap(facts);
    }

    /** Fields of the input the failure is about, each with what is wrong with it; empty when not about a field. */
    public List<FieldError> fieldErrors() {
        return List.of();
    }

    /** One field of the input and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
