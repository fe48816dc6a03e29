package fr.antiharcelement.events.consumer;

import fr.antiharcelement.kernel.sql.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A transaction-scoped advisory lock per consumer, across every instance of the service. Each batch of a versioned
 * consumer holds it shared from the start of its transaction (before it claims versions); a transaction that
 * replaces what the consumer has applied (reach's rebuild swapping its tables) takes it exclusively, and so runs
 * between batches of every instance, never beside one, without stopping any consumer.
 */
@ApplicationScoped
public class ConsumerFence {

    @Inject
    AgroalDataSource dataSource;

    /** Called by the consumer at the start of each batch's transaction. */
    void enterBatch(String consumer) {
        lock("select pg_advisory_xact_lock_shared(?)", consumer);
    }

    /** Waits until no batch of {@code consumer} is in flight on any instance, and holds new ones off until this transaction ends. */
    public void holdOff(String consumer) {
        lock("select pg_advisory_xact_lock(?)", consumer);
    }

    private void lock(String sql, String consumer) {
        Jdbc.query(dataSource, sql, statement -> statement.setLong(1, key(consumer)), row -> true);
    }

    /** A stable 64-bit key per consumer name; the high half marks it as a consumer fence, apart from other advisory locks. */
    static long key(String consumer) {
        CRC32 crc = new CRC32();
        crc.update(consumer.getBytes(StandardCharsets.UTF_8));
        return (0x66656e63L << 32) | crc.getValue();
    }
}
