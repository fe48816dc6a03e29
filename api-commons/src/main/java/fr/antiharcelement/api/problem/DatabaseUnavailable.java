package fr.antiharcelement.api.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that cannot be reached right now (the client should retry later: 503) from a bug or bad data
 * (500). The causes are walked, since Hibernate ({@code JDBCConnectionException}, {@code GenericJDBCException}),
 * JPA ({@code PersistenceException}), JTA and our own code wrap the pool's or the driver's {@link SQLException}.
 */
public final class DatabaseUnavailable {

    /**
     * PostgreSQL's answers that mean "no session now", beyond the connection exceptions of class 08 (refused,
     * broken, closed): too many connections, the server shutting down, crashed or starting, and 55000, which it
     * answers a connection to a database that does not accept connections (maintenance). 55000 can also come
     * from a statement (e.g. {@code currval} before {@code nextval}), which none of our services runs.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("53300", "57P01", "57P02", "57P03", "55000");

    private DatabaseUnavailable() {
    }

    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (unavailableState(sql.getSQLState()) || poolTimedOut(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    /** Agroal's "Sorry, acquisition timeout!": no connection could be had within the acquisition timeout. */
    private static boolean poolTimedOut(SQLException e) {
        return e.getSQLState() == null && String.valueOf(e.getMessage()).contains("acquisition timeout");
    }
}
