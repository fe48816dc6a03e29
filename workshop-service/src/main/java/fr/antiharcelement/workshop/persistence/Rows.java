package fr.antiharcelement.workshop.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the repositories read from and write to a row beyond JDBC's own getters: enums by name, keys and instants. */
final class Rows {

    private Rows() {
    }

    /** An enum column, stored by name; null stays null. */
    static <E extends Enum<E>> E enumOf(Class<E> type, ResultSet row, int column) throws SQLException {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static OffsetDateTime time(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    /** A nullable bigint column; JDBC's {@code getLong} would read a null as 0. */
    static Long nullableLong(ResultSet row, int column) throws SQLException {
        return row.getObject(column, Long.class);
    }

    /** A nullable int column; JDBC's {@code getInt} would read a null as 0. */
    static Integer nullableInt(ResultSet row, int column) throws SQLException {
        return row.getObject(column, Integer.class);
    }
}
