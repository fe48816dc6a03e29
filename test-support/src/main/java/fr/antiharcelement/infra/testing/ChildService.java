package fr.antiharcelement.infra.testing;

import fr.antiharcelement.infra.RuntimeClasspath;
import fr.antiharcelement.infra.postgres.LocalPostgres;
import fr.antiharcelement.infra.security.TokenMinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Another service of this repository, run from its built jar as a separate process against the test JVM's
 * PostgreSQL (a database of its own) and Kafka: for tests that cross service boundaries for real, and fault
 * tests that kill a service abruptly.
 */
public final class ChildService implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final String database;
    private final int port;
    private final Path log;
    private final Map<String, String> settings;
    private Process process;
    private Duration startUp;

    private ChildService(String name, String database, Map<String, String> settings) {
        this.name = name;
        this.database = database;
        this.settings = Map.copyOf(settings);
        this.jar = Path.of(System.getProperty("basedir", "."), "..", name, "target", "quarkus-app", "quarkus-run.jar").normalize();
        this.port = freePort();
        this.log = Path.of(System.getProperty("basedir", "."), "target", Path.of(name).getFileName() + "-" + database + ".log");
    }

    /**
     * Starts {@code name} (the module's directory from the repository's root, e.g. {@code workshop-service}) on a free
     * port with database {@code database}; waits until ready. */
    public static ChildService start(String name, String database) {
        return start(name, database, Map.of());
    }

    /** The same with settings of its own in its environment, e.g. {@code EVENTS_CONSUMER_MAX_POLL_RECORDS=1}. */
    public static ChildService start(String name, String database, Map<String, String> settings) {
        ChildService service = new ChildService(name, database, settings);
        service.start();
        return service;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The operating system's process id, while it runs: where its resident memory can be read. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " was never started");
        }
        return process.pid();
    }

    /** Time from the process's launch to its first ready answer, for the last {@link #start()}. */
    public synchronized Duration startUp() {
        return startUp;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the service, again after {@link #kill()} or {@link #close()}: same port, same database. */
    public synchronized void start() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build " + name + " first (the reactor builds it before this module)");
        }
        TestInfrastructure infra = TestInfrastructure.get();
        infra.postgres().ensureDatabase(database);
        ProcessBuilder builder = new ProcessBuilder(List.of(RuntimeClasspath.javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", "unused-trust-auth",
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", infra.keys().publicKeyFile().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", TokenMinter.LOCAL_ISSUER));
        builder.environment().putAll(settings);
        long launched = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        awaitReady(Duration.ofSeconds(90));
        startUp = Duration.ofNanos(System.nanoTime() - launched);
    }

    /** Kills the process abruptly (SIGKILL), as a crash would: no shutdown hook, no last commit. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                process.waitFor(50, TimeUnit.MILLISECONDS); // returns early if the process dies; short, as start-up is measured
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
