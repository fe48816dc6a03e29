package fr.antiharcelement.reach.domain;

import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.reach.events.ReachConsumer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Rebuilds the reach projection from the topics, from offset 0, while reads keep answering from the live one.
 *
 * <p>A second consumer group fills a shadow copy of the projection tables (schema {@code reach_rebuild}). Once
 * it has caught up, the live consumer stops, the rebuild reads the last events, and one transaction swaps the
 * tables and hands the rebuild's applied versions to the live consumer; the live consumer group then takes the
 * rebuild group's offsets and starts again. Readers wait only for that swap.
 */
@ApplicationScoped
public class ReachRebuild {

    private static final Logger LOG = Logger.getLogger(ReachRebuild.class);
    private static final String SHADOW = "reach_rebuild";
    static final List<String> TABLES = List.of("school_info", "campaign_info", "partner_info", "workshop_contribution",
            "reach_total", "reach_school", "projection_state");

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public record Status(State state, OffsetDateTime startedAt, OffsetDateTime finishedAt, String detail) {
    }

    @Inject
    EventConsumers consumers;

    @Inject
    ReachProjection projection;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private volatile Status status = new Status(State.IDLE, null, null, null);

    public Status status() {
        return status;
    }

    public synchronized Status start() {
        if (status.state() == State.RUNNING) {
            throw ProblemException.conflict("A rebuild is running since " + status.startedAt());
        }
        status = new Status(State.RUNNING, OffsetDateTime.now(), null, "reading the topics from the beginning");
        Thread worker = new Thread(this::run, "reach-rebuild");
        worker.setDaemon(true);
        worker.start();
        return status;
    }

    private void run() {
        String rebuilder = ReachConsumer.NAME + ".rebuild-" + System.currentTimeMillis();
        try {
            QuarkusTransaction.requiringNew().run(this::createShadow);
            consumers.start(rebuilder, ReachConsumer.TOPICS, events -> {
                entityManager.createNativeQuery("set local search_path to " + SHADOW + ", public").executeUpdate();
                projection.apply(events);
            });
            await(() -> consumers.caughtUp(rebuilder), Duration.ofMinutes(30));
            consumers.stop(ReachConsumer.NAME);
            await(() -> consumers.caughtUp(rebuilder), Duration.ofMinutes(5));
            consumers.stop(rebuilder);
            QuarkusTransaction.requiringNew().run(() -> swap(rebuilder));
            handOverOffsets(rebuilder);
            status = new Status(State.DONE, status.startedAt(), OffsetDateTime.now(), "projection rebuilt from the topics");
            LOG.infof("Reach projection rebuilt from the topics");
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reach rebuild failed; the live projection is unchanged");
            consumers.stop(rebuilder);
            status = new Status(State.FAILED, status.startedAt(), OffsetDateTime.now(), e.getMessage());
        } finally {
            if (!consumers.alive().containsKey(ReachConsumer.NAME)) {
                consumers.start(ReachConsumer.NAME, ReachConsumer.TOPICS, projection::apply);
            }
        }
    }

    private void createShadow() {
        entityManager.createNativeQuery("drop schema if exists " + SHADOW + " cascade").executeUpdate();
        entityManager.createNativeQuery("create schema " + SHADOW).executeUpdate();
        for (String table : TABLES) {
            entityManager.createNativeQuery("create table " + SHADOW + "." + table + " (like public." + table + " including all)")
                    .executeUpdate();
        }
    }

    private void swap(String rebuilder) {
        entityManager.createNativeQuery("lock table " + String.join(", ", TABLES) + " in access exclusive mode").executeUpdate();
        for (String table : TABLES) {
            entityManager.createNativeQuery("drop table public." + table).executeUpdate();
            entityManager.createNativeQuery("alter table " + SHADOW + "." + table + " set schema public").executeUpdate();
        }
        entityManager.createNativeQuery("drop schema " + SHADOW).executeUpdate();
        entityManager.createNativeQuery("delete from consumed_version where consumer = ?1").setParameter(1, ReachConsumer.NAME)
                .executeUpdate();
        entityManager.createNativeQuery("update consumed_version set consumer = ?1 where consumer = ?2")
                .setParameter(1, ReachConsumer.NAME).setParameter(2, rebuilder).executeUpdate();
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
