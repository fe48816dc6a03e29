package fr.antiharcelement.reach.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every instance answers about the last rebuild, read from the shared ledger with a fixed clock. */
class ReachRebuildStatusTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2022-03-01T10:00:00+01:00");

    private final Ledger ledger = new Ledger();
    private final ReachRebuild rebuild = rebuild(ledger);

    @Test
    void aRunningRebuildWhoseRunnerWasHeardFromLatelyIsRunning() {
        ledger.recorded = running(NOW.minusSeconds(10));

        assertThat(rebuild.status().state()).isEqualTo(ReachRebuild.State.RUNNING);
    }

    @Test
    void aRunningRebuildWhoseRunnerWentSilentIsReportedFailedAndTheLiveProjectionUnchanged() {
        ledger.recorded = running(NOW.minus(ReachRebuild.STALE_AFTER).minusSeconds(1));

        ReachRebuild.Status status = rebuild.status();

        assertThat(status.state()).isEqualTo(ReachRebuild.State.FAILED);
        assertThat(status.detail()).contains("stopped").contains("live projection is unchanged");
    }

    @Test
    void aSecondRebuildWhileOneRunsIsAConflictNamingWhenItStarted() {
        ledger.recorded = running(NOW.minusSeconds(10));
        ledger.claimable = false;

        assertThatThrownBy(rebuild::start).isInstanceOf(ConflictException.class)
                .hasMessage("A rebuild is running since " + NOW.minusMinutes(2));
    }

    private static RebuildLedger.Recorded running(OffsetDateTime heartbeat) {
        return new RebuildLedger.Recorded(new ReachRebuild.Status(ReachRebuild.State.RUNNING, NOW.minusMinutes(2), null,
                "reading the topics from the beginning"), heartbeat);
    }

    private static ReachRebuild rebuild(RebuildLedger ledger) {
        ReachRebuild rebuild = new ReachRebuild();
        rebuild.ledger = ledger;
        rebuild.clock = Clock.fixed(Instant.from(NOW), CampaignTime.ZONE);
        rebuild.rebuilder = runner -> {
            throw new AssertionError("no rebuild runs in these tests");
        };
        return rebuild;
    }

    private static final class Ledger implements RebuildLedger {
        Recorded recorded = new Recorded(new ReachRebuild.Status(ReachRebuild.State.IDLE, null, null, null), null);
        boolean claimable = true;

        @Override
        public Recorded current() {
            return recorded;
        }

        @Override
        public Optional<ReachRebuild.Status> claim(String runner, OffsetDateTime now, Duration staleAfter) {
            return claimable ? Optional.of(new ReachRebuild.Status(ReachRebuild.State.RUNNING, now, null, "claimed")) : Optional.empty();
        }

        @Override
        public void heartbeat(String runner, OffsetDateTime now) {
        }

        @Override
        public void failed(String runner, OffsetDateTime now, String detail) {
        }
    }
}
