package fr.antiharcelement.reach.events;

import fr.antiharcelement.events.KafkaClients;
import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.reach.domain.ProjectionRebuilder;
import fr.antiharcelement.reach.domain.ShadowTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Rebuilds the reach projection from the topics, from offset 0, while reads keep answering from the live one and the
 * live consumer keeps applying new events on every instance.
 *
 * <p>A consumer group of its own fills the shadow tables. Once it has caught up, it stops (its last batch
 * committed) and one transaction, between two batches of the live consumer on every instance, checks that the
 * rebuild has applied at least every version the live consumer has, swaps the tables and hands the rebuild's
 * versions to the live consumer. The live consumer then goes on from its own offsets: what it reads next that the
 * rebuild already applied is not newer, so it changes nothing. If the live consumer was ahead (an event arrived
 * between the rebuild's stop and the swap), nothing is swapped and the rebuild reads on, then tries again.
 */
@ApplicationScoped
public class ShadowRebuild implements ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ShadowRebuild.class);
    private static final int SWAP_ATTEMPTS = 50;

    @Inject
    EventConsumers consumers;

    @Inject
    ReachConsumer live;

    @Inject
    ShadowTables shadow;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Override
    public void rebuild(String runner) {
        String rebuilder = ReachConsumer.NAME + ".rebuild-" + System.currentTimeMillis();
        try {
            shadow.create();
            for (int attempt = 1; ; attempt++) {
                consumers.start(rebuilder, ReachConsumer.TOPICS, live.redirected(shadow::writeToShadowInThisTransaction));
                await(() -> consumers.caughtUp(rebuilder), Duration.ofMinutes(30));
                consumers.stop(rebuilder);
                if (shadow.swapIn(rebuilder, ReachConsumer.NAME, runner)) {
                    LOG.infof("Reach projection rebuilt from the topics (swapped at attempt %d)", attempt);
                    break;
                }
                if (attempt == SWAP_ATTEMPTS) {
                    throw new IllegalStateException("new events kept arriving between the rebuild's stop and its swap, "
                            + SWAP_ATTEMPTS + " times");
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reach rebuild failed; the live projection is unchanged");
            consumers.stop(rebuilder);
            throw e;
        }
        forgetGroup(rebuilder);
    }

    /** The rebuild's consumer group is of no use once swapped; a failure to delete it only leaves an idle group. */
    private void forgetGroup(String rebuilder) {
        try (Admin admin = Admin.create(KafkaClients.secured(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers)))) {
            admin.deleteConsumerGroups(List.of(rebuilder)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("Rebuild done; its consumer group %s could not be deleted: %s", rebuilder, e.toString());
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The rebuild did not catch up within " + timeout);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200); // a background job polling a consumer's position
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }
}
