package fr.antiharcelement.infra.testing.fuzz;

import fr.antiharcelement.infra.testing.OpenApiDocument.Operation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request: valid, or {@code variant} names how it was spoiled. {@code mustBeRejected} marks the
 * spoiled ones no reading of the API could accept (a missing required field, malformed JSON...), which must
 * get a 4xx. {@code sentTexts} are the strings it carries, which an error may legitimately quote back.
 */
public record FuzzRequest(Operation operation, String variant, boolean mustBeRejected, Map<String, String> pathParameters,
                          Map<String, String> queryParameters, Map<String, String> headers, String contentType, byte[] body,
                          List<String> sentTexts) {

    public static final String VALID = "valid";

    /** A one-line description for a failure report: the operation, the variant, the parameters and the start of the body. */
    public String describe() {
        StringBuilder text = new StringBuilder(operation.key()).append(" [").append(variant).append("]");
        if (!pathParameters.isEmpty()) {
            text.append(" path=").append(shorten(pathParameters.toString()));
        }
        if (!queryParameters.isEmpty()) {
            text.append(" query=").append(shorten(queryParameters.toString()));
        }
        if (!headers.isEmpty()) {
            text.append(" headers=").append(shorten(headers.toString()));
        }
        if (body != null) {
            text.append(" ").append(contentType).append(" (").append(body.length).append(" bytes) ")
                    .append(shorten(new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8)));
        }
        return text.toString();
    }

    static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + " chars)";
    }
}
