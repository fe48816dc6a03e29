package fr.antiharcelement.bench;

import fr.antiharcelement.infra.RuntimeClasspath;
import fr.antiharcelement.infra.postgres.LocalPostgres;
import fr.antiharcelement.infra.security.TokenMinter;
import fr.antiharcelement.infra.testing.ChildService;
import fr.antiharcelement.infra.testing.TestInfrastructure;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started exactly as {@link ChildService} starts it (same jar, JVM options and connection settings), plus
 * settings of our own in its environment, e.g. {@code EVENTS_CONSUMER_MAX_POLL_RECORDS=1}.
 */
final class ConfiguredService implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private Process process;

    private ConfiguredService(String name, String database) {
        this.name = name;
        this.port = freePort();
        this.log = Bench.moduleDir().resolve("target").resolve(name + "-" + database + ".log");
    }

    static ConfiguredService start(String name, String database, Map<String, String> settings, TestInfrastructure infra) {
        ConfiguredService service = new ConfiguredService(name, database);
        service.launch(database, settings, infra);
        return service;
    }

    String url() {
        return "http://localhost:" + port;
    }

    private void launch(String database, Map<String, String> settings, TestInfrastructure infra) {
        Path jar = Bench.repositoryRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build " + name + " first");
        }
        infra.postgres().ensureDatabase(database);
        ProcessBuilder builder = new ProcessBuilder(List.of(RuntimeClasspath.javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", "unused-trust-auth",
                "KAFKA_BOOTSTRAP_SERVERS", infra.kafka().bootstrapServers(),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", infra.keys().publicKeyFile().toUri().toString(),
                "MP_JWT_VERIFY_ISSUER", TokenMinter.LOCAL_ISSUER));
        environment.putAll(settings);
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        awaitReady(Duration.ofSeconds(90));
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
            } catch (IOException notListeningYet) {
                // the service is still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS); // returns early if the process dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; see " + log);
    }

    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
