package fr.antiharcelement.api.idempotency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes idempotency records past their retention, every {@link IdempotencyConfig#purgeInterval()} on every instance.
 * A plain delete by age: two instances running it at once delete each row once and wait for nothing else.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotencyConfig config;

    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent startup) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Deletes every record older than the retention; how many. */
    public int purge() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from idempotency_key where created_at < clock_timestamp() - make_interval(secs => ?)")) {
            delete.setLong(1, config.retention().toSeconds());
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Idempotency keys: deleted %d older than %s", deleted, config.retention());
            }
            return deleted;
        }
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (SQLException | RuntimeException e) {
            // The database may be away for a while: the next run deletes what this one could not.
            LOG.warnf("Idempotency purge failed, will retry: %s", e.getMessage());
        }
    }
}
