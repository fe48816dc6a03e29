package fr.antiharcelement.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.kernel.sql.Columns;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the same database transaction as the change it describes. Nothing is sent here: the
 * {@link OutboxRelay} publishes the row once the transaction has committed, so a rolled-back change publishes
 * nothing and a committed one is never lost, whatever Kafka is doing.
 *
 * <p>The rows of a transaction are written together, in one {@code insert ... select from unnest(...)}: when the
 * transaction is about to commit, or every {@value #WRITE_EVERY} rows. An import of the national annuaire
 * appends some 60,000 events in one transaction, and a statement per event was most of its time.
 */
@ApplicationScoped
public class Outbox {

    /** Rows held before they are written: a bulk import's memory stays small, each statement carries many rows. */
    static final int WRITE_EVERY = 500;

    private static final Object PENDING_KEY = new Object();

    /** The rows' columns, as {@link #INSERT} reads them. */
    private static final String[] COLUMN_TYPES = {"uuid", "text", "text", "int8", "text", "text", "timestamptz"};

    /** Written once: every commit that appended events runs it. */
    private static final String INSERT = """
            insert into outbox_event (id, topic, aggregate_id, aggregate_version, event_type, payload, occurred_at)
            select id, topic, aggregate_id, aggregate_version, event_type, payload, occurred_at
            from unnest(%s)
              with ordinality as row (id, topic, aggregate_id, aggregate_version, event_type, payload, occurred_at, n)
            order by n""".formatted(Columns.placeholders(COLUMN_TYPES));

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /**
     * Appends an event about aggregate {@code aggregateId} at {@code version}; {@code data} is its full state,
     * serialised as the record value. Must run inside the transaction that makes the change, which commits the row
     * or none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String aggregateId, String type, long version, Object data) {
        UUID id = UUID.randomUUID();
        Pending pending = pending();
        pending.rows.add(new Row(id, topic, aggregateId, version, type, json(data), OffsetDateTime.now(ZoneOffset.UTC)));
        if (pending.rows.size() >= WRITE_EVERY) {
            pending.write();
        }
        return id;
    }

    /** This transaction's rows not yet written, registered with the transaction at its first append. */
    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(PENDING_KEY);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(PENDING_KEY, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        return pending;
    }

    private String json(Object data) {
        try {
            return objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be serialised: " + e.getOriginalMessage(), e);
        }
    }

    private record Row(UUID id, String topic, String aggregateId, long version, String type, String payload,
                       OffsetDateTime occurredAt) {
    }

    /**
     * The rows of one transaction. They are written before it commits (a failure to write them rolls the change
     * back with them) and the relay is woken once it has.
     */
    private final class Pending implements Synchronization {

        private final List<Row> rows = new ArrayList<>();

        @Override
        public void beforeCompletion() {
            write();
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }

        /**
         * In append order: the relay publishes by insertion order, which keeps each aggregate's events in order.
         *
         * <p>Through the data source, closing the handle at once: inside the transaction it is the transaction's own
         * connection. The last write runs in {@link #beforeCompletion()}, after Hibernate has flushed and let its
         * connection go; a Hibernate {@code doWork} there took the connection again and left it open, and the pool
         * closed it at commit with a warning logged for every change.
         */
        void write() {
            if (rows.isEmpty()) {
                return;
            }
            Columns columns = new Columns(COLUMN_TYPES);
            rows.forEach(row -> columns.add(row.id(), row.topic(), row.aggregateId(), row.version(), row.type(), row.payload(),
                    Timestamp.from(row.occurredAt().toInstant())));
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    columns.bind(insert);
                    insert.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Outbox rows could not be written: " + e.getMessage(), e);
            }
            rows.clear();
        }
    }
}
