package fr.antiharcelement.kernel.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows bound as one array per column, for {@code select * from unnest(?::text[], ?::int8[], ...)}: a whole batch in
 * one statement and one round trip, where a JDBC batch sends a statement per row. The types are PostgreSQL's internal
 * names of the columns' element types ({@code int8}, {@code int4}, not {@code bigint}, {@code int}: the arrays' Java
 * classes are chosen by them); {@link #placeholders()} writes the statement's parameters from them, so that the
 * statement and the arrays bound to it cannot disagree.
 */
public final class Columns {

    private final String[] types;
    private final List<List<Object>> values = new ArrayList<>();

    public Columns(String... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("Rows need at least one column");
        }
        this.types = types.clone();
        for (int i = 0; i < types.length; i++) {
            values.add(new ArrayList<>());
        }
    }

    /** One row: a value per column, in the order of the types. */
    public void add(Object... row) {
        if (row.length != types.length) {
            throw new IllegalArgumentException("A row of " + row.length + " values for " + types.length + " columns");
        }
        for (int i = 0; i < types.length; i++) {
            values.get(i).add(row[i]);
        }
    }

    public boolean isEmpty() {
        return values.get(0).isEmpty();
    }

    /** The parameters of {@code unnest(...)}, one typed array per column: {@code ?::text[], ?::int8[], ...}. */
    public String placeholders() {
        return placeholders(types);
    }

    /** {@link #placeholders()} of rows of these types, for a statement written before its rows. */
    public static String placeholders(String... types) {
        return Arrays.stream(types).map(type -> "?::" + type + "[]").collect(Collectors.joining(", "));
    }

    /** Binds the columns' arrays to the statement's first parameters. */
    public void bind(PreparedStatement statement) throws SQLException {
        bind(statement, 1);
    }

    /** Binds the columns' arrays from parameter {@code first} on, after parameters the caller binds itself. */
    public void bind(PreparedStatement statement, int first) throws SQLException {
        Connection connection = statement.getConnection();
        for (int i = 0; i < types.length; i++) {
            statement.setArray(first + i, connection.createArrayOf(types[i], typed(types[i], values.get(i))));
        }
    }

    /**
     * The driver encodes an array of a known element class (String[], Long[], ...) with that class's encoder; an
     * Object[] goes through its generic one, which formats and escapes every element as text (a tenth of the
     * consumer's time with the arrays of a batch of 500). The driver has no such encoder for the other types (uuid,
     * date, timestamptz): their values go as the caller gives them, through the generic one.
     */
    private static Object[] typed(String type, List<Object> column) {
        return switch (type) {
            case "text" -> column.toArray(new String[0]);
            case "int8" -> column.toArray(new Long[0]);
            case "int4" -> column.toArray(new Integer[0]);
            default -> column.toArray();
        };
    }
}
