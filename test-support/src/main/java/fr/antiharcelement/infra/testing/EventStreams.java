package fr.antiharcelement.infra.testing;

import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.Filter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Server-sent event streams in tests that expect an answer: a stream never ends, so a test reads its status, its
 * headers and its first event, then hangs up. The fuzzer reads every stream this way, and {@link #firstEventOnly()}
 * lets a RestAssured request (the access matrix's) do the same.
 */
public final class EventStreams {

    public static final String MEDIA_TYPE = "text/event-stream";

    /** Headers the JDK's client sets itself and refuses from the caller. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private EventStreams() {
    }

    /** Whether a response of this content type is a stream of events. */
    public static boolean isStream(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MEDIA_TYPE);
    }

    /** The body of a response: all of it, or the first event (up to its blank line) of a stream, then the connection is closed. */
    public static byte[] read(String contentType, InputStream body) throws IOException {
        try (body) {
            if (!isStream(contentType)) {
                return body.readAllBytes();
            }
            ByteArrayOutputStream event = new ByteArrayOutputStream();
            int previous = -1;
            for (int next = body.read(); next != -1; next = body.read()) {
                if (next == '\r') {
                    continue;
                }
                event.write(next);
                if (next == '\n' && previous == '\n') {
                    break;
                }
                previous = next;
            }
            return event.toByteArray();
        }
    }

    /**
     * A RestAssured filter that sends the request with the JDK's client and answers the status, content type and body as
     * {@link #read} reads them: RestAssured itself would wait for the end of a stream.
     */
    public static Filter firstEventOnly() {
        return (request, response, context) -> {
            HttpRequest.Builder sent = HttpRequest.newBuilder(URI.create(request.getURI())).timeout(Duration.ofSeconds(30))
                    .method(request.getMethod(), HttpRequest.BodyPublishers.noBody());
            // RestAssured adds the token of auth().oauth2() when it sends: this filter sends instead, so it adds it
            if (request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme oauth2) {
                sent.header("Authorization", "Bearer " + oauth2.getAccessToken());
            }
            request.getHeaders().forEach(header -> {
                if (!RESTRICTED.contains(header.getName().toLowerCase(java.util.Locale.ROOT))) {
                    sent.header(header.getName(), header.getValue());
                }
            });
            try {
                HttpResponse<InputStream> answer = HTTP.send(sent.build(), HttpResponse.BodyHandlers.ofInputStream());
                String contentType = answer.headers().firstValue("Content-Type").orElse("");
                return new ResponseBuilder().setStatusCode(answer.statusCode()).setStatusLine("HTTP/1.1 " + answer.statusCode())
                        .setContentType(contentType).setBody(read(contentType, answer.body())).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }
}
