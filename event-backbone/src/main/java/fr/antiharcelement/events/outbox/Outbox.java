package fr.antiharcelement.events.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records an event in the same database transaction as the change it describes. Nothing is sent here: the
 * {@link OutboxRelay} publishes the row once the transaction has committed, so a rolled-back change publishes
 * nothing and a committed one is never lost, whatever Kafka is doing.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_KEY = new Object();

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    /**
     * Appends an event about aggregate {@code aggregateId} at {@code version}; {@code data} is its full state,
     * serialised as the record value. Must run inside the transaction that makes the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String aggregateId, String type, long version, Object data) {
        UUID id = UUID.randomUUID();
        // Naming the table it touches spares the insert a flush of the whole session (a bulk import's every row).
        entityManager.createNativeQuery("""
                        insert into outbox_event (id, topic, aggregate_id, aggregate_version, event_type, payload, occurred_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .addSynchronizedQuerySpace("outbox_event")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, aggregateId)
                .setParameter(4, version)
                .setParameter(5, type)
                .setParameter(6, json(data))
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        wakeRelayAfterCommit();
        return id;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    private String json(Object data) {
        try {
            return objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be serialised: " + e.getOriginalMessage(), e);
        }
    }
}
