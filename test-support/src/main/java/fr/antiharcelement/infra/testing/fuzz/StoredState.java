package fr.antiharcelement.infra.testing.fuzz;

import fr.antiharcelement.infra.postgres.LocalPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a service has stored, summed up by a few SQL figures read in one round trip (row counts, sums of
 * versions), so that a test can tell whether a request changed anything.
 */
public final class StoredState implements AutoCloseable {

    private final Connection connection;
    private final Map<String, String> figures;
    private final String query;

    /**
     * The service's own figures, plus those of the tables every service shares: the outbox (every stored change
     * writes an event) and the Idempotency-Key store.
     *
     * @param jdbcUrl        the service's database
     * @param serviceFigures a name for each figure and the scalar SQL that computes it, e.g.
     *                       {@code "schools" -> "select count(*) from school"}
     */
    public StoredState(String jdbcUrl, Map<String, String> serviceFigures) {
        this.figures = new LinkedHashMap<>(serviceFigures);
        figures.put("outbox events", "select count(*) from outbox_event");
        figures.put("idempotency keys", "select count(*) from idempotency_key");
        this.query = "select " + figures.values().stream().map(sql -> "(" + sql + ")").collect(Collectors.joining(", "));
        try {
            this.connection = DriverManager.getConnection(jdbcUrl, LocalPostgres.USER, "unused-trust-auth");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + jdbcUrl, e);
        }
    }

    /** The figures now, by name. */
    public Map<String, Long> snapshot() {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            Map<String, Long> values = new LinkedHashMap<>();
            int column = 1;
            for (String name : figures.keySet()) {
                values.put(name, row.getLong(column++));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stored state", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // the test is over; nothing to do
        }
    }
}
