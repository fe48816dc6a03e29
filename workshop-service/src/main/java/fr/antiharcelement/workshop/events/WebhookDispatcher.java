package fr.antiharcelement.workshop.events;

import fr.antiharcelement.kernel.retry.Backoff;
import fr.antiharcelement.kernel.work.WakeableWorker;
import fr.antiharcelement.workshop.domain.webhook.Webhooks;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The delivery worker of this instance: sends due deliveries as long as there are some, then waits to be woken (a
 * committed change that recorded deliveries) or for the poll interval (retries falling due, other instances' changes).
 * Every instance runs one; they share the rows through {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    Webhooks webhooks;

    @Inject
    WebhookConfig config;

    private final WakeableWorker worker = new WakeableWorker("webhook-dispatcher");

    void start(@Observes StartupEvent startup) {
        worker.start(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.stop(config.requestTimeout().plusSeconds(5));
    }

    /** Asks the worker to look for due deliveries now. */
    public void wake() {
        worker.wake();
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        while (worker.running()) {
            try {
                int sent;
                do {
                    sent = webhooks.dispatchDue(config.batchSize());
                } while (sent > 0 && worker.running());
                backoff.reset();
                worker.awaitWakeUp(config.pollInterval());
            } catch (RuntimeException e) {
                // The database is down or the rows could not be recorded: they are still pending, try again later.
                Duration pause = backoff.nextPause();
                LOG.warnf("Webhook deliveries failed, trying again in %d ms: %s", pause.toMillis(), e.toString());
                worker.awaitWakeUp(pause);
            }
        }
    }
}
