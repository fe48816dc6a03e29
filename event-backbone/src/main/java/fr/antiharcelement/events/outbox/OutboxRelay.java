package fr.antiharcelement.events.outbox;

import fr.antiharcelement.events.KafkaClients;
import fr.antiharcelement.events.CloudEvent;
import fr.antiharcelement.events.EventsConfig;
import fr.antiharcelement.events.TopicAdmin;
import fr.antiharcelement.kernel.retry.Backoff;
import fr.antiharcelement.kernel.work.WakeableWorker;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Publishes committed outbox rows to Kafka and marks them published.
 *
 * <ul>
 * <li>Woken right after a commit that appended rows, and also polling as a safety net.</li>
 * <li>Selects rows by "not yet published", in insertion order: never by "id greater than the last one seen",
 * since sequence values commit out of order.</li>
 * <li>One relay publishes at a time across instances (a transaction-scoped advisory lock), which keeps each
 * aggregate's events in order on its partition.</li>
 * <li>Each batch is one Kafka transaction (idempotent, acks=all): consumers reading committed records see a
 * batch whole or not at all, so a broker outage mid-batch neither loses nor repeats an event. Rows are marked
 * published only after the Kafka commit; while Kafka is down they wait and writes keep succeeding.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant shared by every instance of the same service (each service has its own database). */
    private static final long LEADER_LOCK = 0x6f7574626f78L;
    private static final long COUNT_BACKLOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @Inject
    TopicAdmin topics;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxCleanup cleanup;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    private final WakeableWorker worker = new WakeableWorker("outbox-relay");
    private final AtomicLong backlog = new AtomicLong();
    /** When the relay's thread last counted the backlog ({@link #countUnpublished}). */
    private long backlogCountedAt = System.nanoTime() - COUNT_BACKLOG_EVERY_NANOS;
    private final AtomicLong parked = new AtomicLong();
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Timer latency;
    private volatile boolean failing;
    private RelayPace pace;

    void start(@Observes StartupEvent startup) {
        published = registry.counter("outbox.events.published");
        latency = Timer.builder("outbox.publish.latency").description("From the outbox row's insertion to its Kafka commit")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("outbox.backlog", backlog);
        registry.gauge("outbox.parked", parked);
        registry.gauge("outbox.relay.broker.failing", this, relay -> relay.failing ? 1 : 0);
        parked.set(countParked());
        pace = new RelayPace(config.outbox().linger(), config.outbox().lingerFullRate(), System.nanoTime());
        if (!config.outbox().relayEnabled()) {
            return;
        }
        worker.start(this::run);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.stop(Duration.ofSeconds(10));
        closeProducer();
    }

    /** Asks the relay to look for rows now (called after a commit that appended some). */
    public void wake() {
        worker.wake();
    }

    /** Whether the relay's last attempt to publish failed (the broker unreachable): rows wait, writes go on. */
    public boolean brokerFailing() {
        return failing;
    }

    /** Rows parked because the broker will not take them. */
    public long parked() {
        return parked.get();
    }

    private long countParked() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from outbox_event where parked_at is not null");
             ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            LOG.warnf("Outbox: could not count parked rows: %s", e.getMessage());
            return 0;
        }
    }

    /** Rows not yet published, as of the relay's last look. */
    public long backlog() {
        return backlog.get();
    }

    private void run() {
        Backoff backoff = new Backoff(config.outbox().firstBackoff(), config.outbox().maxBackoff());
        while (worker.running()) {
            try {
                int sent = publishBatch();
                if (failing) {
                    LOG.infof("Outbox relay publishing again; backlog %d", backlog.get());
                    failing = false;
                }
                backoff.reset();
                if (sent < config.outbox().batchSize()) {
                    cleanup.runIfDue();
                    if (sent > 0 && worker.wokenMeanwhile()) {
                        linger(); // busy: commits came in while this batch went out
                    } else {
                        worker.awaitWakeUp(config.outbox().pollInterval());
                    }
                }
            } catch (Exception e) {
                if (!failing) {
                    LOG.warnf("Outbox relay cannot publish (rows wait, nothing is lost): %s", e.toString());
                    failing = true;
                }
                closeProducer();
                worker.awaitWakeUp(backoff.nextPause());
            }
        }
    }

    /**
     * Under load every commit wakes the relay, and a Kafka transaction per handful of rows costs the broker far more
     * than the rows themselves (markers, coordinator round trips). A relay that was woken again while it published
     * is busy: it waits before it looks again, so that the commits of that moment go out in one transaction, and the
     * faster it has been publishing, the longer it waits ({@link RelayPace}). A relay that was not answers the next
     * wake-up at once, which keeps the latency of a lone change low: at 50 changes a second each one would otherwise
     * have waited the whole linger, its batch of one unchanged.
     */
    private void linger() {
        worker.pause(pace.lingerNanos(System.nanoTime()));
    }

    /** Publishes one batch; returns how many rows it published. */
    int publishBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLeadership(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Row> rows = unpublished(connection);
                if (rows.isEmpty()) {
                    backlog.set(0);
                    connection.rollback();
                    return 0;
                }
                Map<Boolean, List<Row>> bySize = rows.stream()
                        .collect(Collectors.partitioningBy(row -> row.size() > config.outbox().maxRecordBytes()));
                if (!bySize.get(true).isEmpty()) {
                    park(connection, bySize.get(true), "over " + config.outbox().maxRecordBytes() + " bytes, the largest record the relay sends");
                    rows = bySize.get(false);
                }
                List<Row> refused = send(rows);
                if (!refused.isEmpty()) {
                    // The broker refused these records themselves: the transaction was aborted, nothing was published.
                    park(connection, refused, "refused by the broker: record too large or invalid");
                    connection.commit();
                    return 0;
                }
                markPublished(connection, rows);
                connection.commit();
                record(rows);
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * A statement of its own, before the select of the rows: a statement sees the database as of its start, so a select
     * that took the lock itself could take it just as another relay's commit released it, and still see, as of before
     * that commit, the rows that relay had just published, and send them again.
     */
    private boolean tryLeadership(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LEADER_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private List<Row> unpublished(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, id, topic, aggregate_id, event_type, payload, occurred_at, created_at,
                       octet_length(payload) + octet_length(aggregate_id) + 1024 as record_bytes
                from outbox_event where published_at is null and parked_at is null order by seq limit ?""")) {
            select.setInt(1, config.outbox().batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong("seq"), result.getObject("id", UUID.class), result.getString("topic"),
                            result.getString("aggregate_id"), result.getString("event_type"), result.getString("payload"),
                            result.getObject("occurred_at", OffsetDateTime.class),
                            result.getObject("created_at", OffsetDateTime.class).toInstant(), result.getInt("record_bytes")));
                }
            }
        }
        if (rows.size() < config.outbox().batchSize()) {
            backlog.set(rows.size());
        } else if (System.nanoTime() - backlogCountedAt >= COUNT_BACKLOG_EVERY_NANOS) {
            backlog.set(countUnpublished(connection));
            backlogCountedAt = System.nanoTime();
        } else {
            backlog.accumulateAndGet(rows.size(), Math::max); // at least this batch: a burst after a quiet spell
        }
        return rows;
    }

    /**
     * The whole backlog, counted only when a batch comes back full, and then at most once a second; in between, the
     * rows published are taken off the last count ({@link #record}). A window count in the batch query would read
     * every waiting row for each batch, which made draining a large backlog quadratic; a count after every full batch
     * still read them all 122 times for an import's 61,380 events (1.3 to 1.5 s of PostgreSQL, as much as marking the
     * rows published).
     */
    private static long countUnpublished(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from outbox_event where published_at is null and parked_at is null");
             ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Sends the rows in one Kafka transaction and commits it. Returns the rows the broker refused as records (too
     * large, invalid), in which case the transaction was aborted: the caller parks them and the others go again.
     */
    private List<Row> send(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        KafkaProducer<String, String> kafka = producer();
        rows.stream().map(Row::topic).distinct().forEach(topics::ensure);
        kafka.beginTransaction();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try {
            for (Row row : rows) {
                CloudEvent event = new CloudEvent(row.id().toString(), row.type(), config.source(), row.aggregateId(),
                        row.occurredAt(), row.payload());
                sends.add(kafka.send(new ProducerRecord<>(row.topic(), null, row.aggregateId(), row.payload(), event.headers())));
            }
            commit(kafka);
            return List.of();
        } catch (RuntimeException e) {
            List<Row> refused = refusedRecords(rows, sends);
            if (refused.isEmpty()) {
                abort(kafka, e);
                throw e;
            }
            LOG.warnf("Outbox relay: the broker refused %d records (%s); parking them, the others go again", refused.size(),
                    e.toString());
            closeProducer(); // its transaction is in an error state it only leaves by aborting or closing
            return refused;
        }
    }

    /** The rows whose send failed because of the record itself, not because of the broker's state. */
    private static List<Row> refusedRecords(List<Row> rows, List<Future<RecordMetadata>> sends) {
        List<Row> refused = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            Future<RecordMetadata> send = sends.get(i);
            if (send.isDone()) {
                try {
                    send.get();
                } catch (ExecutionException failed) {
                    if (failed.getCause() instanceof RecordTooLargeException || failed.getCause() instanceof InvalidRecordException) {
                        refused.add(rows.get(i));
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                } catch (CancellationException cancelled) {
                    // not the record's fault
                }
            }
        }
        return refused;
    }

    private void park(Connection connection, List<Row> rows, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set parked_at = clock_timestamp(), parked_reason = ? where seq = any (?)")) {
            update.setString(1, reason);
            update.setArray(2, connection.createArrayOf("bigint", rows.stream().map(Row::seq).toArray()));
            update.executeUpdate();
        }
        for (Row row : rows) {
            LOG.errorf("Outbox relay: parked event %s (%s %s, %d bytes): %s", row.id(), row.type(), row.aggregateId(), row.size(), reason);
        }
        parked.addAndGet(rows.size());
    }

    /**
     * Commits the Kafka transaction. A commit that times out may still have happened on the broker (say, while it
     * was shutting down): aborting then, and sending the rows again, would publish them twice. Kafka lets a timed
     * out commit be retried until it answers, so the relay does exactly that, and only then marks the rows.
     */
    private void commit(KafkaProducer<String, String> kafka) {
        Backoff backoff = new Backoff(config.outbox().firstBackoff(), config.outbox().maxBackoff());
        while (true) {
            try {
                kafka.commitTransaction();
                return;
            } catch (org.apache.kafka.common.errors.TimeoutException uncertain) {
                if (!worker.running()) {
                    throw uncertain;
                }
                LOG.debugf("Kafka commit timed out; retrying it (it may have succeeded): %s", uncertain.getMessage());
                worker.awaitWakeUp(backoff.nextPause());
            } catch (RuntimeException e) {
                abort(kafka, e);
                throw e;
            }
        }
    }

    private static void abort(KafkaProducer<String, String> kafka, RuntimeException cause) {
        try {
            kafka.abortTransaction();
        } catch (RuntimeException abortFailed) {
            cause.addSuppressed(abortFailed);
        }
    }

    private void markPublished(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set published_at = clock_timestamp() where seq = any (?)")) {
            Array seqs = connection.createArrayOf("bigint", rows.stream().map(Row::seq).toArray());
            update.setArray(1, seqs);
            update.executeUpdate();
        }
    }

    private void record(List<Row> rows) {
        Instant now = Instant.now();
        for (Row row : rows) {
            latency.record(Duration.between(row.createdAt(), now));
        }
        published.increment(rows.size());
        backlog.addAndGet(-rows.size());
        pace.published(rows.size(), System.nanoTime());
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            KafkaProducer<String, String> created = new KafkaProducer<>(KafkaClients.secured(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay",
                    // Unique per instance: instances never fence each other; the advisory lock already serialises them.
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationName + "-outbox-" + UUID.randomUUID(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(config.outbox().brokerTimeout()),
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(config.outbox().brokerTimeout()),
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(config.outbox().deliveryTimeout()),
                    ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, millis(config.outbox().transactionTimeout()))),
                    new StringSerializer(), new StringSerializer());
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private static int millis(Duration duration) {
        return (int) duration.toMillis();
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debugf("Closing the outbox producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    /**
     * An outbox row; {@code size} is the bytes of the record Kafka would send, counted by PostgreSQL: key, value, and
     * 1 KiB for its CloudEvents headers (a few hundred bytes at most).
     */
    private record Row(long seq, UUID id, String topic, String aggregateId, String type, String payload,
                       OffsetDateTime occurredAt, Instant createdAt, int size) {
    }
}
