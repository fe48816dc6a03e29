package fr.antiharcelement.infra.process;

import fr.antiharcelement.infra.FreePort;
import fr.antiharcelement.infra.RuntimeClasspath;
import fr.antiharcelement.infra.kafka.LocalKafka;
import fr.antiharcelement.infra.postgres.LocalPostgres;
import fr.antiharcelement.infra.security.LocalKeys;
import fr.antiharcelement.infra.security.TokenMinter;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A service of this repository run from its packaged jar as a child JVM, pointed through its environment at the
 * local PostgreSQL (a database of its own), Kafka and token key: how both {@code ./run} and the tests start a
 * service. Its output goes to a log file. It can be started again after a stop or a kill, on the same port.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** The services run on this JVM's own java binary, so what it knows, they know. */
    private static final boolean TRIMS_NATIVE_HEAP = knowsVmOption("TrimNativeHeapInterval");

    /**
     * The optimising compiler (C2) takes a method once it has been called 50,000 times instead of 5,000 (and loops
     * likewise ten times later). What a start runs a few thousand times (configuration, class loading, migrations,
     * building the OpenAPI document) stays with the quick compiler, and C2 works on the request and consumer paths,
     * which cross the new thresholds within seconds of load. On two cores, C2 compiling the start-up's code competed
     * with the start-up itself, and its arena was still allocated when the service became ready: resident memory when
     * ready 147 to 149 MB instead of 161 to 166 (reach-service), 156 to 157 instead of 157 to 173 (workshop-service),
     * and school-service's compilers took 3.7 to 4.0 s of CPU during the annuaire import instead of 5.5 to 5.6 s.
     * Creations and the reach ingest run as fast as before. The price is on paths a benchmark calls fewer than 50,000
     * times, which stay longer in C1's profiling code: reach's summary under 64 connections answered 13,000 a second
     * instead of 15,000, and a completion cost 8% more CPU from request to summary (docs/benchmark-methods.md,
     * eighteenth session). Both stay well within their aims; the memory aim was missed without it.
     */
    static final List<String> LATE_OPTIMISING_COMPILER = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000", "-XX:Tier4BackEdgeThreshold=400000");

    /**
     * The services that run on the quick compiler (C1) alone, at its level without profiling: school-service. Its
     * heavy work is the annuaire import, a few times a year, on code nothing has compiled yet: during a national
     * import C2 took 3.7 to 4.7 s of CPU, about as much as the import itself, and the import cost 0.18 to 0.24 ms of
     * CPU a row against 0.14 to 0.16 ms without C2. Its other paths (a school read or registration) come a few a
     * second at most. It also starts sooner and smaller: 2.52 s and 128 MB when ready against 2.94 s and 139 MB
     * (docs/benchmark-methods.md, nineteenth session). The other services keep C2, with its later thresholds above:
     * reach's ingest ran a quarter slower without it, and workshop-service's creations a fifth slower, their p99 at
     * 500 a second past 100 ms (twentieth session).
     */
    static final Set<String> QUICK_COMPILER_ONLY = Set.of("school-service");

    private static final List<String> QUICK_COMPILER = List.of("-XX:TieredStopAtLevel=1");

    /**
     * For measurements: JVM options given as system properties of the JVM that starts the services, added after
     * every other option, since the JVM takes the last of two that disagree. {@code -Dservice.jvm-options=...} goes to
     * every service, {@code -Dservice.jvm-options.<service>=...} to that one, after the first; options are separated
     * by spaces. A flag or a profiler is then tried on the stack that {@code ./run}, the tests and the benchmarks
     * start, without editing it: {@code BENCH_OPTS="-Dservice.jvm-options.workshop-service=-XX:TieredStopAtLevel=1"
     * ./run bench workshops} (docs/benchmark-methods.md, "Running them"); for {@code ./run} itself, through
     * {@code JDK_JAVA_OPTIONS}.
     */
    static final String MEASUREMENT_OPTIONS = "service.jvm-options";

    private final String name;
    private final Path jar;
    private final int port;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final Path log;
    private final LocalPostgres postgres;
    private final String database;
    private final Consumer<String> unexpectedExit;
    private volatile Process process;
    private volatile long launched;
    private volatile Duration startUp;
    /** Set by a stop or a kill, so that the exit they cause is not reported; guarded by this. */
    private boolean stopping;

    /** A browser app run locally (a frontend's dev server on any port) may call a service run on this machine. */
    static final String LOCAL_ORIGINS = "/https?://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?/";

    private ServiceProcess(Builder builder, int port) {
        this.name = builder.name;
        this.jar = builder.jar.toAbsolutePath();
        this.port = port;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.log = builder.log;
        this.postgres = builder.postgres;
        this.database = builder.database;
        this.unexpectedExit = builder.unexpectedExit;
        Map<String, String> variables = new HashMap<>(builder.wiring);
        variables.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        variables.put("QUARKUS_HTTP_CORS_ORIGINS", LOCAL_ORIGINS);
        variables.putAll(builder.settings); // last, so that a setting of the caller wins
        this.environment = Map.copyOf(variables);
    }

    /** {@code name} is the service's module directory, e.g. {@code reach-service}; {@code jar} its quarkus-run.jar. */
    public static Builder builder(String name, Path jar) {
        return new Builder(name, jar);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The operating system's process id, while it runs: where its resident memory can be read. */
    public long pid() {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return current.pid();
    }

    /** Time from the last launch to the first ready answer, once {@link #awaitReady} has seen it. */
    public Duration startUp() {
        return startUp;
    }

    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** Launches the service, its database created if need be, without waiting for it: see {@link #awaitReady}. */
    public synchronized void start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + name + " first (./mvnw -DskipTests package)");
        }
        postgres.ensureDatabase(database);
        List<String> command = new ArrayList<>(List.of(RuntimeClasspath.javaBinary()));
        command.addAll(jvmOptions);
        // Hands the C heap's free pages back to the system every second. The JIT compilers and the start-up allocate
        // and free tens of megabytes of native memory; glibc keeps what was freed, so a service stayed about 25 MB
        // above what it uses (school-service 3 s after ready: 183 to 189 MB without, 162 to 177 MB with). The trim runs on
        // a thread of its own and takes about a millisecond. Only where the JVM has the option: a JDK 17 before
        // 17.0.9 would refuse to start with it.
        if (TRIMS_NATIVE_HEAP) {
            command.add("-XX:TrimNativeHeapInterval=1000");
        }
        command.addAll(QUICK_COMPILER_ONLY.contains(name) ? QUICK_COMPILER : LATE_OPTIMISING_COMPILER);
        // The class-data archive Quarkus writes beside the jar at packaging (quarkus.package.jar.appcds.enabled): the
        // JVM maps the classes it holds instead of loading and verifying them, a good part of the start-up. The
        // archive names the jar as Quarkus launched it to record it, relative to its directory, and the JVM uses the
        // archive only for that same class path: hence the directory and the jar's bare name.
        Path classData = jar.resolveSibling("app-cds.jsa");
        if (Files.exists(classData)) {
            command.add("-XX:SharedArchiveFile=" + classData.getFileName());
        }
        command.addAll(measurementOptions(name, System.getProperties()));
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            launched = System.nanoTime();
            Process started = builder.start();
            process = started;
            stopping = false;
            started.onExit().thenAccept(this::exited);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * Waits until the service answers on {@code /q/health/ready}, at most {@code timeout} after its launch, and
     * records its start-up time; fails as soon as the process exits. Holds no lock, so that it can be stopped
     * meanwhile.
     */
    public void awaitReady(Duration timeout) {
        Process current = process;
        long deadline = launched + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - deadline < 0) {
            if (!current.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + current.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startUp = Duration.ofNanos(System.nanoTime() - launched);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                current.waitFor(50, TimeUnit.MILLISECONDS); // returns early if the process dies; short, as start-up is measured
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " not ready " + timeout.toSeconds() + " s after its launch; see " + log);
    }

    /** Kills the process abruptly (SIGKILL), as a crash would: no shutdown hook, no last commit. */
    public synchronized void kill() {
        if (process != null) {
            stopping = true;
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }

    /** Stops it gracefully: see {@link #stop(List)}. */
    @Override
    public void close() {
        stop(List.of(this));
    }

    /**
     * Stops services gracefully (SIGTERM), all at once so that they shut down side by side, and kills any still
     * running 20 s later.
     */
    public static void stop(List<ServiceProcess> services) {
        services.forEach(ServiceProcess::terminate);
        services.forEach(service -> service.awaitExit(STOP_GRACE));
    }

    private synchronized void terminate() {
        if (process != null && process.isAlive()) {
            stopping = true;
            process.destroy();
        }
    }

    private void awaitExit(Duration grace) {
        Process current = process;
        if (current == null) {
            return;
        }
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.destroyForcibly();
        }
    }

    /** Synchronized with {@link #start}: an exit reported late is that of a process since replaced, and ignored. */
    private synchronized void exited(Process exited) {
        if (exited == process && !stopping) {
            unexpectedExit.accept(name + " exited with code " + exited.exitValue() + "; see " + log);
        }
    }

    /** How to run one service; {@link #log} and {@link #wiredTo} are required. */
    public static final class Builder {

        private final String name;
        private final Path jar;
        private int port;
        private List<String> jvmOptions = List.of();
        private Path log;
        private LocalPostgres postgres;
        private String database;
        private final Map<String, String> wiring = new HashMap<>();
        private Map<String, String> settings = Map.of();
        private Consumer<String> unexpectedExit = message -> { };

        private Builder(String name, Path jar) {
            this.name = name;
            this.jar = jar;
        }

        /** A fixed HTTP port; without it, a free one, kept across restarts. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Heap, garbage collector and the like, before {@code -jar}. */
        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = jvmOptions;
            return this;
        }

        /** Where its output goes, appended, across restarts. */
        public Builder log(Path log) {
            this.log = log;
            return this;
        }

        /** Its database {@code database} on {@code postgres}, the broker and the key that verifies tokens. */
        public Builder wiredTo(LocalPostgres postgres, String database, LocalKafka kafka, LocalKeys keys) {
            this.postgres = postgres;
            this.database = database;
            wiring.putAll(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                    "QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                    "QUARKUS_DATASOURCE_PASSWORD", "unused-trust-auth",
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyFile().toUri().toString(),
                    "MP_JWT_VERIFY_ISSUER", TokenMinter.LOCAL_ISSUER));
            return this;
        }

        /** Settings of its own in its environment, e.g. {@code EVENTS_CONSUMER_MAX_POLL_RECORDS=1}. */
        public Builder settings(Map<String, String> settings) {
            this.settings = Map.copyOf(settings);
            return this;
        }

        /** Told when the process exits without having been stopped or killed: a crash, or a failed start. */
        public Builder onUnexpectedExit(Consumer<String> report) {
            this.unexpectedExit = report;
            return this;
        }

        public ServiceProcess build() {
            if (log == null || postgres == null) {
                throw new IllegalStateException(name + ": log(...) and wiredTo(...) are required");
            }
            return new ServiceProcess(this, port > 0 ? port : FreePort.pick());
        }
    }

    /** The {@link #MEASUREMENT_OPTIONS} of service {@code name} in {@code properties}: every service's, then its own. */
    static List<String> measurementOptions(String name, Properties properties) {
        List<String> options = new ArrayList<>();
        for (String key : List.of(MEASUREMENT_OPTIONS, MEASUREMENT_OPTIONS + "." + name)) {
            for (String option : properties.getProperty(key, "").trim().split("\\s+")) {
                if (!option.isEmpty()) {
                    options.add(option);
                }
            }
        }
        return options;
    }

    private static boolean knowsVmOption(String name) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
