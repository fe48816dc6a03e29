package fr.antiharcelement.bench;

import fr.antiharcelement.infra.testing.ChildService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./run bench baseline}: what this machine gives with none of our code in the way, measured with the same
 * load generator, JVM settings, PostgreSQL and Kafka as the other benchmarks: a trivial Quarkus JSON endpoint
 * (request rates and latencies), pgbench (commits, reads and bulk rows per second), a transactional Kafka producer
 * (records per second, commit-to-consumer latency), and the start-up time and memory of a trivial Quarkus service
 * next to each of ours.
 */
final class BaselineBenchmark {

    /** The trivial Quarkus service, by its module's directory. */
    static final String SERVICE = "benchmarks/baseline-service";

    private static final List<String> SERVICES = List.of(SERVICE, "school-service", "workshop-service", "reach-service");
    private static final String TOPIC = "baseline-records";

    private final BenchEnvironment environment;

    BaselineBenchmark(BenchEnvironment environment) {
        this.environment = environment;
    }

    void run() {
        Report.block("baseline: the machine and the versions");
        Report.note("machine", Report.machineDescription());
        Report.note("PostgreSQL", environment.postgresVersion() + " (embedded, zonky binaries; fsync, synchronous_commit and full_page_writes on, as ./run starts it)");
        Report.note("Kafka", org.apache.kafka.common.utils.AppInfoParser.getVersion() + " (embedded broker, KRaft, and clients)");
        startUps(Bench.setting("baseline.starts", 3));
        http();
        postgres();
        kafka(Bench.setting("baseline.kafka-records", 200_000));
    }

    /**
     * Each service started {@code starts} times, each time on a new database (its migrations included), alone on
     * the machine: the median time from launch to ready, and the median resident memory once ready.
     */
    private void startUps(int starts) {
        for (String service : SERVICES) {
            List<Double> seconds = new ArrayList<>();
            List<Double> megabytes = new ArrayList<>();
            for (int i = 1; i <= starts; i++) {
                String database = "startup_" + service.replaceAll("[^a-z]", "_") + "_" + i;
                try (ChildService child = ChildService.start(service, database)) {
                    seconds.add(child.startUp().toNanos() / 1e9);
                    megabytes.add(Report.residentMegabytes(child.pid(), "VmRSS"));
                }
            }
            String name = java.nio.file.Path.of(service).getFileName().toString();
            Report.block("start-up: " + name + ", " + starts + " starts on new databases");
            Report.line("launch to ready", seconds.stream().map(s -> String.format("%.2f s", s)).toList());
            Report.line("resident memory when ready", megabytes.stream().map(mb -> String.format("%.0f MB", mb)).toList());
            Figure startUp = Figure.seconds("start-up to ready, " + name, median(seconds));
            Figure memory = Figure.megabytes("resident memory when ready, " + name, median(megabytes));
            boolean baseline = service.equals(SERVICE);
            Report.figure(baseline ? startUp.provides(Baseline.START_UP) : startUp.against(Baseline.START_UP).aim("≤ 2.0 s"));
            Report.figure(baseline ? memory.provides(Baseline.MEMORY_IDLE) : memory.against(Baseline.MEMORY_IDLE).aim("≤ 160 MB"));
        }
    }

    /** GET of a small JSON document, closed loop, with 1, 16 and 64 clients after a warm-up. */
    private void http() {
        BenchEnvironment.Service service = environment.service(SERVICE, "baseline");
        String url = service.url() + "/api/v1/baseline";
        try (Http http = new Http(16)) {
            WarmUp.Done warm = Load.warmUp(http, i -> Http.get(url, null));
            Map<Integer, Baseline> byClients = Map.of(1, Baseline.HTTP_1_CLIENT, 16, Baseline.HTTP_16_CLIENTS, 64, Baseline.HTTP_64_CLIENTS);
            for (int clients : new int[] {1, 16, 64}) {
                var cpu = Report.cpuMark();
                Load.Outcome outcome = Load.closedLoop(http, clients, Integer.MAX_VALUE, Duration.ofSeconds(10), i -> Http.get(url, null));
                Report.block("baseline: trivial Quarkus JSON GET, " + clients + " client" + (clients == 1 ? "" : "s") + ", 10 s");
                Report.line("after a warm-up of", warm.describe());
                Report.line("latency", outcome.latency().describe() + ", non-2xx " + outcome.failures());
                Report.cpu(cpu, outcome.sent(), "request");
                Report.figure(Figure.rate(byClients.get(clients).label, outcome.perSecond()).with(outcome.latency())
                        .provides(byClients.get(clients)));
            }
        }
        service.stop();
    }

