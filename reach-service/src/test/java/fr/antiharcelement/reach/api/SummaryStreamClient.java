package fr.antiharcelement.reach.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client of a campaign's summary stream, as the dashboard is: it keeps every event it receives, with when. */
final class SummaryStreamClient implements AutoCloseable {

    record Event(String name, JsonNode data, long receivedAtNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final int status;
    final List<Event> events = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private volatile boolean ended;

    SummaryStreamClient(String campaign, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/reach/campaigns/" + campaign + "/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        body = response.body();
        Thread reader = new Thread(this::read, "summary-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(name, JSON.readTree(data.toString()), System.nanoTime()));
                    name = "message";
                    data.setLength(0);
                }
            }
        } catch (IOException closed) {
            // closed by the test, or by the server
        } finally {
            ended = true;
        }
    }

    List<Event> summaries() {
        return events.stream().filter(event -> event.name().equals("summary")).toList();
    }

    JsonNode lastSummary() {
        List<Event> summaries = summaries();
        return summaries.isEmpty() ? null : summaries.get(summaries.size() - 1).data();
    }

    /** Whether the server ended the stream. */
    boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
