package fr.antiharcelement.school.domain.annuaire;

import fr.antiharcelement.school.domain.School;

/** The line kept for an establishment that has a school already: its UAI and the school the line registers as staged. */
public record KeptRow(String uai, School registration) {
}
