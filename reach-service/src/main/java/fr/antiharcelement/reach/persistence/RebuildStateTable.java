package fr.antiharcelement.reach.persistence;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.sql.SqlValues;
import fr.antiharcelement.reach.domain.ReachRebuild;
import fr.antiharcelement.reach.domain.RebuildLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The one row of {@code rebuild_state}, which every reach instance reads and the rebuild's runner writes. */
@ApplicationScoped
public class RebuildStateTable implements RebuildLedger {

    @Inject
    EntityManager entityManager;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded current() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select state, started_at, finished_at, detail, heartbeat_at from rebuild_state where id = 1").getSingleResult();
        return new Recorded(new ReachRebuild.Status(ReachRebuild.State.valueOf((String) row[0]), time(row[1]), time(row[2]),
                (String) row[3]), time(row[4]));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ReachRebuild.Status> claim(String runner, OffsetDateTime now, Duration staleAfter) {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select state, heartbeat_at from rebuild_state where id = 1 for update").getSingleResult();
        OffsetDateTime heartbeat = time(row[1]);
        boolean running = "RUNNING".equals(row[0]) && heartbeat != null && heartbeat.isAfter(now.minus(staleAfter));
        if (running) {
            return Optional.empty();
        }
        String detail = "reading the topics from the beginning";
        entityManager.createNativeQuery("""
                        update rebuild_state set state = 'RUNNING', started_at = ?1, finished_at = null, detail = ?2,
                        runner = ?3, heartbeat_at = ?1 where id = 1""")
                .setParameter(1, now).setParameter(2, detail).setParameter(3, runner).executeUpdate();
        return Optional.of(new ReachRebuild.Status(ReachRebuild.State.RUNNING, now, null, detail));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void heartbeat(String runner, OffsetDateTime now) {
        entityManager.createNativeQuery("update rebuild_state set heartbeat_at = ?1 where id = 1 and runner = ?2 and state = 'RUNNING'")
                .setParameter(1, now).setParameter(2, runner).executeUpdate();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String runner, OffsetDateTime now, String detail) {
        entityManager.createNativeQuery("""
                        update rebuild_state set state = 'FAILED', finished_at = ?1, detail = ?2
                        where id = 1 and runner = ?3 and state = 'RUNNING'""")
                .setParameter(1, now).setParameter(2, detail).setParameter(3, runner).executeUpdate();
    }

    /** A timestamptz of the row, in campaign time. */
    private static OffsetDateTime time(Object value) {
        OffsetDateTime time = SqlValues.offsetDateTime(value);
        return time == null ? null : CampaignTime.inCampaignTime(time);
    }
}
