package fr.antiharcelement.workshop.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.workshop.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.antiharcelement.workshop.Fixtures.admin;
import static fr.antiharcelement.workshop.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

/**
 * A partner's endpoint, played by an HTTP server in the test: it checks each delivery's signature as a partner would,
 * and answers what the test says (fails first, or always). The tests' retry period is seconds (application.properties).
 */
@QuarkusTest
class WebhookApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures world;
    private HttpServer receiver;
    /** Deliveries received with a valid signature, in the order received. */
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    /** Requests left to fail with a 500 (negative: fail for ever). */
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile String secret;

    record Received(String id, long atNanos, JsonNode event) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        world = new Fixtures();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            int left = failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : n);
            int status = left != 0 ? 500 : 204;
            if (status == 204) {
                if (signature != null && signature.equals("v1," + sign(secret, id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8)))
                        && Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 300) {
                    received.add(new Received(id, System.nanoTime(), JSON.readTree(body)));
                } else {
                    badSignatures.incrementAndGet();
                    status = 401;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void everyChangeOfThePartnersWorkshopsArrivesSignedAsACloudEventInOrder() {
        String webhook = register(world.partnerA);
        admin().get("/api/v1/partners/" + world.partnerA + "/webhooks").then().statusCode(200)
                .body("[0].id", equalTo(webhook)).body("[0].status", equalTo("ACTIVE")).body("[0]", not(hasKey("secret")));

        long committed = System.nanoTime();
        String id = world.schedule(world.workshop());
        Map<String, Object> later = world.workshop("2021-11-16T14:00:00+01:00", "2021-11-16T16:00:00+01:00");
        admin().header("If-Match", "\"1\"").body(later).put("/api/v1/workshops/" + id).then().statusCode(200);
        admin().body(Map.of("attendees", 23)).post("/api/v1/workshops/" + id + "/completion").then().statusCode(200);
        Map<String, Object> ofB = world.workshop("2021-11-17T10:00:00+01:00", "2021-11-17T12:00:00+01:00");
        ofB.putAll(Map.of("partnerCode", world.partnerB, "facilitatorId", world.facilitatorB));
        world.schedule(ofB);

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
        List<Received> events = new ArrayList<>(received);
        System.out.printf("Webhook delivery: first event %d ms after its request began%n", (events.get(0).atNanos() - committed) / 1_000_000);
        assertThat(events).extracting(event -> event.event().path("type").asText())
                .containsExactly("workshop.scheduled", "workshop.rescheduled", "workshop.completed");
        assertThat(events).extracting(event -> event.event().path("data").path("version").asLong()).containsExactly(1L, 2L, 3L);
        JsonNode completed = events.get(2).event();
        assertThat(completed.path("specversion").asText()).isEqualTo("1.0");
        assertThat(completed.path("id").asText()).isEqualTo(events.get(2).id());
        assertThat(completed.path("subject").asText()).isEqualTo(id);
        assertThat(completed.path("data").path("attendees").asInt()).isEqualTo(23);
        assertThat(completed.path("data").path("partnerCode").asText()).isEqualTo(world.partnerA);
        assertThat(badSignatures).hasValue(0);

        admin().get("/api/v1/partners/" + world.partnerA + "/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("items[0].status", equalTo("DELIVERED")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(204)).body("items[0].eventType", equalTo("workshop.completed"));
    }

    @Test
    void aFailingEndpointIsRetriedAndTheWorkshopsNextEventWaitsForTheEarlierOne() {
        String webhook = register(world.partnerA);
        failuresLeft.set(2);
        String id = world.schedule(world.workshop());
        admin().body(Map.of("attendees", 19)).post("/api/v1/workshops/" + id + "/completion").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 2);
        assertThat(received).extracting(event -> event.event().path("type").asText())
                .containsExactly("workshop.scheduled", "workshop.completed");
        admin().get("/api/v1/partners/" + world.partnerA + "/webhooks/" + webhook + "/deliveries").then()
                .body("items.status", equalTo(List.of("DELIVERED", "DELIVERED"))).body("items[1].attempts", equalTo(3))
                .body("items[0].attempts", equalTo(1));
    }

    @Test
    void aDeadEndpointIsDisabledAfterTheRetryPeriodSaysWhyAndAReplayDeliversOnceFixed() {
        String webhook = register(world.partnerA);
        failuresLeft.set(-1);
        world.schedule(world.workshop());
        String path = "/api/v1/partners/" + world.partnerA + "/webhooks/" + webhook;

        await().atMost(Duration.ofSeconds(20)).until(() -> "DISABLED".equals(admin().get(path).then().extract().path("status")));
        as(TestTokens.partner(world.partnerA)).get(path).then().statusCode(200)
                .body("lastError", containsString("HTTP 500")).body("lastError", containsString("Disabled"));
        Map<String, Object> delivery = admin().get(path + "/deliveries").then().extract().path("items[0]");
        assertThat(delivery).containsEntry("status", "FAILED").containsEntry("lastStatusCode", 500);
        assertThat((Integer) delivery.get("attempts")).isGreaterThan(2);

        failuresLeft.set(0);
        as(TestTokens.partner(world.partnerA)).post(path + "/deliveries/" + delivery.get("id") + "/replay").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == 1);
        admin().get(path).then().body("status", equalTo("ACTIVE"));
        admin().get(path + "/deliveries").then().body("items[0].status", equalTo("DELIVERED"));
    }

    @Test
    void anEndpointIsAUrlAndIsRemovedWithItsDeliveries() {
        String base = "/api/v1/partners/" + world.partnerA + "/webhooks";
        admin().body(Map.of("url", "ftp://example.org/hooks")).post(base).then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        admin().body(Map.of("url", "not a url")).post(base).then().statusCode(400);
        admin().body(Map.of("url", "https://example.org/hooks")).post("/api/v1/partners/no-such-partner/webhooks").then().statusCode(404);
        String webhook = register(world.partnerA);
        world.schedule(world.workshop());
        admin().delete(base + "/" + webhook).then().statusCode(204);
        admin().get(base).then().body("id", not(org.hamcrest.Matchers.hasItem(webhook)));
        admin().get(base + "/" + webhook + "/deliveries").then().statusCode(404);
    }

    /** Registers the receiver for {@code partner}; keeps the secret the answer shows once. */
    private String register(String partner) {
        Map<String, Object> registered = as(TestTokens.partner(partner))
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"))
                .post("/api/v1/partners/" + partner + "/webhooks").then().statusCode(201)
                .header("Location", containsString("/webhooks/")).extract().path("");
        secret = (String) registered.get("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
        return (String) registered.get("id");
    }

    /** What a partner writes to check a delivery: HMAC-SHA256 keyed with the secret's bytes, in base64. */
    private static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
