package fr.antiharcelement.kernel.sql;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Unavailable (503, retry later) versus transient (retry the transaction) versus a real error. */
class SqlFailuresTest {

    @Test
    void aDeadlockIsTransientButTheDatabaseIsAvailable() {
        RuntimeException deadlock = wrapped(new SQLException("deadlock detected", "40P01"));

        assertThat(SqlFailures.isTransient(deadlock)).isTrue();
        assertThat(SqlFailures.isUnavailable(deadlock)).isFalse();
    }

    @Test
    void aRefusedConnectionIsUnavailableAndTransient() {
        RuntimeException refused = wrapped(new SQLException("Connection refused", "08001"));

        assertThat(SqlFailures.isUnavailable(refused)).isTrue();
        assertThat(SqlFailures.isTransient(refused)).isTrue();
    }

    @Test
    void badDataIsNeither() {
        RuntimeException tooLong = wrapped(new SQLException("value too long", "22001"));

        assertThat(SqlFailures.isUnavailable(tooLong)).isFalse();
        assertThat(SqlFailures.isTransient(tooLong)).isFalse();
    }

    @Test
    void findsTheViolationOfANamedConstraint() {
        RuntimeException overlap = wrapped(new SQLException(
                "conflicting key value violates exclusion constraint \"workshop_no_double_booking\"", "23P01"));

        assertThat(SqlFailures.violation(overlap, "23P01", "workshop_no_double_booking")).isPresent();
        assertThat(SqlFailures.violation(overlap, "23505", "workshop_no_double_booking")).isEmpty();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("batch failed", new IllegalStateException("could not execute statement", cause));
    }
}
