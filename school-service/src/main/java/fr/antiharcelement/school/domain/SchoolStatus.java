package fr.antiharcelement.school.domain;

/** Schools are closed, never deleted, so that the history of workshops held there stays explainable. */
public enum SchoolStatus {
    OPEN, CLOSED
}
