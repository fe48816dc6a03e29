package fr.antiharcelement.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;

/**
 * The OpenAPI document a running service serves at {@code /q/openapi}: its operations, their parameters and
 * body schemas, with {@code $ref}s resolved. Tests read what the service itself publishes, so that an endpoint
 * added later is covered (or fails the test) without anyone remembering to list it.
 */
public final class OpenApiDocument {

    /** A parameter of an operation: {@code in} is path, query or header. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation: {@code GET /api/v1/schools/{uai}}; {@code bodies} maps each accepted media type to its schema. */
    public record Operation(String method, String path, List<Parameter> parameters, Map<String, JsonNode> bodies) {

        /** {@code METHOD /path/{template}}, as access expectations name it. */
        public String key() {
            return method + " " + path;
        }

        public boolean hasJsonBody() {
            return bodies.containsKey("application/json");
        }

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(parameter -> parameter.in().equals(in)).toList();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode document;
    private final List<Operation> operations;

    private OpenApiDocument(JsonNode document) {
        this.document = document;
        this.operations = readOperations();
    }

    /** The document of the service under test (RestAssured's base URI and port), fetched without a token. */
    public static OpenApiDocument ofServiceUnderTest() {
        String json = given().accept(ContentType.JSON).when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("The service's OpenAPI document is not JSON", e);
        }
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Every operation's {@link Operation#key()}, sorted. */
    public Set<String> operationKeys() {
        Set<String> keys = new TreeSet<>();
        operations.forEach(operation -> keys.add(operation.key()));
        return keys;
    }

    /**
     * The schema with its {@code $ref} followed; keys written next to a {@code $ref} (a description, examples)
     * are kept on top of the referenced schema.
     */
    public JsonNode resolve(JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return schema;
        }
        JsonNode target = document;
        for (String part : schema.get("$ref").asText().substring(2).split("/")) {
            target = target.path(part);
        }
        ObjectNode merged = resolve(target).deepCopy();
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    private List<Operation> readOperations() {
        List<Operation> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    found.add(operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()));
                }
            }
        }
        return List.copyOf(found);
    }

    private Operation operation(String method, String path, JsonNode node) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode parameter : node.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                    resolved.path("required").asBoolean(false), resolve(resolved.path("schema"))));
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        node.path("requestBody").path("content").fields()
                .forEachRemaining(content -> bodies.put(content.getKey(), resolve(content.getValue().path("schema"))));
        return new Operation(method, path, List.copyOf(parameters), bodies);
    }
}
