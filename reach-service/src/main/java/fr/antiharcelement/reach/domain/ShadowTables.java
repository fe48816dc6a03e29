package fr.antiharcelement.reach.domain;

/** A copy of the projection's tables that a rebuild fills beside the live ones, then swaps in. */
public interface ShadowTables {

    /** Creates empty shadow tables, dropping any a failed rebuild left; in a transaction of its own. */
    void create();

    /** Makes the projection's writes in the current transaction go to the shadow tables. */
    void writeToShadowInThisTransaction();

    /**
     * Replaces the live tables with the shadow ones in one transaction of its own, and hands the versions
     * {@code rebuildConsumer} applied over to {@code liveConsumer}, which resumes from there.
     */
    void swapIn(String rebuildConsumer, String liveConsumer);
}
