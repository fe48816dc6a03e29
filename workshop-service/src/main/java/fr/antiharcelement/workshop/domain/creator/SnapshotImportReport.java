package fr.antiharcelement.workshop.domain.creator;

import java.util.ArrayList;
import java.util.List;

/**
 * What an upload of snapshots did, row by row: each row read became its post's current figures, was kept in the
 * history only (measured before the current figures), was already there, or was rejected with its line and why.
 */
public final class SnapshotImportReport {

    public record RejectedRow(long line, String url, String reason) {
    }

    public long rowsRead;
    public long current;
    public long keptInHistory;
    public long unchanged;
    /** Posts whose current figures changed: each publishes one event, whatever its number of rows. */
    public long postsUpdated;
    public final List<RejectedRow> rejected = new ArrayList<>();

    public long getRejectedCount() {
        return rejected.size();
    }
}
