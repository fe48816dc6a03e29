package fr.antiharcelement.bench;

import fr.antiharcelement.infra.postgres.LocalPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL's own benchmark, {@code pgbench}, run against the benchmarks' embedded server: what the database
 * alone can do on this machine. Its per-transaction log gives the latency percentiles.
 */
final class Pgbench {

    /** A timed run: transactions (hence commits) per second and their latencies. */
    record Run(double perSecond, Latency latency) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LOADED = Pattern.compile("done in ([0-9.]+) s");

    private final Path binary;
    private final int port;
    private final String database;
    private final Path workDir;

    private Pgbench(Path binary, int port, String database, Path workDir) {
        this.binary = binary;
        this.port = port;
        this.database = database;
        this.workDir = workDir;
    }

    /** pgbench from the PATH, or from Debian's PostgreSQL packages; empty when this machine has none. */
    static Optional<Pgbench> find(int port, String database, Path workDir) {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(dir -> Path.of(dir, "pgbench"));
        Stream<Path> debian;
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            debian = versions.map(dir -> dir.resolve("bin/pgbench")).sorted(Comparator.reverseOrder()).toList().stream();
        } catch (IOException none) {
            debian = Stream.empty();
        }
        return Stream.concat(onPath, debian).filter(Files::isExecutable).findFirst()
                .map(binary -> new Pgbench(binary, port, database, workDir));
    }

    String version() {
        return execute(List.of(binary.toString(), "--version")).trim();
    }

    /** {@code pgbench -i}: creates and loads its tables at {@code scale} (100,000 rows each); returns rows loaded per second. */
    double initialise(int scale) {
        String output = run(List.of("-i", "-q", "-s", String.valueOf(scale)));
        Matcher done = LOADED.matcher(output);
        if (!done.find()) {
            throw new IllegalStateException("pgbench -i printed no duration:\n" + output);
        }
        return scale * 100_000 / Double.parseDouble(done.group(1));
    }

    /** A timed run of {@code clients} clients on two threads; {@code options} choose the script (e.g. {@code -S}). */
    Run timed(int clients, int seconds, String... options) {
        Path logs = workDir.resolve("pgbench-log-" + System.nanoTime());
        List<String> arguments = new ArrayList<>(List.of("-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
                "-l", "--log-prefix=" + logs.resolve("tx")));
        arguments.addAll(List.of(options));
        try {
            Files.createDirectories(logs);
            String output = run(arguments);
            Matcher tps = TPS.matcher(output);
            if (!tps.find()) {
                throw new IllegalStateException("pgbench printed no tps:\n" + output);
            }
            return new Run(Double.parseDouble(tps.group(1)), latencies(logs));
        } catch (IOException e) {
            throw new IllegalStateException("pgbench logs in " + logs + ": " + e.getMessage(), e);
        }
    }

    /** Each log line is "client transaction latency_µs script epoch_s µs": the third field is the latency. */
    private static Latency latencies(Path logs) throws IOException {
        Latency latency = new Latency();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.forEach(line -> latency.recordNanos(Long.parseLong(line.split(" ")[2]) * 1_000));
                }
            }
        }
        return latency;
    }

    private String run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", LocalPostgres.USER));
        command.addAll(arguments);
        command.add(database);
        return execute(command);
    }

    private String execute(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running pgbench", e);
        }
    }
}
