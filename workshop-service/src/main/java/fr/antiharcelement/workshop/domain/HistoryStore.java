package fr.antiharcelement.workshop.domain;

import java.util.List;
import java.util.UUID;

/** Where the workshops' audit trails are kept. */
public interface HistoryStore {

    void append(WorkshopHistoryEntry entry);

    /** A workshop's entries, in the order they were appended. */
    List<WorkshopHistoryEntry> entriesOf(UUID workshopId);

    /** Sets every note of {@code workshopId}'s entries to none, at once; how many had one. */
    int redactNotes(UUID workshopId);
}
