package fr.antiharcelement.school.domain.annuaire;

import java.util.List;

/** A valid row of an import, as staged: its UAI, its line in the file, whether it names an annex, and the fields the import reads. */
public record StagedRow(String uai, long line, boolean annex, List<String> fields) {
}
