package fr.antiharcelement.workshop.domain;

/**
 * A school as school-service last stated it, at {@code version}: what the replica keeps of it. {@code type} is the
 * event's school type as it is written (e.g. {@code COLLEGE}), or null if the event had none.
 */
public record SchoolState(String uai, String name, String academyCode, String status, String type, long version) {

    /** A school whose type is not known. */
    public SchoolState(String uai, String name, String academyCode, String status, long version) {
        this(uai, name, academyCode, status, null, version);
    }
}
