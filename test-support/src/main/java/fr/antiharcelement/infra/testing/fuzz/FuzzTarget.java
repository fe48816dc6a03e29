package fr.antiharcelement.infra.testing.fuzz;

import fr.antiharcelement.infra.testing.OpenApiDocument;
import fr.antiharcelement.infra.testing.OpenApiDocument.Operation;
import fr.antiharcelement.infra.testing.TestTokens;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the fuzzer needs to know about a service beyond its OpenAPI document: values that make a request valid
 * in its current state (an existing school, a campaign that exists), which token reaches each operation's
 * validation, the body size limits, and the operations deliberately left out, with why.
 */
public final class FuzzTarget {

    final OpenApiDocument document;
    BiFunction<Operation, String, Object> validValues = (operation, name) -> null;
    Function<Operation, String> tokens = operation -> TestTokens.admin();
    Function<Operation, byte[]> validRawBodies = operation -> new byte[0];
    Function<Operation, Long> bodyLimits = operation -> 64L * 1024;
    final Map<String, String> excluded = new TreeMap<>();

    private FuzzTarget(OpenApiDocument document) {
        this.document = document;
    }

    /** Every operation of {@code document}; by default an admin token and a 64 KiB body limit. */
    public static FuzzTarget of(OpenApiDocument document) {
        return new FuzzTarget(document);
    }

    /**
     * A valid value for the parameter or body field {@code name} of an operation, or null to let the schema
     * decide. Called for every request, so it may create what the request needs.
     */
    public FuzzTarget validValues(BiFunction<Operation, String, Object> validValues) {
        this.validValues = validValues;
        return this;
    }

    /** The bearer token to send on each operation: one whose role lets the request reach validation. */
    public FuzzTarget tokens(Function<Operation, String> tokens) {
        this.tokens = tokens;
        return this;
    }

    /** A valid body for operations whose body is not JSON (a CSV file...). */
    public FuzzTarget validRawBodies(Function<Operation, byte[]> validRawBodies) {
        this.validRawBodies = validRawBodies;
        return this;
    }

    /** The largest body each operation accepts, in bytes. */
    public FuzzTarget bodyLimits(Function<Operation, Long> bodyLimits) {
        this.bodyLimits = bodyLimits;
        return this;
    }

    /** Leaves {@code operationKey} out of the run; {@code reason} is reported. */
    public FuzzTarget excluding(String operationKey, String reason) {
        excluded.put(operationKey, reason);
        return this;
    }

    Set<String> excludedOperations() {
        return excluded.keySet();
    }
}
