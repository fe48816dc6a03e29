package fr.antiharcelement.kernel.sql;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A search's {@code where}: a condition for each filter given (a null value adds none), its value bound in the same order. */
public final class Conditions {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    public void add(String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            values.add(value);
        }
    }

    public String sql() {
        return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
    }

    /** Binds the values from the first parameter on; returns the next free parameter. */
    public int bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
        return values.size() + 1;
    }
}
