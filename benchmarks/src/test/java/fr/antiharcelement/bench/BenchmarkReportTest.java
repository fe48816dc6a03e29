package fr.antiharcelement.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkReportTest {

    private static final BenchmarkReport.Run RUN = new BenchmarkReport.Run("abc1234", Instant.parse("2026-11-26T01:39:40Z"),
            Duration.ofMinutes(16), "", "");

    @Test
    void aRateReadsAsAShareOfTheBaselineMeasuredInTheSameRun() throws IOException {
        String report = render(RUN,
                baseline(Baseline.HTTP_16_CLIENTS, Figure.Unit.PER_SECOND, 8_000.0, null),
                new Figure("workshops", "16", "workshop creations, 16 clients", Figure.Unit.PER_SECOND, 200.0, null, null,
                        "≥ 1,000 /s", List.of(Baseline.HTTP_16_CLIENTS), null, 3, "9.00 ms per creation"));

        assertThat(row(report, "workshop creations, 16 clients"))
                .contains("**200 /s**", "| ≥ 1,000 /s | **no** |", "**2.5%** of trivial Quarkus JSON GET, 16 clients (8,000 /s)",
                        "| 3% |", "9.00 ms per creation");
        assertThat(row(report, "| trivial Quarkus JSON GET, 16 clients |")).contains("8,000 /s");
    }

    @Test
    void aLatencyReadsAsAMultipleOfItsBaselinesP99AndIsHeldToItsAimOnTheP99() throws IOException {
        String report = render(RUN,
                baseline(Baseline.KAFKA_LATENCY, Figure.Unit.MILLISECONDS, null, 10.0),
                new Figure("relay", "latency", "commit to consumer", Figure.Unit.MILLISECONDS, null, 12.0, 40.0, "p99 ≤ 50 ms",
                        List.of(Baseline.KAFKA_LATENCY), null, 1, null));

        assertThat(row(report, "commit to consumer"))
                .contains("**p50 12.0 ms, p99 40.0 ms**", "| p99 ≤ 50 ms | yes |", "**p99 ×4.0** that of Kafka one-record");
    }

    @Test
    void aFigureWhoseBaselineDidNotRunSaysSoInsteadOfARatio() throws IOException {
        String report = render(RUN, new Figure("reach", "ingest", "ingest of events", Figure.Unit.PER_SECOND, 7_000.0, null, null,
                "≥ 20,000 /s", List.of(Baseline.KAFKA_RECORDS), null, 2, null));

        assertThat(row(report, "ingest of events")).contains("Kafka transactional producer, 1 kB records, 500 per transaction: not measured");
        assertThat(report).contains("| not measured: `./run bench baseline` did not run | | |");
    }

    @Test
    void startUpAndMemoryOfEachServiceAreSetBesideTheTrivialService() throws IOException {
        String report = render(RUN,
                baseline(Baseline.START_UP, Figure.Unit.SECONDS, 1.8, null),
                new Figure("baseline", "start-up", "start-up to ready, reach-service", Figure.Unit.SECONDS, 6.3, null, null, "",
                        List.of(Baseline.START_UP), null, 4, null));

        String startUpAndMemory = report.substring(report.indexOf("## Start-up and memory"));
        assertThat(row(startUpAndMemory, "start-up to ready, reach-service")).contains("**6.30 s**", "**×3.5** the trivial Quarkus service");
        assertThat(report.substring(0, report.indexOf("## Start-up and memory"))).doesNotContain("reach-service");
    }

    @Test
    void anAimReadAgainstANamedBaselineIsMetOnlyWhenEveryClauseIs() throws IOException {
        String report = render(RUN,
                baseline(Baseline.PG_COMMITS, Figure.Unit.PER_SECOND, 1_600.0, null),
                baseline(Baseline.KAFKA_LATENCY, Figure.Unit.MILLISECONDS, null, 40.0),
                new Figure("workshops", "64", "creations fast enough", Figure.Unit.PER_SECOND, 1_200.0, null, null,
                        "≥ 1,000 /s and ≥ 50% of pgbench tpcb-like", List.of(Baseline.PG_COMMITS), null, 1, null),
                new Figure("workshops", "64", "creations short of pgbench", Figure.Unit.PER_SECOND, 1_200.0, null, null,
                        "≥ 1,000 /s and ≥ 80% of pgbench tpcb-like", List.of(Baseline.PG_COMMITS), null, 1, null),
                new Figure("relay", "latency", "relay within twice", Figure.Unit.MILLISECONDS, null, 10.0, 79.0,
                        "p99 ≤ 2× Kafka one-record", List.of(Baseline.KAFKA_LATENCY), null, 1, null),
                new Figure("relay", "latency", "relay beyond twice", Figure.Unit.MILLISECONDS, null, 10.0, 81.0,
                        "p99 ≤ 2× Kafka one-record", List.of(Baseline.KAFKA_LATENCY), null, 1, null));

        assertThat(row(report, "creations fast enough")).contains("| yes |");
        assertThat(row(report, "creations short of pgbench")).contains("| **no** |");
        assertThat(row(report, "relay within twice")).contains("| yes |");
        assertThat(row(report, "relay beyond twice")).contains("| **no** |");
    }

    @Test
    void startUpAndMemoryAreHeldToTheirAims() throws IOException {
        String report = render(RUN,
                baseline(Baseline.START_UP, Figure.Unit.SECONDS, 1.5, null),
                new Figure("baseline", "start-up", "start-up to ready, school-service", Figure.Unit.SECONDS, 1.9, null, null, "≤ 2.0 s",
                        List.of(Baseline.START_UP), null, 1, null),
                new Figure("baseline", "memory", "resident memory when ready, school-service", Figure.Unit.MEGABYTES, 187.0, null, null,
                        "≤ 160 MB", List.of(), null, 1, null));

        String startUpAndMemory = report.substring(report.indexOf("## Start-up and memory"));
        assertThat(row(startUpAndMemory, "start-up to ready, school-service")).contains("| ≤ 2.0 s | yes |");
        assertThat(row(startUpAndMemory, "resident memory when ready, school-service")).contains("| ≤ 160 MB | **no** |");
    }

    @Test
    void theRunItselfIsDescribedFirstWithItsOptionsAndWhatFailed() throws IOException {
        String report = render(new BenchmarkReport.Run("abc1234", RUN.started(), RUN.took(), "-Dbench.relay.requests=100", "reach"));

        assertThat(report).contains("started on 2026-11-26 01:39 UTC, commit `abc1234`, 16 min in all",
                "(`BENCH_OPTS`): `-Dbench.relay.requests=100`", "**Failed in this run: reach**");
    }

    private static Figure baseline(Baseline which, Figure.Unit unit, Double value, Double p99) {
        return new Figure("baseline", which.name(), which.label, unit, value, p99 == null ? null : p99 / 4, p99, "", List.of(), which, 0,
                null);
    }

    private static String render(BenchmarkReport.Run run, Figure... figures) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Figure figure : figures) {
            lines.add(json(figure));
        }
        return BenchmarkReport.render(lines, run);
    }

    private static String json(Figure figure) throws JsonProcessingException {
        return Http.JSON.writeValueAsString(figure);
    }

    /** The one table row that names {@code what}. */
    private static String row(String markdown, String what) {
        List<String> rows = markdown.lines().filter(line -> line.startsWith("|") && line.contains(what)).toList();
        assertThat(rows).as("rows naming " + what).hasSize(1);
        return rows.get(0);
    }
}
