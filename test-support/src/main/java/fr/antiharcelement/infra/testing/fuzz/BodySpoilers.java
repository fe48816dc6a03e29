package fr.antiharcelement.infra.testing.fuzz;

import net.jqwik.api.Arbitraries;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Spoils a body as a whole: malformed JSON, a garbled file, a wrong content type, a body over the limit. */
final class BodySpoilers {

    private static final List<String> FOREIGN_CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "text/html", "application/x-www-form-urlencoded", "application/yaml", "text/csv",
            Draft.JSON, "image/png");

    private final FuzzTarget target;
    private final Draws draws;
    private final Random random;

    BodySpoilers(FuzzTarget target, Draws draws) {
        this.target = target;
        this.draws = draws;
        this.random = draws.random();
    }

    List<Spoiler> all() {
        return List.of(this::malformedJson, this::garbledRawBody, this::wrongContentType, this::oversizedBody);
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
                body = Samples.utf8(valid.substring(0, 1 + random.nextInt(valid.length() - 1)));
            }
            case 1 -> {
                variant = "single-quoted JSON";
                body = Samples.utf8(valid.replace('"', '\''));
            }
            case 2 -> {
                variant = "JSON with a comment";
                body = Samples.utf8("/* hello */" + valid);
            }
            case 3 -> {
                variant = "JSON with a trailing comma";
                body = Samples.utf8(valid.substring(0, valid.length() - 1) + ",}");
            }
            case 4 -> {
                variant = "empty body";
                body = new byte[0];
            }
            case 5 -> {
                String scalar = draws.next(Arbitraries.of("null", "[]", "42", "\"text\"", "true", "[{}]"));
                variant = "JSON " + scalar + " instead of an object";
                body = Samples.utf8(scalar);
            }
            case 6 -> {
                int depth = 2_000 + random.nextInt(3_000);
                variant = "JSON nested " + depth + " deep";
                body = Samples.utf8("[".repeat(depth) + "]".repeat(depth));
            }
            case 7 -> {
                variant = "a number of 1,500 digits";
                body = Samples.utf8("{\"n\":" + "9".repeat(1_500) + "}");
            }
            case 8 -> {
                variant = "invalid UTF-8";
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] text = Samples.utf8(valid);
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
                body = Samples.utf8(valid + " {\"again\": true}");
                rejected = false;
            }
            default -> {
                variant = "unquoted field names";
                body = Samples.utf8(valid.replaceAll("\"(\\w+)\":", "$1:"));
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
            case 1 -> Samples.utf8(valid.lines().findFirst().orElse(""));
            case 2 -> Samples.utf8(valid + "\"unbalanced;quote\n" + draws.next(Samples.ANY_UNICODE));
            case 3 -> Samples.utf8(valid.replace("Collège", "Coll\u0000ège"));
            case 4 -> Samples.utf8(valid + draws.next(Samples.ODD_UNICODE) + ";" + draws.next(Samples.INJECTIONS) + "\n");
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
        byte[] start = draft.json != null ? Samples.utf8(draft.jsonText()) : draft.raw;
        int size = (int) limit + 1 + random.nextInt(4_096);
        byte[] body = new byte[Math.max(size, start.length)];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(start, 0, body, 0, start.length);
        draft.json = null;
        draft.raw = body;
        return Optional.of(draft.build("body of " + body.length + " bytes, over the limit of " + limit, true));
    }
}
