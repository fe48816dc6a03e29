package fr.antiharcelement.workshop.domain;

/** A school as school-service last stated it, at {@code version}: what the replica keeps of it. */
public record SchoolState(String uai, String name, String academyCode, String status, long version) {
}
