package fr.antiharcelement.workshop.events;

import fr.antiharcelement.workshop.domain.webhook.WebhookSender;
import fr.antiharcelement.workshop.domain.webhook.WebhookUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends deliveries over HTTP as the Standard Webhooks specification says: the CloudEvent (structured JSON) as body,
 * {@code webhook-id} (the event's id, the same on every attempt, for the receiver to de-duplicate),
 * {@code webhook-timestamp} (unix seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}
 * keyed with the base64-decoded secret after its {@code whsec_} prefix. A batch's requests go out at once.
 */
@ApplicationScoped
public class WebhookHttpSender implements WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    @Inject
    WebhookConfig config;

    private volatile HttpClient client;

    @Override
    public List<Answer> send(List<Send> sends) {
        List<CompletableFuture<Answer>> answers = sends.stream().map(this::sendOne).toList();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    private CompletableFuture<Answer> sendOne(Send send) {
        try {
            URI uri = URI.create(send.webhook().url);
            if (!config.allowPrivateAddresses()) {
                // Again at each send: a host may resolve elsewhere than when it was registered.
                java.util.Optional<String> problem = WebhookUrls.addressProblem(uri.getHost());
                if (problem.isPresent()) {
                    return CompletableFuture.completedFuture(new Answer(null, problem.get()));
                }
            }
            String id = send.delivery().eventId.toString();
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            String body = send.delivery().payload;
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(config.requestTimeout())
                    .header("content-type", CONTENT_TYPE)
                    .header("webhook-id", id)
                    .header("webhook-timestamp", timestamp)
                    .header("webhook-signature", "v1," + signature(send.webhook().secret, id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> failure == null ? new Answer(response.statusCode(), null)
                            : new Answer(null, describe(failure)));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Answer(null, "cannot send: " + e.getMessage()));
        }
    }

    /** Base64 of HMAC-SHA256 over {@code id.timestamp.body}, keyed with the secret's bytes. */
    static String signature(String secret, String id, String timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    // Never follow redirects: the URL checked is the URL called.
                    client = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                current = client;
            }
        }
        return current;
    }

    /** What went wrong, in the partner's words: the listing shows it, so no class name of ours. */
    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof java.net.http.HttpConnectTimeoutException) {
            return "no connection within " + config.connectTimeout().toMillis() + " ms";
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + config.requestTimeout().toMillis() + " ms";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (cause instanceof java.net.UnknownHostException) {
            return "the host does not resolve";
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return "the TLS handshake failed";
        }
        return "the connection failed before an answer";
    }
}
