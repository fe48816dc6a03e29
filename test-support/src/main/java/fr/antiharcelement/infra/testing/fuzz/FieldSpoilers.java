package fr.antiharcelement.infra.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

import static fr.antiharcelement.infra.testing.fuzz.SchemaFields.typeOf;

/**
 * Spoils one field of a JSON body: missing or null when required, unknown, of the wrong type, empty, too long,
 * in odd Unicode, unstorable text, an injection string, an extreme number.
 */
final class FieldSpoilers {

    private final SchemaFields fields;
    private final Draws draws;
    private final Random random;

    FieldSpoilers(SchemaFields fields, Draws draws) {
        this.fields = fields;
        this.draws = draws;
        this.random = draws.random();
    }

    List<Spoiler> all() {
        return List.of(this::missingRequiredField, this::nullRequiredField, this::unknownField, this::wrongType, this::emptyString,
                this::overlongString, this::oddUnicode, this::unstorableText, this::injection, this::extremeNumber);
    }

    private Optional<FuzzRequest> missingRequiredField(Draft draft) {
        return pickField(draft, field -> field.required() && draft.has(field)).map(field -> {
            draft.remove(field);
            return draft.build("missing required " + field.path(), true);
        });
    }

    private Optional<FuzzRequest> nullRequiredField(Draft draft) {
        return pickField(draft, field -> field.required() && draft.canSet(field)).map(field -> {
            draft.set(field, JsonNodeFactory.instance.nullNode());
            return draft.build("null in required " + field.path(), true);
        });
    }

    private Optional<FuzzRequest> unknownField(Draft draft) {
        if (!(draft.json instanceof ObjectNode root)) {
            return Optional.empty();
        }
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        ObjectNode object = objects.get(random.nextInt(objects.size()));
        String name = "unexpected" + draws.next(Arbitraries.strings().alpha().ofMaxLength(8));
        object.set(name, random.nextBoolean() ? JsonNodeFactory.instance.textNode(draws.next(Samples.ANY_UNICODE))
                : JsonNodeFactory.instance.numberNode(random.nextInt()));
        return Optional.of(draft.build("unknown field " + name, true));
    }

    private Optional<FuzzRequest> wrongType(Draft draft) {
        return pickField(draft, draft::canSet).map(field -> {
            String type = typeOf(field.resolved());
            JsonNode replacement = switch (type) {
                case "object" -> random.nextBoolean() ? JsonNodeFactory.instance.textNode("an object?")
                        : JsonNodeFactory.instance.arrayNode().add(1);
                case "integer", "number" -> random.nextBoolean() ? JsonNodeFactory.instance.textNode("twelve")
                        : JsonNodeFactory.instance.objectNode().put("value", 12);
                default -> random.nextBoolean() ? JsonNodeFactory.instance.objectNode().put("text", "x")
                        : JsonNodeFactory.instance.arrayNode().add("x").add("y");
            };
            draft.set(field, replacement);
            return draft.build("wrong type " + replacement.getNodeType() + " for " + type + " " + field.path(), true);
        });
    }

    private Optional<FuzzRequest> emptyString(Draft draft) {
        return pickStringField(draft).map(field -> {
            String empty = draws.next(Arbitraries.of("", " ", "   ", "\t\n", "\u00A0"));
            draft.set(field, JsonNodeFactory.instance.textNode(empty));
            boolean notBlank = "\\S".equals(field.resolved().path("pattern").asText());
            // Bean Validation's @NotBlank trims characters up to U+0020 only: a no-break space is not blank to it.
            boolean blank = empty.isEmpty() || (notBlank && empty.trim().isEmpty());
            return draft.build("empty string in " + field.path(), field.required() && blank);
        });
    }

    private Optional<FuzzRequest> overlongString(Draft draft) {
        return pickStringField(draft).map(field -> {
            int maxLength = field.resolved().path("maxLength").asInt(-1);
            int length = maxLength > 0 && random.nextBoolean() ? maxLength + 1 + random.nextInt(50) : 2_000 + random.nextInt(18_000);
            draft.set(field, JsonNodeFactory.instance.textNode(Samples.repeat(draws.next(Samples.PLAIN_TEXT), length)));
            return draft.build(length + " characters in " + field.path(), maxLength > 0);
        });
    }

    private Optional<FuzzRequest> oddUnicode(Draft draft) {
        return pickStringField(draft).map(field -> {
            draft.set(field, JsonNodeFactory.instance.textNode(random.nextBoolean() ? draws.next(Samples.ODD_UNICODE)
                    : draws.next(Samples.ANY_UNICODE)));
            return draft.build("odd Unicode in " + field.path(), false);
        });
    }

    /** NUL and a lone surrogate (escaped in the JSON text): no text column can store them, so they must be refused. */
    private Optional<FuzzRequest> unstorableText(Draft draft) {
        return pickStringField(draft).map(field -> {
            boolean nul = random.nextBoolean();
            draft.setRaw(field, nul ? "\"Coll\\u0000ege\"" : "\"Coll\\ud800ege\"");
            return draft.build((nul ? "NUL" : "lone surrogate") + " in " + field.path(), true);
        });
    }

    private Optional<FuzzRequest> injection(Draft draft) {
        return pickStringField(draft).map(field -> {
            draft.set(field, JsonNodeFactory.instance.textNode(draws.next(Samples.INJECTIONS)));
            return draft.build("injection in " + field.path(), false);
        });
    }

    private Optional<FuzzRequest> extremeNumber(Draft draft) {
        return pickField(draft, field -> draft.canSet(field) && typeOf(field.resolved()).equals("integer")).map(field -> {
            String number = draws.next(Samples.EXTREME_NUMBERS);
            draft.setRaw(field, number);
            BigDecimal value = new BigDecimal(number);
            boolean outOfRange = value.compareTo(BigDecimal.valueOf(field.resolved().path("minimum").asLong(Integer.MIN_VALUE))) < 0
                    || value.compareTo(BigDecimal.valueOf(field.resolved().path("maximum").asLong(Integer.MAX_VALUE))) > 0;
            return draft.build("number " + number + " in " + field.path(), outOfRange);
        });
    }

    private Optional<Field> pickField(Draft draft, Predicate<Field> usable) {
        List<Field> candidates = fields.all(draft).stream().filter(usable).toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    private Optional<Field> pickStringField(Draft draft) {
        return pickField(draft, field -> draft.canSet(field) && typeOf(field.resolved()).equals("string"));
    }

    private static void collectObjects(ObjectNode object, List<ObjectNode> objects) {
        objects.add(object);
        object.elements().forEachRemaining(child -> {
            if (child instanceof ObjectNode nested) {
                collectObjects(nested, objects);
            }
        });
    }
}
