package fr.antiharcelement.reach.persistence;

import fr.antiharcelement.events.consumer.ConsumerFence;
import fr.antiharcelement.reach.domain.ShadowTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** The rebuild's shadow tables: a copy of the projection's tables in schema {@value #SHADOW}, swapped in when done. */
@ApplicationScoped
public class ShadowSchema implements ShadowTables {

    private static final String SHADOW = "reach_rebuild";
    private static final List<String> TABLES = List.of("school_info", "campaign_info", "partner_info", "workshop_contribution",
            "reach_total", "reach_school", "projection_state", "campaign_online_target", "creator_info", "creator_post_contribution",
            "online_total", "online_creator");

    @Inject
    EntityManager entityManager;

    @Inject
    ConsumerFence fence;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create() {
        entityManager.createNativeQuery("drop schema if exists " + SHADOW + " cascade").executeUpdate();
        entityManager.createNativeQuery("create schema " + SHADOW).executeUpdate();
        for (String table : TABLES) {
            entityManager.createNativeQuery("create table " + SHADOW + "." + table + " (like public." + table + " including all)")
                    .executeUpdate();
            // "like" copies columns, keys and indexes, not the table's storage parameters (its fillfactor)
            Object options = entityManager.createNativeQuery("select array_to_string(reloptions, ', ') from pg_class where oid = cast(?1 as regclass)")
                    .setParameter(1, "public." + table).getSingleResult();
            if (options != null) {
                entityManager.createNativeQuery("alter table " + SHADOW + "." + table + " set (" + options + ")").executeUpdate();
            }
        }
    }

    /** The projection's statements name their tables unqualified: the search path decides which they write. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeToShadowInThisTransaction() {
        entityManager.createNativeQuery("set local search_path to " + SHADOW + ", public").executeUpdate();
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
        Object owner = entityManager.createNativeQuery("select runner from rebuild_state where id = 1 and state = 'RUNNING' for update")
                .getResultStream().findFirst().orElse(null);
        if (!runner.equals(owner)) {
            throw new IllegalStateException("this rebuild is no longer the one recorded (another instance took it over)");
        }
        if (liveAhead(rebuildConsumer, liveConsumer) > 0) {
            return false;
        }
        entityManager.createNativeQuery("lock table " + String.join(", ", TABLES) + " in access exclusive mode").executeUpdate();
        for (String table : TABLES) {
            entityManager.createNativeQuery("drop table public." + table).executeUpdate();
            entityManager.createNativeQuery("alter table " + SHADOW + "." + table + " set schema public").executeUpdate();
        }
        entityManager.createNativeQuery("drop schema " + SHADOW).executeUpdate();
        entityManager.createNativeQuery("delete from consumed_version where consumer = ?1").setParameter(1, liveConsumer)
                .executeUpdate();
        entityManager.createNativeQuery("update consumed_version set consumer = ?1 where consumer = ?2")
                .setParameter(1, liveConsumer).setParameter(2, rebuildConsumer).executeUpdate();
        entityManager.createNativeQuery("update rebuild_state set state = 'DONE', finished_at = clock_timestamp(), "
                + "detail = 'projection rebuilt from the topics' where id = 1").executeUpdate();
        // Every instance reads the swapped-in tables afresh once this commits, as after a batch.
        entityManager.createNativeQuery("select pg_notify(?1, 'swap')").setParameter(1, ProjectionChanges.CHANNEL).getSingleResult();
        return true;
    }

    /**
     * Aggregates the live consumer has applied at a version the rebuild has not reached: those whose versions the
     * consumer claims, and the workshops, whose versions the projection keeps on their contributions.
     */
    private long liveAhead(String rebuildConsumer, String liveConsumer) {
        long workshops = ((Number) entityManager.createNativeQuery("""
                        select count(*) from public.workshop_contribution live
                        where not exists (
                            select 1 from %s.workshop_contribution rebuilt
                            where rebuilt.workshop_id = live.workshop_id and rebuilt.version >= live.version)""".formatted(SHADOW))
                .getSingleResult()).longValue();
        return workshops + ((Number) entityManager.createNativeQuery("""
                        select count(*) from consumed_version live
                        where live.consumer = ?1 and not exists (
                            select 1 from consumed_version rebuilt
                            where rebuilt.consumer = ?2 and rebuilt.topic = live.topic and rebuilt.aggregate_id = live.aggregate_id
                              and rebuilt.version >= live.version)""")
                .setParameter(1, liveConsumer).setParameter(2, rebuildConsumer).getSingleResult()).longValue();
    }
}
