package fr.antiharcelement.bench;

import fr.antiharcelement.infra.postgres.LocalPostgres;
import fr.antiharcelement.infra.testing.ChildService;
import fr.antiharcelement.infra.testing.TestInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * PostgreSQL and Kafka for one benchmark run (the tests' {@link TestInfrastructure}, data under
 * {@code benchmarks/target/local-infra}), and the services it starts, stopped in reverse order at the end or on
 * Ctrl-C.
 */
final class BenchEnvironment implements AutoCloseable {

    /** A started service: where it answers, and how to stop it. */
    record Service(String name, String database, ChildService process) {

        String url() {
            return process.url();
        }

        /**
         * Stops it, recording its peak resident memory first: what it needed under the benchmark's load (for the
         * baseline service, that is the baseline).
         */
        void stop() {
            if (process.isRunning()) {
                double peak = Report.residentMegabytes(process.pid(), "VmHWM");
                if (peak > 0) {
                    Figure figure = Figure.megabytes("peak resident memory, " + java.nio.file.Path.of(name).getFileName()
                            + " (database " + database + ")", peak);
                    Report.figure(name.equals(BaselineBenchmark.SERVICE) ? figure.provides(Baseline.MEMORY_PEAK)
                            : figure.against(Baseline.MEMORY_PEAK));
                }
            }
            try {
                process.close();
            } catch (RuntimeException e) {
                System.err.println("Stopping " + name + ": " + e);
            }
        }
    }

    private final TestInfrastructure infra;
    private final Deque<Service> started = new ArrayDeque<>();

    private BenchEnvironment(TestInfrastructure infra) {
        this.infra = infra;
    }

    static BenchEnvironment start() {
        Report.progress("starting embedded PostgreSQL and Kafka under " + TestInfrastructure.home());
        BenchEnvironment environment = new BenchEnvironment(TestInfrastructure.durable());
        Runtime.getRuntime().addShutdownHook(new Thread(environment::close, "bench-services-shutdown"));
        return environment;
    }

    String bootstrapServers() {
        return infra.kafka().bootstrapServers();
    }

    int postgresPort() {
        return infra.postgres().port();
    }

    /** The embedded PostgreSQL's version, as the server reports it. */
    String postgresVersion() {
        try (Connection connection = DriverManager.getConnection(infra.postgres().jdbcUrl("postgres"), LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             java.sql.ResultSet result = statement.executeQuery("show server_version")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** Starts {@code name} from its jar through the tests' {@link ChildService}, on database {@code database}. */
    Service service(String name, String database) {
        Report.progress("starting " + name + " (database " + database + ")");
        return track(new Service(name, database, ChildService.start(name, database)));
    }

    /** The same with settings of its own in its environment. */
    Service service(String name, String database, Map<String, String> settings) {
        Report.progress("starting " + name + " (database " + database + ", " + settings + ")");
        return track(new Service(name, database, ChildService.start(name, database, settings)));
    }


    /** Creates {@code database} unless it exists. Every database here is durable: fsync and synchronous commits are on. */
    void createDatabase(String database) {
        infra.postgres().ensureDatabase(database);
    }

    private synchronized Service track(Service service) {
        started.push(service);
        return service;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            started.pop().stop();
        }
    }
}
