package fr.antiharcelement.school.domain.annuaire;

import java.util.List;

/**
 * Where an import keeps its valid rows between reading the file and upserting the schools, so that a national file
 * never sits in memory. It lives as long as the import's transaction; {@code persistence} implements it.
 */
public interface AnnuaireStaging {

    /**
     * Starts with no rows; called once per import, in its transaction. Imports take turns across every instance of
     * the service: this waits until no other import's transaction is open, so that two imports never upsert the same
     * school from the same version at once (two events of one version), nor insert it twice.
     */
    void open();

    void add(List<StagedRow> rows);

    /** Every row is staged: what follows reads them by UAI. */
    void ready();

    /**
     * The lines of establishments another line describes too, each with the line kept for it: per UAI the main line
     * (not an annex) is kept, else the first, as in {@link #keptRows}.
     */
    List<ImportReport.MergedLine> mergedLines();

    /** The kept line of each of the next {@code limit} establishments after {@code afterUai}, in UAI order. */
    List<StagedRow> keptRows(String afterUai, int limit);
}
