package fr.antiharcelement.reach.persistence;

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
            "reach_total", "reach_school", "projection_state");

    @Inject
    EntityManager entityManager;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create() {
        entityManager.createNativeQuery("drop schema if exists " + SHADOW + " cascade").executeUpdate();
        entityManager.createNativeQuery("create schema " + SHADOW).executeUpdate();
        for (String table : TABLES) {
            entityManager.createNativeQuery("create table " + SHADOW + "." + table + " (like public." + table + " including all)")
                    .executeUpdate();
        }
    }

    /** The projection's statements name their tables unqualified: the search path decides which they write. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeToShadowInThisTransaction() {
        entityManager.createNativeQuery("set local search_path to " + SHADOW + ", public").executeUpdate();
    }

    /** Readers wait only for this transaction: it locks the live tables, drops them and moves the shadow ones in. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void swapIn(String rebuildConsumer, String liveConsumer) {
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
    }
}
