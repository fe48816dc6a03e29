package fr.antiharcelement.infra.testing;

import fr.antiharcelement.infra.DataDirectories;
import fr.antiharcelement.infra.kafka.LocalKafka;
import fr.antiharcelement.infra.postgres.LocalPostgres;
import fr.antiharcelement.infra.security.LocalKeys;
import fr.antiharcelement.infra.security.TokenMinter;

import java.nio.file.Path;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use under the module's
 * {@code target/} and stopped when the JVM exits. Fault tests reach the broker through {@link #kafka()}.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final LocalKeys keys;
    private final TokenMinter tokens;
    private final LocalPostgres.Durability durability;

    private TestInfrastructure(Path home, LocalPostgres.Durability durability) {
        this.durability = durability;
        keys = LocalKeys.ensure(home.resolve("keys"));
        tokens = new TokenMinter(keys.privateKey(), TokenMinter.LOCAL_ISSUER);
        postgres = LocalPostgres.start(home.resolve("postgres"), 0, durability);
        kafka = LocalKafka.start(home.resolve("kafka"), 0, 0);
    }

    /**
     * The tests' infrastructure. Its PostgreSQL runs without fsync, synchronous commit or full-page writes: the
     * tests' data is deleted with the run, and they go several times faster. Crash-safety is what {@code ./run}
     * and the benchmarks use ({@link #durable()}); the fault test that kills PostgreSQL itself runs on that.
     */
    public static synchronized TestInfrastructure get() {
        return start(LocalPostgres.Durability.FAST_FOR_TESTS);
    }

    /**
     * The same with a PostgreSQL as durable as a production server's, for benchmarks and crash tests; ask for it
     * first: {@link #get()} then returns it too.
     */
    public static synchronized TestInfrastructure durable() {
        return start(LocalPostgres.Durability.DURABLE);
    }

    private static TestInfrastructure start(LocalPostgres.Durability durability) {
        if (instance != null && durability == LocalPostgres.Durability.DURABLE && instance.durability != durability) {
            throw new IllegalStateException("This JVM's PostgreSQL is already " + instance.durability + ", not " + durability);
        }
        if (instance == null) {
            DataDirectories.delete(home());
            TestInfrastructure started = new TestInfrastructure(home(), durability);
            Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown, "local-infra-shutdown"));
            instance = started;
        }
        return instance;
    }

    /** Where the infrastructure keeps its data: {@code target/local-infra} of the module, wiped on first use. */
    public static Path home() {
        return Path.of(System.getProperty("basedir", "."), "target", "local-infra");
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public LocalKeys keys() {
        return keys;
    }

    public TokenMinter tokens() {
        return tokens;
    }

    private void shutdown() {
        kafka.close();
        postgres.close();
    }
}
