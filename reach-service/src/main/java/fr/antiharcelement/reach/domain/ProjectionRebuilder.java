package fr.antiharcelement.reach.domain;

/** Rebuilds the projection from the events, from the first one, while reads keep answering from the live one. */
public interface ProjectionRebuilder {

    /**
     * Returns once the rebuilt projection has replaced the live one and the {@link RebuildLedger} says DONE, in the
     * same transaction; throws if it could not, leaving the live projection as it was. {@code runner} is this
     * instance, as the ledger knows it: a runner that lost the rebuild to another swaps nothing.
     */
    void rebuild(String runner);
}
