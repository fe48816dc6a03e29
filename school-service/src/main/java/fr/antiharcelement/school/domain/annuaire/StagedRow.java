package fr.antiharcelement.school.domain.annuaire;

import fr.antiharcelement.school.domain.School;

/**
 * A valid row of an import, as staged: its UAI, its line in the file, whether it names an annex, and the school the
 * row registers if its UAI has none yet, worked out as the row is read. Registering thousands of new schools then
 * needs no reading back; an establishment that has a school takes from it what the export has no column for
 * ({@link AnnuaireRowReader#details(School, School)}).
 */
public record StagedRow(String uai, long line, boolean annex, School registration) {
}
