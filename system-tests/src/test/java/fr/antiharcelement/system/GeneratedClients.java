package fr.antiharcelement.system;

import fr.antiharcelement.infra.testing.ChildService;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The clients generated from the services' own OpenAPI documents (module {@code clients}), pointed at one running
 * instance with a bearer token. The fixture defines its campaign, partners, facilitators and schools and reads reach's
 * totals through them: a document that stops matching what a service does breaks these calls.
 */
final class GeneratedClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private GeneratedClients() {
    }

    static fr.antiharcelement.client.school.ApiClient school(ChildService service, String token) {
        fr.antiharcelement.client.school.ApiClient client = new fr.antiharcelement.client.school.ApiClient();
        client.updateBaseUri(service.url());
        return client.setRequestInterceptor(bearer(token)).setReadTimeout(TIMEOUT);
    }

    static fr.antiharcelement.client.workshop.ApiClient workshop(ChildService service, String token) {
        fr.antiharcelement.client.workshop.ApiClient client = new fr.antiharcelement.client.workshop.ApiClient();
        client.updateBaseUri(service.url());
        return client.setRequestInterceptor(bearer(token)).setReadTimeout(TIMEOUT);
    }

    static fr.antiharcelement.client.reach.ApiClient reach(ChildService service, String token) {
        fr.antiharcelement.client.reach.ApiClient client = new fr.antiharcelement.client.reach.ApiClient();
        client.updateBaseUri(service.url());
        return client.setRequestInterceptor(bearer(token)).setReadTimeout(TIMEOUT);
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.header("Authorization", "Bearer " + token);
    }
}
