package fr.antiharcelement.kernel.sql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC where an ORM would cost more than it gives (hot paths, batches): a statement bound by one lambda, its
 * rows read by another. Each caller brings its own connection: a consumer its transaction's, a query one from the pool.
 */
public final class Jdbc {

    @FunctionalInterface
    public interface Binder {
        Binder NONE = statement -> { };

        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Statements run on one connection, returning what they found or did. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Statements run on one connection for their effect. */
    @FunctionalInterface
    public interface Statements {
        void run(Connection connection) throws SQLException;
    }

    private Jdbc() {
    }

    /** Binds {@code values} as one SQL array of {@code sqlType} (for {@code = any (?)}), at parameter {@code index}. */
    public static void setArray(PreparedStatement statement, int index, String sqlType, Collection<?> values) throws SQLException {
        statement.setArray(index, statement.getConnection().createArrayOf(sqlType, values.toArray()));
    }

    /** Runs a query and maps each row, in the order the database returns them. */
    public static <T> List<T> query(Connection connection, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            return result;
        }
    }

    /** Runs an insert, update or delete; returns how many rows it changed. */
    public static int update(Connection connection, String sql, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        }
    }

    /**
     * {@link #query(Connection, String, Binder, RowMapper)} on a connection of {@code dataSource}, closed at once: in a
     * JTA transaction the pool hands out the transaction's own connection, so the statement sees and joins its work.
     * A failure comes out unchecked, with the {@link SQLException} as its cause (what {@link SqlFailures} reads).
     */
    public static <T> List<T> query(DataSource dataSource, String sql, Binder binder, RowMapper<T> mapper) {
        return withConnection(dataSource, connection -> query(connection, sql, binder, mapper));
    }

    /** The first row of {@link #query(DataSource, String, Binder, RowMapper)}, if any. */
    public static <T> Optional<T> first(DataSource dataSource, String sql, Binder binder, RowMapper<T> mapper) {
        return query(dataSource, sql, binder, mapper).stream().findFirst();
    }

    /** The single number a {@code select count(*) ...} answers, as {@link #query(DataSource, String, Binder, RowMapper)}. */
    public static long count(DataSource dataSource, String sql, Binder binder) {
        return query(dataSource, sql, binder, row -> row.getLong(1)).get(0);
    }

    /** {@link #update(Connection, String, Binder)} on a connection of {@code dataSource}, as {@link #query(DataSource, String, Binder, RowMapper)}. */
    public static int update(DataSource dataSource, String sql, Binder binder) {
        return withConnection(dataSource, connection -> update(connection, sql, binder));
    }

    /** {@code statements} on a connection of {@code dataSource}, as {@link #withConnection}. */
    public static void run(DataSource dataSource, Statements statements) {
        withConnection(dataSource, connection -> {
            statements.run(connection);
            return null;
        });
    }

    /** {@code work} on a connection of {@code dataSource}, closed at once, as {@link #query(DataSource, String, Binder, RowMapper)}. */
    public static <T> T withConnection(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("Database call failed: " + e.getMessage(), e);
    }
}
