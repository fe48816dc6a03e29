package fr.antiharcelement.reach.domain;

/** A copy of the projection's tables that a rebuild fills beside the live ones, then swaps in. */
public interface ShadowTables {

    /** Creates empty shadow tables, dropping any a failed rebuild left; in a transaction of its own. */
    void create();

    /** Makes the projection's writes in the current transaction go to the shadow tables. */
    void writeToShadowInThisTransaction();

    /**
     * In one transaction of its own, between two batches of the live consumer on every instance (they wait for it):
     * if {@code rebuildConsumer} has applied at least every version {@code liveConsumer} has, replaces the live
     * tables with the shadow ones, gives the live consumer the rebuild's versions, and records the rebuild of
     * {@code runner} as done; returns false, changing nothing, when the live consumer is ahead (it applied an event
     * the rebuild has not read yet: the rebuild reads on and tries again).
     *
     * @throws IllegalStateException when {@code runner}'s rebuild is no longer the one recorded
     */
    boolean swapIn(String rebuildConsumer, String liveConsumer, String runner);
}
