package fr.antiharcelement.reach.domain;

/** The events the projection is built from, as far as the reports need to know them. */
public interface ProjectionFeed {

    /** How far behind the events the projection is, in milliseconds of event time (0 when caught up). */
    long lagMillis();
}
