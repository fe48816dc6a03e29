package fr.antiharcelement.reach.persistence;

import fr.antiharcelement.events.consumer.ConsumerFence;
import fr.antiharcelement.reach.domain.ShadowTables;
import fr.antiharcelement.kernel.sql.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** The rebuild's shadow tables: a copy of the projection's tables in schema {@value #SHADOW}, swapped in when done. */
@ApplicationScoped
public class ShadowSchema implements ShadowTables {

    private static final String SHADOW = "reach_rebuild";
    private static final List<String> TABLES = List.of("school_info", "campaign_info", "partner_info", "workshop_contribution",
            "reach_total", "reach_school_key", "reach_school", "projection_state", "campaign_online_target", "creator_info", "creator_post_contribution",
            "online_total", "online_creator");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ConsumerFence fence;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create() {
        execute("drop schema if exists " + SHADOW + " cascade");
        execute("create schema " + SHADOW);
        for (String table : TABLES) {
            execute("create table " + SHADOW + "." + table + " (like public." + table + " including all)");
            // "like" copies columns, keys and indexes, not the table's storage parameters (its fillfactor)
            String options = Jdbc.query(dataSource, "select array_to_string(reloptions, ', ') from pg_class where oid = cast(? as regclass)",
                    statement -> statement.setString(1, "public." + table), row -> row.getString(1)).get(0);
            if (options != null) {
                execute("alter table " + SHADOW + "." + table + " set (" + options + ")");
            }
        }
    }

    /** The projection's statements name their tables unqualified: the search path decides which they write. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeToShadowInThisTransaction() {
        execute("set local search_path to " + SHADOW + ", public");
    }

    /**
     * Readers wait only for this transaction: it locks the live tables, drops them and moves the shadow ones in. The
     * live consumer's batches, on every instance, wait at its fence (each holds it shared for its transaction), so
     * none writes to a table being replaced and none claims a version being handed over.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean swapIn(String rebuildConsumer, String liveConsumer, String runner) {
        fence.holdOff(liveConsumer);
        fence.holdOff(rebuildConsumer);
        String owner = Jdbc.first(dataSource, "select runner from rebuild_state where id = 1 and state = 'RUNNING' for update",
                Jdbc.Binder.NONE, row -> row.getString(1)).orElse(null);
        if (!runner.equals(owner)) {
            throw new IllegalStateException("this rebuild is no longer the one recorded (another instance took it over)");
        }
        if (liveAhead(rebuildConsumer, liveConsumer) > 0) {
            return false;
        }
        execute("lock table " + String.join(", ", TABLES) + " in access exclusive mode");
        for (String table : TABLES) {
            execute("drop table public." + table);
            execute("alter table " + SHADOW + "." + table + " set schema public");
        }
        execute("drop schema " + SHADOW);
        Jdbc.update(dataSource, "delete from consumed_version where consumer = ?", statement -> statement.setString(1, liveConsumer));
        Jdbc.update(dataSource, "update consumed_version set consumer = ? where consumer = ?", statement -> {
            statement.setString(1, liveConsumer);
            statement.setString(2, rebuildConsumer);
        });
        execute("update rebuild_state set state = 'DONE', finished_at = clock_timestamp(), "
                + "detail = 'projection rebuilt from the topics' where id = 1");
        // Every instance reads the swapped-in tables afresh once this commits, as after a batch.
        Jdbc.query(dataSource, "select pg_notify(?, 'swap')", statement -> statement.setString(1, ProjectionChanges.CHANNEL), row -> true);
        return true;
    }

    /**
     * Aggregates the live consumer has applied at a version the rebuild has not reached: those whose versions the
     * consumer claims, and the workshops, whose versions the projection keeps on their contributions.
     */
    private long liveAhead(String rebuildConsumer, String liveConsumer) {
        long workshops = Jdbc.count(dataSource, """
                select count(*) from public.workshop_contribution live
                where not exists (
                    select 1 from %s.workshop_contribution rebuilt
                    where rebuilt.workshop_id = live.workshop_id and rebuilt.version >= live.version)""".formatted(SHADOW),
                Jdbc.Binder.NONE);
        return workshops + Jdbc.count(dataSource, """
                select count(*) from consumed_version live
                where live.consumer = ? and not exists (
                    select 1 from consumed_version rebuilt
                    where rebuilt.consumer = ? and rebuilt.topic = live.topic and rebuilt.aggregate_id = live.aggregate_id
                      and rebuilt.version >= live.version)""", statement -> {
            statement.setString(1, liveConsumer);
            statement.setString(2, rebuildConsumer);
        });
    }

    /** A statement without parameters (DDL, mostly), on the transaction's connection. */
    private void execute(String sql) {
        Jdbc.update(dataSource, sql, Jdbc.Binder.NONE);
    }
}
