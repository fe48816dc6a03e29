package fr.antiharcelement.infra.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.infra.testing.OpenApiDocument.Operation;
import fr.antiharcelement.infra.testing.OpenApiDocument.Parameter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Generates requests from a service's OpenAPI document: a valid request for a random operation (see
 * {@link SchemaValues}), then, most of the time, one thing spoiled: a field of its body ({@link FieldSpoilers}), the
 * body as a whole ({@link BodySpoilers}), a parameter or a header ({@link ParameterSpoilers}). jqwik's generators
 * supply the random strings and numbers, with their edge cases; one {@link Random} drives every choice, so that a
 * seed replays the run.
 */
final class RequestGenerator {

    private static final int VALID_PERCENT = 30;

    private final FuzzTarget target;
    private final List<Operation> operations;
    private final Random random;
    private final SchemaValues values;
    /** Tried in a random order until one applies; the order of this list is part of what a seed replays. */
    private final List<Spoiler> spoilers = new ArrayList<>();

    RequestGenerator(FuzzTarget target, Random random) {
        this.target = target;
        this.random = random;
        this.operations = target.document.operations().stream()
                .filter(operation -> !target.excludedOperations().contains(operation.key())).toList();
        Draws draws = new Draws(random);
        SchemaFields fields = new SchemaFields(target.document);
        this.values = new SchemaValues(target, fields, draws);
        spoilers.addAll(new FieldSpoilers(fields, draws).all());
        spoilers.addAll(new BodySpoilers(target, draws).all());
        spoilers.addAll(new ParameterSpoilers(target.document, draws).all());
    }

    List<Operation> operations() {
        return operations;
    }

    FuzzRequest next() {
        Draft draft = valid(operations.get(random.nextInt(operations.size())));
        if (random.nextInt(100) < VALID_PERCENT) {
            return draft.build(FuzzRequest.VALID, false);
        }
        List<Spoiler> order = new ArrayList<>(spoilers);
        Collections.shuffle(order, random);
        for (Spoiler spoiler : order) {
            Optional<FuzzRequest> spoilt = spoiler.spoil(draft);
            if (spoilt.isPresent()) {
                return spoilt.get();
            }
        }
        return draft.build(FuzzRequest.VALID, false);
    }

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
                String value = known != null ? String.valueOf(known) : text(values.valid(parameter.schema(), parameter.name(), operation));
                draft.parameters(parameter.in()).put(parameter.name(), value);
            }
        }
        if (operation.hasJsonBody()) {
            draft.contentType = Draft.JSON;
            draft.json = values.valid(operation.bodies().get(Draft.JSON), "body", operation);
        } else if (!operation.bodies().isEmpty()) {
            draft.contentType = operation.bodies().keySet().iterator().next();
            draft.raw = target.validRawBodies.apply(operation);
        }
        return draft;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
