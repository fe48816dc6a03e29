package fr.antiharcelement.reach.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows bound as one array per column, for {@code select * from unnest(?, ?, ...)}: a whole batch in one statement
 * and one round trip, where a JDBC batch sends a statement per row.
 */
final class Columns {

    private final String[] types;
    private final List<List<Object>> values = new ArrayList<>();

    Columns(String... types) {
        this.types = types;
        for (int i = 0; i < types.length; i++) {
            values.add(new ArrayList<>());
        }
    }

    void add(Object... row) {
        for (int i = 0; i < types.length; i++) {
            values.get(i).add(row[i]);
        }
    }

    boolean isEmpty() {
        return values.get(0).isEmpty();
    }

    void bind(PreparedStatement statement) throws SQLException {
        Connection connection = statement.getConnection();
        for (int i = 0; i < types.length; i++) {
            statement.setArray(i + 1, connection.createArrayOf(types[i], typed(types[i], values.get(i))));
        }
    }

    /**
     * The driver encodes an array of a known element class (String[], Long[], ...) with that class's encoder; an
     * Object[] goes through its generic one, which formats and escapes every element as text (a tenth of the
     * consumer's time with the arrays of a batch of 500).
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
