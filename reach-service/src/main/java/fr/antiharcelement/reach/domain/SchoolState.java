package fr.antiharcelement.reach.domain;

/** A school as school-events describe it: where it lies, for the région, académie and département breakdowns. */
public record SchoolState(String uai, String name, String departmentCode, String departmentName, String academyCode,
                          String academyName, String regionCode, String regionName) {
}
