package fr.antiharcelement.api.http;

import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.kernel.text.StorableText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Path and query parameters a PostgreSQL {@code text} column could not store ({@link StorableText}) are a 400 naming
 * the parameter, never a 500 from the database. JSON bodies are checked as they are read ({@link StorableTextJson}).
 */
public class StorableParameters {

    /** Checked once the request is matched to an operation. */
    @ServerRequestFilter
    public void checkParameters(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                StorableText.problem(value).ifPresent(problem -> {
                    throw ProblemException.invalidField(parameter.getKey(), problem);
                });
            }
        }
    }
}
