package fr.antiharcelement.infra.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/** The running system's HTTP APIs as a user calls them, for the launcher's demo data and campaign play. */
final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** The answer, whatever its status. */
    HttpResponse<String> send(String method, String url, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    JsonNode get(String url, String token) {
        return expect(send("GET", url, token, null), 200);
    }

    /** A POST that must succeed (201, or 200 for actions). */
    JsonNode post(String url, String token, Object body) {
        return expect(send("POST", url, token, body), 200, 201);
    }

    /** Uploads a CSV file as {@code text/csv}. */
    JsonNode postCsv(String url, String token, Path file) {
        try {
            return expect(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString()), 200, 201);
        } catch (IOException e) {
            throw new UncheckedIOException("Upload of " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Uploads CSV text as {@code text/csv}, e.g. snapshots of posts' figures. */
    JsonNode postCsvText(String url, String token, String csv) {
        try {
            return expect(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString()), 200);
        } catch (IOException e) {
            throw new UncheckedIOException("Upload to " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /**
     * Schedules a workshop, waiting (bounded) while its school has not yet reached workshop-service's replica: schools
     * travel there over Kafka shortly after they are registered.
     */
    JsonNode scheduleOnceTheSchoolIsKnown(String url, String token, Object body) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(send("POST", url, token, body));
                return last.get().statusCode() != 422 || !last.get().body().contains("School");
            });
        } catch (ConditionTimeoutException stillUnknown) {
            // the last answer says why
        }
        return expect(last.get(), 201);
    }

    JsonNode expect(HttpResponse<String> response, Integer... statuses) {
        if (!Set.of(statuses).contains(response.statusCode())) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
