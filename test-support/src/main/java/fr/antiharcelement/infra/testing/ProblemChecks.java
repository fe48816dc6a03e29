package fr.antiharcelement.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What every error response of every service must look like (RFC 9457 {@code application/problem+json}), and
 * what no response may ever contain: a stack trace, a Java class name or SQL.
 */
public final class ProblemChecks {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stack trace or an exception's name: never in any response. */
    private static final List<Pattern> TRACES = List.of(
            Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\("),
            Pattern.compile("\\.java:\\d+\\)"),
            Pattern.compile("Caused by:"),
            Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Error)\\b"));

    /**
     * How the service is built: class names, SQL and the database's messages, library names. Never in an error
     * (a successful response may legitimately show stored data that looks like SQL).
     */
    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("\\b(java|javax|jakarta|org|io|com|net|fr)\\.[a-z_][a-z0-9_]*\\.[\\w.$]*[A-Z][\\w$]*"),
            Pattern.compile("\\bSQL ?State\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(select\\s.+\\sfrom|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from)\\s", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(relation|column) \"\\w+\"", Pattern.CASE_INSENSITIVE),
            Pattern.compile("violates \\w+ ?\\w* constraint|duplicate key value|syntax error at or near", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bERROR: "),
            Pattern.compile("postgresql|hibernate|resteasy|vertx|jackson|agroal|narayana", Pattern.CASE_INSENSITIVE));

    private ProblemChecks() {
    }

    /**
     * What is wrong with {@code response} as an RFC 9457 problem of its own status: its media type, and the
     * {@code type}, {@code title}, {@code status} and {@code detail} members; empty when it is one.
     */
    public static Optional<String> problemDefect(Response response) {
        return problemDefect(response.statusCode(), response.getContentType(), response.asByteArray());
    }

    /** {@link #problemDefect(Response)} for a response read by other means than RestAssured. */
    public static Optional<String> problemDefect(int status, String contentType, byte[] responseBody) {
        if (contentType == null || !contentType.startsWith(PROBLEM_JSON)) {
            return Optional.of("content type " + contentType + " instead of " + PROBLEM_JSON);
        }
        JsonNode body;
        try {
            body = JSON.readTree(responseBody);
        } catch (IOException e) {
            return Optional.of("a body that is not JSON");
        }
        if (body == null || !body.isObject()) {
            return Optional.of("a body that is not a JSON object");
        }
        List<String> defects = new ArrayList<>();
        for (String member : List.of("type", "title", "detail")) {
            if (!body.path(member).isTextual() || body.path(member).asText().isBlank()) {
                defects.add("no " + member);
            }
        }
        if (body.path("status").asInt(-1) != status) {
            defects.add("status member " + body.path("status") + " for HTTP " + status);
        }
        return defects.isEmpty() ? Optional.empty() : Optional.of("a problem with " + String.join(", ", defects));
    }

    /**
     * The first implementation detail {@code body} shows, once what the client sent itself ({@code echoed},
     * which a problem's detail may quote back) is taken out; empty when there is none. {@code error} responses
     * are held to more: no class name, SQL or library name either.
     */
    public static Optional<String> leak(String body, Collection<String> echoed, boolean error) {
        String checked = body;
        for (String sent : echoed) {
            if (sent != null && sent.length() >= 3) {
                checked = checked.replace(sent, " ").replace(jsonEscaped(sent), " ");
            }
        }
        List<Pattern> patterns = new ArrayList<>(TRACES);
        if (error) {
            patterns.addAll(INTERNALS);
        }
        for (Pattern leak : patterns) {
            var matcher = leak.matcher(checked);
            if (matcher.find()) {
                return Optional.of(matcher.group());
            }
        }
        return Optional.empty();
    }

    private static String jsonEscaped(String text) {
        try {
            String quoted = JSON.writeValueAsString(text);
            return quoted.substring(1, quoted.length() - 1);
        } catch (IOException e) {
            return text;
        }
    }
}
