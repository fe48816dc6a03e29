package fr.antiharcelement.infra.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.antiharcelement.infra.testing.OpenApiDocument.Operation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request being built: valid at first, then spoilt in one way, then {@link #build built}. */
final class Draft {

    static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Operation operation;
    final Map<String, String> path = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    /** JSON text put verbatim in place of placeholders: what Jackson would not write (NUL, a lone surrogate, 1e309). */
    final List<String> rawValues = new ArrayList<>();
    JsonNode json;
    byte[] raw;
    String contentType;

    Draft(Operation operation) {
        this.operation = operation;
    }

    Map<String, String> parameters(String in) {
        return switch (in) {
            case "path" -> path;
            case "query" -> query;
            default -> headers;
        };
    }

    boolean has(Field field) {
        JsonNode parent = parentOf(field);
        return parent != null && parent.has(field.name());
    }

    boolean canSet(Field field) {
        return parentOf(field) != null;
    }

    void remove(Field field) {
        ((ObjectNode) parentOf(field)).remove(field.name());
    }

    void set(Field field, JsonNode value) {
        ((ObjectNode) parentOf(field)).set(field.name(), value);
    }

    void setRaw(Field field, String jsonText) {
        set(field, JsonNodeFactory.instance.textNode(placeholder(rawValues.size())));
        rawValues.add(jsonText);
    }

    String jsonText() {
        try {
            String text = MAPPER.writeValueAsString(json);
            for (int i = 0; i < rawValues.size(); i++) {
                text = text.replace("\"" + placeholder(i) + "\"", rawValues.get(i));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FuzzRequest build(String variant, boolean mustBeRejected) {
        List<String> sent = new ArrayList<>(path.values());
        sent.addAll(query.values());
        sent.addAll(headers.values());
        byte[] body = raw;
        if (json != null) {
            collectTexts(json, sent);
            body = Samples.utf8(jsonText());
        }
        return new FuzzRequest(operation, variant, mustBeRejected, Map.copyOf(path), Map.copyOf(query), Map.copyOf(headers),
                contentType, body, sent);
    }

    private JsonNode parentOf(Field field) {
        JsonNode node = json;
        for (String step : field.path().subList(0, field.path().size() - 1)) {
            node = node == null ? null : node.get(step);
        }
        return node instanceof ObjectNode ? node : null;
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.elements().forEachRemaining(child -> collectTexts(child, texts));
    }

    private static String placeholder(int index) {
        return "\u2983raw" + index + "\u2984";
    }
}
