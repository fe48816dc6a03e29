package fr.antiharcelement.infra.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.antiharcelement.infra.testing.OpenApiDocument;
import fr.antiharcelement.infra.testing.OpenApiDocument.Operation;
import fr.antiharcelement.kernel.CampaignTime;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Valid values for parameters and JSON bodies: the value the test knows to be valid right now if it has one,
 * else one drawn from the schema (its type, enum, format, bounds and pattern), nested objects and arrays included.
 */
final class SchemaValues {


    private final FuzzTarget target;
    private final OpenApiDocument document;
    private final SchemaFields fields;
    private final Draws draws;
    private final Random random;
    private final ObjectMapper mapper = new ObjectMapper();

    SchemaValues(FuzzTarget target, SchemaFields fields, Draws draws) {
        this.target = target;
        this.document = target.document;
        this.fields = fields;
        this.draws = draws;
        this.random = draws.random();
    }

    /** A valid value for the parameter or body field {@code name} of {@code operation}, declared by schema {@code declared}. */
    JsonNode valid(JsonNode declared, String name, Operation operation) {
        Object known = target.validValues.apply(operation, name);
        if (known != null) {
            return mapper.valueToTree(known);
        }
        JsonNode schema = document.resolve(declared);
        if (schema == null || schema.isMissingNode()) {
            return JsonNodeFactory.instance.textNode(draws.next(Samples.PLAIN_TEXT));
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        switch (SchemaFields.typeOf(schema)) {
            case "object" -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                for (Field field : fields.of(schema)) {
                    if (field.required() || random.nextBoolean()) {
                        object.set(field.name(), valid(field.schema(), field.name(), operation));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(valid(schema.path("items"), name, operation));
                }
                return array;
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(0);
                long max = Math.min(schema.path("maximum").asLong(1000), min + 1000);
                return JsonNodeFactory.instance.numberNode(min + random.nextLong(max - min + 1));
            }
            case "number" -> {
                return JsonNodeFactory.instance.numberNode(random.nextDouble() * 100);
            }
            case "boolean" -> {
                return JsonNodeFactory.instance.booleanNode(random.nextBoolean());
            }
            default -> {
                return JsonNodeFactory.instance.textNode(validText(schema));
            }
        }
    }

    /** A string of the school year 2021-2022 for dates, a UUID, an example, or one matching the pattern. */
    private String validText(JsonNode schema) {
        LocalDate day = LocalDate.of(2021, 9, 1).plusDays(random.nextInt(300));
        switch (schema.path("format").asText()) {
            case "date":
                return day.toString();
            case "date-time":
                return day.atTime(8 + random.nextInt(10), 15 * random.nextInt(4)).atZone(CampaignTime.ZONE).toOffsetDateTime().toString();
            case "uuid":
                return UUID.randomUUID().toString();
            default:
                break;
        }
        if (schema.path("examples").isArray() && random.nextBoolean()) {
            return schema.path("examples").get(0).asText();
        }
        int maxLength = schema.path("maxLength").asInt(30);
        return Optional.ofNullable(schema.path("pattern").textValue())
                .flatMap(pattern -> PatternStrings.matching(pattern, random))
                .filter(text -> text.length() <= maxLength)
                .orElseGet(() -> {
                    String text = draws.next(Samples.PLAIN_TEXT);
                    return text.substring(0, Math.min(text.length(), maxLength));
                });
    }
}
