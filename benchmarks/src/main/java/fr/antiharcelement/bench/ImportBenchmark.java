package fr.antiharcelement.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.infra.testing.TestTokens;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./run bench import}: a national-size annuaire (62,000 rows by default) posted to school-service's import
 * endpoint, in rows per second; then how fast the outbox relay puts the import's school events on
 * {@code school-events}, from the import's response until a read_committed consumer has counted them all.
 */
final class ImportBenchmark {

    private static final String TOPIC = "school-events";

    private final BenchEnvironment environment;

    ImportBenchmark(BenchEnvironment environment) {
        this.environment = environment;
    }

    void run() throws Exception {
        int rows = Bench.setting("import.rows", 62_000);
        Path file = Bench.moduleDir().resolve("target/annuaire-national.csv");
        AnnuaireFile.Written written = AnnuaireFile.write(file, rows, 2024);
        Report.progress(String.format("wrote %s: %,d rows (%,d establishments, the rest annex lines), %.1f MB", file,
                written.rows(), written.establishments(), written.bytes() / 1e6));
        BenchEnvironment.Service school = environment.service("school-service", "school");
        try (Http http = new Http(4); TopicCounter counter = new TopicCounter(environment.bootstrapServers())) {
            Report.progress("importing...");
            var cpu = Report.cpuMark();
            long started = System.nanoTime();
            JsonNode report = http.expectSuccess(importRequest(school, file));
            long answered = System.nanoTime();
            double seconds = (answered - started) / 1e9;
            long rowsRead = report.path("rowsRead").asLong();
            long events = report.path("created").asLong() + report.path("updated").asLong();

            Report.block("import: national annuaire, " + Report.count(written.rows()) + " rows");
            Report.line("file", String.format("%.1f MB, %,d establishments", written.bytes() / 1e6, written.establishments()));
            Report.line("report", String.format("read %,d, created %,d, updated %,d, unchanged %,d, merged %,d, rejected %,d",
                    rowsRead, report.path("created").asLong(), report.path("updated").asLong(),
                    report.path("unchanged").asLong(), report.path("merged").size(), report.path("rejectedCount").asLong()));
            Report.line("duration", String.format("%.1f s (one request, one transaction)", seconds));
            Report.figure(Figure.rate("annuaire import, " + Report.count(rowsRead) + " rows", rowsRead / seconds).aim("≥ 10,000 /s")
                    .against(Baseline.PG_BULK_ROWS));
            Report.cpu(cpu, rowsRead, "row");
            double indexedAfter = (awaitSearchIndexes(http, school, Duration.ofMinutes(5)) - answered) / 1e9;
            Report.line("search indexes built (after a first load, once it has committed)",
                    String.format("%.1f s after the answer", indexedAfter));
            cpu = Report.cpuMark();

            Report.progress("waiting for the " + Report.count(events) + " school events on " + TOPIC + "...");
            long allSeen = counter.awaitCount(events, Duration.ofMinutes(15));
            double relaySeconds = (allSeen - answered) / 1e9;
            Report.block("relay after the import: " + Report.count(events) + " school events to " + TOPIC);
            Report.line("from import response to last event", String.format("%.1f s", relaySeconds));
            Report.figure(Figure.rate("relay after the import, " + Report.count(events) + " events", events / relaySeconds)
                    .against(Baseline.KAFKA_RECORDS));
            Report.cpu(cpu, events, "event");

            Report.progress("importing the same file again (nothing changes, nothing is published)...");
            cpu = Report.cpuMark();
            long again = System.nanoTime();
            JsonNode second = http.expectSuccess(importRequest(school, file));
            double secondSeconds = (System.nanoTime() - again) / 1e9;
            Pace.sleep(Duration.ofSeconds(3));
            Report.block("import: the same file again");
            Report.line("report", String.format("unchanged %,d, created %,d, updated %,d", second.path("unchanged").asLong(),
                    second.path("created").asLong(), second.path("updated").asLong()));
            Report.line("events published by it", Report.count(counter.count() - events));
            Report.figure(Figure.rate("same file again (nothing changes)", second.path("rowsRead").asLong() / secondSeconds)
                    .against(Baseline.PG_BULK_ROWS));
            Report.cpu(cpu, second.path("rowsRead").asLong(), "row");
        }
    }

    /**
     * The nanoTime at which school-service's search health said no index was left to build: a first load builds them
     * after it has committed, so its answer comes before they are.
     */
    private static long awaitSearchIndexes(Http http, BenchEnvironment.Service school, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode health = http.expectSuccess(Http.get(school.url() + "/q/health/group/search", null));
            if (health.path("checks").path(0).path("data").path("indexesToBuild").asLong(-1) == 0) {
                return System.nanoTime();
            }
            Pace.sleep(Duration.ofMillis(20));
        }
        throw new IllegalStateException("school-service's search indexes were not built within " + timeout);
    }

    private static HttpRequest importRequest(BenchEnvironment.Service school, Path file) throws FileNotFoundException {
        return Http.request(school.url() + "/api/v1/schools/imports", TestTokens.admin())
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
    }

    /** Counts the records of school-events in the background, noting when each poll brought the count up. */
    private static final class TopicCounter implements AutoCloseable {

        private final AtomicLong count = new AtomicLong();
        private final List<long[]> checkpoints = new ArrayList<>(); // {nanoTime, count after that poll}
        private final Thread thread;
        private volatile boolean running = true;

        TopicCounter(String bootstrapServers) {
            thread = new Thread(() -> {
                try (CommittedTail tail = new CommittedTail(bootstrapServers, TOPIC, true, Duration.ofMinutes(30))) {
                    while (running) {
                        long polled = 0;
                        for (var ignored : tail.poll(Duration.ofMillis(50))) {
                            polled++;
                        }
                        if (polled > 0) {
                            long now = System.nanoTime();
                            synchronized (checkpoints) {
                                checkpoints.add(new long[] {now, count.addAndGet(polled)});
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    if (running) {
                        System.err.println("Counting " + TOPIC + " failed: " + e);
                    }
                }
            }, "school-events-counter");
            thread.setDaemon(true);
            thread.start();
        }

        long count() {
            return count.get();
        }

        /** The nanoTime of the poll that brought the count to {@code expected}. */
        long awaitCount(long expected, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (checkpoints) {
                    for (long[] checkpoint : checkpoints) {
                        if (checkpoint[1] >= expected) {
                            return checkpoint[0];
                        }
                    }
                }
                Pace.sleep(Duration.ofMillis(50));
            }
            throw new IllegalStateException("Only " + count() + " of " + expected + " events on " + TOPIC + " after " + timeout);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }
    }
}