    /** pgbench on a database of its own, on the same durable server as the services' databases. */
    private void postgres() {
        environment.createDatabase("pgbench");
        Optional<Pgbench> found = Pgbench.find(environment.postgresPort(), "pgbench", Bench.moduleDir().resolve("target"));
        if (found.isEmpty()) {
            Report.block("baseline: pgbench");
            Report.line("not measured", "no pgbench on this machine (Debian: apt-get install postgresql-client or postgresql-15)");
            return;
        }
        Pgbench pgbench = found.get();
        Report.note("pgbench", pgbench.version());
        double rowsPerSecond = pgbench.initialise(10);
        Report.block("baseline: pgbench -i, scale 10 (1,000,000 account rows, keys built, vacuumed)");
        Report.figure(Figure.rate(Baseline.PG_BULK_ROWS.label, rowsPerSecond).provides(Baseline.PG_BULK_ROWS));

        Pgbench.Run commits = pgbench.timed(16, 20);
        Report.block("baseline: pgbench tpcb-like (5 statements, 1 commit), 16 clients, 20 s");
        Report.figure(Figure.rate(Baseline.PG_COMMITS.label, commits.perSecond()).with(commits.latency()).provides(Baseline.PG_COMMITS));

        Pgbench.Run reads = pgbench.timed(16, 10, "-S");
        Report.block("baseline: pgbench select-only (1 indexed read), 16 clients, 10 s");
        Report.figure(Figure.rate(Baseline.PG_READS.label, reads.perSecond()).with(reads.latency()).provides(Baseline.PG_READS));
    }

    /**
     * A producer configured as the outbox relay's (transactional, idempotent, acks=all): {@code records} records of
     * 1 kB in transactions of 500; then, once the broker has compiled that path ({@link WarmUp}), one-record
     * transactions at 50 per second, each timed from its begin to a read_committed consumer (and, for reference, from
     * its commit's return).
     */
    private void kafka(int records) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, environment.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + TOPIC + ": " + e.getMessage(), e);
        }
        String value = "x".repeat(1_000);
        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            long start = System.nanoTime();
            for (int sent = 0; sent < records; sent += 500) {
                producer.beginTransaction();
                for (int i = sent; i < sent + 500; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "record-" + i, value));
                }
                producer.commitTransaction();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Report.block("baseline: Kafka, " + Report.count(records) + " records of 1 kB, 500 per transaction");
            Report.figure(Figure.rate(Baseline.KAFKA_RECORDS.label, records / seconds).provides(Baseline.KAFKA_RECORDS));

            int changes = Bench.setting("baseline.kafka-changes", 1_500);
            Latency latency = new Latency();
            Latency afterCommit = new Latency();
            WarmUp.Done warm;
            try (Arrivals arrivals = new Arrivals(environment.bootstrapServers(), TOPIC, record -> record.key())) {
                warm = WarmUp.untilCompiled(first -> oneRecordTransactions(producer, value, "warm-" + first + "-", 1_000, 5,
                        new HashMap<>(), new HashMap<>()), Duration.ofMinutes(4));
                Map<String, Long> begunAt = new HashMap<>();
                Map<String, Long> committedAt = new HashMap<>();
                oneRecordTransactions(producer, value, "single-", changes, 20, begunAt, committedAt);
                arrivals.await(committedAt.keySet(), Duration.ofSeconds(60));
                begunAt.forEach((key, begun) -> latency.recordNanos(arrivals.at(key) - begun));
                committedAt.forEach((key, committed) -> afterCommit.recordNanos(arrivals.at(key) - committed));
            }
            Report.block("baseline: Kafka, " + changes + " one-record transactions at 50/s, begun to read_committed consumer");
            Report.line("after a warm-up of", warm.describe());
            Report.line("from the commit's return only", afterCommit.describe() + " (what this baseline measured until 2026-11-30)");
            Report.figure(Figure.latency(Baseline.KAFKA_LATENCY.label, latency).provides(Baseline.KAFKA_LATENCY));
        }
    }

    /**
     * One record per transaction, one every {@code intervalMillis}; notes, by key, when each transaction was begun and
     * when its commit returned. The relay has a change to publish at the first and must make the whole transaction,
     * so the baseline it is read against counts from there.
     */
    private static int oneRecordTransactions(KafkaProducer<String, String> producer, String value, String keyPrefix, int count,
                                             int intervalMillis, Map<String, Long> begunAt, Map<String, Long> committedAt) {
        long paced = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Pace.waitForTurn(paced, i, Duration.ofMillis(intervalMillis));
            begunAt.put(keyPrefix + i, System.nanoTime());
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, keyPrefix + i, value));
            producer.commitTransaction();
            committedAt.put(keyPrefix + i, System.nanoTime());
        }
        return count;
    }

    private KafkaProducer<String, String> transactionalProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "baseline-" + UUID.randomUUID(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
