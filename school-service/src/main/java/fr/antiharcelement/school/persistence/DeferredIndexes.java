package fr.antiharcelement.school.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.kernel.work.WakeableWorker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The school table's indexes a bulk load set aside, built again after the load has committed.
 *
 * <ul>
 * <li>Building an index over every row at once costs a fraction of keeping it up to date row by row; building it
 * inside the load's transaction made the import's caller wait for it (the trigram index alone about a second of a
 * national file's seven) and kept every reader of the table waiting, since dropping an index locks the table until
 * the transaction ends.</li>
 * <li>So the load drops them and writes their definitions into {@code deferred_index}, in its own transaction: a
 * rollback brings the indexes back and leaves no row. Once it commits, this builds each one with
 * {@code create index concurrently}, which lets searches and writes go on meanwhile (searches then scan the table:
 * about 20 ms on a national directory instead of a few).</li>
 * <li>One instance builds at a time (a session advisory lock, tried, never waited for), and a load never begins while
 * a build runs ({@link #setAsideForLoad} tries the same lock for its transaction): a concurrent build waits for
 * older transactions to end, so either waiting for the other could deadlock.</li>
 * <li>Every instance looks at start and every {@link #LOOK_EVERY} besides after its own loads, so a row left by an
 * instance stopped mid-build is built by the next to look; an index that build left invalid is dropped first.</li>
 * </ul>
 */
@ApplicationScoped
public class DeferredIndexes {

    private static final Logger LOG = Logger.getLogger(DeferredIndexes.class);
    /** Any constant shared by every instance of school-service (its database is its own). */
    static final long BUILD_LOCK = 0x696e6465786573L;
    static final Duration LOOK_EVERY = Duration.ofMinutes(1);

    private record Deferred(String name, String definition) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final WakeableWorker worker = new WakeableWorker("deferred-indexes");

    void start(@Observes StartupEvent startup) {
        worker.start(this::run);
    }

    /** A build under way goes on in the database; the next instance to look finds the index there, or builds it. */
    void stop(@Observes ShutdownEvent shutdown) {
        worker.stop(Duration.ZERO);
    }

    /**
     * In the caller's transaction: drops the school table's indexes but those of its constraints (the primary key,
     * which a load needs), and records them to be built once the transaction commits. Returns false, and changes
     * nothing, while an instance is building indexes: the load then keeps them up to date as any write does.
     */
    boolean setAsideForLoad() {
        return Jdbc.withConnection(dataSource, connection -> {
            boolean free = Jdbc.query(connection, "select pg_try_advisory_xact_lock(?)", statement -> statement.setLong(1, BUILD_LOCK),
                    row -> row.getBoolean(1)).get(0);
            if (!free) {
                return false;
            }
            List<String> names = Jdbc.query(connection, """
                    with found as (
                      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition from pg_index i
                      where i.indrelid = 'school'::regclass
                        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)),
                    recorded as (insert into deferred_index (name, definition) select name, definition from found
                                 on conflict (name) do nothing)
                    select name from found order by name""", Jdbc.Binder.NONE, row -> row.getString(1));
            try (Statement drop = connection.createStatement()) {
                for (String name : names) {
                    drop.execute("drop index " + name);
                }
            }
            transactions.registerInterposedSynchronization(new BuildAfterCommit());
            return true;
        });
    }

    /** How many indexes wait to be built (or are being built). */
    public long pending() {
        return Jdbc.count(dataSource, "select count(*) from deferred_index", Jdbc.Binder.NONE);
    }

    /** Asks the builder to look now. */
    void wake() {
        worker.wake();
    }

    private void run() {
        while (worker.running()) {
            try {
                buildPending();
            } catch (RuntimeException e) {
                LOG.warnf("Deferred indexes: the build failed, will retry in %s: %s", LOOK_EVERY, e.getMessage());
            }
            worker.awaitWakeUp(LOOK_EVERY);
        }
    }

    /**
     * Builds every index waiting in {@code deferred_index}, unless another instance is at it. Returns how many it built
     * (0 too when another instance holds the lock).
     */
    int buildPending() {
        return Jdbc.withConnection(dataSource, connection -> {
            if (!Jdbc.query(connection, "select exists (select 1 from deferred_index)", Jdbc.Binder.NONE, row -> row.getBoolean(1)).get(0)) {
                return 0;
            }
            boolean locked = Jdbc.query(connection, "select pg_try_advisory_lock(?)", statement -> statement.setLong(1, BUILD_LOCK),
                    row -> row.getBoolean(1)).get(0);
            if (!locked) {
                return 0;
            }
            try {
                int built = 0;
                for (Deferred index : Jdbc.query(connection, "select name, definition from deferred_index order by name",
                        Jdbc.Binder.NONE, row -> new Deferred(row.getString(1), row.getString(2)))) {
                    built += build(connection, index);
                }
                return built;
            } finally {
                Jdbc.query(connection, "select pg_advisory_unlock(?)", statement -> statement.setLong(1, BUILD_LOCK), row -> null);
            }
        });
    }

    /** One index, outside any transaction (a concurrent build must be); 0 if it was there already, valid. */
    private int build(Connection connection, Deferred index) throws SQLException {
        Boolean valid = Jdbc.query(connection, "select indisvalid from pg_index where indexrelid = to_regclass(?)",
                statement -> statement.setString(1, index.name()), row -> row.getBoolean(1)).stream().findFirst().orElse(null);
        if (Boolean.TRUE.equals(valid)) { // built by a look that stopped before it forgot the row
            forget(connection, index);
            return 0;
        }
        long started = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            if (valid != null) {
                statement.execute("drop index concurrently " + index.name()); // what an interrupted build left
            }
            statement.execute(concurrently(index.definition()));
        }
        forget(connection, index);
        LOG.infof("Deferred indexes: %s built in %d ms", index.name(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return 1;
    }

    private static void forget(Connection connection, Deferred index) throws SQLException {
        Jdbc.update(connection, "delete from deferred_index where name = ?", statement -> statement.setString(1, index.name()));
    }

    /** {@code pg_get_indexdef}'s {@code CREATE [UNIQUE] INDEX name ON ...} as a concurrent build. */
    static String concurrently(String definition) {
        String concurrent = definition.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ");
        if (concurrent.equals(definition)) {
            throw new IllegalArgumentException("Not an index definition: " + definition);
        }
        return concurrent;
    }

    /** Wakes the builder once the load that set the indexes aside has committed. */
    private final class BuildAfterCommit implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                wake();
            }
        }
    }
}
