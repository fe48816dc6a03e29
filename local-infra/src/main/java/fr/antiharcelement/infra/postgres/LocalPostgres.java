package fr.antiharcelement.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server from the zonky binaries, with its data kept in a directory of ours so that a
 * restart finds it again. Authentication is local trust: it listens on the loopback interface only.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";

    private final Path dataDir;
    private final Durability durability;
    private volatile EmbeddedPostgres server;

    private LocalPostgres(Path dataDir, Durability durability, EmbeddedPostgres server) {
        this.dataDir = dataDir;
        this.durability = durability;
        this.server = server;
    }

    /**
     * How much a crash may cost. zonky's defaults switch fsync, synchronous commit and full-page writes off, which
     * is fine for a test database thrown away after the run, but can lose acknowledged writes, or corrupt the data
     * directory, when the machine stops: what users run must be as durable as a real server.
     */
    public enum Durability {
        /** fsync, synchronous_commit and full_page_writes on, as a production server: what ./run uses. */
        DURABLE("on"),
        /** All three off: for tests whose data is deleted with the run, which then go several times faster. */
        FAST_FOR_TESTS("off");

        private final String setting;

        Durability(String setting) {
            this.setting = setting;
        }
    }

    /** Starts a durable server on {@code port} (0 picks a free one), keeping its data in {@code dataDir}. */
    public static LocalPostgres start(Path dataDir, int port) {
        return start(dataDir, port, Durability.DURABLE);
    }

    /** Starts a server on {@code port} (0 picks a free one), keeping its data in {@code dataDir}. */
    public static LocalPostgres start(Path dataDir, int port, Durability durability) {
        return new LocalPostgres(dataDir, durability, launch(dataDir, port, durability));
    }

    private static EmbeddedPostgres launch(Path dataDir, int port, Durability durability) {
        try {
            Files.createDirectories(dataDir.getParent());
            Path workDir = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-binaries"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("fsync", durability.setting)
                    .setServerConfig("synchronous_commit", durability.setting)
                    .setServerConfig("full_page_writes", durability.setting)
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates the database unless it exists; safe to call on every start. */
    public void ensureDatabase(String database) {
        plainName(database);
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes {@code database} unreachable while the server and the other databases keep serving: new connections
     * to it are refused and the open ones are ended, as a network cut or a failed-over primary would. For fault
     * tests; {@link #allowConnections} undoes it.
     */
    public void refuseConnections(String database) {
        execute("alter database " + plainName(database) + " with allow_connections false");
        execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + plainName(database) + "'");
    }

    /** Accepts connections to {@code database} again. */
    public void allowConnections(String database) {
        execute("alter database " + plainName(database) + " with allow_connections true");
    }

    private void execute(String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + ": " + e.getMessage(), e);
        }
    }

    private static String plainName(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        return database;
    }

    /**
     * Kills the server as a power cut would: SIGKILL to the postmaster, whose backends then exit on their own, with
     * no checkpoint and no shutdown. For the crash test; {@link #restart()} starts it again on its data directory.
     */
    public void kill() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
            List<ProcessHandle> backends = postmaster.children().toList();
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);
            for (ProcessHandle backend : backends) {
                // A backend notices its postmaster's death at its next wait; none may hold the shared memory at restart.
                backend.onExit().get(30, TimeUnit.SECONDS);
            }
            // Lets go of the data directory's lock this JVM holds (its stop of the dead server only logs an error).
            server.close();
        } catch (IOException | InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not kill PostgreSQL: " + e, e);
        }
    }

    /** Starts the server again on the same port and data directory, after {@link #kill()}: PostgreSQL recovers from its WAL. */
    public void restart() {
        server = launch(dataDir, port(), durability);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
