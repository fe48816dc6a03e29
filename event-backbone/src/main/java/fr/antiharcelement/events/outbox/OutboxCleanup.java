package fr.antiharcelement.events.outbox;

import fr.antiharcelement.events.EventsConfig;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes published outbox rows older than the retention (kept meanwhile for diagnosis). The relay calls it when it
 * has nothing left to send, so it only runs on the instance that publishes, at most once per interval; deleting
 * rows another instance deletes too changes nothing, so it needs no lock of its own.
 */
@ApplicationScoped
public class OutboxCleanup {

    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    private volatile Instant lastRun = Instant.EPOCH;

    /** Deletes what is due if the last clean-up is older than the interval; a failure is retried at the next. */
    void runIfDue() {
        if (Duration.between(lastRun, Instant.now()).compareTo(config.outbox().cleanupInterval()) < 0) {
            return;
        }
        lastRun = Instant.now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from outbox_event where published_at < clock_timestamp() - make_interval(secs => ?)")) {
            delete.setLong(1, config.outbox().retention().toSeconds());
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                LOG.infof("Outbox: deleted %d rows published more than %s ago", deleted, config.outbox().retention());
            }
        } catch (SQLException e) {
            LOG.warnf("Outbox clean-up failed, will retry: %s", e.getMessage());
        }
    }
}
