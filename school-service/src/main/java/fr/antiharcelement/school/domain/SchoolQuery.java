package fr.antiharcelement.school.domain;

/** Filters of a school search; null means "any". {@code q} matches name and commune, ignoring case and accents. */
public record SchoolQuery(String academy, String region, String department, SchoolType type, Sector sector,
                          SchoolStatus status, String q) {
}
