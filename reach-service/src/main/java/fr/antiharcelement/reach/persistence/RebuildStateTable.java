package fr.antiharcelement.reach.persistence;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.reach.domain.ReachRebuild;
import fr.antiharcelement.reach.domain.RebuildLedger;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The one row of {@code rebuild_state}, which every reach instance reads and the rebuild's runner writes. */
@ApplicationScoped
public class RebuildStateTable implements RebuildLedger {

    @Inject
    AgroalDataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Recorded current() {
        return Jdbc.query(dataSource, "select state, started_at, finished_at, detail, heartbeat_at from rebuild_state where id = 1",
                Jdbc.Binder.NONE, row -> new Recorded(new ReachRebuild.Status(ReachRebuild.State.valueOf(row.getString(1)),
                        time(row, 2), time(row, 3), row.getString(4)), time(row, 5))).get(0);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ReachRebuild.Status> claim(String runner, OffsetDateTime now, Duration staleAfter) {
        boolean running = Jdbc.query(dataSource, "select state, heartbeat_at from rebuild_state where id = 1 for update", Jdbc.Binder.NONE,
                row -> {
                    OffsetDateTime heartbeat = time(row, 2);
                    return "RUNNING".equals(row.getString(1)) && heartbeat != null && heartbeat.isAfter(now.minus(staleAfter));
                }).get(0);
        if (running) {
            return Optional.empty();
        }
        String detail = "reading the topics from the beginning";
        Jdbc.update(dataSource, """
                update rebuild_state set state = 'RUNNING', started_at = ?, finished_at = null, detail = ?,
                runner = ?, heartbeat_at = ? where id = 1""", statement -> {
            statement.setObject(1, now);
            statement.setString(2, detail);
            statement.setString(3, runner);
            statement.setObject(4, now);
        });
        return Optional.of(new ReachRebuild.Status(ReachRebuild.State.RUNNING, now, null, detail));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void heartbeat(String runner, OffsetDateTime now) {
        Jdbc.update(dataSource, "update rebuild_state set heartbeat_at = ? where id = 1 and runner = ? and state = 'RUNNING'", statement -> {
            statement.setObject(1, now);
            statement.setString(2, runner);
        });
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String runner, OffsetDateTime now, String detail) {
        Jdbc.update(dataSource, """
                update rebuild_state set state = 'FAILED', finished_at = ?, detail = ?
                where id = 1 and runner = ? and state = 'RUNNING'""", statement -> {
            statement.setObject(1, now);
            statement.setString(2, detail);
            statement.setString(3, runner);
        });
    }

    /** A timestamptz of the row, in campaign time. */
    private static OffsetDateTime time(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : CampaignTime.inCampaignTime(time);
    }
}
