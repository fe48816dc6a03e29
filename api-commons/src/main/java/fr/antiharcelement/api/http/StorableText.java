package fr.antiharcelement.api.http;

import fr.antiharcelement.api.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Text a PostgreSQL {@code text} column can store: no NUL character (PostgreSQL refuses it) and no unpaired
 * surrogate (not valid Unicode, so never what a client meant). Such text in a parameter or a JSON body is a 400
 * naming the parameter or field, never a 500 from the database.
 */
public class StorableText {

    /** What is wrong with {@code text}, or empty when it can be stored as it is. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate (it is not valid Unicode)");
            }
        }
        return Optional.empty();
    }

    /** Path and query parameters, checked once the request is matched to an operation. */
    @ServerRequestFilter
    public void checkParameters(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                problem(value).ifPresent(problem -> {
                    throw ProblemException.invalidField(parameter.getKey(), problem);
                });
            }
        }
    }
}
