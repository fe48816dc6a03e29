package fr.antiharcelement.reach.domain;

/** Rebuilds the projection from the events, from the first one, while reads keep answering from the live one. */
public interface ProjectionRebuilder {

    /**
     * Returns once the rebuilt projection has replaced the live one; throws if it could not, leaving the live
     * projection as it was.
     */
    void rebuild();
}
