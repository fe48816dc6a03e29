package fr.antiharcelement.infra.testing;

import fr.antiharcelement.infra.process.ServiceProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another service of this repository, run from its built jar as a separate process against the test JVM's
 * PostgreSQL (a database of its own) and Kafka: for tests that cross service boundaries for real, and fault
 * tests that kill a service abruptly. A {@link ServiceProcess} with the tests' settings: the jar beside the
 * module under test, the log in its {@code target/}, a free port and a small heap.
 */
public final class ChildService implements AutoCloseable {

    /**
     * A heap that starts small and grows as the load asks (without -Xms the JVM commits a 64th of the machine's
     * memory up front and fills its young generation before the first collection), and small thread stacks: what
     * the service needs is what it takes, as in production. The benchmarks' report names them.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** Instances started per service and database, so that each has a log of its own. */
    private static final Map<String, AtomicInteger> INSTANCES = new ConcurrentHashMap<>();

    private final ServiceProcess process;

    private ChildService(ServiceProcess process) {
        this.process = process;
    }

    /**
     * Starts {@code name} (the module's directory from the repository's root, e.g. {@code workshop-service}) on a free
     * port with database {@code database}; waits until ready. */
    public static ChildService start(String name, String database) {
        return start(name, database, Map.of());
    }

    /**
     * The write budget of the services the tests and benchmarks run: far above what they send with one token (hundreds
     * of writes a second for minutes), so that they measure and check the service, not the budget; settings of the
     * caller win.
     */
    public static final Map<String, String> UNTHROTTLED = Map.of(
            "API_REQUEST_BUDGET_BURST", "1000000", "API_REQUEST_BUDGET_PER_SECOND", "1000000");

    private static Map<String, String> withTestBudget(Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(UNTHROTTLED);
        all.putAll(settings);
        return all;
    }

    /** The same with settings of its own in its environment, e.g. {@code EVENTS_CONSUMER_MAX_POLL_RECORDS=1}. */
    public static ChildService start(String name, String database, Map<String, String> settings) {
        TestInfrastructure infra = TestInfrastructure.get();
        Path basedir = Path.of(System.getProperty("basedir", "."));
        String logName = Path.of(name).getFileName() + "-" + database;
        int instance = INSTANCES.computeIfAbsent(logName, key -> new AtomicInteger()).incrementAndGet();
        ChildService service = new ChildService(ServiceProcess
                .builder(name, basedir.resolve("..").resolve(name).resolve("target/quarkus-app/quarkus-run.jar").normalize())
                .jvmOptions(JVM_OPTIONS)
                .log(basedir.resolve("target").resolve(logName + (instance == 1 ? "" : "-" + instance) + ".log"))
                .wiredTo(infra.postgres(), database, infra.kafka(), infra.keys())
                .settings(withTestBudget(settings))
                .build());
        service.start();
        return service;
    }

    public int port() {
        return process.port();
    }

    public String url() {
        return process.url();
    }

    /** The operating system's process id, while it runs: where its resident memory can be read. */
    public long pid() {
        return process.pid();
    }

    /** Time from the process's launch to its first ready answer, for the last {@link #start()}. */
    public Duration startUp() {
        return process.startUp();
    }

    public boolean isRunning() {
        return process.isRunning();
    }

    /** Starts the service, again after {@link #kill()} or {@link #close()}: same port, same database; waits until ready. */
    public void start() {
        process.start();
        process.awaitReady(READY_TIMEOUT);
    }

    /** Kills the process abruptly (SIGKILL), as a crash would: no shutdown hook, no last commit. */
    public void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
