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

    /** The rejected rows listed, the first ones of the file: a wrong file rejects every row, and the report stays readable. */
    public static final int MAX_REJECTED_LISTED = 1_000;

    /** The character set the file was read in: UTF-8 unless the request declared another. */
    public String charset;
    public long rowsRead;
    public long created;
    public long updated;
    public long unchanged;
    public long skipped;
    /** The first {@link #MAX_REJECTED_LISTED} rejected rows; {@link #getRejectedCount()} counts them all. */
    public final List<RejectedRow> rejected = new ArrayList<>();
    private long rejectedCount;
    public final List<MergedLine> merged = new ArrayList<>();

    public long getRejectedCount() {
        return rejectedCount;
    }

    void reject(RejectedRow row) {
        rejectedCount++;
        if (rejected.size() < MAX_REJECTED_LISTED) {
            rejected.add(row);
        }
    }
}
