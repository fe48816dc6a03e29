package fr.antiharcelement.workshop.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creation's overlap check must be answered by the double-booking constraint's index in the plan PostgreSQL keeps
 * for a prepared statement (generic, parameters unknown), or every creation reads every workshop.
 */
@QuarkusTest
class DraftFactsQueryPlanTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theOverlapCheckIsAnsweredByTheDoubleBookingIndexWhateverTheParameters() throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // Generic plan, as pgjdbc's server-prepared statements get; sequential scans priced out, so that only an
            // index the planner cannot use shows as a scan of the table.
            statement.execute("set local plan_cache_mode = force_generic_plan");
            statement.execute("set local enable_seqscan = off");
            statement.execute("prepare draft_facts (uuid, timestamptz, timestamptz, uuid, varchar, varchar, varchar, uuid) as "
                    + numbered(DraftFactsQuery.SQL));
            try (ResultSet rows = statement.executeQuery("explain execute draft_facts ('6f1c6a2e-0000-4000-8000-000000000001', "
                    + "'2022-01-10T09:00:00Z', '2022-01-10T11:00:00Z', '00000000-0000-0000-0000-000000000000', "
                    + "'lepoidsdesmots-2021', 'generation-numerique', '0352958A', '6f1c6a2e-0000-4000-8000-000000000001')")) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            connection.rollback();
            statement.execute("deallocate draft_facts"); // a prepared statement outlives the transaction, not the test
        }

        assertThat(String.join("\n", plan))
                .contains("workshop_no_double_booking")
                .doesNotContain("Seq Scan on workshop w");
    }

    /** The query's {@code ?} placeholders as {@code $1, $2...}, which PREPARE takes. */
    private static String numbered(String sql) {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }
}
