package fr.antiharcelement.reach.events;

import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.reach.domain.ProjectionRebuilder;
import fr.antiharcelement.reach.domain.ShadowTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Rebuilds the reach projection from the topics, from offset 0, while reads keep answering from the live one.
 *
 * <p>A second consumer group fills the shadow tables. Once it has caught up, the live consumer stops, the rebuild
 * reads the last events, and one transaction swaps the tables and hands the rebuild's applied versions to the live
 * consumer; the live consumer group then takes the rebuild group's offsets and starts again.
 */
@ApplicationScoped
public class ShadowRebuild implements ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ShadowRebuild.class);

    @Inject
    EventConsumers consumers;

    @Inject
    ReachConsumer live;

    @Inject
    ShadowTables shadow;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Override
    public void rebuild() {
        String rebuilder = ReachConsumer.NAME + ".rebuild-" + System.currentTimeMillis();
        try {
            shadow.create();
            consumers.start(rebuilder, ReachConsumer.TOPICS, events -> {
                shadow.writeToShadowInThisTransaction();
                live.apply(events);
            });
            await(() -> consumers.caughtUp(rebuilder), Duration.ofMinutes(30));
            consumers.stop(ReachConsumer.NAME);
            await(() -> consumers.caughtUp(rebuilder), Duration.ofMinutes(5));
            consumers.stop(rebuilder);
            shadow.swapIn(rebuilder, ReachConsumer.NAME);
            handOverOffsets(rebuilder);
            LOG.infof("Reach projection rebuilt from the topics");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reach rebuild failed; the live projection is unchanged");
            consumers.stop(rebuilder);
            throw e;
        } finally {
            if (!consumers.alive().containsKey(ReachConsumer.NAME)) {
                live.start();
            }
        }
    }

    /** The live group resumes where the rebuild stopped: every record after that is newer than the rebuilt tables. */
    private void handOverOffsets(String rebuilder) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(rebuilder)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            admin.alterConsumerGroupOffsets(ReachConsumer.NAME, offsets).all().get(30, TimeUnit.SECONDS);
            admin.deleteConsumerGroups(List.of(rebuilder)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not hand the rebuild's offsets over: " + e.getMessage(), e);
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
