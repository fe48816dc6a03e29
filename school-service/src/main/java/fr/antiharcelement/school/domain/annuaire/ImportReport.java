package fr.antiharcelement.school.domain.annuaire;

import java.util.ArrayList;
import java.util.List;

/** What an import did: every row read is created, updated, unchanged, skipped (type filter) or rejected. */
public final class ImportReport {

    /** A row that was not imported: its line in the file, its UAI as written, and why. */
    public record RejectedRow(long line, String uai, String reason) {
    }

    /**
     * A line describing an establishment that another line of the file describes too (the annuaire's
     * multi-line establishments, typically an annex): the establishment is imported once, from {@code keptLine}.
     */
    public record MergedLine(long line, String uai, long keptLine) {
    }

    public long rowsRead;
    public long created;
    public long updated;
    public long unchanged;
    public long skipped;
    public final List<RejectedRow> rejected = new ArrayList<>();
    public final List<MergedLine> merged = new ArrayList<>();

    public long getRejectedCount() {
        return rejected.size();
    }
}
