package fr.antiharcelement.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.api.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * The largest request body each path accepts, refused with a 413 problem.
 *
 * <p>JSON bodies are at most a few kilobytes, so every path gets {@code api.limits.max-body-size} (64 KiB by
 * default), except the paths listed in {@code api.limits.file-upload-paths} (the annuaire import), which get
 * the server's {@code quarkus.http.limits.max-body-size}. A body that announces its length is answered here, before
 * it is read; one sent in chunks is cut by {@link StreamedBodyLimit} as it is read, once it passes the same limit.
 */
@ApplicationScoped
public class RequestBodyLimits {

    /** Quarkus' own default for {@code quarkus.http.limits.max-body-size}. */
    private static final MemorySize SERVER_DEFAULT = new MemorySize(java.math.BigInteger.valueOf(10240L * 1024));

    @ConfigProperty(name = "api.limits.max-body-size", defaultValue = "64K")
    MemorySize maxBodySize;

    @ConfigProperty(name = "api.limits.file-upload-paths")
    Optional<List<String>> fileUploadPaths;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> serverMaxBodySize;

    @Inject
    ObjectMapper objectMapper;

    void install(@Observes Router router) {
        // Before Quarkus' own check (order -2), which would answer a bare 413 without a problem.
        router.route().order(-3).handler(this::refuseDeclaredOversize);
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitFor(context.normalizedPath());
        if (declared != null && parses(declared) && Long.parseLong(declared.trim()) > limit) {
            Problem problem = Problem.of(413, "The body is larger than the " + limit + " bytes this operation accepts.");
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json(problem));
            return;
        }
        context.next();
    }

    long limitFor(String path) {
        long server = serverMaxBodySize.orElse(SERVER_DEFAULT).asLongValue();
        boolean fileUpload = fileUploadPaths.map(paths -> paths.contains(path)).orElse(false);
        return fileUpload ? server : Math.min(server, maxBodySize.asLongValue());
    }

    private static boolean parses(String length) {
        try {
            Long.parseLong(length.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String json(Problem problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
