package fr.antiharcelement.bench;

import fr.antiharcelement.infra.testing.TestTokens;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./run bench relay}: at light load (one school registered or changed every 20 ms), the time from
 * school-service's HTTP response (its transaction has committed) to the event being readable by a read_committed
 * consumer of {@code school-events}: outbox row, relay wake-up, Kafka transaction, consumer fetch. Measured once
 * school-service and Kafka have compiled the path ({@link WarmUp}), as the Kafka baseline it is read against.
 */
final class RelayBenchmark {

    private static final String TOPIC = "school-events";

    private final BenchEnvironment environment;

    RelayBenchmark(BenchEnvironment environment) {
        this.environment = environment;
    }

    void run() {
        int requests = Bench.setting("relay.requests", 1_500);
        int intervalMillis = Bench.setting("relay.interval-ms", 20);
        int warmUpRound = Bench.setting("relay.warm-up", 1_000);
        // At the measured pace: the relay lingers in proportion to its pace (events.outbox.linger-full-rate), so at any
        // other pace it would batch the changes otherwise, and the broker would compile its transactions of one record
        // while they are measured. The broker's compilers took 2.1 to 2.6 s of the measured 30 s after a warm-up of one
        // change per 5 ms with a fixed 20 ms linger, and 4.7 s after one per 10 ms with the linger following the pace.
        int warmUpIntervalMillis = Bench.setting("relay.warm-up-interval-ms", intervalMillis);
        // The broker compiles a one-record transaction's path in bursts: warm-ups that stopped after 4,000 or 5,000
        // changes, on a quiet round, left its compilers 2.5 to 4.7 s of the measured 30 s; those of 10,000 and more,
        // 0.3 to 0.4 s.
        int warmUpMinimum = Bench.setting("relay.warm-up-minimum", 10_000);
        BenchEnvironment.Service school = environment.service("school-service", "school");
        String admin = TestTokens.admin();
        try (Http http = new Http(2)) {
            // The relay creates the topic with its first event, and the consumer below needs the topic.
            int created = drive(http, school, admin, 0, 2, 5, new ConcurrentHashMap<>(), new Latency());
            try (Arrivals arrivals = new Arrivals(environment.bootstrapServers(), TOPIC,
                    record -> record.key() + "#" + Http.parse(record.value()).path("version").asLong())) {
                // With the consumer already reading: the broker compiles its fetches during the warm-up too. Each round
                // ends with the scrape of school-service's metrics the measurement reads, so that it is compiled too.
                WarmUp.Done warm = WarmUp.untilCompiled(first -> {
                    int sent = drive(http, school, admin, created + first, warmUpRound, warmUpIntervalMillis,
                            new ConcurrentHashMap<>(), new Latency());
                    serverTime(http, school);
                    return sent;
                }, warmUpMinimum, Duration.ofMinutes(5));
                Map<String, Long> answeredAt = new ConcurrentHashMap<>();
                Latency requestLatency = new Latency();
                Report.progress(requests + " requests, one every " + intervalMillis + " ms...");
                double[] serverBefore = serverTime(http, school);
                // A second of the measured pace, unmeasured, between the scrape and the first measured change: the scrape
                // renders every meter of the service, and the changes sent right after it waited for the CPU it took.
                int settling = (int) (1_000 / intervalMillis);
                drive(http, school, admin, created + warm.requests(), settling, intervalMillis, new ConcurrentHashMap<>(), new Latency());
                var cpu = Report.cpuMark();
                drive(http, school, admin, created + warm.requests() + settling, requests, intervalMillis, answeredAt, requestLatency);
                arrivals.await(answeredAt.keySet(), Duration.ofSeconds(60));
                // Once every change is seen, for the same reason: not while the last ones are still on their way.
                double[] serverAfter = serverTime(http, school);

                Latency visible = new Latency();
                Latency toSend = new Latency();
                Latency sendToVisible = new Latency();
                int beforeResponse = 0;
                for (Map.Entry<String, Long> answered : answeredAt.entrySet()) {
                    long nanos = arrivals.at(answered.getKey()) - answered.getValue();
                    beforeResponse += nanos < 0 ? 1 : 0;
                    visible.recordNanos(nanos);
                    // The same span cut at the relay's send, by the record's timestamp (whole milliseconds)
                    long inKafka = TimeUnit.MILLISECONDS.toNanos(Math.max(0, arrivals.fromSendMillis(answered.getKey())));
                    sendToVisible.recordNanos(inKafka);
                    toSend.recordNanos(Math.max(0, nanos - inKafka));
                }
                Report.block("relay: commit to read_committed consumer, " + requests + " changes at one per " + intervalMillis + " ms");
                Report.line("after a warm-up of", warm.describe());
                Report.line("HTTP request latency", requestLatency.describe());
                Report.line("  of which in the service (mean)", Report.ms(1000 * (serverAfter[0] - serverBefore[0])
                        / (serverAfter[1] - serverBefore[1])) + " ms (its http_server_requests metric)");
                Report.line("commit to visible", visible.describe());
                Report.line("  response to the relay's send", toSend.describe() + " (by the record's timestamp, to 1 ms)");
                Report.line("  relay's send to visible", sendToVisible.describe() + " (Kafka's transaction and the consumer's fetch)");
                Report.line("seen before the response was read", beforeResponse + " (counted as 0 ms)");
                Report.cpu(cpu, requests, "change (request, relay and consumer)");
                Report.figure(Figure.latency("commit to read_committed consumer, one change per " + intervalMillis + " ms", visible)
                        .aim("p99 ≤ 2× Kafka one-record").against(Baseline.KAFKA_LATENCY));
            }
        }
    }

    /** Seconds spent in, and number of, the school-service's POST and PUT on schools, from one read of its metrics. */
    private static double[] serverTime(Http http, BenchEnvironment.Service school) {
        Prometheus.Scrape metrics = Prometheus.scrape(http, school.url());
        double seconds = 0;
        double count = 0;
        for (String uri : new String[] {"uri=\"/api/v1/schools\"", "uri=\"/api/v1/schools/{uai}\""}) {
            seconds += metrics.sum("http_server_requests_seconds_sum", uri);
            count += metrics.sum("http_server_requests_seconds_count", uri);
        }
        return new double[] {seconds, count};
    }

    /**
     * Sends {@code requests} at a fixed pace, numbered from {@code first}: even ones register a school, odd
     * ones change the school just registered (version 1 to 2). Notes when each response was read, by "UAI#version".
     * Returns how many it sent.
     */
    private static int drive(Http http, BenchEnvironment.Service school, String token, int first, int requests,
                             int intervalMillis, Map<String, Long> answeredAt, Latency requestLatency) {
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            Pace.waitForTurn(start, i, Duration.ofMillis(intervalMillis));
            int n = (first + i) / 2;
            String uai = SchoolRequests.uai(n, 0);
            Map<String, Object> body = SchoolRequests.college(uai, SchoolRequests.department(n), "Collège Benchmark " + n);
            HttpRequest request;
            if ((first + i) % 2 == 0) {
                request = Http.postJson(school.url() + "/api/v1/schools", token, body);
            } else {
                body.put("name", "Collège Benchmark " + n + " (renamed)");
                request = Http.request(school.url() + "/api/v1/schools/" + uai, token).header("Content-Type", "application/json")
                        .header("If-Match", "\"1\"").PUT(Http.json(body)).build();
            }
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(request);
            long answered = System.nanoTime();
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            requestLatency.recordNanos(answered - sent);
            answeredAt.put(uai + "#" + ((first + i) % 2 == 0 ? 1 : 2), answered);
        }
        return requests;
    }
}
