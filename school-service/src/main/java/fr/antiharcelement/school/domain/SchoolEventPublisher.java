package fr.antiharcelement.school.domain;

/**
 * Tells the other services about school changes, in the change's transaction (nothing is published if it rolls back);
 * {@code events} implements it.
 */
public interface SchoolEventPublisher {

    void registered(School school);

    /** A change of {@code school}, whose status was {@code statusBefore}. */
    void changed(School school, SchoolStatus statusBefore);
}
