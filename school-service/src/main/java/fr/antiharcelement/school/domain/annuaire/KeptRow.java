package fr.antiharcelement.school.domain.annuaire;

import fr.antiharcelement.school.domain.School;

/**
 * The line kept for an establishment that has a school already: its UAI, the school the line registers as staged, and
 * the school as it is stored (read without a lock).
 */
public record KeptRow(String uai, School registration, School current) {
}
