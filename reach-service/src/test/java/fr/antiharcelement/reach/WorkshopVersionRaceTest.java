package fr.antiharcelement.reach;

import fr.antiharcelement.reach.domain.ReachBatch;
import fr.antiharcelement.reach.domain.ReachProjection;
import fr.antiharcelement.reach.domain.WorkshopState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two consumers holding the same workshop events at once (a member the group expelled whose transaction still runs,
 * and the member that took its partitions over) count each version once, though no version is claimed apart: the
 * projection locks the contribution rows it compares, and inserts a workshop's first one without ever overwriting.
 * The second transaction is held until it waits on the first, then the first commits.
 */
@QuarkusTest
class WorkshopVersionRaceTest {

    private static final String SCHOOL = SchoolEventsFeed.uai(40);
    private static final String RACE = "race-";

    @Inject
    ReachProjection projection;

    @Inject
    AgroalDataSource dataSource;

    /**
     * What these tests applied came from no topic: left in the projection, a rebuild (which replays the topics) would
     * find the live projection ahead of it for ever.
     */
    @AfterEach
    void forgetTheRaces() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement delete = connection.createStatement()) {
            delete.executeUpdate("delete from reach_school where key_id in (select id from reach_school_key where campaign_code like '"
                    + RACE + "%')");
            for (String table : List.of("workshop_contribution", "reach_total", "reach_school_key")) {
                delete.executeUpdate("delete from " + table + " where campaign_code like '" + RACE + "%'");
            }
        }
    }

    @Test
    void aWorkshopBothInsertIsCountedOnceAndTheSecondBatchFailsThenFindsItApplied() throws Exception {
        String campaign = RACE + "new-" + UUID.randomUUID().toString().substring(0, 8);
        ReachBatch batch = batchOf(completed(UUID.randomUUID(), campaign, 28, 2));

        CompletableFuture<Integer> second = raceAfterFirstHolds(batch, batch);

        assertThatThrownBy(second::join).as("the second insert of the workshop, once the first committed")
                .hasStackTraceContaining("workshop_contribution_pkey");
        assertThat(studentsAndWorkshops(campaign)).as("students sensitised and workshops delivered").containsExactly(28L, 1L);
        assertThat(QuarkusTransaction.requiringNew().call(() -> projection.apply(batch)))
                .as("workshop events left as not newer when the failed batch is applied again").isEqualTo(1);
        assertThat(studentsAndWorkshops(campaign)).as("students sensitised and workshops delivered, after").containsExactly(28L, 1L);
    }

    @Test
    void aNewerStateBothApplyIsCountedOnceTheSecondFindingItApplied() throws Exception {
        String campaign = RACE + "newer-" + UUID.randomUUID().toString().substring(0, 8);
        UUID workshop = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> projection.apply(batchOf(completed(workshop, campaign, 28, 2))));
        ReachBatch correction = batchOf(completed(workshop, campaign, 25, 3));

        CompletableFuture<Integer> second = raceAfterFirstHolds(correction, correction);

        assertThat(second.get(30, TimeUnit.SECONDS)).as("workshop events the second transaction left as not newer").isEqualTo(1);
        assertThat(studentsAndWorkshops(campaign)).as("students sensitised and workshops delivered").containsExactly(25L, 1L);
    }

    @Test
    void twoWorkshopsOfANewCampaignInOneSchoolCountItOnceForTheirPartnerWhicheverNumbersTheKeys() throws Exception {
        String campaign = RACE + "keys-" + UUID.randomUUID().toString().substring(0, 8);

        CompletableFuture<Integer> second = raceAfterFirstHolds(batchOf(completed(UUID.randomUUID(), campaign, 28, 1)),
                batchOf(completed(UUID.randomUUID(), campaign, 25, 1)));

        assertThat(second.get(30, TimeUnit.SECONDS)).as("workshop events the second transaction left as not newer").isZero();
        assertThat(studentsAndWorkshops(campaign)).as("students sensitised and workshops delivered").containsExactly(53L, 2L);
        assertThat(schoolsReached(campaign, "partner", "p1")).as("schools the partner reached").isEqualTo(1);
        assertThat(schoolsReached(campaign, "month", "2021-10")).as("schools reached in the month").isEqualTo(1);
    }

    /**
     * Applies {@code first} in a transaction held open, then {@code second} in another; once the second waits on a lock,
     * lets the first commit. Returns the second's outcome: how many workshop events it left as not newer, or its failure.
     */
    private CompletableFuture<Integer> raceAfterFirstHolds(ReachBatch first, ReachBatch second) throws Exception {
        CountDownLatch applied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            projection.apply(first);
            applied.countDown();
            awaitLatch(commit);
        }));
        assertThat(applied.await(30, TimeUnit.SECONDS)).as("first batch applied, not yet committed").isTrue();
        long waitingBefore = waitingOnLocks();
        CompletableFuture<Integer> racing = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> projection.apply(second)));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() > waitingBefore || racing.isDone());
        assertThat(racing).as("the second transaction, while the first holds its rows").isNotDone();
        commit.countDown();
        holding.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(racing::isDone);
        return racing;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never told to commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long waitingOnLocks() throws SQLException {
        return single("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
    }

    private List<Long> studentsAndWorkshops(String campaign) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select students, student_workshops from reach_total where campaign_code = ? and dimension = 'campaign'")) {
            query.setString(1, campaign);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the campaign's totals").isTrue();
                return List.of(row.getLong(1), row.getLong(2));
            }
        }
    }

    private long schoolsReached(String campaign, String dimension, String key) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select schools from reach_total where campaign_code = ? and dimension = ? and key = ?")) {
            query.setString(1, campaign);
            query.setString(2, dimension);
            query.setString(3, key);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the totals under " + dimension + " " + key).isTrue();
                return row.getLong(1);
            }
        }
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static WorkshopState completed(UUID id, String campaign, int attendees, long version) {
        return new WorkshopState(id, version, campaign, SCHOOL, "p1", "Partner 1", "STUDENTS", "SIXIEME",
                OffsetDateTime.parse("2021-10-12T10:00:00+02:00"), "COMPLETED", attendees);
    }

    private static ReachBatch batchOf(WorkshopState workshop) {
        return new ReachBatch(List.of(), List.of(), List.of(workshop), null);
    }
}
