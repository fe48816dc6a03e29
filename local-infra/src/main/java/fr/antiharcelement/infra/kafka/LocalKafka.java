package fr.antiharcelement.infra.kafka;

import fr.antiharcelement.infra.FreePort;
import fr.antiharcelement.infra.RuntimeClasspath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run as a child JVM on
 * Apache Kafka's own jars. A separate process keeps the broker's classpath away from the services' and lets
 * fault tests stop, kill and restart it on the same port with the same data.
 */
public final class LocalKafka implements AutoCloseable {

    /**
     * Partitions of a topic created without saying how many: as many as the services give the topics they create
     * ({@code events.topic-partitions}), so that a topic a producer creates first is shaped as theirs would be.
     */
    public static final int TOPIC_PARTITIONS = 6;

    private static final String HEAP = "-Xmx384m";

    /**
     * The parallel collector: its young collections copy with both cores. With the serial one they took 12 to 16 ms
     * every 5 s or so (about 2 MB surviving each time), and each one held up the transactions and fetches in flight:
     * of the 15 slowest changes of a relay run, 5 had waited for one. With this one they take 6 to 9 ms, and the
     * relay's p99 from commit to consumer was 6.5 to 9.5 ms in four runs, against 11.1 to 15.0 ms in six with the
     * serial one (2026-11-30). Its pauses stop both cores, not one: creations at 500/s, the busiest of the benchmarks,
     * had p99 104 and 166 ms with it, 78.5 and 161 ms without, which is the runs' spread. It commits a larger young
     * generation (the heap about 170 MB instead of 106), well within the maximum.
     */
    private static final String COLLECTOR = "-XX:+UseParallelGC";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private LocalKafka(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts a broker keeping its log in {@code dataDir}; a port of 0 picks a free one. */
    public static LocalKafka start(Path dataDir, int port, int controllerPort) {
        LocalKafka kafka = new LocalKafka(dataDir, port > 0 ? port : FreePort.pick(), controllerPort > 0 ? controllerPort : FreePort.pick());
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker again after {@link #stop()} or {@link #kill()}, on the same port and data. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Path config = writeConfig();
            if (!Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
                format(config);
            }
            process = java("kafka.Kafka", config.toString()).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectErrorStream(true).start();
            awaitReady(Duration.ofSeconds(60));
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start; see " + logFile(), e);
        }
    }

    /** Stops the broker gracefully (SIGTERM) and waits for it. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Kills the broker abruptly (SIGKILL), as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop();
    }

    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    private void format(Path config) throws IOException {
        Process formatting = java("kafka.tools.StorageTool", "format", "--ignore-formatted",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).redirectErrorStream(true).start();
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed; see " + logFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private Path writeConfig() throws IOException {
        Files.createDirectories(dataDir);
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("log"),
                "num.partitions=" + TOPIC_PARTITIONS,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=4",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1",
                // The log cleaner compacts the broker's own topics (consumer offsets, transaction state) with a buffer it
                // allocates on the heap at start: 128 MB by default, a third of this broker's heap. The old generation
                // then stayed nearly full, and the young collections came every second at 10 to 20 ms each, in the way
                // of every transaction and fetch, until a full collection grew the heap. A local broker's compacted topics
                // are small; 16 MB holds the keys of about 700,000 records per cleaning pass.
                "log.cleaner.dedupe.buffer.size=16777216",
                "") ;
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, properties);
        return config;
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(RuntimeClasspath.javaBinary(), HEAP, "-Xms64m",
                COLLECTOR, "-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", RuntimeClasspath.get(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        awaitListening(deadline);
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka exited with code " + process.exitValue() + "; see " + logFile());
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka not ready after " + timeout + "; see " + logFile(), notYet);
                    }
                }
            }
        }
    }

    /** Waits for the listener first, so that the admin client does not log a warning per refused connection. */
    private void awaitListening(Instant deadline) {
        while (true) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    return; // awaitReady reports the failure with its cause
                }
                try {
                    process.waitFor(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
