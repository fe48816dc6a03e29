package fr.antiharcelement.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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

    private static final ObjectMapper JSON = new ObjectMapper();
    /** OpenAPI 3.1's schemas are JSON Schema 2020-12. */
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;
    private final List<Operation> operations;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

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
     * What a client generator needs and the document lacks, one line per defect: an operation without an operationId
     * (the generator would name the method after the path, and rename it when the path moves), an operationId used
     * twice, an operation that declares no success answer.
     */
    public List<String> generatorDefects() {
        List<String> defects = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            String key = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            String id = method.getValue().path("operationId").asText("");
            if (id.isEmpty()) {
                defects.add(key + ": no operationId");
            } else if (ids.putIfAbsent(id, key) != null) {
                defects.add(key + ": operationId " + id + " is " + ids.get(id) + "'s too");
            }
            boolean success = false;
            for (Iterator<String> statuses = method.getValue().path("responses").fieldNames(); statuses.hasNext(); ) {
                success |= statuses.next().startsWith("2");
            }
            if (!success) {
                defects.add(key + ": no 2xx answer declared");
            }
        }));
        return defects;
    }

    /**
     * What is wrong with an answer of the service to {@code operation}, judged by this document: a status it does not
     * declare, a content type it does not declare for that status, or a JSON body that does not match the declared
     * schema. Empty when the answer is one the document promises, so that a client generated from it can read it.
     */
    public Optional<String> responseDefect(Operation operation, int status, String contentType, byte[] body) {
        JsonNode responses = document.path("paths").path(operation.path()).path(operation.method().toLowerCase(Locale.ROOT))
                .path("responses");
        JsonNode declared = responses.has(Integer.toString(status)) ? responses.get(Integer.toString(status))
                : responses.has(status / 100 + "XX") ? responses.get(status / 100 + "XX") : responses.get("default");
        if (declared == null) {
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            return Optional.of("status " + status + " is not in the document (it declares " + statuses + ")");
        }
        declared = resolve(declared);
        JsonNode content = declared.path("content");
        boolean hasBody = body != null && body.length > 0;
        if (content.isEmpty()) {
            return hasBody && status != 304 ? Optional.of("a body where the document declares none for " + status) : Optional.empty();
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            List<String> types = new ArrayList<>();
            content.fieldNames().forEachRemaining(types::add);
            return Optional.of("content type '" + mediaType + "' is not declared for " + status + " (it declares " + types + ")");
        }
        JsonNode schema = content.get(mediaType).path("schema");
        if (!mediaType.endsWith("json") || schema.isMissingNode() || schema.isEmpty()) {
            return Optional.empty();
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of("a " + mediaType + " body that is not JSON");
        }
        List<String> errors = compiled.computeIfAbsent(operation.key() + " " + status + " " + mediaType, key -> compile(schema))
                .validate(answer).stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).limit(3).toList();
        return errors.isEmpty() ? Optional.empty()
                : Optional.of("a " + status + " body that does not match its schema: " + String.join("; ", errors));
    }

    /** A schema of this document with the document's components beside it, for its {@code #/components/...} references. */
    private Schema compile(JsonNode schema) {
        ObjectNode standalone = schema.deepCopy();
        standalone.set("components", document.path("components"));
        return SCHEMAS.getSchema(standalone);
    }

    /**
     * The schema with its {@code $ref} followed; keys written next to a {@code $ref} (a description, examples)
     * are kept on top of the referenced schema.
     */
    public JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("anyOf") && !schema.has("$ref")) {
            // an optional property that may be null: anyOf its schema and null, read as its schema
            List<JsonNode> notNull = new ArrayList<>();
            schema.get("anyOf").forEach(member -> {
                if (!"null".equals(member.path("type").asText())) {
                    notNull.add(member);
                }
            });
            if (notNull.size() == 1) {
                ObjectNode merged = resolve(notNull.get(0)).deepCopy();
                schema.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("anyOf")) {
                        merged.set(field.getKey(), field.getValue());
                    }
                });
                return merged;
            }
        }
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
