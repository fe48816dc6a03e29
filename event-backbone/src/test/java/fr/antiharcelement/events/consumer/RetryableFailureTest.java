package fr.antiharcelement.events.consumer;

import fr.antiharcelement.kernel.sql.SqlFailures;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures of a batch are retried from the committed offsets, and which send its events to the dead letters. */
class RetryableFailureTest {

    @Test
    void aDeadlockBetweenReachInstancesIsRetriedNotDeadLettered() {
        assertThat(SqlFailures.isTransient(wrapped(new SQLException("deadlock detected", "40P01")))).isTrue();
    }

    @Test
    void aSerializationFailureIsRetried() {
        assertThat(SqlFailures.isTransient(wrapped(new SQLException("could not serialize access", "40001")))).isTrue();
    }

    @Test
    void anUnreachableDatabaseIsRetried() {
        assertThat(SqlFailures.isTransient(wrapped(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(SqlFailures.isTransient(wrapped(new SQLTransientConnectionException("pool exhausted")))).isTrue();
        assertThat(SqlFailures.isTransient(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
    }

    @Test
    void anEventTheDatabaseRefusesIsNotRetried() {
        assertThat(SqlFailures.isTransient(wrapped(new SQLException("value too long", "22001")))).isFalse();
        assertThat(SqlFailures.isTransient(wrapped(new SQLException("violates check constraint", "23514")))).isFalse();
        assertThat(SqlFailures.isTransient(new IllegalArgumentException("unknown event type"))).isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        // As the kernel's Jdbc wraps a statement's failure, inside whatever the batch's transaction adds.
        return new RuntimeException("batch failed", new IllegalStateException("Database call failed: " + cause.getMessage(), cause));
    }
}
