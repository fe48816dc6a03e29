package fr.antiharcelement.events.consumer;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of a batch are retried from the committed offsets, and which send its events to the dead letters. */
class RetryableFailureTest {

    @Test
    void aDeadlockBetweenReachInstancesIsRetriedNotDeadLettered() {
        assertThat(VersionedConsumer.isRetryableFailure(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
    }

    @Test
    void aSerializationFailureIsRetried() {
        assertThat(VersionedConsumer.isRetryableFailure(wrapped(new SQLException("could not serialize access", "40001")))).isTrue();
    }

    @Test
    void anUnreachableDatabaseIsRetried() {
        assertThat(VersionedConsumer.isRetryableFailure(wrapped(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(VersionedConsumer.isRetryableFailure(wrapped(new SQLTransientConnectionException("pool exhausted")))).isTrue();
        assertThat(VersionedConsumer.isRetryableFailure(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
    }

    @Test
    void anEventTheDatabaseRefusesIsNotRetried() {
        assertThat(VersionedConsumer.isRetryableFailure(wrapped(new SQLException("value too long", "22001")))).isFalse();
        assertThat(VersionedConsumer.isRetryableFailure(wrapped(new SQLException("violates check constraint", "23514")))).isFalse();
        assertThat(VersionedConsumer.isRetryableFailure(new IllegalArgumentException("unknown event type"))).isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("batch failed", new PersistenceException("could not execute statement", cause));
    }
}
