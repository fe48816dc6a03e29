package fr.antiharcelement.school.events;

/**
 * The data of a {@code school-events} record: the whole current state of one school (see docs/asyncapi.yaml).
 * Names travel with codes so that consumers need no reference data of their own.
 */
public record SchoolEvent(String uai, String name, String type, String sector, String communeCode, String communeName,
                          String postalCode, String departmentCode, String departmentName, String academyCode,
                          String academyName, String regionCode, String regionName, String educationPriority,
                          Integer pupils, String status, long version) {
}
