package fr.antiharcelement.infra.testing.fuzz;

import fr.antiharcelement.infra.testing.EventStreams;
import fr.antiharcelement.infra.testing.ProblemChecks;
import io.restassured.RestAssured;
import net.jqwik.api.sessions.JqwikSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends generated requests (see {@link RequestGenerator}) to the service under test and checks, for each, what
 * must hold whatever the input: no 5xx; every 4xx an RFC 9457 problem; no stack trace, class name or SQL in any
 * body; a spoilt request that no reading of the API could accept refused with a 4xx; and nothing stored by a
 * request that was refused, compared figure by figure with {@link StoredState} before and after it.
 *
 * <p>The run is reproducible: {@code -Dfuzz.seed=N} replays it, {@code -Dfuzz.seed=random} explores a new one.
 */
public final class BadInputFuzzer {

    /** Requests go out exactly as generated (bytes, content type, encoding), hence a plain HTTP client. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** What the fuzzer reads of a response. */
    record FuzzResponse(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final FuzzTarget target;
    private final StoredState stored;
    private final long seed;

    public BadInputFuzzer(FuzzTarget target, StoredState stored, long defaultSeed) {
        this.target = target;
        this.stored = stored;
        String configured = System.getProperty("fuzz.seed");
        this.seed = configured == null ? defaultSeed
                : "random".equals(configured) ? new Random().nextLong() : Long.parseLong(configured);
    }

    /**
     * How many requests a service's fuzz test sends: 3,000 by default, a hundred or more per operation of the largest
     * service, which keeps the three fuzz runs to a few minutes of CI; {@code -Dfuzz.requests=N} explores further
     * (with {@code -Dfuzz.seed=random}, a different run each time).
     */
    public static int requests() {
        return Integer.getInteger("fuzz.requests", 3_000);
    }

    /** Sends {@code requests} generated requests and reports what it found. */
    public FuzzReport run(int requests) {
        FuzzReport report = new FuzzReport(seed, target.excluded);
        JqwikSession.start(Long.toString(seed));
        try {
            RequestGenerator generator = new RequestGenerator(target, new Random(seed));
            generator.operations().forEach(report::expectOperation);
            long started = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                FuzzRequest request = generator.next();
                // after generating: valid values may have been created for the request (a workshop to complete)
                Map<String, Long> before = stored.snapshot();
                FuzzResponse response = send(request);
                Map<String, Long> after = stored.snapshot();
                report.record(request, response.status());
                check(request, response, before, after).forEach(defect -> report.finding(defect, request, response));
                // the contract: whatever was sent, the answer is one the document declares, so a generated client can read it;
                // a path parameter of "." or ".." makes the URL name another resource (RFC 3986 removes dot segments), whose
                // answer is that resource's, not this operation's
                if (!request.pathParameters().containsValue("..") && !request.pathParameters().containsValue(".")) {
                    target.document.responseDefect(request.operation(), response.status(), response.contentType(), response.body())
                            .ifPresent(defect -> report.finding("answer not in the OpenAPI document: " + defect, request, response));
                }
                if ((i + 1) % 1_000 == 0) {
                    System.out.printf("Bad input fuzzing: %d requests in %d s%n", i + 1, (System.nanoTime() - started) / 1_000_000_000);
                }
            }
        } finally {
            JqwikSession.finish();
        }
        return report;
    }

