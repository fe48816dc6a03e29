package fr.antiharcelement.kernel.sql;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed database call means, read from the SQLSTATE of the {@link SQLException} somewhere in its causes
 * (Hibernate, JPA, JTA and our own code wrap the pool's or the driver's). One place decides, for the API (503
 * or 500) and for the consumers (retry the batch, or dead-letter an event).
 */
public final class SqlFailures {

    /**
     * PostgreSQL's answers that mean "no session now", beyond the connection exceptions of class 08 (refused,
     * broken, closed): too many connections, the server shutting down, crashed or starting, and 55000, which it
     * answers a connection to a database that does not accept connections (maintenance). 55000 can also come
     * from a statement (e.g. {@code currval} before {@code nextval}), which none of our services runs.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("53300", "57P01", "57P02", "57P03", "55000");
    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's words: {@code duplicate key value violates unique constraint "campaign_pkey"}, then {@code Key (code)=(x) already exists}. */
    private static final Pattern CONSTRAINT = Pattern.compile("unique constraint \"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("Key \\((.*?)\\)=\\(");

    private SqlFailures() {
    }

    /** The database cannot be reached right now: the client should retry later (503), nothing is wrong with the data. */
    public static boolean isUnavailable(Throwable failure) {
        return sqlCauses(failure).anyMatch(cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLException sql && (unavailableState(sql.getSQLState()) || poolTimedOut(sql)));
    }

    /**
     * Worth retrying as it is: the database is unavailable, out of resources (classes 53, 57), or it rolled the
     * transaction back because it conflicted with another (class 40: a deadlock, a serialization failure).
     */
    public static boolean isTransient(Throwable failure) {
        return isUnavailable(failure) || sqlCauses(failure).anyMatch(cause -> cause instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("40") || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57")));
    }

    /** The first {@link SQLException} among the causes with {@code sqlState} whose message names {@code constraint}. */
    public static Optional<SQLException> violation(Throwable failure, String sqlState, String constraint) {
        return sqlCauses(failure).filter(cause -> cause instanceof SQLException).map(SQLException.class::cast)
                .filter(sql -> sqlState.equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains(constraint))
                .findFirst();
    }

    /**
     * A unique constraint refused a row (SQLSTATE 23505: two concurrent creates of the same code, the second one past
     * the domain's check): the constraint and the columns PostgreSQL names, never the values (one could be an e-mail).
     */
    public static Optional<UniqueViolation> uniqueViolation(Throwable failure) {
        return sqlCauses(failure).filter(cause -> cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))
                .findFirst().map(cause -> {
                    String message = String.valueOf(cause.getMessage());
                    Matcher constraint = CONSTRAINT.matcher(message);
                    Matcher key = KEY.matcher(message);
                    List<String> columns = key.find()
                            ? Arrays.stream(key.group(1).split(",")).map(String::trim).map(SqlFailures::camelCase).toList()
                            : List.of();
                    return new UniqueViolation(constraint.find() ? constraint.group(1) : null, columns);
                });
    }

    /** A unique constraint's refusal: its name, and the key's columns in camelCase as the APIs name fields (may be empty). */
    public record UniqueViolation(String constraint, List<String> columns) {
    }

    private static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static java.util.stream.Stream<Throwable> sqlCauses(Throwable failure) {
        java.util.stream.Stream.Builder<Throwable> causes = java.util.stream.Stream.builder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            causes.add(cause);
        }
        return causes.build();
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    /** Agroal's "Sorry, acquisition timeout!": no connection could be had within the acquisition timeout. */
    private static boolean poolTimedOut(SQLException e) {
        return e.getSQLState() == null && String.valueOf(e.getMessage()).contains("acquisition timeout");
    }
}
