package fr.antiharcelement.infra.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.infra.testing.OpenApiDocument;
import fr.antiharcelement.infra.testing.OpenApiDocument.Parameter;
import net.jqwik.api.Arbitraries;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static fr.antiharcelement.infra.testing.fuzz.SchemaFields.typeOf;

/** Spoils a parameter or a header: a bad query value, an unknown query parameter, a bad path segment, a bad header. */
final class ParameterSpoilers {

    private final OpenApiDocument document;
    private final Draws draws;
    private final Random random;

    ParameterSpoilers(OpenApiDocument document, Draws draws) {
        this.document = document;
        this.draws = draws;
        this.random = draws.random();
    }

    List<Spoiler> all() {
        return List.of(this::badQueryParameter, this::unknownQueryParameter, this::badPathParameter, this::badHeader);
    }

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
            value = draws.next(Arbitraries.of("CASTLE", "open;", "ÉCOLE", "0", draws.next(Samples.INJECTIONS)));
            rejected = true;
        } else if (typeOf(schema).equals("integer")) {
            value = draws.next(Arbitraries.oneOf(Samples.EXTREME_NUMBERS, Arbitraries.of("abc", "0x10", "1e3", "NaN", "12abc")));
            rejected = isOutOfRange(value, schema);
        } else if (schema.has("maxLength") && random.nextBoolean()) {
            value = Samples.repeat("a", schema.get("maxLength").asInt() + 1 + random.nextInt(300));
            rejected = true;
        } else if (random.nextInt(4) == 0) {
            value = "Coll\u0000ege";
            rejected = true;
        } else {
            value = draws.next(Arbitraries.oneOf(Samples.INJECTIONS, Samples.ODD_UNICODE, Samples.ANY_UNICODE));
            rejected = false;
        }
        draft.query.put(parameter.name(), value);
        return Optional.of(draft.build("query " + parameter.name() + "=" + FuzzRequest.shorten(value), rejected));
    }

    private Optional<FuzzRequest> unknownQueryParameter(Draft draft) {
        draft.query.put("unexpected", draws.next(Samples.ANY_UNICODE));
        return Optional.of(draft.build("unknown query parameter", false));
    }

    private Optional<FuzzRequest> badPathParameter(Draft draft) {
        if (draft.path.isEmpty()) {
            return Optional.empty();
        }
        String name = new ArrayList<>(draft.path.keySet()).get(random.nextInt(draft.path.size()));
        String value = draws.next(Arbitraries.oneOf(Samples.INJECTIONS, Samples.ODD_UNICODE, Samples.ANY_UNICODE,
                Arbitraries.of("..", "%2F", "a/b", "null", "-1", "0", "Coll\u0000ege", Samples.repeat("9", 1_500),
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
            String value = draws.next(Arbitraries.of("abc", "\"\"", "W/", "\"99999999999999999999\"", "\"-5\"", "\"1\", \"2\"", "' OR 1=1"));
            draft.headers.put(name, value);
            return Optional.of(draft.build("If-Match: " + value, true));
        }
        if (name.equalsIgnoreCase("Idempotency-Key")) {
            boolean tooLong = random.nextBoolean();
            String value = tooLong
                    ? Samples.repeat(draws.next(Samples.PLAIN_TEXT).replaceAll("[^A-Za-z0-9]", "k") + "k", 201 + random.nextInt(800))
                    : draws.next(Arbitraries.of("' OR '1'='1", "../../etc/passwd", "%00", "{}", "k"));
            draft.headers.put(name, value);
            return Optional.of(draft.build("Idempotency-Key of " + value.length() + " characters", tooLong));
        }
        return Optional.empty();
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
}
