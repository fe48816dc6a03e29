package fr.antiharcelement.reach.persistence;

import fr.antiharcelement.kernel.retry.Backoff;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells this instance when the projection may have changed, whichever reach instance changed it, so that reads can be
 * answered from memory in between (see {@link ReachQueries}). Every transaction that writes the projection sends a
 * NOTIFY on {@value #CHANNEL}, which PostgreSQL delivers to every listening session when, and only if, it commits; one
 * connection of each instance LISTENs and moves {@link #generation()} on at each. What was read at a generation is
 * still what the database holds while the generation stays the same.
 *
 * <p>Nothing is missed silently. While the listening connection is down there is no generation, so reads go to the
 * database; once it listens again the generation moves on, so whatever committed meanwhile is read afresh. And after
 * each quiet {@code check-interval} it reads the version of projection_state's row (its xmin: the transaction that
 * last wrote it, which every batch does) and moves on if that changed unannounced: a safety net should the connection
 * die without telling.
 */
@ApplicationScoped
public class ProjectionChanges {

    static final String CHANNEL = "reach_projection_changed";
    private static final Logger LOG = Logger.getLogger(ProjectionChanges.class);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    ChangesConfig config;

    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean running = true;
    private Thread listener;

    void onStart(@Observes StartupEvent startup) {
        listener = new Thread(this::listen, "reach-projection-changes");
        listener.setDaemon(true);
        listener.start();
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** The current generation, or -1 while changes cannot be heard: nothing may be answered from memory then. */
    public long generation() {
        long current = generation.get();
        return listening ? current : -1;
    }

    private void listen() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user.orElse(null), password.orElse(null))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                // Listening from here on: what committed before is read afresh at the new generation.
                String lastVersion = rowVersion(connection);
                generation.incrementAndGet();
                listening = true;
                backoff.reset();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications((int) config.checkInterval().toMillis());
                    if (received != null && received.length > 0) {
                        generation.incrementAndGet();
                    } else {
                        String version = rowVersion(connection);
                        if (!version.equals(lastVersion)) {
                            lastVersion = version;
                            generation.incrementAndGet();
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    Duration pause = backoff.nextPause();
                    LOG.warnf("Not hearing the projection's changes (reads go to the database meanwhile), again in %d ms: %s",
                            pause.toMillis(), e.toString());
                    pause(pause);
                }
            } finally {
                listening = false;
            }
        }
    }

    private static String rowVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select xmin::text from projection_state where name = '" + ReachStore.PROJECTION + "'")) {
            return row.next() ? row.getString(1) : "none";
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
