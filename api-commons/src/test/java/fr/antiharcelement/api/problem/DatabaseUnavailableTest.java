package fr.antiharcelement.api.problem;

import fr.antiharcelement.kernel.sql.SqlFailures;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failures the services meet when their database is gone, as the pool, the driver, the kernel's {@code Jdbc} and
 * the transaction interceptor wrap them, answer 503 with Retry-After; a failure of the database that is there, or a
 * bug, stays a 500.
 */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void anAcquisitionTimeoutOfThePoolIs503WithRetryAfter() {
        Response response = mappers.unexpected(jdbc(new SQLException("Sorry, acquisition timeout!")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((Problem) response.getEntity()).getDetail()).isEqualTo("The service's database is unavailable; retry shortly.");
    }

    @Test
    void aRefusedOrBrokenConnectionIsUnavailableHoweverItIsWrapped() {
        assertUnavailable(new PSQLException("Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT));
        assertUnavailable(jdbc(new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));
        assertUnavailable(new TransactionalException("ARJUNA016001: the transaction is not active",
                jdbc(new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST))));
        assertUnavailable(new SQLTransientConnectionException("no connection available"));
    }

    @Test
    void aServerThatRefusesSessionsIsUnavailable() {
        // What PostgreSQL answers when the database does not accept connections, shuts down, or has no slot left.
        assertUnavailable(jdbc(
                new PSQLException("FATAL: database \"workshop\" is not currently accepting connections", PSQLState.OBJECT_NOT_IN_STATE)));
        assertUnavailable(new SQLException("terminating connection due to administrator command", "57P01"));
        assertUnavailable(new SQLException("the database system is starting up", "57P03"));
        assertUnavailable(new SQLException("sorry, too many clients already", "53300"));
    }

    @Test
    void anErrorOfAReachableDatabaseOrABugIsStillA500() {
        assertThat(mappers.unexpected(jdbc(
                new PSQLException("insert or update on table \"workshop\" violates foreign key constraint", PSQLState.FOREIGN_KEY_VIOLATION)))
                .getStatus()).isEqualTo(500);
        assertThat(mappers.unexpected(new SQLException("syntax error at or near \"selec\"", "42601")).getStatus()).isEqualTo(500);
        assertThat(mappers.unexpected(new NullPointerException()).getStatus()).isEqualTo(500);
        assertThat(SqlFailures.isUnavailable(new SQLException("acquisition timeout of the import", "22023"))).isFalse();
    }

    /** As the kernel's {@code Jdbc} throws what the pool or the driver threw. */
    static IllegalStateException jdbc(SQLException cause) {
        return new IllegalStateException("Database call failed: " + cause.getMessage(), cause);
    }

    private void assertUnavailable(Throwable failure) {
        assertThat(SqlFailures.isUnavailable(failure)).as(failure.toString()).isTrue();
        assertThat(mappers.unexpected(failure).getStatus()).as(failure.toString()).isEqualTo(503);
    }
}
