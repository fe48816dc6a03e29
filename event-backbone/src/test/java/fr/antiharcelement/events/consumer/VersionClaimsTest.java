package fr.antiharcelement.events.consumer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.antiharcelement.events.CloudEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two consumers holding the same records at once (a member the group expelled after a long pause whose transaction
 * still commits, and the member that took its partitions over) apply each version once, on a real PostgreSQL.
 * The effect under test is a running total that subtracts an aggregate's previous value and adds its new one, as
 * reach does: applied twice, it counts twice.
 */
class VersionClaimsTest {

    private static EmbeddedPostgres postgres;

    @BeforeContainer
    static void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection connection = connect(); Statement ddl = connection.createStatement()) {
            ddl.execute(backboneSchema());
            ddl.execute("create table effect (aggregate_id text primary key, value bigint not null)");
            ddl.execute("create table total (id int primary key, sum bigint not null)");
        }
    }

    @AfterContainer
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @net.jqwik.api.Example
    void aZombieThatClaimsFirstAppliesAndTheNewMemberAppliesNothing() throws Exception {
        reset();
        List<IncomingEvent> batch = List.of(event("w1", 1, 24), event("w2", 1, 30));
        try (Connection zombie = transaction(); Connection successor = transaction()) {
            assertThat(claimAndApply(zombie, "reach", batch)).as("events the zombie claimed").hasSize(2);

            ExecutorService other = Executors.newSingleThreadExecutor();
            Future<List<IncomingEvent>> successorClaim = other.submit(() -> claimAndApply(successor, "reach", batch));
            // The successor waits on the zombie's claimed rows instead of reading a version that is about to change.
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnALock() == 1);
            zombie.commit();

            assertThat(successorClaim.get()).as("events the successor claimed once the zombie committed").isEmpty();
            successor.commit();
            other.shutdown();
        }
        assertThat(total()).as("students counted").isEqualTo(54);
    }

    @net.jqwik.api.Example
    void aZombieThatRollsBackLeavesTheVersionsToTheNewMember() throws Exception {
        reset();
        List<IncomingEvent> batch = List.of(event("w1", 2, 26));
        try (Connection zombie = transaction(); Connection successor = transaction()) {
            claimAndApply(zombie, "reach", batch);
            CompletableFuture<List<IncomingEvent>> successorClaim = CompletableFuture.supplyAsync(() -> claimAndApply(successor, "reach", batch));
            await().atMost(Duration.ofSeconds(10)).until(() -> waitingOnALock() == 1);
            zombie.rollback();

            assertThat(successorClaim.get()).as("events the successor claimed after the zombie rolled back").hasSize(1);
            successor.commit();
        }
        assertThat(total()).as("students counted").isEqualTo(26);
    }

    @net.jqwik.api.Example
    void anOlderOrEqualVersionIsNotClaimed() throws Exception {
        reset();
        try (Connection connection = transaction()) {
            assertThat(claimAndApply(connection, "reach", List.of(event("w1", 3, 20)))).hasSize(1);
            assertThat(claimAndApply(connection, "reach", List.of(event("w1", 3, 20)))).as("the same version again").isEmpty();
            assertThat(claimAndApply(connection, "reach", List.of(event("w1", 2, 99)))).as("an older version").isEmpty();
            assertThat(claimAndApply(connection, "other-consumer", List.of(event("w1", 2, 99))))
                    .as("the same version for another consumer").hasSize(1);
            connection.rollback();
        }
    }

    /**
     * Any history of full-state events, delivered in any order, with duplicates, split into batches that two
     * consumers process concurrently, each batch in its own transaction: the total is the sum of each aggregate's
     * newest value, every time.
     */
    @Property(tries = 40)
    void totalsEqualTheModelWhateverTwoConsumersInterleave(@ForAll("histories") List<IncomingEvent> deliveries,
                                                           @ForAll("batchSizes") int batchSize) throws Exception {
        reset();
        List<List<IncomingEvent>> batches = new ArrayList<>();
        for (int start = 0; start < deliveries.size(); start += batchSize) {
            batches.add(deliveries.subList(start, Math.min(deliveries.size(), start + batchSize)));
        }
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            // Both consumers get every batch: each record is processed twice, concurrently, in different batch orders.
            Future<?> first = consumers.submit(() -> batches.forEach(this::applyInOwnTransaction));
            List<List<IncomingEvent>> reversed = new ArrayList<>(batches);
            java.util.Collections.reverse(reversed);
            Future<?> second = consumers.submit(() -> reversed.forEach(this::applyInOwnTransaction));
            first.get();
            second.get();
        } finally {
            consumers.shutdown();
        }
        assertThat(total()).as("total after %d deliveries in batches of %d", deliveries.size(), batchSize)
                .isEqualTo(model(deliveries));
    }

    @Provide
    Arbitrary<List<IncomingEvent>> histories() {
        Arbitrary<IncomingEvent> delivery = Combinators.combine(Arbitraries.of("w1", "w2", "w3", "w4"),
                Arbitraries.longs().between(1, 6)).as((id, version) -> event(id, version, valueOf(id, version)));
        return delivery.list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Integer> batchSizes() {
        return Arbitraries.integers().between(1, 8);
    }

    /** A full-state event's value depends only on its aggregate and version, as a real event's state does. */
    private static long valueOf(String id, long version) {
        return (id.hashCode() & 0xff) + version * 7;
    }

    private static long model(List<IncomingEvent> deliveries) {
        Map<String, IncomingEvent> newest = new HashMap<>();
        deliveries.forEach(event -> newest.merge(event.aggregateId(), event, (a, b) -> b.version() > a.version() ? b : a));
        return newest.values().stream().mapToLong(event -> event.data().get("value").asLong()).sum();
    }

    private void applyInOwnTransaction(List<IncomingEvent> batch) {
        try (Connection connection = transaction()) {
            claimAndApply(connection, "reach", batch);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the versioned consumer does in its transaction: claim, then apply what it claimed. */
    private static List<IncomingEvent> claimAndApply(Connection connection, String consumer, List<IncomingEvent> batch) {
        try {
            List<IncomingEvent> claimed = VersionClaims.claim(connection, consumer, batch);
            for (IncomingEvent event : claimed) {
                long value = event.data().get("value").asLong();
                long previous = 0;
                try (PreparedStatement read = connection.prepareStatement("select value from effect where aggregate_id = ?")) {
                    read.setString(1, event.aggregateId());
                    try (ResultSet row = read.executeQuery()) {
                        previous = row.next() ? row.getLong(1) : 0;
                    }
                }
                try (PreparedStatement write = connection.prepareStatement("""
                        insert into effect values (?, ?) on conflict (aggregate_id) do update set value = excluded.value""");
                     PreparedStatement add = connection.prepareStatement("update total set sum = sum + ? where id = 1")) {
                    write.setString(1, event.aggregateId());
                    write.setLong(2, value);
                    write.executeUpdate();
                    add.setLong(1, value - previous);
                    add.executeUpdate();
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IncomingEvent event(String id, long version, long value) {
        var data = JsonNodeFactory.instance.objectNode().put("version", version).put("value", value);
        return new IncomingEvent("workshop-events", 0, 0, id, version,
                new CloudEvent(id + "-" + version, "workshop.completed", "/test", id, null, data.toString()));
    }

    private static void reset() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("truncate consumed_version, effect, total");
            statement.execute("insert into total values (1, 0)");
        }
    }

    private static long total() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select sum from total where id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static int waitingOnALock() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static Connection transaction() throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        return connection;
    }

    private static Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    private static String backboneSchema() {
        try (var in = VersionClaimsTest.class.getResourceAsStream("/db/backbone/V0_1__event_backbone.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
