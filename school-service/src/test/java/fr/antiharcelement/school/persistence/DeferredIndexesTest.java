package fr.antiharcelement.school.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The indexes a bulk load sets aside are built after it, once, by one instance, whatever stopped halfway: here the
 * "other instance" is a connection holding the build's lock, and a stopped build is what it leaves in the catalog.
 */
@QuarkusTest
class DeferredIndexesTest {

    private static final String REGION_INDEX = "school_region";

    @Inject
    DeferredIndexes deferredIndexes;

    @Inject
    AgroalDataSource dataSource;

    private String regionDefinition;

    @BeforeEach
    void nothingToBuild() {
        await().atMost(Duration.ofSeconds(30)).until(() -> deferredIndexes.pending() == 0);
        regionDefinition = Jdbc.query(dataSource, "select pg_get_indexdef(to_regclass(?))",
                statement -> statement.setString(1, REGION_INDEX), row -> row.getString(1)).get(0);
    }

    @AfterEach
    void everyIndexBuilt() {
        deferredIndexes.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> deferredIndexes.pending() == 0 && regionIndexValid());
    }

    @Test
    void anIndexAStoppedBuildLeftInvalidIsDroppedAndBuiltAgain() {
        Jdbc.run(dataSource, connection -> {
            try (var statements = connection.createStatement()) {
                // what the catalog holds when a concurrent build stops halfway: the index there, not valid
                statements.execute("update pg_index set indisvalid = false where indexrelid = '" + REGION_INDEX + "'::regclass");
            }
            defer(connection);
        });
        assertThat(regionIndexValid()).isFalse();

        deferredIndexes.wake();

        await().atMost(Duration.ofSeconds(30)).until(() -> deferredIndexes.pending() == 0);
        assertThat(regionIndexValid()).isTrue();
        assertThat(definitionOf(REGION_INDEX)).isEqualTo(regionDefinition);
    }

    @Test
    void aRowLeftForAnIndexAlreadyBuiltIsForgottenWithoutABuild() {
        // what an instance stopped between a build and forgetting its row leaves: the row, and the index valid
        Jdbc.run(dataSource, this::defer);

        assertThat(deferredIndexes.buildPending()).as("indexes built").isZero();

        await().atMost(Duration.ofSeconds(30)).until(() -> deferredIndexes.pending() == 0);
        assertThat(regionIndexValid()).isTrue();
        assertThat(definitionOf(REGION_INDEX)).isEqualTo(regionDefinition);
    }

    @Test
    void noInstanceBuildsWhileAnotherDoesAndALoadThenKeepsItsIndexes() throws SQLException {
        Jdbc.run(dataSource, connection -> {
            try (var statements = connection.createStatement()) {
                statements.execute("drop index " + REGION_INDEX);
            }
            defer(connection);
        });
        try (Connection otherInstance = dataSource.getConnection()) {
            Jdbc.query(otherInstance, "select pg_advisory_lock(?)", statement -> statement.setLong(1, DeferredIndexes.BUILD_LOCK), row -> null);

            assertThat(deferredIndexes.buildPending()).as("built while another instance builds").isZero();
            assertThat(deferredIndexes.pending()).isEqualTo(1);
            List<String> indexes = indexNames();
            assertThat(QuarkusTransaction.requiringNew().call(deferredIndexes::setAsideForLoad))
                    .as("a load begun while another instance builds sets indexes aside").isFalse();
            assertThat(indexNames()).isEqualTo(indexes).contains("school_search");

            Jdbc.query(otherInstance, "select pg_advisory_unlock(?)", statement -> statement.setLong(1, DeferredIndexes.BUILD_LOCK), row -> null);
        }
        deferredIndexes.wake();

        await().atMost(Duration.ofSeconds(30)).until(() -> deferredIndexes.pending() == 0);
        assertThat(definitionOf(REGION_INDEX)).isEqualTo(regionDefinition);
    }

    @Test
    void aLoadRolledBackLeavesTheIndexesAndNothingToBuild() {
        List<String> indexes = indexNames();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(deferredIndexes.setAsideForLoad()).isTrue();
            assertThat(indexNames()).as("within the load").containsExactly("school_pkey");
            throw new IllegalStateException("the load failed");
        })).hasMessage("the load failed");

        assertThat(indexNames()).isEqualTo(indexes);
        assertThat(deferredIndexes.pending()).isZero();
    }

    @Test
    void aDefinitionIsBuiltConcurrently() {
        assertThat(DeferredIndexes.concurrently("CREATE INDEX school_region ON public.school USING btree (region_code)"))
                .isEqualTo("CREATE INDEX CONCURRENTLY school_region ON public.school USING btree (region_code)");
        assertThat(DeferredIndexes.concurrently("CREATE UNIQUE INDEX u ON public.school USING btree (name)"))
                .isEqualTo("CREATE UNIQUE INDEX CONCURRENTLY u ON public.school USING btree (name)");
        assertThatThrownBy(() -> DeferredIndexes.concurrently("DROP TABLE school")).isInstanceOf(IllegalArgumentException.class);
    }

    private void defer(Connection connection) throws SQLException {
        Jdbc.update(connection, "insert into deferred_index (name, definition) values (?, ?)", statement -> {
            statement.setString(1, REGION_INDEX);
            statement.setString(2, regionDefinition);
        });
    }

    private boolean regionIndexValid() {
        return Jdbc.query(dataSource, "select indisvalid from pg_index where indexrelid = to_regclass(?)",
                statement -> statement.setString(1, REGION_INDEX), row -> row.getBoolean(1)).stream().findFirst().orElse(false);
    }

    private String definitionOf(String index) {
        return Jdbc.query(dataSource, "select pg_get_indexdef(to_regclass(?))", statement -> statement.setString(1, index),
                row -> row.getString(1)).get(0);
    }

    private List<String> indexNames() {
        return Jdbc.query(dataSource, "select indexrelid::regclass::text from pg_index where indrelid = 'school'::regclass order by 1",
                Jdbc.Binder.NONE, row -> row.getString(1));
    }
}
