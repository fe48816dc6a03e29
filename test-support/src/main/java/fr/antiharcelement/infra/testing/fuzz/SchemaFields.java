package fr.antiharcelement.infra.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.infra.testing.OpenApiDocument;

import java.util.ArrayList;
import java.util.List;

/** The fields of the object schemas of an OpenAPI document, with their {@code $ref}s followed. */
final class SchemaFields {

    private final OpenApiDocument document;

    SchemaFields(OpenApiDocument document) {
        this.document = document;
    }

    /** The properties of {@code objectSchema}, one level. */
    List<Field> of(JsonNode objectSchema) {
        List<Field> fields = new ArrayList<>();
        List<String> required = new ArrayList<>();
        objectSchema.path("required").forEach(name -> required.add(name.asText()));
        objectSchema.path("properties").fields().forEachRemaining(property -> fields.add(new Field(List.of(property.getKey()),
                property.getKey(), property.getValue(), document.resolve(property.getValue()), required.contains(property.getKey()))));
        return fields;
    }

    /** Every field of the draft's body schema, nested objects' fields included; none for a body that is not JSON. */
    List<Field> all(Draft draft) {
        if (draft.json == null) {
            return List.of();
        }
        List<Field> all = new ArrayList<>();
        collect(document.resolve(draft.operation.bodies().get(Draft.JSON)), List.of(), all);
        return all;
    }

    private void collect(JsonNode objectSchema, List<String> prefix, List<Field> all) {
        for (Field field : of(objectSchema)) {
            List<String> path = new ArrayList<>(prefix);
            path.add(field.name());
            all.add(new Field(List.copyOf(path), field.name(), field.schema(), field.resolved(), field.required()));
            if (typeOf(field.resolved()).equals("object")) {
                collect(field.resolved(), path, all);
            }
        }
    }

    /** The schema's type (the one that is not null, for a property that may be null); without one, an object if it has properties, else a string. */
    static String typeOf(JsonNode schema) {
        if (schema.path("type").isArray()) {
            for (JsonNode type : schema.get("type")) {
                if (!type.asText().equals("null")) {
                    return type.asText();
                }
            }
        }
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        return schema.has("properties") ? "object" : "string";
    }
}