    private FuzzResponse send(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + target.tokens.apply(request.operation()))
                .method(request.operation().method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        try {
            // an event stream never ends: its status, headers and first event are what there is to check
            HttpResponse<java.io.InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            return new FuzzResponse(response.statusCode(), contentType, EventStreams.read(contentType, response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("No answer to " + request.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service under test's URL for the request, every path and query value percent-encoded. */
    private static URI uri(FuzzRequest request) {
        String path = request.operation().path();
        for (Map.Entry<String, String> parameter : request.pathParameters().entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
        }
        StringBuilder url = new StringBuilder(RestAssured.baseURI).append(':').append(RestAssured.port).append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : request.queryParameters().entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> check(FuzzRequest request, FuzzResponse response, Map<String, Long> before, Map<String, Long> after) {
        List<String> defects = new ArrayList<>();
        int status = response.status();
        boolean refused = status >= 400;
        if (status >= 500) {
            defects.add("server error " + status);
        }
        if (refused) {
            ProblemChecks.problemDefect(status, response.contentType(), response.body()).ifPresent(defect -> defects.add(status + " that is not a problem: " + defect));
        }
        ProblemChecks.leak(response.text(), request.sentTexts(), refused)
                .ifPresent(leak -> defects.add("implementation detail in the body: " + leak));
        if (request.mustBeRejected() && !refused) {
            defects.add("invalid request accepted with " + status);
        }
        if ((status < 200 || status >= 300) && !after.equals(before)) {
            defects.add("refused with " + status + " yet stored something: " + difference(before, after));
        }
        return defects;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((figure, value) -> {
            if (!value.equals(before.get(figure))) {
                changed.add(figure + " " + before.get(figure) + " → " + value);
            }
        });
        return String.join(", ", changed);
    }

    /** The outcome of a run: requests per operation and status, and the defects found with an example of each. */
    public static final class FuzzReport {

        private static final int EXAMPLES_PER_DEFECT = 3;

        private final long seed;
        private final Map<String, String> excluded;
        private final Map<String, Map<Integer, Integer>> statuses = new java.util.TreeMap<>();
        private final Map<String, List<String>> findings = new java.util.LinkedHashMap<>();
        private int requests;
        private int valid;

        FuzzReport(long seed, Map<String, String> excluded) {
            this.seed = seed;
            this.excluded = Map.copyOf(excluded);
        }

        void expectOperation(fr.antiharcelement.infra.testing.OpenApiDocument.Operation operation) {
            statuses.put(operation.key(), new java.util.TreeMap<>());
        }

        void record(FuzzRequest request, int status) {
            requests++;
            if (FuzzRequest.VALID.equals(request.variant())) {
                valid++;
            }
            statuses.get(request.operation().key()).merge(status, 1, Integer::sum);
        }

        void finding(String defect, FuzzRequest request, FuzzResponse response) {
            String kind = request.operation().key() + ": " + defect.replaceAll("\\d{3,}", "N");
            List<String> examples = findings.computeIfAbsent(kind, key -> new ArrayList<>());
            if (examples.size() < EXAMPLES_PER_DEFECT) {
                examples.add(defect + "\n      request: " + request.describe()
                        + "\n      response: " + response.status() + " " + FuzzRequest.shorten(response.text()));
            }
        }

        public int requests() {
            return requests;
        }

        public int validRequests() {
            return valid;
        }

        /** The number of responses with {@code status} to {@code operationKey}'s requests. */
        public int count(String operationKey, int status) {
            return Optional.ofNullable(statuses.get(operationKey)).map(byStatus -> byStatus.getOrDefault(status, 0)).orElse(0);
        }

        /** Operations that received no request at all. */
        public List<String> operationsNeverCalled() {
            return statuses.entrySet().stream().filter(entry -> entry.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        }

        /** Each kind of defect found, with up to three examples: empty when the service held. */
        public List<String> findings() {
            return findings.entrySet().stream()
                    .map(entry -> entry.getKey() + "\n    " + String.join("\n    ", entry.getValue())).toList();
        }

        /** Prints the summary, then fails with every defect found, or if an operation was never called. */
        public FuzzReport assertHeld() {
            System.out.println(summary());
            assertThat(findings()).as(summary()).isEmpty();
            assertThat(operationsNeverCalled()).as("operations the run never called").isEmpty();
            return this;
        }

        /** Requests per operation and status, for the test log. */
        public String summary() {
            StringBuilder text = new StringBuilder("Bad input fuzzing, seed " + seed + " (-Dfuzz.seed=" + seed + " replays it): "
                    + requests + " requests, " + valid + " of them valid\n");
            statuses.forEach((operation, byStatus) -> text.append("  ").append(operation).append(" ").append(byStatus).append('\n'));
            excluded.forEach((operation, reason) -> text.append("  not fuzzed: ").append(operation).append(": ").append(reason).append('\n'));
            return text.toString();
        }
    }
}
